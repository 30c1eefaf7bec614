// The product terms origination checks an application against, read through the products module.
import type { Queryable } from "../../platform/db.ts";
import { Dec, type Fen, type RoundingMode, roundFen } from "../../platform/money.ts";
import type { DayBasis } from "../loans/domain/schedule.ts";
import { productTermsOn } from "../products/product-view.ts";

export type ProductTerms = {
  productId: string;
  version: number;
  status: string;
  name: string;
  annualRate: string;
  minAmount: number;
  maxAmount: number;
  termOptions: number[];
  eligibleSegments: string[];
  guaranteeTypes: string[];
  minAge: number;
  maxAge: number;
  maxDebtToIncome: string | null;
  dayBasis: DayBasis;
  rounding: RoundingMode;
  /** Penalty rate as a multiple of the contract rate, so a committee-approved rate keeps the product's ratio. */
  penaltyMultiple: string;
  upfrontFeeFor: (principal: Fen) => Fen;
};

export async function currentProductTerms(
  db: Queryable,
  productId: string,
  asOf: string,
): Promise<ProductTerms | null> {
  const v = await productTermsOn(db, productId, asOf);
  if (!v) return null;
  const rate = new Dec(v.annualRate);
  return {
    productId: v.productId,
    version: v.version,
    status: v.status,
    name: v.name,
    annualRate: v.annualRate,
    minAmount: v.minAmount,
    maxAmount: v.maxAmount,
    termOptions: v.termOptions,
    eligibleSegments: v.eligibleSegments,
    guaranteeTypes: v.guaranteeTypes,
    minAge: v.minAge,
    maxAge: v.maxAge,
    maxDebtToIncome: v.maxDebtToIncome,
    dayBasis: v.dayBasis as DayBasis,
    rounding: v.rounding as RoundingMode,
    penaltyMultiple: rate.isZero() ? "1.5" : new Dec(v.penaltyRate).div(rate).toFixed(),
    upfrontFeeFor: (principal) =>
      (roundFen(new Dec(principal).times(v.upfrontFeeRate ?? "0"), v.rounding as RoundingMode) +
        v.upfrontFeeFixed) as Fen,
  };
}
