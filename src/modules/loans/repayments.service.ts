// 还款: one payment on one loan, in one transaction — lock the loan, bring it up to the business date,
// split the money with the engine, update the installments, book the credit balance, close the loan
// when nothing is owed, write the loan transaction and its balanced journal entry, audit last.
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable, Tx } from "../../platform/db.ts";
import { invalid } from "../../platform/errors.ts";
import { idempotentTransaction } from "../../platform/idempotency-claim.ts";
import { type Fen, formatAmount, parseAmount } from "../../platform/money.ts";
import type { PostingLine } from "../ledger/domain/chart.ts";
import { postJournal } from "../ledger/ledger.service.ts";
import { productView } from "../products/product-view.ts";
import { getSetting } from "../settings/settings.service.ts";
import type { AllocationLine } from "./domain/allocation.ts";
import {
  allocationCredits,
  applyToInstallments,
  CHANNEL_ACCOUNT,
  componentTotals,
  type InstallmentRow,
  type LoanRow,
  openActiveLoan,
  settleLoanState,
} from "./loan-state.ts";
import { installments } from "./loans.schema.ts";
import { type DueAdjustment, planRepayment, quoteFor } from "./repayment-plan.ts";
import { loanTransactions, type PaymentChannel } from "./servicing.schema.ts";

export type RepaymentInput = {
  amount: string;
  date: string;
  channel: PaymentChannel;
  reference?: string | null;
};

export type AllocationView = {
  principal: string;
  interest: string;
  fee: string;
  penalty: string;
  credit: string;
  total: string;
  settlement: boolean;
  loanStatus: string;
  lines: {
    period: number;
    principal: string;
    interest: string;
    fee: string;
    penalty: string;
    total: string;
  }[];
};

export function parsePositiveAmount(text: string, field = "amount"): Fen {
  const amount = parseAmount(text);
  if (amount === null || amount <= 0) throw invalid({ [field]: "invalid-amount" });
  return amount;
}

export async function prepaymentFeeRate(db: Queryable, loan: LoanRow, date: string): Promise<string> {
  if (!loan.productId) return "0";
  try {
    return (await productView(db, loan.productId, date)).prepaymentFeeRate ?? "0";
  } catch {
    return "0";
  }
}

/** Writes settlement-rewritten interest/fee dues; returns the ledger lines that un-recognise dropped receivables. */
export async function rewriteDues(
  tx: Tx,
  options: {
    loanId: string;
    rows: readonly InstallmentRow[];
    adjustments: readonly DueAdjustment[];
    direction: "apply" | "restore";
  },
): Promise<PostingLine[]> {
  const byPeriod = new Map(options.rows.map((r) => [r.period, r]));
  const lines: PostingLine[] = [];
  for (const a of options.adjustments) {
    const [from, to] =
      options.direction === "apply"
        ? [a, { interestDue: a.newInterestDue, feeDue: a.newFeeDue }]
        : [{ interestDue: a.newInterestDue, feeDue: a.newFeeDue }, a];
    await tx
      .update(installments)
      .set({ interestDue: to.interestDue, feeDue: to.feeDue })
      .where(and(eq(installments.loanId, options.loanId), eq(installments.period, a.period)));
    if (byPeriod.get(a.period)?.recognisedDate == null) continue;
    // A recognised receivable that is dropped (or restored) moves back out of (into) income.
    const interest = from.interestDue - to.interestDue;
    const fee = from.feeDue - to.feeDue;
    if (interest > 0) lines.push({ account: "6011", debit: interest }, { account: "1302", credit: interest });
    if (interest < 0)
      lines.push({ account: "1302", debit: -interest }, { account: "6011", credit: -interest });
    if (fee > 0) lines.push({ account: "6021", debit: fee }, { account: "1304", credit: fee });
    if (fee < 0) lines.push({ account: "1304", debit: -fee }, { account: "6021", credit: -fee });
  }
  return lines;
}

export function allocationView(
  lines: readonly AllocationLine[],
  credit: number,
  extra: { settlement: boolean; loanStatus: string },
): AllocationView {
  const t = componentTotals(lines);
  return {
    principal: formatAmount(t.principal),
    interest: formatAmount(t.interest),
    fee: formatAmount(t.fee),
    penalty: formatAmount(t.penalty),
    credit: formatAmount(credit),
    total: formatAmount(t.principal + t.interest + t.fee + t.penalty + credit),
    ...extra,
    lines: lines.map((l) => ({
      period: l.period,
      principal: formatAmount(l.principal),
      interest: formatAmount(l.interest),
      fee: formatAmount(l.fee),
      penalty: formatAmount(l.penalty),
      total: formatAmount(l.total),
    })),
  };
}

