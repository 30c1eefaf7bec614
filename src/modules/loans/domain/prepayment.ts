// 部分提前还款: principal paid early shrinks the balance, then the rest is re-scheduled either
// keeping the term (lower installment) or keeping the installment (shorter term). The new rows keep
// the original due-date cadence (periodOffset), so the borrower's repayment day does not move.
import type { Dec, Fen, RoundingMode } from "../../../platform/money.ts";
import { equalInstallmentAmount } from "./annuity.ts";
import { LoanInputError } from "./errors.ts";
import { divRound, rateFraction } from "./rate-math.ts";
import { buildSchedule, type DayBasis, type RepaymentMethod, type Schedule } from "./schedule.ts";

export type PrepaymentChoice = "keep-term" | "keep-installment";

export type PrepaymentResult = {
  principal: Fen;
  termMonths: number;
  schedule: Schedule;
};

export function partialPrepayment(options: {
  startDate: string;
  annualRate: Dec;
  method: RepaymentMethod;
  // Installments already due before the prepayment takes effect; the new rows are periods elapsed+1…
  periodsElapsed: number;
  remainingPrincipal: Fen;
  remainingTerm: number;
  amount: Fen;
  choice: PrepaymentChoice;
  // keep-installment: the installment (等额本息) or principal part (等额本金) to keep; derived if absent.
  keep?: Fen;
  rounding?: RoundingMode;
  dayBasis?: DayBasis;
  fixedRepaymentDay?: number | null;
  fees?: { perPeriod?: Fen };
}): PrepaymentResult {
  const { remainingPrincipal, remainingTerm, amount, method, choice } = options;
  const rounding = options.rounding ?? "half-up";
  if (!Number.isSafeInteger(amount) || amount < 1 || amount >= remainingPrincipal)
    throw new LoanInputError({
      code: "invalid-amount",
      field: "amount",
      message: "a partial prepayment is 0.01 up to below the remaining principal (more is a payoff)",
    });
  if (!Number.isInteger(remainingTerm) || remainingTerm < 1)
    throw new LoanInputError({ code: "invalid-term", field: "remainingTerm" });
  const principal = (remainingPrincipal - amount) as Fen;

  let termMonths = remainingTerm;
  if (choice === "keep-installment") {
    termMonths = shortenedTerm({ ...options, principal, rounding });
  } else if (choice !== "keep-term") {
    throw new LoanInputError({ code: "invalid-option", field: "choice" });
  }
  const schedule = buildSchedule({
    principal,
    annualRate: options.annualRate,
    termMonths,
    method,
    startDate: options.startDate,
    rounding,
    dayBasis: options.dayBasis,
    fixedRepaymentDay: options.fixedRepaymentDay,
    fees: { perPeriod: options.fees?.perPeriod },
    periodOffset: options.periodsElapsed,
  });
  return { principal, termMonths, schedule };
}

/** The fewest periods whose regular installment does not exceed the one being kept. */
function shortenedTerm(options: {
  annualRate: Dec;
  method: RepaymentMethod;
  remainingPrincipal: Fen;
  remainingTerm: number;
  principal: Fen;
  keep?: Fen;
  rounding: RoundingMode;
}): number {
  const { method, remainingPrincipal, remainingTerm, principal, rounding } = options;
  if (method === "equal-principal") {
    const part =
      options.keep ?? divRound({ numerator: remainingPrincipal, denominator: remainingTerm, mode: rounding });
    if (part < 1) throw new LoanInputError({ code: "invalid-amount", field: "keep" });
    return Math.min(remainingTerm, Math.max(1, Math.ceil(principal / part)));
  }
  if (method !== "equal-installment")
    throw new LoanInputError({
      code: "invalid-option",
      field: "choice",
      message: "keep-installment applies to equal-installment and equal-principal loans",
    });
  const rate = rateFraction(options.annualRate);
  const payment = (n: number) => equalInstallmentAmount({ principal, rate, termMonths: n, rounding });
  const keep =
    options.keep ??
    equalInstallmentAmount({ principal: remainingPrincipal, rate, termMonths: remainingTerm, rounding });
  // The installment falls as the term grows, so the answer is found by bisection.
  let low = 1;
  let high = remainingTerm;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (payment(mid) <= keep) high = mid;
    else low = mid + 1;
  }
  return low;
}
