import { describe, expect, it } from "vitest";
import { formatAmount } from "../../../platform/money.ts";
import { rowsOf, schedule } from "./test-support.ts";

describe("等额本金 equal-principal — public figures", () => {
  const loan = schedule({
    principal: "1000000.00",
    annualRate: "0.049",
    termMonths: 360,
    method: "equal-principal",
    startDate: "2026-01-31",
  });

  it("first 6861.11, second 6849.77, total interest 737041.08", () => {
    expect(rowsOf(loan).slice(0, 2)).toEqual(["2777.78+4083.33=6861.11", "2777.78+4071.99=6849.77"]);
    expect(formatAmount(loan.totals.interest)).toBe("737041.08");
  });

  it("the last period takes the remaining principal", () => {
    const last = loan.installments[359];
    // 359 × 2777.78 = 997223.02, so 2776.98 is left; interest round(2776.98 × 0.049/12) = 11.34.
    expect(rowsOf(loan)[359]).toBe("2776.98+11.34=2788.32");
    expect(last.remainingPrincipal).toBe(0);
    expect(formatAmount(loan.totals.principal)).toBe("1000000.00");
  });

  it("a 3-month loan of 1000 @ 12%", () => {
    const short = schedule({
      principal: "1000.00",
      annualRate: "0.12",
      termMonths: 3,
      method: "equal-principal",
      startDate: "2026-03-31",
    });
    expect(rowsOf(short)).toEqual(["333.33+10.00=343.33", "333.33+6.67=340.00", "333.34+3.33=336.67"]);
    expect(short.installments.map((r) => r.dueDate)).toEqual(["2026-04-30", "2026-05-31", "2026-06-30"]);
  });
});
