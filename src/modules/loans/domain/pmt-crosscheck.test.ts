import { PMT } from "@formulajs/formulajs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, type Fen } from "../../../platform/money.ts";
import { buildSchedule } from "./schedule.ts";

// Excel's PMT (formulajs) works in binary floats: r = annual/12 as a double, (1+r)^n by Math.pow and
// 1 − 1/(1+r)^n with cancellation, so when the exact payment lies within ~1e-9 分 of a half 分 its
// rounding may land on the other side. Ours is exact; the two may therefore differ by at most 1 分,
// and only on such near-ties.
describe("equal-installment payment vs Excel PMT", () => {
  it("matches PMT to the 分 on thousands of random loans", () => {
    let compared = 0;
    let exact = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 10_000_000_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 360 }),
        (principal, basisPoints, termMonths) => {
          const annualRate = new Dec(basisPoints).div(10_000);
          const ours = buildSchedule({
            principal: principal as Fen,
            annualRate,
            termMonths,
            method: "equal-installment",
            startDate: "2026-01-15",
          }).installments[0].total;
          const excel = PMT(basisPoints / 10_000 / 12, termMonths, -principal);
          if (typeof excel !== "number") throw new Error("PMT failed");
          const rounded = Math.round(excel);
          compared += 1;
          if (rounded === ours) exact += 1;
          // A single-period loan's only row is the last one, whose principal is B by definition.
          expect(Math.abs(rounded - ours)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 5000 },
    );
    expect(compared).toBe(5000);
    expect(exact / compared).toBeGreaterThan(0.999);
  });
});
