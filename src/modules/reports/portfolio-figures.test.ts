import { describe, expect, it } from "vitest";
import { monthsEndingAt, ratio, sameDayLastMonth } from "./portfolio-figures.ts";

describe("portfolio figures", () => {
  it("counts months back across a year end", () => {
    expect(monthsEndingAt("2026-02", 4)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsEndingAt("2026-12", 1)).toEqual(["2026-12"]);
  });

  it("finds the same day last month, or that month's last day", () => {
    expect(sameDayLastMonth("2026-11-28")).toBe("2026-10-28");
    expect(sameDayLastMonth("2026-01-15")).toBe("2025-12-15");
    expect(sameDayLastMonth("2026-03-31")).toBe("2026-02-28");
    expect(sameDayLastMonth("2028-03-30")).toBe("2028-02-29");
    expect(sameDayLastMonth("2026-05-31")).toBe("2026-04-30");
  });

  it("gives ratios to four places, none without a denominator", () => {
    expect(ratio(1, 3)).toBe("0.3333");
    expect(ratio(2, 3)).toBe("0.6667");
    expect(ratio(0, 5)).toBe("0.0000");
    expect(ratio(5, 0)).toBeNull();
  });
});
