// New customer managers (DOMAIN.md §7): probation month, first month after it, then regular; plus who
// gets a statement at all, and the proration switch.
import { describe, expect, it } from "vitest";
import { figures, loan, payroll, planWith, staff } from "./test-support.ts";

const joined = (joinedOn: string, extra = {}) => [
  staff({ id: "c", position: "customer-manager", joinedOn, ...extra }),
];

describe("new customer manager stages", () => {
  it("probation (month of joining): base 1,800, no target, 1% on any performance, no deduction", () => {
    const withLoan = payroll({
      month: "2026-10",
      staff: joined("2026-10-15"),
      loans: [loan({ staffId: "c", principal: "10000.00", termMonths: 3, on: "2026-10-20" })],
    });
    expect(figures(withLoan.c)).toEqual({
      stage: "probation",
      annualizedPerformance: "2500.00",
      target: null,
      baseSalary: "1800.00",
      deduction: "0.00",
      commission: "25.00",
      managementCommission: "0.00",
      total: "1825.00",
    });
    const nothing = payroll({ month: "2026-10", staff: joined("2026-10-15") });
    expect(figures(nothing.c)).toMatchObject({ deduction: "0.00", total: "1800.00", target: null });
    expect(nothing.c.lines[1].explanation["zh-CN"]).toBe("试用期无目标,不扣减");
  });

  it("joining on the last day of a month makes that month the probation month", () => {
    expect(payroll({ month: "2026-10", staff: joined("2026-10-31") }).c.stage).toBe("probation");
    expect(payroll({ month: "2026-11", staff: joined("2026-10-31") }).c.stage).toBe("first-month");
  });

  it.each([
    ["met", "100000.00", { deduction: "0.00", commission: "1000.00", total: "3000.00" }],
    ["missed", "50000.00", { deduction: "500.00", commission: "500.00", total: "2000.00" }],
    ["zero", null, { deduction: "1000.00", commission: "0.00", total: "1000.00" }],
  ])("first month after probation, target %s: target 100,000, base 2,000", (_, principal, expected) => {
    const loans =
      principal === null ? [] : [loan({ staffId: "c", principal, termMonths: 12, on: "2026-11-03" })];
    const { c } = payroll({ month: "2026-11", staff: joined("2026-10-15"), loans });
    expect(figures(c)).toMatchObject({
      stage: "first-month",
      target: "100000.00",
      baseSalary: "2000.00",
      ...expected,
    });
  });

  it("from the second month after probation: the customer-manager rule (target 200,000)", () => {
    const { c } = payroll({
      month: "2026-12",
      staff: joined("2026-10-15"),
      loans: [loan({ staffId: "c", principal: "150000.00", termMonths: 12, on: "2026-12-03" })],
    });
    expect(figures(c)).toEqual({
      stage: "regular",
      annualizedPerformance: "150000.00",
      target: "200000.00",
      baseSalary: "2000.00",
      deduction: "500.00",
      commission: "1500.00",
      managementCommission: "0.00",
      total: "3000.00",
    });
  });

  it("counts months across a year end", () => {
    const staffList = joined("2026-12-05");
    expect(payroll({ month: "2026-12", staff: staffList }).c.stage).toBe("probation");
    expect(payroll({ month: "2027-01", staff: staffList }).c.stage).toBe("first-month");
    expect(payroll({ month: "2027-02", staff: staffList }).c.stage).toBe("regular");
  });

  it("managers and directors are regular from their first month (the stages are for customer managers)", () => {
    const { t, d } = payroll({
      month: "2026-11",
      staff: [
        staff({ id: "d", position: "sales-director", joinedOn: "2026-11-10" }),
        staff({ id: "t", position: "team-manager", joinedOn: "2026-11-20", managerId: "d" }),
      ],
    });
    expect(figures(t)).toMatchObject({ stage: "regular", baseSalary: "3000.00", deduction: "1000.00" });
    expect(figures(d)).toMatchObject({ stage: "regular", baseSalary: "6000.00", deduction: "1000.00" });
  });

  it("the plan can put other positions through the stages", () => {
    const plan = planWith((p) => {
      p.newEmployee.positions = ["customer-manager", "team-manager"];
    });
    const { t } = payroll({
      month: "2026-11",
      plan,
      staff: [staff({ id: "t", position: "team-manager", joinedOn: "2026-11-20" })],
    });
    expect(figures(t)).toMatchObject({ stage: "probation", baseSalary: "1800.00", total: "1800.00" });
  });
});

