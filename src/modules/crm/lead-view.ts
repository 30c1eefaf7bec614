// A lead as the API shows it (personal data masked, money as a decimal string), the one query that
// reads leads with their owner and campaign names, and the access check every lead use-case starts
// with: a lead is visible when its owner is in the caller's data scope (scope.ts).
import { and, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { RequestContext } from "../../platform/auth/actor.ts";
import { visibleUserIds } from "../../platform/auth/scope.ts";
import type { Queryable } from "../../platform/db.ts";
import { notFound } from "../../platform/errors.ts";
import { formatAmount } from "../../platform/money.ts";
import { users } from "../identity/identity.schema.ts";
import { campaigns, leads } from "./crm.schema.ts";

export type LeadRow = typeof leads.$inferSelect;

export type LeadView = {
  id: string;
  name: string;
  phone: string;
  idNumber: string | null;
  source: LeadRow["source"];
  referrer: string | null;
  campaignId: string | null;
  campaignName: string | null;
  stage: LeadRow["stage"];
  invalidReason: string | null;
  intentLevel: LeadRow["intentLevel"];
  ownerId: string | null;
  ownerName: string | null;
  wantedAmount: string | null;
  purpose: string | null;
  city: string | null;
  notes: string | null;
  nextFollowUpOn: string | null;
  lastContactAt: string | null;
  doNotCall: boolean;
  customerId: string | null;
  applicationId: string | null;
  stageChangedAt: string;
  createdAt: string;
  updatedAt: string;
};

export function toLeadView(
  lead: LeadRow,
  names: { ownerName: string | null; campaignName: string | null },
): LeadView {
  return {
    id: lead.id,
    name: lead.name,
    phone: lead.phoneMasked,
    idNumber: lead.idNumberMasked,
    source: lead.source,
    referrer: lead.referrer,
    campaignId: lead.campaignId,
    campaignName: names.campaignName,
    stage: lead.stage,
    invalidReason: lead.invalidReason,
    intentLevel: lead.intentLevel,
    ownerId: lead.ownerId,
    ownerName: names.ownerName,
    wantedAmount: lead.wantedAmountFen === null ? null : formatAmount(Number(lead.wantedAmountFen)),
    purpose: lead.purpose,
    city: lead.city,
    notes: lead.notes,
    nextFollowUpOn: lead.nextFollowUpOn,
    lastContactAt: lead.lastContactAt?.toISOString() ?? null,
    doNotCall: lead.doNotCall,
    customerId: lead.customerId,
    applicationId: lead.applicationId,
    stageChangedAt: lead.stageChangedAt.toISOString(),
    createdAt: lead.createdAt.toISOString(),
    updatedAt: lead.updatedAt.toISOString(),
  };
}

export function selectLeadRows(db: Queryable, where: SQL | undefined) {
  return db
    .select({ lead: leads, ownerName: users.displayName, campaignName: campaigns.name })
    .from(leads)
    .leftJoin(users, eq(users.id, leads.ownerId))
    .leftJoin(campaigns, eq(campaigns.id, leads.campaignId))
    .where(where);
}

export async function leadView(db: Queryable, id: string): Promise<LeadView> {
  const [row] = await selectLeadRows(db, eq(leads.id, id));
  if (!row) throw notFound("lead");
  return toLeadView(row.lead, row);
}

/** The condition limiting leads to the caller's scope; undefined for no limit. Leads nobody owns are for `all` only. */
export async function scopeCondition(db: Queryable, ctx: RequestContext): Promise<SQL | undefined> {
  const visible = await visibleUserIds(db, ctx.actor);
  if (visible === null) return undefined;
  return inArray(leads.ownerId, visible.length ? visible : ["00000000-0000-0000-0000-000000000000"]);
}

/** The lead if the caller may see it (and it was not merged away), else 404; `lock` for updates. */
export async function loadVisibleLead(
  db: Queryable,
  ctx: RequestContext,
  id: string,
  options: { lock?: boolean; includeMerged?: boolean } = {},
): Promise<LeadRow> {
  const conditions = [eq(leads.id, id), await scopeCondition(db, ctx)];
  if (!options.includeMerged) conditions.push(isNull(leads.mergedInto));
  const query = db
    .select()
    .from(leads)
    .where(and(...conditions));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound("lead");
  return row;
}
