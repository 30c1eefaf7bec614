import { describe, expect, it } from "vitest";
import {
  addMonths,
  daysBetween,
  dueDates,
  firstFixedDueDate,
  formatDate,
  monthsBetween,
  parseDate,
} from "./due-dates.ts";

const d = (text: string) => {
  const parsed = parseDate(text);
  if (parsed === null) throw new Error(text);
  return parsed;
};

describe("dates", () => {
  it("accepts only real calendar dates", () => {
    expect(parseDate("2026-02-30")).toBeNull();
    expect(parseDate("2026-02-29")).toBeNull();
    expect(parseDate("2028-02-29")).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseDate("2100-02-29")).toBeNull();
    expect(parseDate("2000-02-29")).not.toBeNull();
    expect(parseDate("2026-13-01")).toBeNull();
    expect(parseDate("2026-1-01")).toBeNull();
    expect(parseDate("2026-01-00")).toBeNull();
    expect(parseDate(" 2026-01-01")).toBeNull();
  });

  it("clamps to the month end and never chains", () => {
    const start = d("2026-01-31");
    expect([1, 2, 3, 13, 25].map((m) => formatDate(addMonths(start, m)))).toEqual([
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
      "2027-02-28",
      "2028-02-29",
    ]);
    expect(dueDates({ start, firstMonth: 1, count: 3, fixedRepaymentDay: null })).toEqual([
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
    ]);
    expect(formatDate(addMonths(d("2026-12-15"), 1))).toBe("2027-01-15");
  });

  it("counts days across leap years", () => {
    expect(daysBetween(d("2028-02-28"), d("2028-03-01"))).toBe(2);
    expect(daysBetween(d("2026-01-31"), d("2026-01-30"))).toBe(-1);
  });

  it("measures months by the due-date rule plus the elapsed fraction", () => {
    expect(monthsBetween(d("2026-01-31"), d("2026-02-28"))).toBe(1);
    expect(monthsBetween(d("2026-01-31"), d("2026-03-31"))).toBe(2);
    expect(monthsBetween(d("2026-01-15"), d("2026-01-15"))).toBe(0);
    expect(monthsBetween(d("2026-01-15"), d("2026-02-01"))).toBeCloseTo(17 / 31, 12);
    expect(monthsBetween(d("2026-01-10"), d("2026-03-20"))).toBeCloseTo(2 + 10 / 31, 12);
  });
});

describe("每月固定还款日 fixed repayment day", () => {
  it("is the first such day on or after the start plus one month", () => {
    const cases: [string, number, string][] = [
      ["2026-01-10", 15, "2026-02-15"], // one month + 5 days
      ["2026-01-10", 10, "2026-02-10"], // exactly one month: no broken period
      ["2026-01-20", 5, "2026-03-05"], // 02-20 is past the 5th, so the 5th of March
      ["2026-01-31", 28, "2026-02-28"], // start + 1 month clamps to 02-28, which is the 28th
      ["2026-01-31", 1, "2026-03-01"],
      ["2026-12-20", 10, "2027-02-10"],
    ];
    for (const [start, day, expected] of cases)
      expect(formatDate(firstFixedDueDate(d(start), day))).toBe(expected);
  });

  it("hangs later due dates off the first one", () => {
    expect(dueDates({ start: d("2026-01-20"), firstMonth: 1, count: 3, fixedRepaymentDay: 5 })).toEqual([
      "2026-03-05",
      "2026-04-05",
      "2026-05-05",
    ]);
  });
});
