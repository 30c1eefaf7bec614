import { describe, expect, it } from "vitest";
import { chinaDayOf, isoWeekday, periodRange, workingDaysOf } from "./kpi-periods.ts";

describe("KPI periods", () => {
  it("takes the ISO week Monday to Sunday and the calendar month", () => {
    expect(periodRange("week", "2026-11-20")).toEqual({ from: "2026-11-16", to: "2026-11-22" });
    expect(periodRange("week", "2026-11-22")).toEqual({ from: "2026-11-16", to: "2026-11-22" });
    expect(periodRange("week", "2026-12-31")).toEqual({ from: "2026-12-28", to: "2027-01-03" });
    expect(periodRange("month", "2028-02-10")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(periodRange("day", "2026-11-20")).toEqual({ from: "2026-11-20", to: "2026-11-20" });
  });

  it("counts the working days: 21 weekdays in November 2026", () => {
    expect(isoWeekday("2026-11-01")).toBe(7);
    expect(workingDaysOf(periodRange("month", "2026-11-01"), [1, 2, 3, 4, 5])).toHaveLength(21);
    expect(workingDaysOf(periodRange("month", "2026-11-01"), [1, 2, 3, 4, 5, 6])).toHaveLength(25);
  });

  it("reads an instant's day in China time", () => {
    expect(chinaDayOf(new Date("2026-11-16T15:30:00Z"))).toBe("2026-11-16"); // 23:30 in Beijing
    expect(chinaDayOf(new Date("2026-11-16T16:00:00Z"))).toBe("2026-11-17"); // midnight in Beijing
  });
});
