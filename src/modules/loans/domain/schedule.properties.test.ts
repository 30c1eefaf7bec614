import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, type Fen } from "../../../platform/money.ts";
import { equalInstallmentAmount } from "./annuity.ts";
import { rateFraction } from "./rate-math.ts";
import { buildSchedule, REPAYMENT_METHODS, type RepaymentMethod } from "./schedule.ts";

const anyLoan = fc.record({
  principal: fc.integer({ min: 1, max: 10_000_000_000 }),
  // Rates with up to 6 decimals from 0 to 1, as products hold them.
  micros: fc.integer({ min: 0, max: 1_000_000 }),
  termMonths: fc.integer({ min: 1, max: 360 }),
  method: fc.constantFrom(...REPAYMENT_METHODS),
  startDay: fc.integer({ min: 1, max: 31 }),
  fixedRepaymentDay: fc.option(fc.integer({ min: 1, max: 28 }), { nil: null }),
});

function build(loan: {
  principal: number;
  micros: number;
  termMonths: number;
  method: RepaymentMethod;
  startDay: number;
  fixedRepaymentDay?: number | null;
}) {
  return buildSchedule({
    principal: loan.principal as Fen,
    annualRate: new Dec(loan.micros).div(1_000_000),
    termMonths: loan.termMonths,
    method: loan.method,
    startDate: `2026-01-${String(loan.startDay).padStart(2, "0")}`,
    fixedRepaymentDay: loan.fixedRepaymentDay,
  });
}

describe("schedule properties", () => {
  it("Σ principal = P, balances run down to 0 and are never negative, totals are the row sums", () => {
    fc.assert(
      fc.property(anyLoan, (loan) => {
        const result = build(loan);
        let balance = loan.principal;
        let interest = 0;
        for (const row of result.installments) {
          expect(row.principal).toBeGreaterThanOrEqual(0);
          expect(row.interest).toBeGreaterThanOrEqual(0);
          balance -= row.principal;
          expect(row.remainingPrincipal).toBe(balance);
          expect(row.remainingPrincipal).toBeGreaterThanOrEqual(0);
          expect(row.total).toBe(row.principal + row.interest + row.fee);
          interest += row.interest;
        }
        expect(balance).toBe(0);
        expect(result.totals.principal).toBe(loan.principal);
        expect(result.totals.interest).toBe(interest);
        expect(result.installments).toHaveLength(loan.method === "bullet" ? 1 : loan.termMonths);
      }),
      { numRuns: 500 },
    );
  });

  it("due dates are strictly increasing and one per month", () => {
    fc.assert(
      fc.property(anyLoan, (loan) => {
        const dates = build(loan).installments.map((row) => row.dueDate);
        for (let i = 1; i < dates.length; i++) expect(dates[i] > dates[i - 1]).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("equal-installment: every payment but the last equals A (realistic loans: ≤ 36%, ≤ 60 months, ≥ ¥1,000)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100_000, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 3600 }),
        fc.integer({ min: 1, max: 60 }),
        (principal, basisPoints, termMonths) => {
          const annualRate = new Dec(basisPoints).div(10_000);
          const result = buildSchedule({
            principal: principal as Fen,
            annualRate,
            termMonths,
            method: "equal-installment",
            startDate: "2026-03-31",
          });
          const a = equalInstallmentAmount({
            principal,
            rate: rateFraction(annualRate),
            termMonths,
            rounding: "half-up",
          });
          for (const row of result.installments.slice(0, -1)) expect(row.total).toBe(a);
          // The last one absorbs the rounding drift: at most 1 分 per period, compounded at r.
          const r = basisPoints / 10_000 / 12;
          const drift = r === 0 ? termMonths : ((1 + r) * ((1 + r) ** termMonths - 1)) / r;
          expect(Math.abs(result.installments[termMonths - 1].total - a)).toBeLessThanOrEqual(drift + 1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("equal-installment over any terms: constant until the balance is gone, then nothing more is due", () => {
    // With 100% a year over 30 years rounding drift compounds; the balance may run out before period n.
    fc.assert(
      fc.property(anyLoan, (loan) => {
        const result = build({ ...loan, method: "equal-installment", fixedRepaymentDay: null });
        const a = result.installments[0].total;
        for (const row of result.installments.slice(0, -1)) {
          const paidOff = row.remainingPrincipal === 0;
          expect(row.total === a || paidOff || row.principal + row.interest === 0).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});
