// A loan product's terms and the rules they must satisfy, without I/O. The APR comes from the loan
// engine (schedule + IRR), so a product shows exactly what a contract on its terms would show.

import { Dec, type Fen, fen, type RoundingMode, roundFen } from "../../../platform/money.ts";
import { scheduleApr } from "../../loans/domain/apr.ts";
import { LoanInputError } from "../../loans/domain/errors.ts";
import { buildSchedule, type DayBasis, type RepaymentMethod } from "../../loans/domain/schedule.ts";

export const PRODUCT_SEGMENTS = ["individual", "sole-proprietor", "small-business"] as const;
export type ProductSegment = (typeof PRODUCT_SEGMENTS)[number];
export const GUARANTEE_TYPES = ["credit", "guaranty", "mortgage", "pledge"] as const;
export type GuaranteeType = (typeof GUARANTEE_TYPES)[number];

export type ProductFees = {
  upfrontRate: string | null;
  upfrontFixed: Fen;
  monthlyRate: string | null;
  monthlyFixed: Fen;
};

export type ProductTerms = {
  method: RepaymentMethod;
  annualRate: string;
  minAmount: Fen;
  maxAmount: Fen;
  termOptions: number[];
  fees: ProductFees;
  penaltyRate: string;
  prepaymentFeeRate: string;
  eligibleSegments: string[];
  minAge: number;
  maxAge: number;
  rounding: RoundingMode;
  dayBasis: DayBasis;
};

/** DOMAIN.md §4: the penalty rate defaults to the contract rate × 1.5. */
export function defaultPenaltyRate(annualRate: string): string {
  return new Dec(annualRate).times("1.5").toFixed();
}

export function normalizeRate(rate: string): string {
  return new Dec(rate).toFixed();
}

/** Field → message code for every rule the terms break; empty when they are sound. */
export function checkTerms(terms: ProductTerms): Record<string, string> {
  const errors: Record<string, string> = {};
  if (terms.minAmount > terms.maxAmount) errors.minAmount = "min-above-max";
  const terms_ = terms.termOptions;
  if (
    terms_.length === 0 ||
    new Set(terms_).size !== terms_.length ||
    terms_.some((n) => !Number.isInteger(n) || n < 1 || n > 360)
  )
    errors.termOptions = "invalid-terms";
  // Students are never eligible, whatever a product says (DOMAIN.md §5, §8).
  if (terms.eligibleSegments.includes("student")) errors.eligibleSegments = "students-never-eligible";
  else if (
    terms.eligibleSegments.length === 0 ||
    terms.eligibleSegments.some((s) => !(PRODUCT_SEGMENTS as readonly string[]).includes(s))
  )
    errors.eligibleSegments = "invalid-value";
  if (terms.minAge < 18 || terms.maxAge > 75 || terms.minAge > terms.maxAge)
    errors.minAge = "invalid-age-range";
  if (terms.fees.upfrontRate !== null && terms.fees.upfrontFixed > 0)
    errors["fees.upfrontFixed"] = "one-fee-kind";
  if (terms.fees.monthlyRate !== null && terms.fees.monthlyFixed > 0)
    errors["fees.monthlyFixed"] = "one-fee-kind";
  return errors;
}

export function hasUpfrontFee(fees: ProductFees): boolean {
  return fees.upfrontFixed > 0 || (fees.upfrontRate !== null && new Dec(fees.upfrontRate).gt(0));
}

/** The fees a loan of `principal` on these terms pays: one upfront, one with every installment. */
export function feesFor(
  fees: ProductFees,
  principal: Fen,
  rounding: RoundingMode,
): { upfront: Fen; perPeriod: Fen } {
  const ofPrincipal = (rate: string | null) =>
    rate === null ? 0 : roundFen(new Dec(principal).times(rate), rounding);
  return {
    upfront: fen(ofPrincipal(fees.upfrontRate) + fees.upfrontFixed),
    perPeriod: fen(ofPrincipal(fees.monthlyRate) + fees.monthlyFixed),
  };
}

export type LoanApr = {
  amount: Fen;
  termMonths: number;
  annualRate: Dec;
  percent: string;
  compoundedPercent: string;
};

export function loanApr(
  terms: ProductTerms,
  loan: { amount: Fen; termMonths: number; startDate: string },
): LoanApr {
  const fees = feesFor(terms.fees, loan.amount, terms.rounding);
  const schedule = buildSchedule({
    principal: loan.amount,
    annualRate: new Dec(terms.annualRate),
    termMonths: loan.termMonths,
    method: terms.method,
    startDate: loan.startDate,
    rounding: terms.rounding,
    dayBasis: terms.dayBasis,
    fees,
  });
  const apr = scheduleApr({
    principal: loan.amount,
    startDate: loan.startDate,
    installments: schedule.installments,
    upfrontFee: fees.upfront,
  });
  return {
    amount: loan.amount,
    termMonths: loan.termMonths,
    annualRate: apr.annualRate,
    percent: apr.percent,
    compoundedPercent: apr.compoundedPercent,
  };
}

export type ProductApr = {
  /** The representative loan: the maximum amount over the longest term, fees included. */
  representative: LoanApr;
  /** The highest APR over the smallest and largest amounts at every offered term, for the cap. */
  highest: LoanApr;
};

export type AprOutcome = { ok: true; value: ProductApr } | { ok: false; fields: Record<string, string> };

export function productApr(terms: ProductTerms, startDate: string): AprOutcome {
  try {
    const longest = Math.max(...terms.termOptions);
    const representative = loanApr(terms, { amount: terms.maxAmount, termMonths: longest, startDate });
    let highest = representative;
    for (const termMonths of terms.termOptions)
      for (const amount of new Set([terms.minAmount, terms.maxAmount])) {
        const apr = loanApr(terms, { amount, termMonths, startDate });
        if (apr.annualRate.gt(highest.annualRate)) highest = apr;
      }
    return { ok: true, value: { representative, highest } };
  } catch (error) {
    if (!(error instanceof LoanInputError)) throw error;
    // The engine names its own fields; fees.upfront means the fee swallows the whole principal.
    const field = error.field.startsWith("fees")
      ? "fees"
      : error.field === "principal"
        ? "maxAmount"
        : error.field;
    return { ok: false, fields: { [field]: error.code } };
  }
}
