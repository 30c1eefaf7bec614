// Applying an approved restructuring inside the deciding vote's transaction: the loan is locked and
// brought up to the business date, the installments as they were are kept as history (version n),
// the engine's plan rewrites the open ones and appends the new schedule (version n + 1), capitalised
// arrears move from the receivables into principal in the ledger, and the loan takes the new terms,
// the restructuring date and its classification floor. A new penalty rate takes effect on the
// restructuring date: the loan was brought up to that date first (openActiveLoan → cob/catch-up.ts
// writes the penalty through it at the old rate and sets accrued_through), and the batch derives the
// penalty of every later day from loans.penalty_rate (cob/as-of.ts), so from then on it is the new one.
import { and, eq } from "drizzle-orm";
import type { RequestContext } from "../../platform/auth/actor.ts";
import type { Tx } from "../../platform/db.ts";
import { DomainError } from "../../platform/errors.ts";
import type { PostingLine } from "../ledger/domain/chart.ts";
import { postJournal } from "../ledger/ledger.service.ts";
import type { RestructuringPlan } from "./domain/restructure-plan.ts";
import { type InstallmentRow, type LoanRow, settleLoanState } from "./loan-state.ts";
import { installments, loans } from "./loans.schema.ts";
import {
  newPenaltyRate,
  type PlanFor,
  restructuringPlanFor,
  type TermsInput,
} from "./restructuring-preview.ts";
import { installmentHistory } from "./workout.schema.ts";

/** Dr 1301 what is capitalised / Cr where it sat; and any recognised interest the new schedule replaces. */
export function restructuringPosting(plan: RestructuringPlan): PostingLine[] {
  const c = plan.capitalised;
  const lines: PostingLine[] = [
    { account: "1301", debit: c.total },
    { account: "1302", credit: c.interestRecognised },
    { account: "6011", credit: c.interestUnrecognised },
    { account: "1304", credit: c.feeRecognised },
    { account: "6021", credit: c.feeUnrecognised },
    { account: "1303", credit: c.penalty },
    { account: "6011", debit: plan.derecognised.interest },
    { account: "1302", credit: plan.derecognised.interest },
    { account: "6021", debit: plan.derecognised.fee },
    { account: "1304", credit: plan.derecognised.fee },
  ];
  return lines.filter((l) => (l.debit ?? 0) + (l.credit ?? 0) > 0);
}

export type AppliedRestructuring = {
  planned: PlanFor;
  fromVersion: number;
  toVersion: number;
  journalEntryId: number | null;
  penaltyRate: { from: string; to: string };
};

export async function applyRestructuring(
  tx: Tx,
  ctx: RequestContext,
  options: {
    loan: LoanRow;
    rows: readonly InstallmentRow[];
    businessDate: string;
    restructuringId: string;
    terms: TermsInput;
  },
): Promise<AppliedRestructuring> {
  const { loan, rows, businessDate } = options;
  const planned = await restructuringPlanFor(tx, { loan, rows, businessDate, terms: options.terms });
  if (planned.aprAboveCap)
    throw new DomainError({
      code: "apr-above-cap",
      status: 409,
      params: { apr: planned.apr, cap: planned.aprCap },
      fields: { annualRate: "apr-exceeds-cap" },
    });
  const { plan } = planned;
  const fromVersion = loan.scheduleVersion;
  await tx.insert(installmentHistory).values(
    rows.map((r) => ({
      ...r,
      version: fromVersion,
      restructuringId: options.restructuringId,
      replacedOn: businessDate,
    })),
  );
  for (const change of plan.changes) {
    const where = and(eq(installments.loanId, loan.id), eq(installments.period, change.period));
    if (change.action === "delete") await tx.delete(installments).where(where);
    else await tx.update(installments).set(change.next).where(where);
  }
  await tx.insert(installments).values(
    plan.installments.map((r) => ({
      loanId: loan.id,
      period: r.period,
      dueDate: r.dueDate,
      principalDue: r.principal,
      interestDue: r.interest,
      feeDue: r.fee,
    })),
  );
  const lines = restructuringPosting(plan);
  const journalEntryId = lines.length
    ? await postJournal(tx, ctx, {
        date: businessDate,
        kind: "restructuring",
        description: `展期/重组 ${loan.loanNo}:逾期利息、费用及罚息转入本金`,
        loanId: loan.id,
        source: { type: "loan-restructuring", id: options.restructuringId },
        lines,
      })
    : null;
  const penaltyRate = newPenaltyRate(loan, options.terms);
  const terms = {
    annualRate: options.terms.annualRate,
    penaltyRate,
    method: options.terms.method,
    termMonths: plan.termMonths,
    maturityDate: plan.maturityDate,
    apr: planned.apr,
    scheduleVersion: fromVersion + 1,
    restructuredOn: businessDate,
    schedulePeriodBase: plan.periodBase,
    classificationFloor: planned.floor,
    classificationFloorUntil: planned.floorUntil,
  };
  await tx.update(loans).set(terms).where(eq(loans.id, loan.id));
  // DPD, bucket and classification (now with its floor) as of today; open collection tasks resolve
  // when nothing is overdue any more.
  await settleLoanState(tx, ctx, {
    loan: { ...loan, ...terms },
    principalDelta: plan.capitalised.total,
    creditDelta: 0,
    businessDate,
    date: businessDate,
  });
  return {
    planned,
    fromVersion,
    toVersion: fromVersion + 1,
    journalEntryId,
    penaltyRate: { from: loan.penaltyRate, to: penaltyRate },
  };
}
