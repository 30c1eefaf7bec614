import { describe, expect, it } from "vitest";
import { formatAmount } from "../../../platform/money.ts";
import { annualizedPerformance } from "./performance.ts";
import { yuan } from "./test-support.ts";

describe("年化业绩 annualized performance", () => {
  it("principal × months / 12", () => {
    expect(formatAmount(annualizedPerformance({ principal: yuan("120000.00"), term: { months: 6 } }))).toBe(
      "60000.00",
    );
    expect(formatAmount(annualizedPerformance({ principal: yuan("100000.00"), term: { months: 7 } }))).toBe(
      "58333.33",
    );
  });

  it("rounds half up to the 分", () => {
    // 0.02 × 3 / 12 = 0.005 → 0.01; 0.10 × 5 / 12 = 0.041666… → 0.04
    expect(annualizedPerformance({ principal: yuan("0.02"), term: { months: 3 } })).toBe(1);
    expect(annualizedPerformance({ principal: yuan("0.10"), term: { months: 5 } })).toBe(4);
  });

  it("principal × days / 365 for day-count loans", () => {
    expect(formatAmount(annualizedPerformance({ principal: yuan("36500.00"), term: { days: 90 } }))).toBe(
      "9000.00",
    );
    expect(formatAmount(annualizedPerformance({ principal: yuan("10000.00"), term: { days: 100 } }))).toBe(
      "2739.73",
    );
  });

  it("terms over a year count more than the principal unless the cap setting is on", () => {
    expect(formatAmount(annualizedPerformance({ principal: yuan("100000.00"), term: { months: 24 } }))).toBe(
      "200000.00",
    );
    expect(
      formatAmount(
        annualizedPerformance({ principal: yuan("100000.00"), term: { months: 24 }, capAtPrincipal: true }),
      ),
    ).toBe("100000.00");
    expect(
      formatAmount(
        annualizedPerformance({ principal: yuan("100000.00"), term: { months: 6 }, capAtPrincipal: true }),
      ),
    ).toBe("50000.00");
  });

  it("refuses a term of 0", () => {
    expect(() => annualizedPerformance({ principal: yuan("1.00"), term: { months: 0 } })).toThrow(
      /termMonths/,
    );
  });
});
