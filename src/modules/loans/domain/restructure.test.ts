import { describe, expect, it } from "vitest";
import { Dec, formatAmount } from "../../../platform/money.ts";
import { restructure } from "./restructure.ts";
import { yuan } from "./test-support.ts";

describe("restructuring / extension", () => {
  const base = {
    remainingPrincipal: yuan("8000.00"),
    unpaidInterest: yuan("240.00"),
    annualRate: new Dec("0.10"),
    termMonths: 12,
    method: "equal-principal" as const,
    startDate: "2026-06-30",
  };

  it("re-schedules the remaining principal on new terms; unpaid interest stays to settle", () => {
    const result = restructure(base);
    expect(result.principal).toBe(yuan("8000.00"));
    expect(result.interestToSettle).toBe(yuan("240.00"));
    expect(result.schedule.installments).toHaveLength(12);
    // Same day of month as the new start (30th), not the month end.
    expect(result.schedule.installments.slice(0, 2).map((r) => r.dueDate)).toEqual([
      "2026-07-30",
      "2026-08-30",
    ]);
    expect(formatAmount(result.schedule.installments[0].interest)).toBe("66.67");
  });

  it("can capitalise the unpaid interest", () => {
    const result = restructure({ ...base, capitaliseInterest: true, method: "bullet" });
    expect(formatAmount(result.principal)).toBe("8240.00");
    expect(result.capitalisedInterest).toBe(yuan("240.00"));
    expect(result.interestToSettle).toBe(0);
    // 8240 × 0.10 = 824.00 over 12 months, paid at the end.
    expect(formatAmount(result.schedule.totals.interest)).toBe("824.00");
  });
});
