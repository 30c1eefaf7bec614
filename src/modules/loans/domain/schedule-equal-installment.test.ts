import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, formatAmount } from "../../../platform/money.ts";
import { equalInstallmentAmount, exactEqualInstallment } from "./annuity.ts";
import { rateFraction } from "./rate-math.ts";
import { buildSchedule } from "./schedule.ts";
import { rowsOf, schedule, yuan } from "./test-support.ts";

describe("等额本息 equal-installment — public figures", () => {
  const loan = schedule({
    principal: "1000000.00",
    annualRate: "0.049",
    termMonths: 360,
    method: "equal-installment",
    startDate: "2026-01-31",
  });
  const rows = loan.installments;

  it("has the 1,000,000 @ 4.9% / 30 years installment 5307.27", () => {
    expect(rows).toHaveLength(360);
    for (const row of rows.slice(0, 359)) expect(formatAmount(row.total)).toBe("5307.27");
    expect(formatAmount(rows[0].interest)).toBe("4083.33");
    expect(formatAmount(rows[0].principal)).toBe("1223.94");
  });

  it("ends with 5305.19 = 5283.62 + 21.57 and total interest 910615.12", () => {
    const last = rows[359];
    expect(rowsOf(loan)[359]).toBe("5283.62+21.57=5305.19");
    expect(last.remainingPrincipal).toBe(0);
    expect(formatAmount(loan.totals.interest)).toBe("910615.12");
    expect(formatAmount(loan.totals.principal)).toBe("1000000.00");
    expect(formatAmount(loan.totals.total)).toBe("1910615.12");
  });

  it("dates each period from the start and clamps to the month end", () => {
    expect(rows.slice(0, 4).map((r) => r.dueDate)).toEqual([
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
      "2026-05-31",
    ]);
    expect(rows[24].dueDate).toBe("2028-02-29");
    expect(rows[359].dueDate).toBe("2056-01-31");
  });

  it("a short loan: 100,000 @ 18% / 12 months starting 2026-01-15", () => {
    const short = schedule({
      principal: "100000.00",
      annualRate: "0.18",
      termMonths: 12,
      method: "equal-installment",
      startDate: "2026-01-15",
    });
    // Checked with exact fractions: A = 9167.999… → 9168.00; last 9032.50 + 135.49.
    expect(rowsOf(short)[0]).toBe("7668.00+1500.00=9168.00");
    expect(short.installments[0].dueDate).toBe("2026-02-15");
    expect(rowsOf(short)[11]).toBe("9032.50+135.49=9167.99");
    expect(formatAmount(short.totals.interest)).toBe("10015.99");
  });
});

describe("equal-installment edge cases", () => {
  it("zero rate: round(P/n) each period, the last takes the remainder", () => {
    const loan = schedule({
      principal: "100.00",
      annualRate: "0",
      termMonths: 3,
      method: "equal-installment",
      startDate: "2026-01-10",
    });
    expect(rowsOf(loan)).toEqual(["33.33+0.00=33.33", "33.33+0.00=33.33", "33.34+0.00=33.34"]);
  });

  it("rounds an exact half 分 up: 60.00 @ 4.9% for one month is exactly 60.245 yuan", () => {
    // 6000·(1 + 0.049/12) = 6024.5 分 exactly; 40-digit Decimal arithmetic gets 6024.4999… here.
    const loan = schedule({
      principal: "60.00",
      annualRate: "0.049",
      termMonths: 1,
      method: "equal-installment",
      startDate: "2026-01-10",
    });
    expect(formatAmount(loan.installments[0].total)).toBe("60.25");
    expect(rowsOf(loan)).toEqual(["60.00+0.25=60.25"]);
  });

  it("a tiny loan never pays more principal than is left", () => {
    const loan = schedule({
      principal: "0.09",
      annualRate: "0",
      termMonths: 12,
      method: "equal-installment",
      startDate: "2026-01-10",
    });
    expect(loan.installments.map((r) => r.principal).reduce((a, b) => a + b, 0)).toBe(9);
    expect(loan.installments.every((r) => r.remainingPrincipal >= 0)).toBe(true);
  });

  it("honours a product's rounding mode", () => {
    const input = {
      principal: yuan("1000.00"),
      annualRate: new Dec("0.18"),
      termMonths: 12,
      method: "equal-installment" as const,
      startDate: "2026-01-10",
    };
    // A = 91.679986… yuan: half-up and up give 91.68, down 91.67.
    expect(formatAmount(buildSchedule(input).installments[0].total)).toBe("91.68");
    expect(formatAmount(buildSchedule({ ...input, rounding: "down" }).installments[0].total)).toBe("91.67");
    expect(formatAmount(buildSchedule({ ...input, rounding: "up" }).installments[0].total)).toBe("91.68");
  });

  it("the fast double path agrees with exact rational arithmetic on random loans", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 360 }),
        fc.constantFrom("half-up" as const, "half-even" as const, "down" as const, "up" as const),
        (principal, basisPoints, termMonths, rounding) => {
          const rate = rateFraction(new Dec(basisPoints).div(100_000));
          const options = { principal, rate, termMonths, rounding };
          expect(equalInstallmentAmount(options)).toBe(exactEqualInstallment(options));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