export async function postRepayment(
  db: Db,
  ctx: RequestContext,
  loanId: string,
  input: RepaymentInput,
): Promise<{ id: string; allocation: AllocationView }> {
  requirePermission(ctx, "repayments.post");
  parsePositiveAmount(input.amount);
  return idempotentTransaction(db, ctx, (tx) => applyRepayment(tx, ctx, loanId, input));
}

/** One repayment inside the caller's transaction (a bulk import posts many in one, all or nothing). */
export async function applyRepayment(
  tx: Tx,
  ctx: RequestContext,
  loanId: string,
  input: RepaymentInput,
): Promise<{ id: string; allocation: AllocationView }> {
  requirePermission(ctx, "repayments.post");
  const amount = parsePositiveAmount(input.amount);
  const { loan, rows, businessDate } = await openActiveLoan(tx, ctx, loanId, input.date);
  const order = await getSetting(tx, "servicing.allocation-order", input.date);
  // The product's prepayment fee only matters for a payment that may settle the loan.
  const mayPayOff = amount >= quoteFor({ loan, rows, date: input.date, prepaymentFeeRate: "0" }).total;
  const feeRate = mayPayOff ? await prepaymentFeeRate(tx, loan, input.date) : "0";
  const plan = planRepayment({ loan, rows, amount, date: input.date, order, prepaymentFeeRate: feeRate });
  const waiverLines = await rewriteDues(tx, {
    loanId,
    rows,
    adjustments: plan.adjustments,
    direction: "apply",
  });
  const changed = await applyToInstallments(tx, { loanId, lines: plan.lines, sign: 1, date: input.date });
  // After the catch-up the stored rows are exact (loan-state.ts), so the schedule as it now is is the
  // rows read plus the ones just changed — unless a settlement rewrote dues, then it is read again.
  const rowsAfter = plan.adjustments.length
    ? undefined
    : rows.map((r) => changed.find((c) => c.period === r.period) ?? r);
  const totals = componentTotals(plan.lines);
  const cash = CHANNEL_ACCOUNT[input.channel];
  const journalId = await postJournal(tx, ctx, {
    date: input.date,
    kind: plan.settlement ? "settlement" : "repayment",
    description: `${plan.settlement ? "提前结清" : "还款"} ${loan.loanNo}${input.reference ? ` ${input.reference}` : ""}`,
    loanId,
    source: { type: "loan", id: loanId },
    lines: [
      { account: cash, debit: amount },
      ...allocationCredits(plan.lines, rows),
      ...(plan.credit > 0 ? [{ account: "2241", credit: plan.credit }] : []),
      ...waiverLines,
    ],
  });
  const [row] = await tx
    .insert(loanTransactions)
    .values({
      loanId,
      kind: "repayment",
      txDate: input.date,
      amount,
      channel: input.channel,
      reference: input.reference ?? null,
      ...totals,
      credit: plan.credit,
      allocation: { lines: plan.lines, quote: plan.settlement },
      scheduleBefore: plan.adjustments.length ? plan.adjustments : null,
      settlement: plan.settlement ? "payoff" : null,
      journalEntryId: journalId,
      createdBy: ctx.actor.userId,
      createdAt: sql`clock_timestamp()`,
    })
    .returning({ id: loanTransactions.id });
  const state = await settleLoanState(tx, ctx, {
    loan,
    principalDelta: -totals.principal,
    creditDelta: plan.credit,
    businessDate,
    date: input.date,
    rows: rowsAfter,
  });
  const allocation = allocationView(plan.lines, plan.credit, {
    settlement: plan.settlement !== null,
    loanStatus: state.status,
  });
  await recordAudit(tx, ctx, {
    action: plan.settlement ? "loan.settled" : "loan.repayment-posted",
    entityType: "loan",
    entityId: loanId,
    after: {
      transactionId: row.id,
      amount: formatAmount(amount),
      date: input.date,
      channel: input.channel,
      reference: input.reference ?? null,
      allocation: { ...allocation, lines: undefined },
    },
  });
  return { id: row.id, allocation };
}
