// Leads: register (with the 撞单 check), edit, move through the stages, show a number (audited).
// Every change writes its lead_events rows and the audit record in the same transaction.
import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { can, type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import { todayInChina } from "../../platform/clock.ts";
import type { Db } from "../../platform/db.ts";
import { DomainError, forbidden, invalid } from "../../platform/errors.ts";
import type { PiiCipher } from "../../platform/pii.ts";
import { assertCampaign } from "./campaigns.service.ts";
import { type LeadStage, leads } from "./crm.schema.ts";
import { checkStageMove, reachesIntent, sourceRequirements } from "./domain/lead-rules.ts";
import { resolveOwners } from "./lead-assignment.service.ts";
import { type DuplicateMatch, findDuplicates } from "./lead-duplicates.ts";
import { addLeadEvents, hasIntentEvent, type LeadEventInput } from "./lead-events.ts";
import { sealLeadIdentifiers, wantedAmountFen } from "./lead-input.ts";
import { type LeadView, leadView, loadVisibleLead } from "./lead-view.ts";
import type { CreateLeadInput, UpdateLeadInput } from "./leads.contracts.ts";

export type LeadDeps = { db: Db; pii: PiiCipher };

/** The 409 for a number already in someone's hands, naming whose. */
export function duplicateError(match: DuplicateMatch): DomainError {
  return new DomainError({
    code: match.kind === "lead" ? "lead-duplicate-lead" : "lead-duplicate-customer",
    status: 409,
    params: { owner: match.ownerName ?? "—", name: match.name },
    fields: { [match.matchedOn[0] ?? "phone"]: "lead-duplicate" },
  });
}

export async function checkLeadDuplicates(
  deps: LeadDeps,
  ctx: RequestContext,
  input: { phone?: string; idNumber?: string; excludeLeadId?: string },
): Promise<{ duplicates: DuplicateMatch[] }> {
  requirePermission(ctx, "crm.leads");
  const errors: Record<string, string> = {};
  const sealed = sealLeadIdentifiers(
    deps.pii,
    { phone: input.phone || undefined, idNumber: input.idNumber || undefined },
    { today: todayInChina(), errors },
  );
  const duplicates = await findDuplicates(deps.db, {
    phoneIndex: sealed.phoneIndex,
    idNumberIndex: sealed.idNumberIndex,
    excludeLeadIds: input.excludeLeadId ? [input.excludeLeadId] : [],
  });
  return { duplicates };
}

export async function createLead(
  deps: LeadDeps,
  ctx: RequestContext,
  input: CreateLeadInput,
): Promise<{ lead: LeadView; duplicates: DuplicateMatch[] }> {
  requirePermission(ctx, "crm.leads");
  const errors: Record<string, string> = sourceRequirements(input);
  const sealed = sealLeadIdentifiers(deps.pii, input, { today: todayInChina(), errors });
  const wanted = wantedAmountFen(input.wantedAmount);
  if (Object.keys(errors).length) throw invalid(errors);
  const duplicates = await findDuplicates(deps.db, sealed);
  if (duplicates.length && !input.force) throw duplicateError(duplicates[0]);
  const id = await deps.db.transaction(async (tx) => {
    if (input.campaignId) await assertCampaign(tx, input.campaignId);
    const [ownerId] = await resolveOwners(tx, ctx, {
      count: 1,
      ownerId: input.ownerId,
      groupLeaderId: input.groupLeaderId,
    });
    const [row] = await tx
      .insert(leads)
      .values({
        ...sealed.values,
        name: input.name,
        source: input.source,
        referrer: input.referrer ?? null,
        campaignId: input.campaignId ?? null,
        intentLevel: input.intentLevel ?? null,
        wantedAmountFen: wanted ?? null,
        purpose: input.purpose ?? null,
        city: input.city ?? null,
        notes: input.notes ?? null,
        nextFollowUpOn: input.nextFollowUpOn ?? null,
        ownerId,
        createdBy: ctx.actor.userId,
      } as typeof leads.$inferInsert)
      .returning({ id: leads.id });
    await addLeadEvents(tx, ctx, [{ leadId: row.id, kind: "created", toValue: input.source, ownerId }]);
    const view = await leadView(tx, row.id);
    await recordAudit(tx, ctx, {
      action: duplicates.length ? "lead.created-despite-duplicate" : "lead.created",
      entityType: "lead",
      entityId: row.id,
      after: { ...view, duplicates: duplicates.map((d) => ({ kind: d.kind, id: d.id, ownerId: d.ownerId })) },
    });
    return row.id;
  });
  return { lead: await leadView(deps.db, id), duplicates };
}

const PLAIN_FIELDS = ["name", "source", "referrer", "campaignId", "purpose", "city", "notes"] as const;

export async function updateLead(
  deps: LeadDeps,
  ctx: RequestContext,
  id: string,
  input: UpdateLeadInput,
): Promise<LeadView> {
  requirePermission(ctx, "crm.leads");
  await deps.db.transaction(async (tx) => {
    const current = await loadVisibleLead(tx, ctx, id, { lock: true });
    const errors: Record<string, string> = {};
    const sealed = sealLeadIdentifiers(deps.pii, input, { today: todayInChina(), errors });
    Object.assign(
      errors,
      sourceRequirements({
        source: input.source ?? current.source,
        referrer: input.referrer === undefined ? current.referrer : input.referrer,
        campaignId: input.campaignId === undefined ? current.campaignId : input.campaignId,
      }),
    );
    if (Object.keys(errors).length) throw invalid(errors);
    if (input.campaignId) await assertCampaign(tx, input.campaignId);
    // A changed number must not be someone else's already; merging is the way to join two records.
    const changedKeys = {
      phoneIndex: sealed.phoneIndex && sealed.phoneIndex !== current.phoneIndex ? sealed.phoneIndex : null,
      idNumberIndex:
        sealed.idNumberIndex && sealed.idNumberIndex !== current.idNumberIndex ? sealed.idNumberIndex : null,
    };
    const duplicates = await findDuplicates(tx, { ...changedKeys, excludeLeadIds: [id] });
    if (duplicates.length) throw duplicateError(duplicates[0]);

    // Re-typing the same number re-seals it for nothing; only a different number is a change.
    const phoneChanged = input.phone !== undefined && sealed.phoneIndex !== current.phoneIndex;
    const idChanged = input.idNumber !== undefined && sealed.idNumberIndex !== current.idNumberIndex;
    const identifiers = Object.entries(sealed.values).filter(
      ([key]) => (key.startsWith("phone") && phoneChanged) || (key.startsWith("idNumber") && idChanged),
    );
    const patch: Partial<typeof leads.$inferInsert> = {
      ...Object.fromEntries(identifiers),
      updatedAt: new Date(),
    };
    const changed: string[] = [...(phoneChanged ? ["phone"] : []), ...(idChanged ? ["idNumber"] : [])];
    for (const key of PLAIN_FIELDS)
      if (input[key] !== undefined && input[key] !== current[key]) {
        Object.assign(patch, { [key]: input[key] });
        changed.push(key);
      }
    const wanted = wantedAmountFen(input.wantedAmount);
    if (
      wanted !== undefined &&
      wanted !== (current.wantedAmountFen === null ? null : Number(current.wantedAmountFen))
    ) {
      patch.wantedAmountFen = wanted;
      changed.push("wantedAmount");
    }
    const events: LeadEventInput[] = [];
    const owner = current.ownerId;
    if (input.intentLevel !== undefined && input.intentLevel !== current.intentLevel) {
      patch.intentLevel = input.intentLevel;
      events.push({
        leadId: id,
        kind: "intent-level",
        fromValue: current.intentLevel,
        toValue: input.intentLevel,
        ownerId: owner,
      });
    }
    if (input.nextFollowUpOn !== undefined && input.nextFollowUpOn !== current.nextFollowUpOn) {
      patch.nextFollowUpOn = input.nextFollowUpOn;
      events.push({
        leadId: id,
        kind: "follow-up",
        fromValue: current.nextFollowUpOn,
        toValue: input.nextFollowUpOn,
        ownerId: owner,
      });
    }
    if (input.doNotCall !== undefined && input.doNotCall !== current.doNotCall) {
      patch.doNotCall = input.doNotCall;
      events.push({
        leadId: id,
        kind: "do-not-call",
        fromValue: String(current.doNotCall),
        toValue: String(input.doNotCall),
        ownerId: owner,
      });
    }
    if (changed.length) events.push({ leadId: id, kind: "updated", ownerId: owner, note: changed.join(",") });
    if (events.length === 0) return;
    const before = await leadView(tx, id);
    await tx.update(leads).set(patch).where(eq(leads.id, id));
    await addLeadEvents(tx, ctx, events);
    await recordAudit(tx, ctx, {
      action: "lead.updated",
      entityType: "lead",
      entityId: id,
      before,
      after: await leadView(tx, id),
    });
  });
  return leadView(deps.db, id);
}

/** A move by hand (the kanban, the stage menu); 无效 needs a reason code. */
export async function moveLeadStage(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { stage: LeadStage; invalidReason?: string; note?: string | null },
): Promise<LeadView> {
  requirePermission(ctx, "crm.leads");
  await db.transaction(async (tx) => {
    const lead = await loadVisibleLead(tx, ctx, id, { lock: true });
    const move = checkStageMove(lead.stage, input.stage);
    if (!move.ok)
      throw new DomainError({ code: move.code, status: 409, params: { from: lead.stage, to: input.stage } });
    if (input.stage === "invalid" && !input.invalidReason) throw invalid({ invalidReason: "required" });
    await tx
      .update(leads)
      .set({
        stage: input.stage,
        invalidReason: input.stage === "invalid" ? (input.invalidReason ?? null) : null,
        stageChangedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(leads.id, id));
    const events: LeadEventInput[] = [
      {
        leadId: id,
        kind: "stage",
        fromValue: lead.stage,
        toValue: input.stage,
        ownerId: lead.ownerId,
        note: [input.invalidReason, input.note].filter(Boolean).join(" · ") || null,
      },
    ];
    if (reachesIntent(input.stage) && !(await hasIntentEvent(tx, id)))
      events.push({ leadId: id, kind: "intent", toValue: input.stage, ownerId: lead.ownerId });
    await addLeadEvents(tx, ctx, events);
    await recordAudit(tx, ctx, {
      action: "lead.stage-changed",
      entityType: "lead",
      entityId: id,
      before: { stage: lead.stage },
      after: { stage: input.stage, invalidReason: input.invalidReason ?? null, note: input.note ?? null },
    });
  });
  return leadView(db, id);
}

/**
 * A lead's number in clear, audited. The phone is for whoever works the lead (its owner) or may
 * unmask personal data; the ID number only for the latter.
 */
export async function revealLeadPii(
  deps: LeadDeps,
  ctx: RequestContext,
  input: { leadId: string; field: "phone" | "idNumber" },
): Promise<{ field: string; value: string | null }> {
  requirePermission(ctx, "crm.leads");
  return deps.db.transaction(async (tx) => {
    const lead = await loadVisibleLead(tx, ctx, input.leadId);
    const mayUnmask = can(ctx.actor, "pii.unmask");
    if (!mayUnmask && !(input.field === "phone" && lead.ownerId === ctx.actor.userId)) throw forbidden();
    const sealed = input.field === "phone" ? lead.phoneEnc : lead.idNumberEnc;
    const value = sealed ? deps.pii.decrypt(sealed) : null;
    await recordAudit(tx, ctx, {
      action: "lead.pii-revealed",
      entityType: "lead",
      entityId: lead.id,
      after: { field: input.field },
    });
    return { field: input.field, value };
  });
}
