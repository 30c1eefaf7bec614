import { describe, expect, it } from "vitest";
import { fen } from "../../../platform/money.ts";
import { checkTerms, defaultPenaltyRate, feesFor, type ProductTerms, productApr } from "./product-terms.ts";

const base: ProductTerms = {
  method: "equal-installment",
  annualRate: "0.18",
  minAmount: fen(1_000_000),
  maxAmount: fen(10_000_000),
  termOptions: [6, 12],
  fees: { upfrontRate: null, upfrontFixed: fen(0), monthlyRate: null, monthlyFixed: fen(0) },
  penaltyRate: "0.27",
  prepaymentFeeRate: "0",
  eligibleSegments: ["individual"],
  minAge: 18,
  maxAge: 65,
  rounding: "half-up",
  dayBasis: 360,
};

describe("product terms", () => {
  it("defaults the penalty rate to 1.5 × the contract rate", () => {
    expect(defaultPenaltyRate("0.18")).toBe("0.27");
    expect(defaultPenaltyRate("0.0435")).toBe("0.06525");
  });

  it("never lets students in, and checks ranges", () => {
    expect(checkTerms({ ...base, eligibleSegments: ["individual", "student"] })).toEqual({
      eligibleSegments: "students-never-eligible",
    });
    expect(checkTerms({ ...base, minAmount: fen(20_000_000) })).toEqual({ minAmount: "min-above-max" });
    expect(checkTerms({ ...base, termOptions: [12, 12] })).toEqual({ termOptions: "invalid-terms" });
    expect(checkTerms({ ...base, minAge: 16 })).toEqual({ minAge: "invalid-age-range" });
    expect(checkTerms(base)).toEqual({});
  });

  it("prices the representative loan with the engine: the APR of an equal-installment loan is its rate", () => {
    const result = productApr(base, "2026-01-15");
    expect(result.ok && result.value.representative).toMatchObject({
      amount: 10_000_000,
      termMonths: 12,
      percent: "18.00",
    });
  });

  it("matches the documented flat-rate example: 1%/month over 12 months is 21.46%", () => {
    const flat = {
      ...base,
      method: "flat" as const,
      annualRate: "0.12",
      minAmount: fen(1_000_000),
      maxAmount: fen(1_000_000),
      termOptions: [12],
    };
    const result = productApr(flat, "2026-01-15");
    expect(result.ok && result.value.representative.percent).toBe("21.46");
  });

  it("counts fees: an upfront fee weighs most on the shortest term, which is what the cap checks", () => {
    const withFee = { ...base, fees: { ...base.fees, upfrontRate: "0.02" } };
    expect(feesFor(withFee.fees, fen(10_000_000), "half-up")).toEqual({ upfront: 200_000, perPeriod: 0 });
    const result = productApr(withFee, "2026-01-15");
    if (!result.ok) throw new Error("expected a price");
    expect(Number(result.value.representative.percent)).toBeGreaterThan(18);
    expect(result.value.highest.termMonths).toBe(6);
    expect(result.value.highest.annualRate.gt(result.value.representative.annualRate)).toBe(true);
  });
});
