import { describe, expect, it } from "vitest";
import { formatAmount } from "../../../platform/money.ts";
import { scheduleApr } from "./apr.ts";
import { rowsOf, schedule, yuan } from "./test-support.ts";

describe("等本等息 flat", () => {
  const loan = schedule({
    principal: "10000.00",
    annualRate: "0.12",
    termMonths: 12,
    method: "flat",
    startDate: "2026-01-15",
  });

  it("10,000 @ 1%/month flat: 933.33 × 11 + 933.37", () => {
    const rows = rowsOf(loan);
    expect(rows.slice(0, 11)).toEqual(Array(11).fill("833.33+100.00=933.33"));
    expect(rows[11]).toBe("833.37+100.00=933.37");
    expect(formatAmount(loan.totals.interest)).toBe("1200.00");
  });

  it("has an APR of 21.46%, not 12%", () => {
    const apr = scheduleApr({
      principal: yuan("10000.00"),
      startDate: "2026-01-15",
      installments: loan.installments,
    });
    expect(apr.percent).toBe("21.46");
  });
});

describe("先息后本 interest-only", () => {
  it("pays round(P·r) every month and the principal at the end", () => {
    const loan = schedule({
      principal: "50000.00",
      annualRate: "0.15",
      termMonths: 6,
      method: "interest-only",
      startDate: "2026-01-31",
    });
    expect(rowsOf(loan)).toEqual([...Array(5).fill("0.00+625.00=625.00"), "50000.00+625.00=50625.00"]);
    expect(loan.installments.map((r) => formatAmount(r.remainingPrincipal))).toEqual([
      ...Array(5).fill("50000.00"),
      "0.00",
    ]);
    expect(loan.installments[0].dueDate).toBe("2026-02-28");
  });
});

describe("一次性还本付息 bullet", () => {
  it("is one row at month n with interest round(P·r·n)", () => {
    const loan = schedule({
      principal: "30000.00",
      annualRate: "0.0725",
      termMonths: 7,
      method: "bullet",
      startDate: "2026-01-31",
    });
    // 30000 × 0.0725 × 7 / 12 = 1268.75
    expect(rowsOf(loan)).toEqual(["30000.00+1268.75=31268.75"]);
    expect(loan.installments[0]).toMatchObject({ period: 1, dueDate: "2026-08-31", remainingPrincipal: 0 });
    expect(formatAmount(loan.totals.total)).toBe("31268.75");
  });

  it("rounds the whole-term interest once, not per month", () => {
    // 1 × 0.07/12 = 0.5833 分 a month: monthly rounding would give 1 × 3 = 3 分, exact is 1.75 → 2.
    const loan = schedule({
      principal: "1.00",
      annualRate: "0.07",
      termMonths: 3,
      method: "bullet",
      startDate: "2026-01-01",
    });
    expect(rowsOf(loan)).toEqual(["1.00+0.02=1.02"]);
  });
});

describe("per-period fees", () => {
  it("adds the fee to every row and to the totals", () => {
    const loan = schedule({
      principal: "1200.00",
      annualRate: "0",
      termMonths: 3,
      method: "equal-principal",
      startDate: "2026-01-01",
      fees: { perPeriod: yuan("5.00") },
    });
    expect(loan.installments.map((r) => formatAmount(r.total))).toEqual(["405.00", "405.00", "405.00"]);
    expect(formatAmount(loan.totals.fee)).toBe("15.00");
    expect(formatAmount(loan.totals.total)).toBe("1215.00");
  });
});
