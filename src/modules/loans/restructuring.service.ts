// 展期/重组 (DOMAIN.md §4): a loan-admin proposes new terms, risk co-signs, the committee votes (the
// origination committee's members and rule; the proposer never co-signs or votes), and the vote
// that approves applies it (restructuring-apply.ts). One proposal in flight per loan, and none while
// a write-off waits. Every step locks the loan and writes its audit record last.
import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable, Tx } from "../../platform/db.ts";
import { conflict, DomainError } from "../../platform/errors.ts";
import { type CommitteeRule, committeeOutcome } from "../origination/domain/committee.ts";
import { getSetting } from "../settings/settings.service.ts";
import { getBusinessDate } from "./business-date.ts";
import { loadVisibleLoan } from "./loan-queries.service.ts";
import { lockLoan, openActiveLoan } from "./loan-state.ts";
import { applyRestructuring } from "./restructuring-apply.ts";
import {
  assertPenaltyRate,
  newPenaltyRate,
  previewView,
  type RestructuringPreview,
  restructuringPlanFor,
  type TermsInput,
} from "./restructuring-preview.ts";
import {
  loadRestructuring,
  type RestructuringRow,
  restructuringView,
  votesFor,
} from "./restructuring-queries.ts";
import { loanRestructurings, loanWriteOffs, restructuringVotes } from "./workout.schema.ts";

type Decision = { decision: "approve" | "reject"; comment?: string | null };

export async function assertNothingPending(db: Queryable, loanId: string): Promise<void> {
  const [restructuring] = await db
    .select({ id: loanRestructurings.id })
    .from(loanRestructurings)
    .where(
      and(
        eq(loanRestructurings.loanId, loanId),
        inArray(loanRestructurings.status, ["pending-cosign", "pending-committee"]),
      ),
    );
  if (restructuring) throw conflict("restructuring-pending");
  const [writeOff] = await db
    .select({ id: loanWriteOffs.id })
    .from(loanWriteOffs)
    .where(and(eq(loanWriteOffs.loanId, loanId), eq(loanWriteOffs.status, "pending")));
  if (writeOff) throw conflict("write-off-pending");
}

class Rollback {
  constructor(readonly value: unknown) {}
}

/**
 * The preview is what the proposal would be: the loan brought up to the business date first (penalty,
 * recognition), in a transaction that is then rolled back so that looking changes nothing.
 */
export async function previewRestructuring(db: Db, ctx: RequestContext, loanId: string, terms: TermsInput) {
  await loadVisibleLoan(db, ctx, loanId);
  try {
    await db.transaction(async (tx) => {
      const { loan, rows, businessDate } = await openActiveLoan(tx, ctx, loanId, await getBusinessDate(tx));
      await assertPenaltyRate(tx, terms, businessDate);
      const planned = await restructuringPlanFor(tx, { loan, rows, businessDate, terms });
      throw new Rollback(previewView(loan, rows, businessDate, terms, planned));
    });
  } catch (error) {
    if (error instanceof Rollback) return error.value as RestructuringPreview;
    throw error;
  }
  throw new Error("unreachable: the preview transaction always rolls back");
}

export async function proposeRestructuring(
  db: Db,
  ctx: RequestContext,
  loanId: string,
  input: TermsInput & { reason: string },
) {
  requirePermission(ctx, "collections.work");
  await loadVisibleLoan(db, ctx, loanId);
  const { reason, ...terms } = input;
  return db.transaction(async (tx) => {
    const { loan, rows, businessDate } = await openActiveLoan(tx, ctx, loanId, await getBusinessDate(tx));
    await assertNothingPending(tx, loanId);
    await assertPenaltyRate(tx, terms, businessDate);
    const planned = await restructuringPlanFor(tx, { loan, rows, businessDate, terms });
    if (planned.aprAboveCap)
      throw new DomainError({
        code: "apr-above-cap",
        status: 409,
        params: { apr: planned.apr, cap: planned.aprCap },
        fields: { annualRate: "apr-exceeds-cap" },
      });
    const proposal = previewView(loan, rows, businessDate, terms, planned);
    const [row] = await tx
      .insert(loanRestructurings)
      .values({
        loanId,
        termMonths: planned.plan.termMonths,
        extensionMonths: planned.plan.extensionMonths,
        annualRate: terms.annualRate,
        method: terms.method,
        capitaliseArrears: terms.capitaliseArrears,
        reason,
        proposal,
        proposedBy: ctx.actor.userId,
        proposedByName: ctx.actor.displayName,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "loan.restructuring-proposed",
      entityType: "loan",
      entityId: loanId,
      after: {
        restructuringId: row.id,
        ...terms,
        penaltyRate: { from: loan.penaltyRate, to: newPenaltyRate(loan, terms) },
        termMonths: row.termMonths,
        reason,
      },
    });
    return restructuringView(row, []);
  });
}

async function lockPending(tx: Tx, loanId: string, id: string, expected: RestructuringRow["status"]) {
  await lockLoan(tx, loanId);
  const row = await loadRestructuring(tx, loanId, id);
  if (row.status !== expected) throw conflict("restructuring-wrong-status", { status: row.status });
  return row;
}

async function setStatus(tx: Tx, row: RestructuringRow, patch: Partial<RestructuringRow>) {
  const [updated] = await tx
    .update(loanRestructurings)
    .set(patch)
    .where(and(eq(loanRestructurings.loanId, row.loanId), eq(loanRestructurings.id, row.id)))
    .returning();
  return updated;
}

