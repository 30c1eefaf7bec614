// Merging two records of one person (撞单 found after the fact): the survivor keeps its own history
// and takes the other's calls and events; blank fields are filled from the other; the other is kept,
// marked merged, and hidden from every list. Audited with both records as they were.
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db } from "../../platform/db.ts";
import { conflict, invalid } from "../../platform/errors.ts";
import { calls, leadEvents, leads } from "./crm.schema.ts";
import { addLeadEvents } from "./lead-events.ts";
import { type LeadRow, type LeadView, leadView, loadVisibleLead } from "./lead-view.ts";

// Fields the survivor takes from the other only where it has none of its own.
const FILL_FIELDS = [
  "idNumberEnc",
  "idNumberIndex",
  "idNumberMasked",
  "referrer",
  "campaignId",
  "intentLevel",
  "wantedAmountFen",
  "purpose",
  "city",
  "nextFollowUpOn",
  "lastContactAt",
  "customerId",
  "applicationId",
] as const satisfies readonly (keyof LeadRow)[];

export async function mergeLeads(
  db: Db,
  ctx: RequestContext,
  input: { survivorId: string; otherId: string },
): Promise<LeadView> {
  requirePermission(ctx, "crm.leads");
  if (input.survivorId === input.otherId) throw invalid({ otherId: "merge-same-lead" });
  await db.transaction(async (tx) => {
    // Locked in id order, so two merges of the same pair the other way round cannot deadlock.
    const [firstId, secondId] = [input.survivorId, input.otherId].sort();
    const first = await loadVisibleLead(tx, ctx, firstId, { lock: true });
    const second = await loadVisibleLead(tx, ctx, secondId, { lock: true });
    const survivor = first.id === input.survivorId ? first : second;
    const other = survivor === first ? second : first;
    if (survivor.customerId && other.customerId && survivor.customerId !== other.customerId)
      throw conflict("merge-both-converted");
    if (survivor.idNumberIndex && other.idNumberIndex && survivor.idNumberIndex !== other.idNumberIndex)
      throw conflict("merge-different-id-numbers");

    const patch: Partial<typeof leads.$inferInsert> = { updatedAt: new Date() };
    const filled: string[] = [];
    for (const key of FILL_FIELDS)
      if (survivor[key] === null && other[key] !== null) {
        Object.assign(patch, { [key]: other[key] });
        filled.push(key);
      }
    if (other.notes && other.notes !== survivor.notes)
      patch.notes = [survivor.notes, `[${other.name}] ${other.notes}`].filter(Boolean).join("\n");
    if (other.doNotCall && !survivor.doNotCall) patch.doNotCall = true;

    const before = { survivor: await leadView(tx, survivor.id), other: await leadView(tx, other.id) };
    await tx.update(leads).set(patch).where(eq(leads.id, survivor.id));
    const moved = await tx
      .update(calls)
      .set({ leadId: survivor.id })
      .where(eq(calls.leadId, other.id))
      .returning({ id: calls.id });
    await tx.update(leadEvents).set({ leadId: survivor.id }).where(eq(leadEvents.leadId, other.id));
    // Records merged into the other earlier now point at the survivor, so no chain is left behind.
    await tx.execute(sql`update crm_leads set merged_into = ${survivor.id} where merged_into = ${other.id}`);
    await tx
      .update(leads)
      .set({ mergedInto: survivor.id, updatedAt: new Date() })
      .where(eq(leads.id, other.id));
    await addLeadEvents(tx, ctx, [
      {
        leadId: survivor.id,
        kind: "merged",
        fromValue: other.id,
        toValue: survivor.id,
        ownerId: survivor.ownerId,
        note: other.name,
      },
    ]);
    await recordAudit(tx, ctx, {
      action: "lead.merged",
      entityType: "lead",
      entityId: survivor.id,
      before,
      after: { mergedLeadId: other.id, filled, callsMoved: moved.length },
    });
  });
  return leadView(db, input.survivorId);
}
