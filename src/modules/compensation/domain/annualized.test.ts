import { describe, expect, it } from "vitest";
import { annualizedPerformance, explainAnnualized } from "./annualized.ts";
import { yuan } from "./test-support.ts";

describe("年化业绩 (annualized performance)", () => {
  it.each([
    ["120000.00", { termMonths: 6 }, "6000000"],
    ["120000.00", { termMonths: 12 }, "12000000"],
    ["100000.00", { termMonths: 24 }, "20000000"],
    // 100,000 × 4 / 12 = 33,333.333… → 33,333.33
    ["100000.00", { termMonths: 4 }, "3333333"],
    // 0.05 × 10 / 12 = 0.041666… → 0.04; 0.07 × 1/12 = 0.00583… → 0.01 (half-up on 分)
    ["0.05", { termMonths: 10 }, "4"],
    ["0.07", { termMonths: 1 }, "1"],
    // 0.06 × 1 / 12 = 0.005 exactly → 0.01 (ROUND_HALF_UP, not half-even)
    ["0.06", { termMonths: 1 }, "1"],
    ["73000.00", { termDays: 180 }, "3600000"],
    ["36500.00", { termDays: 365 }, "3650000"],
    // 10,000 × 90 / 365 = 2,465.7534… → 2,465.75
    ["10000.00", { termDays: 90 }, "246575"],
  ])("%s over %o → %s 分", (principal, term, expected) => {
    expect(annualizedPerformance({ principal: yuan(principal), ...term })).toBe(Number(expected));
  });

  it("caps terms over a year at the principal only when the setting is on", () => {
    const loan = { principal: yuan("100000.00"), termMonths: 24 };
    expect(annualizedPerformance(loan, { capAtPrincipal: true })).toBe(yuan("100000.00"));
    expect(annualizedPerformance({ ...loan, termMonths: 12 }, { capAtPrincipal: true })).toBe(
      yuan("100000.00"),
    );
    expect(annualizedPerformance({ ...loan, termMonths: 6 }, { capAtPrincipal: true })).toBe(
      yuan("50000.00"),
    );
    expect(
      annualizedPerformance({ principal: yuan("36500.00"), termDays: 730 }, { capAtPrincipal: true }),
    ).toBe(yuan("36500.00"));
  });

  it("explains its arithmetic, and the cap when it applied", () => {
    expect(explainAnnualized({ principal: yuan("120000.00"), termMonths: 6 }).formula["en-US"]).toBe(
      "120,000.00 × 6/12 = 60,000.00",
    );
    expect(explainAnnualized({ principal: yuan("10000.00"), termDays: 90 }).formula["zh-CN"]).toBe(
      "10,000.00 × 90/365 = 2,465.75",
    );
    const capped = explainAnnualized(
      { principal: yuan("100000.00"), termMonths: 24 },
      { capAtPrincipal: true },
    );
    expect(capped.value).toBe(yuan("100000.00"));
    expect(capped.formula["en-US"]).toBe(
      "100,000.00 × 24/12 = 200,000.00, capped at the principal 100,000.00",
    );
  });
});
