// Pay plans through HTTP: versions as changes over the latest, the version in force for a month,
// validation in the caller's language, and a plan that a run has used stays.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { insertLoans } from "./testing/fixtures.ts";

let t: TestApp;
let hr: TestClient;
let planId: string;

beforeAll(async () => {
  t = await createTestApp();
  hr = await t.as("hr");
});
afterAll(async () => t.close());

describe("pay plans", () => {
  it("are versioned; the version in force is the latest effective month not after the month", async () => {
    const created = await hr.post("/api/v1/pay-plans", {
      code: "P1",
      name: "方案一",
      effectiveMonth: "2026-01",
    });
    expect(created.statusCode, created.body).toBe(201);
    planId = created.json().id;
    const v2 = await hr.post(`/api/v1/pay-plans/${planId}/versions`, {
      effectiveMonth: "2026-06",
      plan: {
        managementRate: { "team-manager": "0.005" },
        positions: { "team-manager": { baseSalary: "3500" } },
      },
      note: "上调团队经理底薪",
    });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json().version.plan.positions["team-manager"]).toMatchObject({
      baseSalary: "3500.00",
      monthlyTarget: "300000.00",
    });
    const v3 = await hr.post(`/api/v1/pay-plans/${planId}/versions`, {
      effectiveMonth: "2026-06",
      plan: { managementRate: { "sales-director": "0.003" } },
    });
    expect(v3.json().version).toMatchObject({ version: 3, warnings: [] });
    const inForce = async (month: string) =>
      (await hr.get(`/api/v1/pay-plans/${planId}/in-force?month=${month}`)).json();
    expect((await inForce("2026-05")).version).toBe(1);
    expect((await inForce("2026-06")).version).toBe(3);
    expect((await inForce("2027-01")).plan.managementRate).toEqual({
      "team-manager": "0.005",
      "sales-director": "0.003",
    });
    const none = await hr.get(`/api/v1/pay-plans/${planId}/in-force?month=2025-12`);
    expect(none.statusCode).toBe(409);
    const earlier = await hr.post(`/api/v1/pay-plans/${planId}/versions`, {
      effectiveMonth: "2026-03",
      plan: {},
    });
    expect(earlier.json().error).toMatchObject({ code: "plan-month-before-latest" });
  });

  it("refuses bad fields, bad rates and a taken code", async () => {
    const typo = await hr.post(`/api/v1/pay-plans/${planId}/versions`, {
      effectiveMonth: "2026-07",
      plan: { managementRates: {} },
    });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().error.fields).toHaveProperty("plan.managementRates");
    const rate = await hr.post(`/api/v1/pay-plans/${planId}/versions`, {
      effectiveMonth: "2026-07",
      plan: { managementRate: { "team-manager": "5%" } },
    });
    expect(rate.statusCode).toBe(400);
    const taken = await hr.post("/api/v1/pay-plans", { code: "P1", name: "重复", effectiveMonth: "2026-01" });
    expect(taken.statusCode).toBe(409);
    const month = await hr.post("/api/v1/pay-plans", { code: "P2", name: "月份", effectiveMonth: "2026-13" });
    expect(month.json().error.fields.effectiveMonth).toBe("A month is YYYY-MM");
  });

  it("renames, and deletes only a plan no run has used", async () => {
    const renamed = await hr.patch(`/api/v1/pay-plans/${planId}`, { name: "销售方案" });
    expect(renamed.json().name).toBe("销售方案");
    const run = await hr.post("/api/v1/payroll/runs", { month: "2026-06" });
    expect(run.statusCode, run.body).toBe(201);
    // No loans in June; the 25th customer manager joins in October. Version 3 is in force:
    // 24 × (2,000 − 1,000) + 5 × (3,500 − 1,000) + (6,000 − 1,000) = 41,500.
    expect(run.json()).toMatchObject({ headcount: 30, total: "41500.00" });
    // May is under version 1, whose blank rates warn on the run and on every manager's statement.
    const may = (await hr.post("/api/v1/payroll/runs", { month: "2026-05" })).json();
    const detail = (await hr.get(`/api/v1/payroll/runs/${may.id}`)).json();
    expect(detail.warnings.map((w: { code: string }) => w.code)).toEqual([
      "missing-management-rate",
      "missing-management-rate",
    ]);
    const manager = detail.statements.items.find((s: { position: string }) => s.position === "team-manager");
    expect(manager.warnings).toEqual(["plan has no management-commission rate for team-manager"]);
    const gone = await hr.del(`/api/v1/pay-plans/${planId}`);
    expect(gone.statusCode).toBe(409);
    expect(gone.json().error.code).toBe("plan-in-use");
    const other = await hr.post("/api/v1/pay-plans", {
      code: "P3",
      name: "另一个",
      effectiveMonth: "2026-01",
    });
    const ambiguous = await hr.post("/api/v1/payroll/runs", { month: "2026-08" });
    expect(ambiguous.json().error.code).toBe("plan-required");
    expect((await hr.del(`/api/v1/pay-plans/${other.json().id}`)).statusCode).toBe(200);
    const compliance = await t.as("compliance");
    expect((await compliance.get("/api/v1/pay-plans")).json().items).toHaveLength(1);
    expect(
      (await compliance.post("/api/v1/pay-plans", { code: "X1", name: "x", effectiveMonth: "2026-01" }))
        .statusCode,
    ).toBe(403);
  });
});

describe("payroll data the engine refuses", () => {
  it("is a conflict naming the person, and nothing is written", async () => {
    const admin = await t.as("admin");
    const user = (
      await admin.post("/api/v1/users", { username: "late.joiner", displayName: "晚入职", roles: [] })
    ).json();
    const staff = (
      await hr.post("/api/v1/staff", {
        userId: user.user.id,
        position: "customer-manager",
        joinedOn: "2026-04-15",
      })
    ).json();
    // Credited with a loan five days before joining: a data error the run must not pay out on.
    await insertLoans(t.handle.db, [
      { officerId: user.user.id, principal: "100000.00", termMonths: 12, on: "2026-04-10" },
    ]);
    const res = await hr.post("/api/v1/payroll/runs", { month: "2026-04", planId });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("payroll-input-invalid");
    expect(res.json().error.message).toContain(`晚入职(${staff.employeeNo})`);
    const runs = (await hr.get("/api/v1/payroll/runs")).json().items;
    expect(runs.some((r: { month: string }) => r.month === "2026-04")).toBe(false);
  });
});
