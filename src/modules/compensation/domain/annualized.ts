// 年化业绩 of one loan for payroll. The arithmetic itself belongs to the loans module (one formula
// for the whole product); this adapter maps payroll's loan rows onto it and explains the result.
import type { Fen } from "../../../platform/money.ts";
import { annualizedPerformance as loanAnnualized } from "../../loans/domain/performance.ts";
import { type Bilingual, groupedAmount } from "./explain.ts";

export type LoanTermFields = { termMonths?: number; termDays?: number };

type LoanAmount = { principal: Fen } & LoanTermFields;

function term(loan: LoanAmount) {
  return loan.termMonths !== undefined ? { months: loan.termMonths } : { days: loan.termDays ?? 0 };
}

/** principal × termMonths / 12 (or termDays / 365), ROUND_HALF_UP to 分, optionally capped at the principal. */
export function annualizedPerformance(loan: LoanAmount, options: { capAtPrincipal?: boolean } = {}): Fen {
  return loanAnnualized({
    principal: loan.principal,
    term: term(loan),
    capAtPrincipal: options.capAtPrincipal,
  });
}

/** The value with its arithmetic: "120,000.00 × 6/12 = 60,000.00", naming the cap when it applied. */
export function explainAnnualized(
  loan: LoanAmount,
  options: { capAtPrincipal?: boolean } = {},
): { value: Fen; formula: Bilingual } {
  const uncapped = loanAnnualized({ principal: loan.principal, term: term(loan) });
  const fraction = loan.termMonths !== undefined ? `${loan.termMonths}/12` : `${loan.termDays}/365`;
  const raw = `${groupedAmount(loan.principal)} × ${fraction} = ${groupedAmount(uncapped)}`;
  if (options.capAtPrincipal && uncapped > loan.principal) {
    const capped = groupedAmount(loan.principal);
    return {
      value: loan.principal,
      formula: {
        "zh-CN": `${raw},以本金封顶 ${capped}`,
        "en-US": `${raw}, capped at the principal ${capped}`,
      },
    };
  }
  return { value: uncapped, formula: { "zh-CN": raw, "en-US": raw } };
}
