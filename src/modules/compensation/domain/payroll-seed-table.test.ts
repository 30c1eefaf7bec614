// Every cell of the DOMAIN.md §7 table: each position × target met / missed (>0) / zero, regular stage.
import { describe, expect, it } from "vitest";
import { figures, loan, payroll, staff } from "./test-support.ts";

type Cell = {
  position: "customer-manager" | "team-manager" | "sales-director";
  outcome: string;
  principal: string | null;
  expected: {
    performance: string;
    target: string;
    base: string;
    deduction: string;
    commission: string;
    total: string;
  };
};

const CELLS: Cell[] = [
  {
    position: "customer-manager",
    outcome: "met",
    principal: "240000.00",
    expected: {
      performance: "240000.00",
      target: "200000.00",
      base: "2000.00",
      deduction: "0.00",
      commission: "2400.00",
      total: "4400.00",
    },
  },
  {
    position: "customer-manager",
    outcome: "met exactly",
    principal: "200000.00",
    expected: {
      performance: "200000.00",
      target: "200000.00",
      base: "2000.00",
      deduction: "0.00",
      commission: "2000.00",
      total: "4000.00",
    },
  },
  {
    position: "customer-manager",
    outcome: "missed",
    principal: "150000.00",
    expected: {
      performance: "150000.00",
      target: "200000.00",
      base: "2000.00",
      deduction: "500.00",
      commission: "1500.00",
      total: "3000.00",
    },
  },
  {
    position: "customer-manager",
    outcome: "missed by 1 分",
    principal: "199999.99",
    expected: {
      performance: "199999.99",
      target: "200000.00",
      base: "2000.00",
      deduction: "500.00",
      commission: "2000.00",
      total: "3500.00",
    },
  },
  {
    position: "customer-manager",
    outcome: "zero",
    principal: null,
    expected: {
      performance: "0.00",
      target: "200000.00",
      base: "2000.00",
      deduction: "1000.00",
      commission: "0.00",
      total: "1000.00",
    },
  },
  {
    position: "team-manager",
    outcome: "met",
    principal: "360000.00",
    expected: {
      performance: "360000.00",
      target: "300000.00",
      base: "3000.00",
      deduction: "0.00",
      commission: "3600.00",
      total: "6600.00",
    },
  },
  {
    position: "team-manager",
    outcome: "missed",
    principal: "100000.00",
    expected: {
      performance: "100000.00",
      target: "300000.00",
      base: "3000.00",
      deduction: "500.00",
      commission: "1000.00",
      total: "3500.00",
    },
  },
  {
    position: "team-manager",
    outcome: "zero",
    principal: null,
    expected: {
      performance: "0.00",
      target: "300000.00",
      base: "3000.00",
      deduction: "1000.00",
      commission: "0.00",
      total: "2000.00",
    },
  },
  {
    position: "sales-director",
    outcome: "met",
    principal: "600000.00",
    expected: {
      performance: "600000.00",
      target: "500000.00",
      base: "6000.00",
      deduction: "0.00",
      commission: "6000.00",
      total: "12000.00",
    },
  },
  {
    position: "sales-director",
    outcome: "missed",
    principal: "250000.00",
    expected: {
      performance: "250000.00",
      target: "500000.00",
      base: "6000.00",
      deduction: "500.00",
      commission: "2500.00",
      total: "8000.00",
    },
  },
  {
    position: "sales-director",
    outcome: "zero",
    principal: null,
    expected: {
      performance: "0.00",
      target: "500000.00",
      base: "6000.00",
      deduction: "1000.00",
      commission: "0.00",
      total: "5000.00",
    },
  },
];

describe("seed plan table (DOMAIN.md §7), regular stage", () => {
  it.each(CELLS)("$position, target $outcome", ({ position, principal, expected }) => {
    const loans =
      principal === null ? [] : [loan({ staffId: "p", principal, termMonths: 12, on: "2026-11-20" })];
    const { p } = payroll({ month: "2026-11", staff: [staff({ id: "p", position: position })], loans });
    expect(figures(p)).toEqual({
      stage: "regular",
      annualizedPerformance: expected.performance,
      target: expected.target,
      baseSalary: expected.base,
      deduction: expected.deduction,
      commission: expected.commission,
      managementCommission: "0.00",
      total: expected.total,
    });
  });

  it("explains each amount with its arithmetic", () => {
    const { p } = payroll({
      month: "2026-11",
      staff: [staff({ id: "p", position: "customer-manager" })],
      loans: [loan({ staffId: "p", principal: "300000.00", termMonths: 6, on: "2026-11-02" })],
    });
    expect(p.lines.map((l) => [l.code, l.amount, l.explanation["en-US"]])).toEqual([
      ["base-salary", 200_000, "customer-manager base salary 2,000.00"],
      [
        "deduction",
        -50_000,
        "annualized performance 150,000.00 < target 200,000.00: missed, deduction 500.00",
      ],
      [
        "commission",
        150_000,
        "annualized performance 150,000.00 × 1% = 1,500.00; annualized performance = 300,000.00 × 6/12 = 150,000.00",
      ],
      ["management-commission", 0, "no management commission for customer-manager"],
    ]);
    expect(p.lines[2].explanation["zh-CN"]).toBe(
      "年化业绩 150,000.00 × 1% = 1,500.00;年化业绩 = 300,000.00 × 6/12 = 150,000.00",
    );
  });

  it("counts only loans disbursed in the payroll month, adding several of them", () => {
    const { p } = payroll({
      month: "2026-11",
      staff: [staff({ id: "p", position: "customer-manager" })],
      loans: [
        loan({ staffId: "p", principal: "100000.00", termMonths: 12, on: "2026-11-01" }),
        loan({ staffId: "p", principal: "73000.00", termDays: 180, on: "2026-11-30" }),
        loan({ staffId: "p", principal: "500000.00", termMonths: 12, on: "2026-10-31" }),
        loan({ staffId: "p", principal: "500000.00", termMonths: 12, on: "2026-12-01" }),
      ],
    });
    // 100,000 + 73,000 × 180/365 = 100,000 + 36,000 = 136,000: missed.
    expect(figures(p)).toMatchObject({
      annualizedPerformance: "136000.00",
      commission: "1360.00",
      total: "2860.00",
    });
  });

  it("rounds the commission half-up to 分", () => {
    // 0.50 × 1/12 = 0.04166… → 0.04; ×1% = 0.0004 → 0.00. 150.00 × 1/12 = 12.50; ×1% = 0.125 → 0.13.
    const { p } = payroll({
      month: "2026-11",
      staff: [staff({ id: "p", position: "customer-manager" })],
      loans: [loan({ staffId: "p", principal: "150.00", termMonths: 1, on: "2026-11-05" })],
    });
    expect(figures(p)).toMatchObject({ annualizedPerformance: "12.50", commission: "0.13" });
  });
});