describe("who gets a statement", () => {
  it("only people employed on some day of the month, in input order", () => {
    const result = payroll({
      month: "2026-11",
      staff: [
        staff({ id: "left-before", position: "customer-manager", leftOn: "2026-10-31" }),
        staff({ id: "left-during", position: "customer-manager", leftOn: "2026-11-01" }),
        staff({ id: "joins-later", position: "customer-manager", joinedOn: "2026-12-01" }),
        staff({ id: "stays", position: "customer-manager" }),
      ],
    });
    expect(Object.keys(result)).toEqual(["left-during", "stays"]);
    // Without proration someone who leaves on the 1st still draws the full base.
    expect(figures(result["left-during"])).toMatchObject({ baseSalary: "2000.00", total: "1000.00" });
  });
});

describe("partial-month proration (plan setting, off by default)", () => {
  const prorated = planWith((p) => {
    p.proration.enabled = true;
  });

  it("prorates the base by calendar days employed, joinedOn and leftOn inclusive", () => {
    const { c } = payroll({
      month: "2026-11",
      plan: prorated,
      staff: joined("2026-11-16"),
      loans: [loan({ staffId: "c", principal: "12000.00", termMonths: 12, on: "2026-11-20" })],
    });
    // 1,800 × 15/30 = 900.00; commission 12,000 × 1% = 120.00.
    expect(figures(c)).toMatchObject({
      stage: "probation",
      baseSalary: "900.00",
      commission: "120.00",
      total: "1020.00",
    });
    expect(c.lines[0].explanation["en-US"]).toBe(
      "probation base salary 1,800.00 × 15/30 days employed = 900.00",
    );
  });

  it("keeps a whole month whole and rounds a part half-up; a deduction never exceeds the prorated base", () => {
    const { full, part } = payroll({
      month: "2026-11",
      plan: prorated,
      staff: [
        staff({ id: "full", position: "customer-manager" }),
        staff({ id: "part", position: "customer-manager", leftOn: "2026-11-10" }),
      ],
    });
    expect(figures(full)).toMatchObject({ baseSalary: "2000.00", deduction: "1000.00", total: "1000.00" });
    // 2,000 × 10/30 = 666.666… → 666.67; the 1,000 deduction is capped at it.
    expect(figures(part)).toMatchObject({ baseSalary: "666.67", deduction: "666.67", total: "0.00" });
    expect(part.lines[1].explanation["en-US"]).toBe(
      "annualized performance 0.00: zero performance, deduction 1,000.00, capped at the base salary 666.67",
    );
  });

  it("uses the month's own length (February)", () => {
    const { c } = payroll({ month: "2027-02", plan: prorated, staff: joined("2027-02-15") });
    // 1,800 × 14/28 = 900.00
    expect(figures(c)).toMatchObject({ baseSalary: "900.00" });
  });
});

describe("performance cap for long terms (plan setting, off by default)", () => {
  it("caps a 24-month loan's 年化业绩 at its principal only when switched on", () => {
    const loans = [loan({ staffId: "c", principal: "150000.00", termMonths: 24, on: "2026-11-05" })];
    const off = payroll({
      month: "2026-11",
      staff: [staff({ id: "c", position: "customer-manager" })],
      loans,
    });
    expect(figures(off.c)).toMatchObject({ annualizedPerformance: "300000.00", commission: "3000.00" });
    const plan = planWith((p) => {
      p.performance.capAtPrincipalOverOneYear = true;
    });
    const on = payroll({
      month: "2026-11",
      plan,
      staff: [staff({ id: "c", position: "customer-manager" })],
      loans,
    });
    expect(figures(on.c)).toMatchObject({
      annualizedPerformance: "150000.00",
      deduction: "500.00",
      commission: "1500.00",
    });
  });
});
