// Plan versions as patches, the run's state table and the simulator's differences.
import { describe, expect, it } from "vitest";
import { formatAmount } from "../../../platform/money.ts";
import { computePayroll } from "./payroll.ts";
import { validatePlan } from "./payroll-input.ts";
import { SEED_PLAN } from "./plan.ts";
import { applyPlanPatch, planToJson, planWarnings } from "./plan-patch.ts";
import { checkRunTransition } from "./run-state.ts";
import { comparePayrolls } from "./simulation.ts";
import { loan, staff, yuan } from "./test-support.ts";

describe("plan patches", () => {
  it("change only what they name and leave the base alone", () => {
    const plan = applyPlanPatch(SEED_PLAN, {
      managementRate: { "team-manager": "0.005" },
      positions: { "customer-manager": { monthlyTarget: yuan("250000.00") } },
      proration: { enabled: true },
    });
    expect(plan.managementRate).toEqual({ "team-manager": "0.005" });
    expect(plan.positions["customer-manager"]).toMatchObject({
      monthlyTarget: yuan("250000.00"),
      baseSalary: yuan("2000.00"),
    });
    expect(plan.proration.enabled).toBe(true);
    expect(SEED_PLAN.managementRate).toEqual({});
    expect(applyPlanPatch(plan, { managementRate: { "team-manager": null } }).managementRate).toEqual({});
  });

  it("warn about blank management rates, and a switched-on clawback fails validation", () => {
    expect(planWarnings(SEED_PLAN).map((w) => w.position)).toEqual(["team-manager", "sales-director"]);
    const clawback = applyPlanPatch(SEED_PLAN, { clawback: { enabled: true } });
    expect(validatePlan(clawback).map((i) => i.code)).toEqual(["unsupported-setting"]);
  });

  it("show amounts as decimal strings", () => {
    const json = planToJson(SEED_PLAN);
    expect(json.positions["team-manager"]).toEqual({
      monthlyTarget: "300000.00",
      baseSalary: "3000.00",
      commissionRate: "0.01",
      missedDeduction: "500.00",
      zeroDeduction: "1000.00",
    });
    expect(json.newEmployee.probation).toEqual({ baseSalary: "1800.00", commissionRate: "0.01" });
  });
});

describe("the payroll run's states", () => {
  const hr = new Set(["payroll.prepare"]);
  const finance = new Set(["payroll.approve"]);
  const check = (
    action: Parameters<typeof checkRunTransition>[0]["action"],
    status: "draft" | "reviewed" | "approved" | "locked",
    who = { p: finance, id: "fin" },
  ) => checkRunTransition({ action, status, permissions: who.p, actorId: who.id, makers: ["hr1", "hr2"] });

  it("go draft → reviewed → approved → locked with the right people", () => {
    expect(check("review", "draft", { p: hr, id: "hr1" })).toEqual({ ok: true, to: "reviewed" });
    expect(check("approve", "reviewed")).toEqual({ ok: true, to: "approved" });
    expect(check("lock", "approved")).toEqual({ ok: true, to: "locked" });
    expect(check("recompute", "approved", { p: hr, id: "hr1" })).toEqual({ ok: true, to: "draft" });
  });

  it("refuse the preparer or reviewer as approver, wrong roles and anything after the lock", () => {
    const both = new Set(["payroll.prepare", "payroll.approve"]);
    expect(check("approve", "reviewed", { p: both, id: "hr2" })).toEqual({
      ok: false,
      reason: "maker-checker",
    });
    expect(check("approve", "reviewed", { p: hr, id: "x" })).toEqual({ ok: false, reason: "forbidden" });
    expect(check("approve", "draft")).toEqual({ ok: false, reason: "wrong-status" });
    for (const action of ["recompute", "review", "approve", "return", "lock"] as const)
      expect(check(action, "locked", { p: both, id: "boss" }).ok).toBe(false);
  });
});

describe("the simulator", () => {
  it("gives each person's and the total difference between two plans", () => {
    const input = {
      month: "2026-03",
      staff: [
        staff({ id: "t", position: "team-manager" as const }),
        staff({ id: "c", position: "customer-manager" as const, managerId: "t" }),
      ],
      loans: [loan({ staffId: "c", principal: "300000.00", termMonths: 12, on: "2026-03-05" })],
    };
    const current = computePayroll({ ...input, plan: SEED_PLAN });
    const simulated = computePayroll({
      ...input,
      plan: applyPlanPatch(SEED_PLAN, { managementRate: { "team-manager": "0.005" } }),
    });
    const diff = comparePayrolls(current, simulated);
    expect(diff.people.map((p) => [p.staffId, formatAmount(p.difference.total)])).toEqual([
      ["t", "1500.00"],
      ["c", "0.00"],
    ]);
    expect(formatAmount(diff.totals.difference.managementCommission)).toBe("1500.00");
    expect(formatAmount(diff.totals.current.total)).toBe(
      formatAmount(current.statements.reduce((s, x) => s + x.total, 0)),
    );
  });
});
