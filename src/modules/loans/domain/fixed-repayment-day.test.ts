import { describe, expect, it } from "vitest";
import { formatAmount } from "../../../platform/money.ts";
import { rowsOf, schedule } from "./test-support.ts";

describe("fixed repayment day: broken first period", () => {
  const base = {
    principal: "12000.00",
    annualRate: "0.18",
    termMonths: 3,
    startDate: "2026-01-20",
    fixedRepaymentDay: 5,
  } as const;

  it("charges actual days × annual / 360 on the first period, then regular months", () => {
    const loan = schedule({ ...base, method: "equal-principal" });
    expect(loan.installments.map((r) => r.dueDate)).toEqual(["2026-03-05", "2026-04-05", "2026-05-05"]);
    // 01-20 → 03-05 = 44 days: 12000 × 0.18 × 44 / 360 = 264.00; then 8000 × 0.015 = 120.00.
    expect(rowsOf(loan)).toEqual([
      "4000.00+264.00=4264.00",
      "4000.00+120.00=4120.00",
      "4000.00+60.00=4060.00",
    ]);
  });

  it("uses a 365-day basis when the product says so", () => {
    const loan = schedule({ ...base, method: "interest-only", dayBasis: 365 });
    // 12000 × 0.18 × 44 / 365 = 260.38356… → 260.38
    expect(formatAmount(loan.installments[0].interest)).toBe("260.38");
    expect(formatAmount(loan.installments[1].interest)).toBe("180.00");
  });

  it("equal-installment keeps the regular principal split; only period 1's interest changes", () => {
    const regular = schedule({ ...base, method: "equal-installment", fixedRepaymentDay: null });
    const fixed = schedule({ ...base, method: "equal-installment" });
    expect(fixed.installments.map((r) => r.principal)).toEqual(regular.installments.map((r) => r.principal));
    expect(formatAmount(fixed.installments[0].interest)).toBe("264.00");
    expect(fixed.installments[1].total).toBe(regular.installments[1].total);
  });

  it("is a regular schedule when the fixed day is the start's day", () => {
    const fixed = schedule({ ...base, method: "flat", fixedRepaymentDay: 20 });
    const regular = schedule({ ...base, method: "flat", fixedRepaymentDay: null });
    expect(fixed).toEqual(regular);
  });

  it("bullet: due on the first fixed day on or after month n, interest on actual days", () => {
    const loan = schedule({ ...base, method: "bullet" });
    // 01-20 + 3 months = 04-20 → 2026-05-05; 105 days × 0.18 / 360 × 12000 = 630.00
    expect(loan.installments[0].dueDate).toBe("2026-05-05");
    expect(rowsOf(loan)).toEqual(["12000.00+630.00=12630.00"]);
  });
});
