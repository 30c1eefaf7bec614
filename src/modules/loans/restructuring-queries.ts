// Reading restructurings: a loan's proposals with their co-signature and votes, one proposal with the
// schedule it replaced (once applied) or a fresh preview (while pending), and the schedule versions.
import { and, asc, desc, eq, gt, inArray } from "drizzle-orm";
import type { RequestContext } from "../../platform/auth/actor.ts";
import type { Queryable } from "../../platform/db.ts";
import { notFound } from "../../platform/errors.ts";
import { formatAmount } from "../../platform/money.ts";
import { getSetting } from "../settings/settings.service.ts";
import { getBusinessDate } from "./business-date.ts";
import { loadVisibleLoan } from "./loan-queries.service.ts";
import { loadInstallments } from "./loan-state.ts";
import { previewView, restructuringPlanFor, type TermsInput } from "./restructuring-preview.ts";
import { installmentHistory, loanRestructurings, restructuringVotes } from "./workout.schema.ts";

export type RestructuringRow = typeof loanRestructurings.$inferSelect;
type VoteRow = typeof restructuringVotes.$inferSelect;

/** True when a restructuring was applied to the loan after `at` (a payment before it rests on an old schedule). */
export async function restructuredSince(db: Queryable, loanId: string, at: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: loanRestructurings.id })
    .from(loanRestructurings)
    .where(
      and(
        eq(loanRestructurings.loanId, loanId),
        eq(loanRestructurings.status, "applied"),
        gt(loanRestructurings.decidedAt, at),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function votesFor(
  db: Queryable,
  loanId: string,
  ids: string[],
): Promise<Map<string, VoteRow[]>> {
  const byId = new Map<string, VoteRow[]>();
  if (ids.length === 0) return byId;
  const rows = await db
    .select()
    .from(restructuringVotes)
    .where(and(eq(restructuringVotes.loanId, loanId), inArray(restructuringVotes.restructuringId, ids)))
    .orderBy(asc(restructuringVotes.at));
  for (const v of rows) byId.set(v.restructuringId, [...(byId.get(v.restructuringId) ?? []), v]);
  return byId;
}

type StoredProposal = {
  input: TermsInput;
  current?: { penaltyRate?: string };
  proposed?: { penaltyRate?: string };
};

/** 罚息年利率 old → new as proposed; null when the proposal keeps (or restates) the penalty rate. */
function penaltyChange(r: RestructuringRow): { from: string; to: string } | null {
  const p = r.proposal as StoredProposal;
  if (p.input.penaltyRate === undefined || !p.current?.penaltyRate || !p.proposed?.penaltyRate) return null;
  if (p.current.penaltyRate === p.proposed.penaltyRate) return null;
  return { from: p.current.penaltyRate, to: p.proposed.penaltyRate };
}

export function restructuringView(r: RestructuringRow, votes: readonly VoteRow[]) {
  return {
    id: r.id,
    loanId: r.loanId,
    status: r.status,
    termMonths: r.termMonths,
    extensionMonths: r.extensionMonths,
    annualRate: r.annualRate,
    penaltyRate: penaltyChange(r),
    method: r.method,
    capitaliseArrears: r.capitaliseArrears,
    reason: r.reason,
    proposedBy: { id: r.proposedBy, name: r.proposedByName },
    proposedAt: r.proposedAt.toISOString(),
    cosignedBy: r.cosignedBy ? { id: r.cosignedBy, name: r.cosignedByName } : null,
    cosignedAt: r.cosignedAt?.toISOString() ?? null,
    cosignComment: r.cosignComment,
    votes: votes.map((v) => ({
      voterId: v.voterId,
      voterName: v.voterName,
      seat: v.seat,
      decision: v.decision,
      comment: v.comment,
      at: v.at.toISOString(),
    })),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    appliedOn: r.appliedOn,
    fromVersion: r.fromVersion,
    toVersion: r.toVersion,
    result: r.result,
  };
}

export async function committeeInfo(db: Queryable, date: string) {
  return {
    roles: (await getSetting(db, "origination.committee-roles", date)) as string[],
    rule: await getSetting(db, "origination.committee-rule", date),
    cosignRoles: (await getSetting(db, "restructuring.cosign-roles", date)) as string[],
  };
}

export async function listRestructurings(db: Queryable, ctx: RequestContext, loanId: string) {
  await loadVisibleLoan(db, ctx, loanId);
  const rows = await db
    .select()
    .from(loanRestructurings)
    .where(eq(loanRestructurings.loanId, loanId))
    .orderBy(desc(loanRestructurings.proposedAt));
  const votes = await votesFor(
    db,
    loanId,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => restructuringView(r, votes.get(r.id) ?? [])),
    committee: await committeeInfo(db, await getBusinessDate(db)),
  };
}

export async function loadRestructuring(
  db: Queryable,
  loanId: string,
  id: string,
): Promise<RestructuringRow> {
  const [row] = await db
    .select()
    .from(loanRestructurings)
    .where(and(eq(loanRestructurings.loanId, loanId), eq(loanRestructurings.id, id)));
  if (!row) throw notFound("restructuring");
  return row;
}

/**
 * One proposal: as proposed, and — while it waits — what it would do on today's figures, or once
 * applied the schedule version it replaced.
 */
export async function getRestructuring(db: Queryable, ctx: RequestContext, loanId: string, id: string) {
  const loan = await loadVisibleLoan(db, ctx, loanId);
  const row = await loadRestructuring(db, loanId, id);
  const votes = await votesFor(db, loanId, [id]);
  const businessDate = await getBusinessDate(db);
  const pending = row.status === "pending-cosign" || row.status === "pending-committee";
  const input = (row.proposal as { input: TermsInput }).input;
  let current = null;
  if (pending && loan.status === "active") {
    const rows = await loadInstallments(db, loanId);
    const planned = await restructuringPlanFor(db, { loan, rows, businessDate, terms: input });
    current = previewView(loan, rows, businessDate, input, planned);
  }
  const replaced =
    row.fromVersion === null
      ? []
      : await db
          .select()
          .from(installmentHistory)
          .where(and(eq(installmentHistory.loanId, loanId), eq(installmentHistory.version, row.fromVersion)))
          .orderBy(asc(installmentHistory.period));
  return {
    ...restructuringView(row, votes.get(id) ?? []),
    proposal: row.proposal,
    preview: current,
    replacedSchedule: replaced.map((r) => ({
      period: r.period,
      dueDate: r.dueDate,
      principal: formatAmount(r.principalDue),
      interest: formatAmount(r.interestDue),
      fee: formatAmount(r.feeDue),
      penalty: formatAmount(r.penaltyAccrued),
      paid: formatAmount(r.principalPaid + r.interestPaid + r.feePaid + r.penaltyPaid),
      paidOffDate: r.paidOffDate,
    })),
    committee: await committeeInfo(db, businessDate),
  };
}
