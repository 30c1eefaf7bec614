// 年化业绩 (DOMAIN.md §7): the commission basis. principal × months / 12, or × days / 365 for
// day-count loans, rounded half-up to 分; optionally capped at the principal for terms over a year.
import type { Fen, RoundingMode } from "../../../platform/money.ts";
import { LoanInputError } from "./errors.ts";
import { divRound } from "./rate-math.ts";

export type LoanTerm = { months: number } | { days: number };

export function annualizedPerformance(options: {
  principal: Fen;
  term: LoanTerm;
  capAtPrincipal?: boolean;
  rounding?: RoundingMode;
}): Fen {
  const { principal, term } = options;
  if (!Number.isSafeInteger(principal) || principal < 0)
    throw new LoanInputError({ code: "invalid-principal", field: "principal" });
  const [length, perYear] = "months" in term ? [term.months, 12] : [term.days, 365];
  if (!Number.isInteger(length) || length < 1)
    throw new LoanInputError({ code: "invalid-term", field: "months" in term ? "termMonths" : "termDays" });
  if (!Number.isSafeInteger(principal * length))
    throw new LoanInputError({ code: "invalid-term", field: "months" in term ? "termMonths" : "termDays" });
  const value = divRound({
    numerator: principal * length,
    denominator: perYear,
    mode: options.rounding ?? "half-up",
  });
  return (options.capAtPrincipal && value > principal ? principal : value) as Fen;
}
