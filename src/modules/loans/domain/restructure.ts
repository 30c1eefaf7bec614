// 调整方案 / 展期: a new schedule on the remaining principal, optionally with the unpaid interest
// capitalised into it, at new terms. Approval (loan-admin + risk, committee) is the service's job.
import type { Dec, Fen, RoundingMode } from "../../../platform/money.ts";
import { LoanInputError } from "./errors.ts";
import { buildSchedule, type DayBasis, type RepaymentMethod, type Schedule } from "./schedule.ts";

export type RestructureResult = {
  principal: Fen;
  capitalisedInterest: Fen;
  // Unpaid interest not capitalised stays owed outside the new schedule.
  interestToSettle: Fen;
  schedule: Schedule;
};

export function restructure(options: {
  remainingPrincipal: Fen;
  unpaidInterest?: Fen;
  capitaliseInterest?: boolean;
  annualRate: Dec;
  termMonths: number;
  method: RepaymentMethod;
  startDate: string;
  rounding?: RoundingMode;
  dayBasis?: DayBasis;
  fixedRepaymentDay?: number | null;
  fees?: { upfront?: Fen; perPeriod?: Fen };
}): RestructureResult {
  const unpaid = options.unpaidInterest ?? 0;
  if (!Number.isSafeInteger(unpaid) || unpaid < 0)
    throw new LoanInputError({ code: "invalid-amount", field: "unpaidInterest" });
  const capitalised = options.capitaliseInterest ? unpaid : 0;
  const principal = (options.remainingPrincipal + capitalised) as Fen;
  const schedule = buildSchedule({
    principal,
    annualRate: options.annualRate,
    termMonths: options.termMonths,
    method: options.method,
    startDate: options.startDate,
    rounding: options.rounding,
    dayBasis: options.dayBasis,
    fixedRepaymentDay: options.fixedRepaymentDay,
    fees: options.fees,
  });
  return {
    principal,
    capitalisedInterest: capitalised as Fen,
    interestToSettle: (unpaid - capitalised) as Fen,
    schedule,
  };
}
