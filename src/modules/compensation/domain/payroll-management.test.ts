// Management commission (DOMAIN.md §7): team-manager on direct reports, sales-director on everyone
// below, own performance in the total only when the plan says so, a warning when a rate is missing.
import { describe, expect, it } from "vitest";
import { formatAmount } from "../../../platform/money.ts";
import { computePayroll } from "./payroll.ts";
import { mergePlan } from "./plan.ts";
import { figures, loan, payroll, planWith, staff } from "./test-support.ts";

// D ─┬─ T1 ─┬─ C1, C2
//    │      └─ T3 ── C5        (a team-manager under a team-manager)
//    ├─ T2 ── C3
//    └─ C4                      (a customer manager straight under the director)
const ORG = [
  staff({ id: "D", position: "sales-director" }),
  staff({ id: "T1", position: "team-manager", managerId: "D" }),
  staff({ id: "T2", position: "team-manager", managerId: "D" }),
  staff({ id: "T3", position: "team-manager", managerId: "T1" }),
  staff({ id: "C1", position: "customer-manager", managerId: "T1" }),
  staff({ id: "C2", position: "customer-manager", managerId: "T1" }),
  staff({ id: "C3", position: "customer-manager", managerId: "T2" }),
  staff({ id: "C4", position: "customer-manager", managerId: "D" }),
  staff({ id: "C5", position: "customer-manager", managerId: "T3" }),
];

const LOANS = [
  loan({ staffId: "C1", principal: "100000.00", termMonths: 12, on: "2026-11-02" }), // 100,000
  loan({ staffId: "C2", principal: "60000.00", termMonths: 6, on: "2026-11-03" }), // 30,000
  loan({ staffId: "C3", principal: "240000.00", termMonths: 3, on: "2026-11-04" }), // 60,000
  loan({ staffId: "C4", principal: "36500.00", termDays: 365, on: "2026-11-05" }), // 36,500
  loan({ staffId: "C5", principal: "50000.00", termMonths: 12, on: "2026-11-06" }), // 50,000
  loan({ staffId: "T1", principal: "20000.00", termMonths: 12, on: "2026-11-07" }), // 20,000
  loan({ staffId: "T3", principal: "10000.00", termMonths: 12, on: "2026-11-08" }), // 10,000
  loan({ staffId: "D", principal: "40000.00", termMonths: 12, on: "2026-11-09" }), // 40,000
];

const management = (includeOwnInTeamTotal: boolean) => {
  const plan = planWith((p) => {
    p.includeOwnInTeamTotal = includeOwnInTeamTotal;
  });
  const result = payroll({ month: "2026-11", plan, staff: ORG, loans: LOANS });
  return Object.fromEntries(
    Object.entries(result).map(([id, s]) => [id, formatAmount(s.managementCommission)]),
  );
};

