import { describe, expect, it } from "vitest";
import { PayrollInputError } from "./errors.ts";
import { mergePlan, SEED_PLAN } from "./plan.ts";

describe("seed plan (DOMAIN.md §7)", () => {
  it("holds the table of §7 as data, in 分", () => {
    expect(SEED_PLAN.positions).toEqual({
      "customer-manager": {
        monthlyTarget: 20_000_000,
        baseSalary: 200_000,
        commissionRate: "0.01",
        missedDeduction: 50_000,
        zeroDeduction: 100_000,
      },
      "team-manager": {
        monthlyTarget: 30_000_000,
        baseSalary: 300_000,
        commissionRate: "0.01",
        missedDeduction: 50_000,
        zeroDeduction: 100_000,
      },
      "sales-director": {
        monthlyTarget: 50_000_000,
        baseSalary: 600_000,
        commissionRate: "0.01",
        missedDeduction: 50_000,
        zeroDeduction: 100_000,
      },
    });
  });

  it("leaves the management rates blank, excludes own performance and keeps the options off", () => {
    expect(SEED_PLAN.managementRate).toEqual({});
    expect(SEED_PLAN.includeOwnInTeamTotal).toBe(false);
    expect(SEED_PLAN.managementScope).toEqual({
      "team-manager": "direct-reports",
      "sales-director": "all-descendants",
    });
    expect(SEED_PLAN.proration.enabled).toBe(false);
    expect(SEED_PLAN.performance.capAtPrincipalOverOneYear).toBe(false);
    expect(SEED_PLAN.clawback.enabled).toBe(false);
  });

  it("has the new-employee stages for customer managers", () => {
    expect(SEED_PLAN.newEmployee.positions).toEqual(["customer-manager"]);
    expect(SEED_PLAN.newEmployee.probation).toEqual({ baseSalary: 180_000, commissionRate: "0.01" });
    expect(SEED_PLAN.newEmployee.firstMonth).toMatchObject({
      monthlyTarget: 10_000_000,
      baseSalary: 200_000,
    });
  });

  it("cannot be changed by accident", () => {
    expect(() => {
      (SEED_PLAN.positions["customer-manager"] as { baseSalary: number }).baseSalary = 1;
    }).toThrow(TypeError);
  });
});

describe("mergePlan", () => {
  it("applies the scenario's rates and own-performance switch over the seed, leaving the seed alone", () => {
    const plan = mergePlan({
      managementRate: { "team-manager": "0.005", "sales-director": " 0.003 " },
      includeOwnInTeamTotal: true,
    });
    expect(plan.managementRate).toEqual({ "team-manager": "0.005", "sales-director": "0.003" });
    expect(plan.includeOwnInTeamTotal).toBe(true);
    expect(plan.positions).toEqual(SEED_PLAN.positions);
    expect(SEED_PLAN.managementRate).toEqual({});
  });

  it("takes every missing field from the seed plan", () => {
    expect(mergePlan({})).toEqual(SEED_PLAN);
    expect(mergePlan({ managementRate: { "team-manager": "0.005" } }).managementRate).toEqual({
      "team-manager": "0.005",
    });
  });

  it("clears a rate set to null on a base plan that had one", () => {
    const base = mergePlan({ managementRate: { "team-manager": "0.005" } });
    expect(mergePlan({ managementRate: { "team-manager": null } }, base).managementRate).toEqual({});
  });

  it.each([
    ["team-manager", "abc", "invalid-rate"],
    ["team-manager", "1.5", "invalid-rate"],
    ["team-manager", "-0.1", "invalid-rate"],
    ["customer-manager", "0.01", "unknown-position"],
  ])("refuses %s = %s (%s), naming the field", (position, rate, code) => {
    try {
      mergePlan({ managementRate: { [position]: rate } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PayrollInputError);
      expect((error as PayrollInputError).code).toBe(code);
      expect((error as PayrollInputError).path).toBe(`plan.managementRate.${position}`);
    }
  });
});
