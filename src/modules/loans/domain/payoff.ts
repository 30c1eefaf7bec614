// 提前结清 payoff quote (DOMAIN.md §4; the rule is written out in docs/loan-engine.md):
// everything already due (principal, interest, fee, penalty still unpaid) + the principal not yet
// due + interest on that principal for the days elapsed in the current period + prepayment fee.
import { Dec, type Fen, type RoundingMode, roundFen } from "../../../platform/money.ts";
import { compareDates, daysBetween, parseDate } from "./due-dates.ts";
import { LoanInputError } from "./errors.ts";
import { applyRate, rateFraction } from "./rate-math.ts";
import type { DayBasis } from "./schedule.ts";

/** What is still unpaid of one installment (0 where paid). Pass every installment of the loan. */
export type InstallmentBalance = {
  period: number;
  dueDate: string;
  principal: Fen;
  interest: Fen;
  fee: Fen;
  penalty: Fen;
};

export type PayoffQuote = {
  date: string;
  principal: Fen;
  interest: Fen;
  fee: Fen;
  penalty: Fen;
  prepaymentFee: Fen;
  total: Fen;
  // How the interest was built: unpaid interest of due installments + accrual of the current period.
  dueInterest: Fen;
  accruedInterest: Fen;
  accruedDays: number;
};

export function payoffQuote(options: {
  startDate: string;
  date: string;
  annualRate: Dec;
  installments: readonly InstallmentBalance[];
  dayBasis?: DayBasis;
  rounding?: RoundingMode;
  prepaymentFeeRate?: Dec;
}): PayoffQuote {
  const start = parseDate(options.startDate);
  if (start === null) throw new LoanInputError({ code: "invalid-date", field: "startDate" });
  const quoteDate = parseDate(options.date);
  if (quoteDate === null || compareDates(quoteDate, start) < 0)
    throw new LoanInputError({
      code: "invalid-date",
      field: "date",
      message: "the quote date must be on or after the start date",
    });
  const feeRate = options.prepaymentFeeRate ?? new Dec(0);
  if (!feeRate.isFinite() || feeRate.isNegative() || feeRate.gt(1))
    throw new LoanInputError({ code: "invalid-rate", field: "prepaymentFeeRate" });
  const rounding = options.rounding ?? "half-up";

  const rows = [...options.installments].sort((a, b) => a.period - b.period);
  let periodStart = start;
  let duePrincipal = 0;
  let dueInterest = 0;
  let fee = 0;
  let penalty = 0;
  let futurePrincipal = 0;
  let current: InstallmentBalance | null = null;
  for (const row of rows) {
    const due = parseDate(row.dueDate);
    if (due === null)
      throw new LoanInputError({ code: "invalid-date", field: `installments.${row.period}.dueDate` });
    if (compareDates(due, quoteDate) <= 0) {
      // A restructured loan passes its restructuring date as the start: its older rows do not move it back.
      if (compareDates(due, periodStart) > 0) periodStart = due;
      duePrincipal += row.principal;
      dueInterest += row.interest;
      fee += row.fee;
      penalty += row.penalty;
    } else {
      current ??= row;
      futurePrincipal += row.principal;
      // Penalty can only sit on due installments, but if the caller has any here it is still owed.
      penalty += row.penalty;
    }
  }

  const accruedDays = current === null ? 0 : daysBetween(periodStart, quoteDate);
  let accruedInterest = applyRate({
    base: futurePrincipal,
    rate: rateFraction(options.annualRate),
    times: accruedDays,
    per: options.dayBasis ?? 360,
    mode: rounding,
  });
  // A 31-day month on a 360-day basis would accrue more than the period's scheduled interest.
  if (current !== null && accruedInterest > current.interest) accruedInterest = current.interest;

  const prepaymentFee = roundFen(feeRate.times(futurePrincipal), rounding);
  const principal = duePrincipal + futurePrincipal;
  const interest = dueInterest + accruedInterest;
  return {
    date: options.date,
    principal: principal as Fen,
    interest: interest as Fen,
    fee: fee as Fen,
    penalty: penalty as Fen,
    prepaymentFee,
    total: (principal + interest + fee + penalty + prepaymentFee) as Fen,
    dueInterest: dueInterest as Fen,
    accruedInterest: accruedInterest as Fen,
    accruedDays,
  };
}