export async function withdrawRestructuring(db: Db, ctx: RequestContext, loanId: string, id: string) {
  requirePermission(ctx, "collections.work");
  await loadVisibleLoan(db, ctx, loanId);
  return db.transaction(async (tx) => {
    await lockLoan(tx, loanId);
    const row = await loadRestructuring(tx, loanId, id);
    if (row.status !== "pending-cosign" && row.status !== "pending-committee")
      throw conflict("restructuring-wrong-status", { status: row.status });
    if (row.proposedBy !== ctx.actor.userId) throw new DomainError({ code: "not-proposer", status: 403 });
    const updated = await setStatus(tx, row, { status: "withdrawn", decidedAt: new Date() });
    await recordAudit(tx, ctx, {
      action: "loan.restructuring-withdrawn",
      entityType: "loan",
      entityId: loanId,
      after: { restructuringId: id },
    });
    return restructuringView(updated, (await votesFor(tx, loanId, [id])).get(id) ?? []);
  });
}

/** 会签: someone holding a co-signing role (default risk), never the proposer. */
export async function cosignRestructuring(
  db: Db,
  ctx: RequestContext,
  loanId: string,
  id: string,
  input: Decision,
) {
  requirePermission(ctx, "collections.work");
  await loadVisibleLoan(db, ctx, loanId);
  return db.transaction(async (tx) => {
    const row = await lockPending(tx, loanId, id, "pending-cosign");
    const roles = (await getSetting(tx, "restructuring.cosign-roles", await getBusinessDate(tx))) as string[];
    if (!roles.some((r) => ctx.actor.roles.includes(r)))
      throw new DomainError({ code: "not-cosigner", status: 403 });
    if (row.proposedBy === ctx.actor.userId) throw conflict("restructuring-own-proposal");
    const approve = input.decision === "approve";
    const updated = await setStatus(tx, row, {
      status: approve ? "pending-committee" : "rejected",
      cosignedBy: ctx.actor.userId,
      cosignedByName: ctx.actor.displayName,
      cosignedAt: new Date(),
      cosignComment: input.comment ?? null,
      ...(approve ? {} : { decidedAt: new Date() }),
    });
    await recordAudit(tx, ctx, {
      action: approve ? "loan.restructuring-cosigned" : "loan.restructuring-rejected",
      entityType: "loan",
      entityId: loanId,
      after: {
        restructuringId: id,
        decision: input.decision,
        comment: input.comment ?? null,
        step: "cosign",
      },
    });
    return restructuringView(updated, []);
  });
}

/** The committee's vote; the vote that approves applies the restructuring in the same transaction. */
export async function voteOnRestructuring(
  db: Db,
  ctx: RequestContext,
  loanId: string,
  id: string,
  input: Decision,
) {
  requirePermission(ctx, "applications.vote");
  await loadVisibleLoan(db, ctx, loanId);
  return db.transaction(async (tx) => {
    const row = await lockPending(tx, loanId, id, "pending-committee");
    if (row.proposedBy === ctx.actor.userId) throw conflict("restructuring-own-proposal");
    const today = await getBusinessDate(tx);
    const memberRoles = (await getSetting(tx, "origination.committee-roles", today)) as string[];
    const rule = (await getSetting(tx, "origination.committee-rule", today)) as CommitteeRule;
    const seat = memberRoles.find((r) => ctx.actor.roles.includes(r));
    if (!seat) throw new DomainError({ code: "not-committee-member", status: 403 });
    const existing = (await votesFor(tx, loanId, [id])).get(id) ?? [];
    if (existing.some((v) => v.voterId === ctx.actor.userId)) throw conflict("already-voted");
    if (existing.some((v) => v.seat === seat)) throw conflict("seat-already-voted", { role: seat });
    await tx.insert(restructuringVotes).values({
      loanId,
      restructuringId: id,
      voterId: ctx.actor.userId as string,
      voterName: ctx.actor.displayName,
      seat,
      decision: input.decision,
      comment: input.comment ?? null,
    });
    const outcome = committeeOutcome({
      votes: [...existing.map((v) => v.decision), input.decision],
      members: memberRoles.length,
      rule,
    });
    let updated = row;
    let applied = null;
    if (outcome === "rejected")
      updated = await setStatus(tx, row, { status: "rejected", decidedAt: new Date() });
    if (outcome === "approved") {
      const { loan, rows, businessDate } = await openActiveLoan(tx, ctx, loanId, today);
      const terms = (row.proposal as { input: TermsInput }).input;
      applied = await applyRestructuring(tx, ctx, { loan, rows, businessDate, restructuringId: id, terms });
      const { plan } = applied.planned;
      updated = await setStatus(tx, row, {
        status: "applied",
        decidedAt: new Date(),
        appliedOn: businessDate,
        fromVersion: applied.fromVersion,
        toVersion: applied.toVersion,
        termMonths: plan.termMonths,
        extensionMonths: plan.extensionMonths,
        journalEntryId: applied.journalEntryId,
        result: previewView(loan, rows, businessDate, terms, applied.planned),
      });
    }
    await recordAudit(tx, ctx, {
      action: outcome === "approved" ? "loan.restructuring-applied" : "loan.restructuring-vote",
      entityType: "loan",
      entityId: loanId,
      after: {
        restructuringId: id,
        decision: input.decision,
        seat,
        outcome,
        ...(applied
          ? {
              fromVersion: applied.fromVersion,
              toVersion: applied.toVersion,
              principal: applied.planned.plan.newPrincipal,
              capitalised: applied.planned.plan.capitalised.total,
              penaltyRate: applied.penaltyRate,
              journalEntryId: applied.journalEntryId,
            }
          : {}),
      },
    });
    const votes = (await votesFor(tx, loanId, [id])).get(id) ?? [];
    return { ...restructuringView(updated, votes), outcome };
  });
}
