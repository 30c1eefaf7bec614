// The seed's 31-person marketing team (DOMAIN.md §6): 1 director, 5 team managers × 5 customer
// managers, one whole month with a fixed loan list. Every figure below is worked out by hand.
import { describe, expect, it } from "vitest";
import { formatAmount } from "../../../platform/money.ts";
import type { LoanInput, StaffInput } from "./payroll-input.ts";
import { figures, loan, payroll, staff } from "./test-support.ts";

const STAFF: StaffInput[] = [staff({ id: "D", position: "sales-director", joinedOn: "2025-01-01" })];
for (let t = 1; t <= 5; t++) {
  STAFF.push(staff({ id: `T${t}`, position: "team-manager", managerId: "D", joinedOn: "2025-01-01" }));
  for (let c = 1; c <= 5; c++)
    STAFF.push(
      staff({ id: `T${t}C${c}`, position: "customer-manager", managerId: `T${t}`, joinedOn: "2025-01-01" }),
    );
}

const LOANS: LoanInput[] = [
  // Team 1: every customer manager 240,000 × 12/12 = 240,000 — met.
  ...[1, 2, 3, 4, 5].map((c) =>
    loan({ staffId: `T1C${c}`, principal: "240000.00", termMonths: 12, on: `2026-03-0${c}` }),
  ),
  // Team 2: every customer manager 300,000 × 6/12 = 150,000 — missed.
  ...[1, 2, 3, 4, 5].map((c) =>
    loan({ staffId: `T2C${c}`, principal: "300000.00", termMonths: 6, on: "2026-03-15" }),
  ),
  // Team 3: C1–C3 nothing; C4 500,000 × 6/12 = 250,000 (met); C5 100,000 + 73,000 × 180/365 = 136,000 (missed).
  loan({ staffId: "T3C4", principal: "500000.00", termMonths: 6, on: "2026-03-10" }),
  loan({ staffId: "T3C5", principal: "100000.00", termMonths: 12, on: "2026-03-11" }),
  loan({ staffId: "T3C5", principal: "73000.00", termDays: 180, on: "2026-03-31" }),
  // Team 4: nothing at all.
  // Team 5: C1 exactly at target 200,000; C2–C5 80,000 × 3/12 = 20,000 each (missed).
  loan({ staffId: "T5C1", principal: "200000.00", termMonths: 12, on: "2026-03-20" }),
  ...[2, 3, 4, 5].map((c) =>
    loan({ staffId: `T5C${c}`, principal: "80000.00", termMonths: 3, on: "2026-03-21" }),
  ),
  // Outside March: never counted.
  loan({ staffId: "T4C1", principal: "900000.00", termMonths: 12, on: "2026-02-28" }),
  loan({ staffId: "T4C2", principal: "900000.00", termMonths: 12, on: "2026-04-01" }),
  // T1's own business: 360,000 — met; nobody else above customer managers sells.
  loan({ staffId: "T1", principal: "360000.00", termMonths: 12, on: "2026-03-25" }),
];

describe("31-person sales team, March 2026", () => {
  const result = payroll({ month: "2026-03", staff: STAFF, loans: LOANS });
  const total = (ids: string[]) => formatAmount(ids.reduce((sum, id) => sum + result[id].total, 0));
  const members = (t: number) => [1, 2, 3, 4, 5].map((c) => `T${t}C${c}`);

  it("has one statement per person", () => {
    expect(Object.keys(result)).toHaveLength(31);
  });

  it("customer managers, team by team", () => {
    // 5 × (2,000 + 2,400) = 22,000
    expect(total(members(1))).toBe("22000.00");
    // 5 × (2,000 − 500 + 1,500) = 15,000
    expect(total(members(2))).toBe("15000.00");
    // 3 × 1,000 + (2,000 + 2,500) + (2,000 − 500 + 1,360) = 10,360
    expect(total(members(3))).toBe("10360.00");
    expect(figures(result.T3C5)).toMatchObject({ annualizedPerformance: "136000.00", total: "2860.00" });
    // 5 × (2,000 − 1,000) = 5,000; the February and April loans do not count
    expect(total(members(4))).toBe("5000.00");
    // (2,000 + 2,000) + 4 × (2,000 − 500 + 200) = 10,800
    expect(total(members(5))).toBe("10800.00");
    expect(figures(result.T5C1)).toMatchObject({ deduction: "0.00", total: "4000.00" });
  });

  it("team managers", () => {
    // T1: 3,000 + own 3,600 + 1,200,000 × 0.5% = 6,000 → 12,600
    expect(figures(result.T1)).toMatchObject({
      deduction: "0.00",
      commission: "3600.00",
      managementCommission: "6000.00",
      total: "12600.00",
    });
    // T2: 3,000 − 1,000 + 750,000 × 0.5% = 3,750 → 5,750
    expect(figures(result.T2)).toMatchObject({ managementCommission: "3750.00", total: "5750.00" });
    // T3: 2,000 + 386,000 × 0.5% = 1,930 → 3,930
    expect(figures(result.T3)).toMatchObject({ managementCommission: "1930.00", total: "3930.00" });
    // T4: 2,000 + 0
    expect(figures(result.T4)).toMatchObject({ managementCommission: "0.00", total: "2000.00" });
    // T5: 2,000 + 280,000 × 0.5% = 1,400 → 3,400
    expect(figures(result.T5)).toMatchObject({ managementCommission: "1400.00", total: "3400.00" });
  });

  it("the director and the payroll total", () => {
    // Org below D: 1,200,000 + 750,000 + 386,000 + 0 + 280,000 + T1's 360,000 = 2,976,000 × 0.3% = 8,928
    expect(figures(result.D)).toMatchObject({
      annualizedPerformance: "0.00",
      deduction: "1000.00",
      managementCommission: "8928.00",
      total: "13928.00",
    });
    // 63,160 customer managers + 27,680 team managers + 13,928 director
    expect(total(Object.keys(result))).toBe("104768.00");
  });
});
