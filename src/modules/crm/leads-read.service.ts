// Reading leads: the list (table and kanban, with counts per stage for the columns) and one lead with
// its timeline — the lead's events and its calls in one stream, newest first.
import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lt, lte, or, type SQL } from "drizzle-orm";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import { visibleUserIds } from "../../platform/auth/scope.ts";
import { todayInChina } from "../../platform/clock.ts";
import type { Queryable } from "../../platform/db.ts";
import { normalizeMobile } from "../customers/domain/identifiers.ts";
import { users } from "../identity/identity.schema.ts";
import { callOutcomes, calls, type LeadStage, leadEvents, leads } from "./crm.schema.ts";
import { OPEN_STAGES } from "./domain/lead-rules.ts";
import {
  type DuplicateMatch,
  findDuplicates,
  idIndexOf,
  markVisible,
  phoneIndexOf,
} from "./lead-duplicates.ts";
import { type LeadView, loadVisibleLead, scopeCondition, selectLeadRows, toLeadView } from "./lead-view.ts";
import type { ListLeadsQuery } from "./leads.contracts.ts";
import type { LeadDeps } from "./leads.service.ts";

export type LeadList = { items: LeadView[]; total: number; counts: Partial<Record<LeadStage, number>> };

function searchCondition(deps: LeadDeps, q: string): SQL {
  const phone = normalizeMobile(q);
  if (phone) return eq(leads.phoneIndex, phoneIndexOf(deps.pii, phone));
  const upper = q.toUpperCase();
  if (/^\d{17}[\dX]$/.test(upper)) return eq(leads.idNumberIndex, idIndexOf(deps.pii, upper));
  const pattern = `%${q.replace(/[%_\\]/g, "\\$&")}%`;
  return or(ilike(leads.name, pattern), ilike(leads.city, pattern)) as SQL;
}

const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function followUpCondition(filter: NonNullable<ListLeadsQuery["followUp"]>, today: string): SQL | undefined {
  const open = inArray(leads.stage, [...OPEN_STAGES]);
  switch (filter) {
    case "overdue":
      return and(open, lt(leads.nextFollowUpOn, today));
    case "today":
      return and(open, eq(leads.nextFollowUpOn, today));
    case "week":
      return and(open, gte(leads.nextFollowUpOn, today), lte(leads.nextFollowUpOn, plusDays(today, 6)));
    case "none":
      return and(open, isNull(leads.nextFollowUpOn));
  }
}

export async function listLeads(
  deps: LeadDeps,
  ctx: RequestContext,
  query: ListLeadsQuery,
): Promise<LeadList> {
  requirePermission(ctx, "crm.leads");
  const { db } = deps;
  const base: (SQL | undefined)[] = [await scopeCondition(db, ctx), isNull(leads.mergedInto)];
  if (query.q) base.push(searchCondition(deps, query.q));
  if (query.intentLevel?.length) base.push(inArray(leads.intentLevel, query.intentLevel));
  if (query.source?.length) base.push(inArray(leads.source, query.source));
  if (query.ownerId) base.push(eq(leads.ownerId, query.ownerId));
  if (query.campaignId) base.push(eq(leads.campaignId, query.campaignId));
  if (query.followUp) base.push(followUpCondition(query.followUp, todayInChina()));
  const withStage = [...base, query.stage?.length ? inArray(leads.stage, query.stage) : undefined];
  const where = and(...withStage);
  const [{ total }] = await db.select({ total: count() }).from(leads).where(where);
  const order = query.followUp
    ? [asc(leads.nextFollowUpOn), desc(leads.createdAt), asc(leads.id)]
    : [desc(leads.createdAt), asc(leads.id)];
  const rows = await selectLeadRows(db, where)
    .orderBy(...order)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const byStage = await db
    .select({ stage: leads.stage, n: count() })
    .from(leads)
    .where(and(...base))
    .groupBy(leads.stage);
  return {
    total,
    items: rows.map((r) => toLeadView(r.lead, r)),
    counts: Object.fromEntries(byStage.map((r) => [r.stage, r.n])),
  };
}

export type TimelineItem = {
  id: string;
  kind: string;
  at: string;
  actorName: string | null;
  fromValue: string | null;
  toValue: string | null;
  note: string | null;
  call?: {
    outcomeCode: string | null;
    outcomeZh: string | null;
    outcomeEn: string | null;
    direction: string;
    talkSeconds: number;
    connected: boolean;
    effective: boolean;
    nextStep: string | null;
    recordingUrl: string | null;
    imported: boolean;
  };
};

export type LeadDetail = LeadView & {
  timeline: TimelineItem[];
  callCount: number;
  duplicates: DuplicateMatch[];
  mergedFrom: { id: string; name: string }[];
};

async function userNames(db: Queryable, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function getLeadDetail(deps: LeadDeps, ctx: RequestContext, id: string): Promise<LeadDetail> {
  requirePermission(ctx, "crm.leads");
  const { db } = deps;
  const lead = await loadVisibleLead(db, ctx, id);
  const [[row], events, callRows, [{ n: callCount }], mergedFrom, duplicates] = await Promise.all([
    selectLeadRows(db, eq(leads.id, id)),
    db.select().from(leadEvents).where(eq(leadEvents.leadId, id)).orderBy(desc(leadEvents.at)).limit(300),
    db
      .select({
        call: calls,
        outcomeZh: callOutcomes.nameZh,
        outcomeEn: callOutcomes.nameEn,
        agentName: users.displayName,
      })
      .from(calls)
      .leftJoin(callOutcomes, eq(callOutcomes.code, calls.outcomeCode))
      .leftJoin(users, eq(users.id, calls.agentId))
      .where(eq(calls.leadId, id))
      .orderBy(desc(calls.startedAt))
      .limit(200),
    db.select({ n: count() }).from(calls).where(eq(calls.leadId, id)),
    db.select({ id: leads.id, name: leads.name }).from(leads).where(eq(leads.mergedInto, id)),
    findDuplicates(db, {
      phoneIndex: lead.phoneIndex,
      idNumberIndex: lead.idNumberIndex,
      excludeLeadIds: [id],
    }),
  ]);
  const names = await userNames(
    db,
    events.filter((e) => e.kind === "assigned").flatMap((e) => [e.fromValue, e.toValue]),
  );
  const timeline: TimelineItem[] = [
    ...events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at.toISOString(),
      actorName: e.actorName,
      fromValue: e.kind === "assigned" && e.fromValue ? (names.get(e.fromValue) ?? e.fromValue) : e.fromValue,
      toValue: e.kind === "assigned" && e.toValue ? (names.get(e.toValue) ?? e.toValue) : e.toValue,
      note: e.note,
    })),
    ...callRows.map(({ call, outcomeZh, outcomeEn, agentName }) => ({
      id: call.id,
      kind: "call",
      at: call.startedAt.toISOString(),
      actorName: agentName,
      fromValue: null,
      toValue: null,
      note: call.note,
      call: {
        outcomeCode: call.outcomeCode,
        outcomeZh,
        outcomeEn,
        direction: call.direction,
        talkSeconds: call.talkSeconds,
        connected: call.connected,
        effective: call.effective,
        nextStep: call.nextStep,
        recordingUrl: call.recordingUrl,
        imported: call.importId !== null,
      },
    })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const visible = await visibleUserIds(db, ctx.actor);
  return {
    ...toLeadView(row.lead, row),
    timeline,
    callCount,
    duplicates: markVisible(duplicates, visible),
    mergedFrom,
  };
}
