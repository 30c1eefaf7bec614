import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, type Fen } from "../../../platform/money.ts";
import { aprFromFlows, type CashFlow, irr, scheduleApr } from "./apr.ts";
import { LoanInputError } from "./errors.ts";
import { buildSchedule } from "./schedule.ts";
import { schedule, yuan } from "./test-support.ts";

function monthly(count: number, amount: number): CashFlow[] {
  return Array.from({ length: count }, (_, i) => ({ time: i + 1, amount: -amount }));
}

describe("APR by IRR", () => {
  it("PBOC 2021 No. 3: 100,000 with a 1,000 fee up front, 12 × 8,833.30 → 12.80% (13.58% compounded)", () => {
    const apr = aprFromFlows([{ time: 0, amount: yuan("99000.00") }, ...monthly(12, yuan("8833.30"))]);
    expect(apr.percent).toBe("12.80");
    expect(apr.compoundedPercent).toBe("13.58");
  });

  it("flat 1%/month: 933.33 × 11 + 933.37 on 10,000 → 21.46%", () => {
    const flows = [
      { time: 0, amount: yuan("10000.00") },
      ...monthly(11, yuan("933.33")),
      { time: 12, amount: -yuan("933.37") },
    ];
    expect(aprFromFlows(flows).percent).toBe("21.46");
  });

  it("an upfront fee raises the APR of a schedule", () => {
    const loan = schedule({
      principal: "100000.00",
      annualRate: "0.12",
      termMonths: 12,
      method: "equal-installment",
      startDate: "2026-01-15",
    });
    const plain = scheduleApr({
      principal: yuan("100000.00"),
      startDate: "2026-01-15",
      installments: loan.installments,
    });
    const withFee = scheduleApr({
      principal: yuan("100000.00"),
      startDate: "2026-01-15",
      installments: loan.installments,
      upfrontFee: yuan("1000.00"),
    });
    expect(plain.percent).toBe("12.00");
    // Independently: bisection in Python on 99,000 vs 11 × 8,884.88 + 8,884.85 gives 13.9131%.
    expect(withFee.percent).toBe("13.91");
  });

  it("the 4.9% mortgage example has APR 4.90", () => {
    const loan = schedule({
      principal: "1000000.00",
      annualRate: "0.049",
      termMonths: 360,
      method: "equal-installment",
      startDate: "2026-01-31",
    });
    expect(
      scheduleApr({ principal: yuan("1000000.00"), startDate: "2026-01-31", installments: loan.installments })
        .percent,
    ).toBe("4.90");
  });

  it("bullet: one flow at month n; zero rate: 0.00", () => {
    const bullet = schedule({
      principal: "10000.00",
      annualRate: "0.12",
      termMonths: 12,
      method: "bullet",
      startDate: "2026-01-15",
    });
    // Simple 12% over a year paid at the end is a monthly IRR of 1.12^(1/12) − 1 → 11.39%.
    expect(
      scheduleApr({ principal: yuan("10000.00"), startDate: "2026-01-15", installments: bullet.installments })
        .percent,
    ).toBe("11.39");
    const free = schedule({
      principal: "1200.00",
      annualRate: "0",
      termMonths: 12,
      method: "equal-principal",
      startDate: "2026-01-15",
    });
    expect(
      scheduleApr({ principal: yuan("1200.00"), startDate: "2026-01-15", installments: free.installments })
        .percent,
    ).toBe("0.00");
  });

  it("finds very high rates and negative ones (bisection when Newton would leave the bracket)", () => {
    // Borrow 100, repay 1000 after one month: i = 900%.
    expect(
      irr([
        { time: 0, amount: 100 },
        { time: 1, amount: -1000 },
      ]).toFixed(6),
    ).toBe("9.000000");
    // Borrow 100, repay 50 after one month: i = −50%.
    expect(
      irr([
        { time: 0, amount: 100 },
        { time: 1, amount: -50 },
      ]).toFixed(6),
    ).toBe("-0.500000");
  });

  it("refuses flows without a sign change", () => {
    expect(() =>
      irr([
        { time: 0, amount: 100 },
        { time: 1, amount: 50 },
      ]),
    ).toThrow(LoanInputError);
  });

  it("property: a fee-free monthly equal-installment schedule's APR is its rate (2 decimals)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 3600 }),
        fc.integer({ min: 1, max: 360 }),
        (principal, basisPoints, termMonths) => {
          const annualRate = new Dec(basisPoints).div(10_000);
          const loan = buildSchedule({
            principal: principal as Fen,
            annualRate,
            termMonths,
            method: "equal-installment",
            startDate: "2026-01-31",
          });
          const apr = scheduleApr({
            principal: principal as Fen,
            startDate: "2026-01-31",
            installments: loan.installments,
          });
          expect(apr.percent).toBe(annualRate.times(100).toFixed(2));
        },
      ),
      { numRuns: 150 },
    );
  });
});
