// How one payment lands on a loan, decided without I/O from the loan's rows (the engine does the
// splitting): a payment that covers the payoff quote settles the loan early (提前结清) — unearned
// future interest and fees are dropped, interest accrued to the date and the prepayment fee are
// charged, the rest is a credit balance; any other payment goes to what is due first (oldest first,
// the configured order), and what is left pays the next installments ahead of their due dates.
import { Dec, type Fen } from "../../platform/money.ts";
import {
  type AllocationLine,
  type AllocationOrder,
  allocatePayment,
  type Outstanding,
} from "./domain/allocation.ts";
import { type PayoffQuote, payoffQuote } from "./domain/payoff.ts";
import type { DayBasis } from "./domain/schedule.ts";
import type { InstallmentRow, LoanRow } from "./loan-state.ts";
import { totalOf, unpaidOf } from "./loan-state.ts";

/** A schedule row's interest/fee due before and after a settlement rewrote it. */
export type DueAdjustment = {
  period: number;
  interestDue: number;
  feeDue: number;
  newInterestDue: number;
  newFeeDue: number;
};

export type RepaymentPlan = {
  lines: AllocationLine[];
  credit: Fen;
  settlement: PayoffQuote | null;
  adjustments: DueAdjustment[];
};

export function quoteFor(options: {
  loan: LoanRow;
  rows: readonly InstallmentRow[];
  date: string;
  prepaymentFeeRate: string;
}): PayoffQuote {
  const { loan, rows } = options;
  return payoffQuote({
    // After a restructuring, interest accrues from the date it took effect (restructure-plan.ts).
    startDate: loan.restructuredOn ?? loan.startDate,
    date: options.date,
    annualRate: new Dec(loan.annualRate),
    installments: rows.map((r) => {
      const u = unpaidOf(r);
      return {
        period: r.period,
        dueDate: r.dueDate,
        principal: u.principal,
        interest: u.interest,
        fee: u.fee,
        penalty: u.penalty,
      };
    }),
    dayBasis: loan.dayBasis as DayBasis,
    rounding: loan.rounding as "half-up",
    prepaymentFeeRate: new Dec(options.prepaymentFeeRate),
  });
}

function merge(a: AllocationLine[], b: AllocationLine[]): AllocationLine[] {
  return [...a, ...b].filter((l) => l.total > 0).sort((x, y) => x.period - y.period);
}

export function planRepayment(options: {
  loan: LoanRow;
  rows: readonly InstallmentRow[];
  amount: Fen;
  date: string;
  order: AllocationOrder;
  prepaymentFeeRate: string;
}): RepaymentPlan {
  const { rows, amount, date, order } = options;
  const future = rows.filter((r) => r.dueDate > date);
  if (future.some((r) => totalOf(unpaidOf(r)) > 0)) {
    const quote = quoteFor(options);
    if (amount >= quote.total) {
      const [current, ...later] = future;
      const adjustments: DueAdjustment[] = [
        {
          period: current.period,
          interestDue: current.interestDue,
          feeDue: current.feeDue,
          newInterestDue: current.interestPaid + quote.accruedInterest,
          newFeeDue: current.feePaid + quote.prepaymentFee,
        },
        ...later.map((r) => ({
          period: r.period,
          interestDue: r.interestDue,
          feeDue: r.feeDue,
          newInterestDue: r.interestPaid,
          newFeeDue: r.feePaid,
        })),
      ].filter((a) => a.interestDue !== a.newInterestDue || a.feeDue !== a.newFeeDue);
      const adjusted = new Map(adjustments.map((a) => [a.period, a]));
      const outstanding: Outstanding[] = rows.map((r) => {
        const a = adjusted.get(r.period);
        const u = unpaidOf(r);
        return a
          ? {
              ...u,
              interest: (a.newInterestDue - r.interestPaid) as Fen,
              fee: (a.newFeeDue - r.feePaid) as Fen,
            }
          : u;
      });
      const owed = outstanding.reduce((s, o) => s + totalOf(o), 0);
      if (owed !== quote.total)
        throw new Error(`settlement does not add up: owed ${owed}, quote ${quote.total}`);
      const allocation = allocatePayment({ amount, outstanding, order });
      return {
        lines: merge(allocation.lines, []),
        credit: allocation.credit,
        settlement: quote,
        adjustments,
      };
    }
  }
  const due = allocatePayment({
    amount,
    outstanding: rows.filter((r) => r.dueDate <= date).map(unpaidOf),
    order,
  });
  const ahead = allocatePayment({
    amount: due.credit,
    outstanding: future.map(unpaidOf),
    order: { ...order, installments: "oldest-first" },
  });
  return { lines: merge(due.lines, ahead.lines), credit: ahead.credit, settlement: null, adjustments: [] };
}