describe("management commission on a multi-level org", () => {
  it("without own performance: team-manager × direct reports, director × everyone below", () => {
    expect(management(false)).toEqual({
      D: "919.50", // (20,000 + 100,000 + 30,000 + 10,000 + 50,000 + 0 + 60,000 + 36,500) × 0.3% = 306,500 × 0.3%
      T1: "700.00", // (C1 100,000 + C2 30,000 + T3 10,000) × 0.5%; C5 is T3's
      T2: "300.00", // C3 60,000 × 0.5%
      T3: "250.00", // C5 50,000 × 0.5%
      C1: "0.00",
      C2: "0.00",
      C3: "0.00",
      C4: "0.00",
      C5: "0.00",
    });
  });

  it("with own performance included", () => {
    expect(management(true)).toMatchObject({
      D: "1039.50", // 306,500 + own 40,000 = 346,500 × 0.3%
      T1: "800.00", // 140,000 + own 20,000
      T2: "300.00", // own 0
      T3: "300.00", // 50,000 + own 10,000
    });
  });

  it("the plan can widen a team-manager's team to everyone below", () => {
    const plan = planWith((p) => {
      p.managementScope["team-manager"] = "all-descendants";
    });
    const { T1 } = payroll({ month: "2026-11", plan, staff: ORG, loans: LOANS });
    // C1 100,000 + C2 30,000 + T3 10,000 + C5 50,000 = 190,000 × 0.5%
    expect(formatAmount(T1.managementCommission)).toBe("950.00");
  });

  it("explains the team total, its size and whether own performance counts", () => {
    const { T1, D } = payroll({ month: "2026-11", staff: ORG, loans: LOANS });
    expect(T1.lines[3].explanation).toEqual({
      "zh-CN": "团队年化业绩 140,000.00 × 0.5% = 700.00(直属 3 人,不含本人)",
      "en-US":
        "team annualized performance 140,000.00 × 0.5% = 700.00 (3 direct reports, own performance excluded)",
    });
    expect(D.lines[3].explanation["en-US"]).toBe(
      "team annualized performance 306,500.00 × 0.3% = 919.50 (8 people below, own performance excluded)",
    );
  });

  it("rounds half-up to 分", () => {
    // 100,000 × 4/12 = 33,333.33; × 0.5% = 166.66665 → 166.67; × 0.3% = 99.99999 → 100.00
    const { T, D } = payroll({
      month: "2026-11",
      staff: [
        staff({ id: "D", position: "sales-director" }),
        staff({ id: "T", position: "team-manager", managerId: "D" }),
        staff({ id: "C", position: "customer-manager", managerId: "T" }),
      ],
      loans: [loan({ staffId: "C", principal: "100000.00", termMonths: 4, on: "2026-11-02" })],
    });
    expect(formatAmount(T.managementCommission)).toBe("166.67");
    expect(formatAmount(D.managementCommission)).toBe("100.00");
  });

  it("a missing rate computes 0 and puts a warning on the statement", () => {
    const plan = mergePlan({ managementRate: { "sales-director": "0.003" } });
    const { T1, D, C1 } = payroll({ month: "2026-11", plan, staff: ORG, loans: LOANS });
    expect(formatAmount(T1.managementCommission)).toBe("0.00");
    expect(T1.warnings).toEqual([
      {
        code: "missing-management-rate",
        message: {
          "zh-CN": "方案未设置团队经理的管理提成比例",
          "en-US": "plan has no management-commission rate for team-manager",
        },
      },
    ]);
    expect(T1.lines[3].explanation["en-US"]).toBe(
      "plan has no management-commission rate for team-manager; 0.00",
    );
    expect(formatAmount(D.managementCommission)).toBe("919.50");
    expect(D.warnings).toEqual([]);
    expect(C1.warnings).toEqual([]);
  });

  it("the seed plan alone warns both managers", () => {
    const result = computePayroll({ month: "2026-11", plan: mergePlan({}), staff: ORG, loans: LOANS });
    const warned = result.statements.filter((s) => s.warnings.length > 0).map((s) => s.staffId);
    expect(warned).toEqual(["D", "T1", "T2", "T3"]);
  });
});

describe("API.md payroll scenario", () => {
  it("gives the documented figures", () => {
    const result = payroll({
      month: "2026-11",
      plan: mergePlan({
        managementRate: { "team-manager": "0.005", "sales-director": "0.003" },
        includeOwnInTeamTotal: false,
      }),
      staff: [
        staff({ id: "d1", position: "sales-director", joinedOn: "2024-01-01" }),
        staff({ id: "t1", position: "team-manager", managerId: "d1", joinedOn: "2024-01-01" }),
        staff({ id: "c1", position: "customer-manager", managerId: "t1", joinedOn: "2026-11-01" }),
      ],
      loans: [loan({ staffId: "c1", principal: "120000.00", termMonths: 6, on: "2026-11-03" })],
    });
    expect(figures(result.c1)).toEqual({
      stage: "probation",
      annualizedPerformance: "60000.00",
      target: null,
      baseSalary: "1800.00",
      deduction: "0.00",
      commission: "600.00",
      managementCommission: "0.00",
      total: "2400.00",
    });
    expect(figures(result.t1)).toEqual({
      stage: "regular",
      annualizedPerformance: "0.00",
      target: "300000.00",
      baseSalary: "3000.00",
      deduction: "1000.00",
      commission: "0.00",
      managementCommission: "300.00",
      total: "2300.00",
    });
    expect(figures(result.d1)).toEqual({
      stage: "regular",
      annualizedPerformance: "0.00",
      target: "500000.00",
      baseSalary: "6000.00",
      deduction: "1000.00",
      commission: "0.00",
      managementCommission: "180.00",
      total: "5180.00",
    });
    expect(result.c1.lines[2].explanation["zh-CN"]).toContain("年化业绩 60,000.00 × 1% = 600.00");
  });
});
