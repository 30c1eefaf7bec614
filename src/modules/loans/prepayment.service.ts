// 部分提前还款: principal paid early, then the remaining installments re-scheduled by the engine —
// keep the term (lower installment) or keep the installment (shorter term). The borrower pays the
// principal, the interest accrued on it since the last due date (the payoff rule on the prepaid
// amount) and the product's prepayment fee. A loan with arrears pays those first; a loan whose next
// installments were paid ahead is refused, since the new schedule would not know where that money sits.
import { and, eq, gt, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db } from "../../platform/db.ts";
import { conflict } from "../../platform/errors.ts";
import { idempotentTransaction } from "../../platform/idempotency-claim.ts";
import { Dec, type Fen, formatAmount } from "../../platform/money.ts";
import { postJournal } from "../ledger/ledger.service.ts";
import type { PrepaymentChoice } from "./domain/prepayment.ts";
import { partialPrepayment } from "./domain/prepayment.ts";
import type { DayBasis, RepaymentMethod } from "./domain/schedule.ts";
import { CHANNEL_ACCOUNT, openActiveLoan, settleLoanState, totalOf, unpaidOf } from "./loan-state.ts";
import { installments, loans } from "./loans.schema.ts";
import { quoteFor } from "./repayment-plan.ts";
import { parsePositiveAmount, prepaymentFeeRate } from "./repayments.service.ts";
import { loanTransactions, type PaymentChannel } from "./servicing.schema.ts";

export type PrepaymentInput = {
  amount: string;
  date: string;
  choice: PrepaymentChoice;
  channel: PaymentChannel;
  reference?: string | null;
};

export async function postPrepayment(db: Db, ctx: RequestContext, loanId: string, input: PrepaymentInput) {
  requirePermission(ctx, "repayments.post");
  const principal = parsePositiveAmount(input.amount);
  return idempotentTransaction(db, ctx, async (tx) => {
    const { loan, rows, businessDate } = await openActiveLoan(tx, ctx, loanId, input.date);
    const due = rows.filter((r) => r.dueDate <= input.date);
    const future = rows.filter((r) => r.dueDate > input.date);
    if (due.some((r) => totalOf(unpaidOf(r)) > 0)) throw conflict("prepayment-arrears");
    if (future.length === 0) throw conflict("prepayment-nothing-ahead");
    if (future.some((r) => r.principalPaid + r.interestPaid + r.feePaid + r.penaltyPaid > 0))
      throw conflict("prepayment-paid-ahead");

    // Interest accrued on the prepaid principal and the fee: the payoff rule applied to that amount alone.
    const current = future[0];
    const quote = quoteFor({
      loan,
      rows: [
        ...due.map((r) => ({
          ...r,
          principalDue: r.principalPaid,
          interestDue: r.interestPaid,
          feeDue: r.feePaid,
          penaltyAccrued: r.penaltyPaid,
        })),
        { ...current, principalDue: principal, feeDue: 0, penaltyAccrued: 0 },
      ],
      date: input.date,
      prepaymentFeeRate: await prepaymentFeeRate(tx, loan, input.date),
    });
    const remainingPrincipal = future.reduce((s, r) => s + r.principalDue, 0) as Fen;
    const bullet = loan.method === "bullet";
    // A restructured loan's rows are counted from its restructuring date after the kept history rows.
    const base = loan.schedulePeriodBase;
    const result = partialPrepayment({
      startDate: loan.restructuredOn ?? loan.startDate,
      annualRate: new Dec(loan.annualRate),
      method: loan.method as RepaymentMethod,
      // A bullet loan has one row at the end of the whole term: re-scheduling keeps that term.
      periodsElapsed: bullet ? 0 : due.filter((r) => r.period > base).length,
      remainingPrincipal,
      remainingTerm: bullet ? loan.termMonths : future.length,
      amount: principal,
      choice: input.choice,
      rounding: loan.rounding as "half-up",
      dayBasis: loan.dayBasis as DayBasis,
      fees: { perPeriod: current.feeDue as Fen },
    });
    const interest = quote.accruedInterest;
    const fee = quote.prepaymentFee;
    const amount = principal + interest + fee;

    // The old future rows are kept in the transaction (schedule_before); the schedule gets the new ones.
    await tx
      .delete(installments)
      .where(and(eq(installments.loanId, loanId), gt(installments.dueDate, input.date)));
    await tx.insert(installments).values(
      result.schedule.installments.map((r) => ({
        loanId,
        period: r.period + base,
        dueDate: r.dueDate,
        principalDue: r.principal,
        interestDue: r.interest,
        feeDue: r.fee,
      })),
    );
    const maturity = result.schedule.installments[result.schedule.installments.length - 1].dueDate;
    await tx.update(loans).set({ maturityDate: maturity }).where(eq(loans.id, loanId));
    const journalId = await postJournal(tx, ctx, {
      date: input.date,
      kind: "prepayment",
      description: `部分提前还款 ${loan.loanNo}`,
      loanId,
      source: { type: "loan", id: loanId },
      lines: [
        { account: CHANNEL_ACCOUNT[input.channel], debit: amount },
        { account: "1301", credit: principal },
        ...(interest > 0 ? [{ account: "6011", credit: interest }] : []),
        ...(fee > 0 ? [{ account: "6021", credit: fee }] : []),
      ],
    });
    const [row] = await tx
      .insert(loanTransactions)
      .values({
        loanId,
        kind: "prepayment",
        txDate: input.date,
        amount,
        channel: input.channel,
        reference: input.reference ?? null,
        principal,
        interest,
        fee,
        allocation: { choice: input.choice, principal, interest, fee, newTermMonths: result.termMonths },
        scheduleBefore: future,
        journalEntryId: journalId,
        createdBy: ctx.actor.userId,
        createdAt: sql`clock_timestamp()`,
      })
      .returning({ id: loanTransactions.id });
    await settleLoanState(tx, ctx, {
      loan,
      principalDelta: -principal,
      creditDelta: 0,
      businessDate,
      date: input.date,
    });
    const view = {
      id: row.id,
      principal: formatAmount(principal),
      interest: formatAmount(interest),
      fee: formatAmount(fee),
      total: formatAmount(amount),
      choice: input.choice,
      remainingPrincipal: formatAmount(result.principal),
      remainingInstallments: result.termMonths,
      maturityDate: maturity,
      schedule: result.schedule.installments.map((r) => ({
        period: r.period + base,
        dueDate: r.dueDate,
        principal: formatAmount(r.principal),
        interest: formatAmount(r.interest),
        fee: formatAmount(r.fee),
        total: formatAmount(r.total),
      })),
    };
    await recordAudit(tx, ctx, {
      action: "loan.prepayment-posted",
      entityType: "loan",
      entityId: loanId,
      after: { ...view, schedule: undefined, date: input.date, channel: input.channel },
    });
    return view;
  });
}
