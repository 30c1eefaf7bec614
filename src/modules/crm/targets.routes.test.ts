// The marketing plan against disbursements, and the campaign funnel. Business date 2026-11-20. The
// ramp (DOMAIN.md §6): a team's month 1 ¥1,000,000, month 2 ¥3,000,000, month 3 ¥6,000,000, then
// ¥30,000,000; a plan row overrides it. Loans count for the team of their officer at month end.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Fen } from "../../platform/money.ts";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { fundCompany, newLoan } from "../loans/testing/loan-factory.ts";
import { campaigns } from "./crm.schema.ts";
import {
  clearCrmActivity,
  freezeChinaTime,
  insertLead,
  staffIdOf,
  unfreezeTime,
  userIdOf,
} from "./testing/kpi-fixtures.ts";

let t: TestApp;
let director: TestClient;
let manager: TestClient;
const ids: Record<string, string> = {};

type Cell = {
  month: string;
  plan: string | null;
  planSource: string | null;
  actual: string;
  loans: number;
  attainment: number | null;
};
type Team = { teamId: string; firstMonth: string | null; months: Cell[] };

beforeAll(async () => {
  freezeChinaTime("2026-11-20 18:00");
  t = await createTestApp();
  const db = t.handle.db;
  await clearCrmActivity(db);
  await fundCompany(db);
  ids.T1 = await userIdOf(db, "team-manager");
  ids.CM = await userIdOf(db, "customer-manager");
  // A customer manager of team 2 becomes a team manager on 2026-09-01, and takes another one of
  // team 2 into the new team from 2026-10-01.
  const hr = await t.as("hr");
  const staff = (await hr.get("/api/v1/staff?position=customer-manager&pageSize=100")).json().items as {
    id: string;
    userId: string;
    departmentName: string;
  }[];
  const team2 = staff.filter((s) => s.departmentName === "营销二队");
  ids.T9 = team2[0].userId;
  ids.CM9 = team2[1].userId;
  const promoted = await hr.post(`/api/v1/staff/${team2[0].id}/promote`, {
    effectiveFrom: "2026-09-01",
    position: "team-manager",
  });
  expect(promoted.statusCode, promoted.body).toBe(200);
  const moved = await hr.post(`/api/v1/staff/${team2[1].id}/transfer`, {
    effectiveFrom: "2026-10-01",
    managerId: await staffIdOf(db, ids.T9),
  });
  expect(moved.statusCode, moved.body).toBe(200);

  const loan = (officerId: string, startDate: string, yuan: number, applicationId: string | null = null) =>
    newLoan(db, { officerId, startDate, principal: (yuan * 100) as Fen, applicationId });
  await loan(ids.CM, "2026-10-10", 50_000);
  await loan(ids.CM, "2026-11-05", 100_000);
  await loan(ids.CM9, "2026-11-12", 200_000);

  // Two campaigns: 地推 cost ¥3,000 brought 3 leads, 2 applied, 1 disbursed ¥80,000; 线上 cost ¥500, 1 lead.
  const [c1] = await db
    .insert(campaigns)
    .values({ name: "社区地推", channel: "地推", startsOn: "2026-11-01", costFen: 300_000 })
    .returning();
  const [c2] = await db
    .insert(campaigns)
    .values({ name: "线上投放", channel: "网络", startsOn: "2026-11-10", costFen: 50_000 })
    .returning();
  const app1 = randomUUID();
  for (const [name, applicationId] of [
    ["地推一", app1],
    ["地推二", randomUUID()],
    ["地推三", null],
  ] as const) {
    const id = await insertLead(db, { name, ownerId: ids.CM });
    await db.execute(
      `update crm_leads set campaign_id = '${c1.id}', application_id = ${applicationId ? `'${applicationId}'` : "null"} where id = '${id}'`,
    );
  }
  const online = await insertLead(db, { name: "线上一", ownerId: ids.CM });
  await db.execute(`update crm_leads set campaign_id = '${c2.id}' where id = '${online}'`);
  await loan(ids.CM, "2026-11-15", 80_000, app1);
  [director, manager] = await Promise.all([t.as("sales-director"), t.as("team-manager")]);
});
afterAll(async () => {
  await t.close();
  unfreezeTime();
});

const plan = async (client: TestClient) => {
  const res = await client.get("/api/v1/crm/targets?from=2026-09&to=2026-11");
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    months: string[];
    teams: Team[];
    totals: { month: string; plan: string; actual: string }[];
  };
};

describe("marketing plan", () => {
  it("follows the ramp from a new team's first month and credits loans by month end seat", async () => {
    const { months, teams } = await plan(director);
    expect(months).toEqual(["2026-09", "2026-10", "2026-11"]);
    const fresh = teams.find((x) => x.teamId === ids.T9) as Team;
    expect(fresh.firstMonth).toBe("2026-09");
    // Sep month 1, Oct month 2, Nov month 3; CM9's ¥200,000 of 11-12 is the new team's.
    expect(fresh.months.map((c) => [c.plan, c.planSource, c.actual])).toEqual([
      ["1000000.00", "ramp", "0.00"],
      ["3000000.00", "ramp", "0.00"],
      ["6000000.00", "ramp", "200000.00"],
    ]);
    expect(fresh.months[2].attainment).toBe(3); // 200,000 / 6,000,000 = 3.33%
    const team1 = teams.find((x) => x.teamId === ids.T1) as Team;
    // Team 1 started in 2025: mature. Its customer manager disbursed 50,000 in October and
    // 100,000 + 80,000 in November.
    expect(team1.months.map((c) => [c.plan, c.actual, c.loans])).toEqual([
      ["30000000.00", "0.00", 0],
      ["30000000.00", "50000.00", 1],
      ["30000000.00", "180000.00", 2],
    ]);
  });

  it("takes a plan row over the ramp, set by someone other than the team's manager", async () => {
    const own = await manager.post("/api/v1/crm/targets", {
      teamId: ids.T1,
      month: "2026-11",
      target: "500000",
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe("own-target");
    const res = await director.post("/api/v1/crm/targets", {
      teamId: ids.T1,
      month: "2026-11",
      target: "900000.00",
      note: "年底冲刺",
    });
    expect(res.statusCode, res.body).toBe(200);
    const team1 = (await plan(director)).teams.find((x) => x.teamId === ids.T1) as Team;
    // 180,000 / 900,000 = 20%.
    expect(team1.months[2]).toMatchObject({ plan: "900000.00", planSource: "plan", attainment: 20 });
    expect(
      (await director.post("/api/v1/crm/targets", { teamId: ids.CM, month: "2026-11", target: "1" }))
        .statusCode,
    ).toBe(400);
    expect(
      (await director.post("/api/v1/crm/targets", { teamId: ids.T1, month: "2026-13", target: "1" }))
        .statusCode,
    ).toBe(400);
  });

  it("shows a team manager their own team only", async () => {
    const { teams } = await plan(manager);
    expect(teams.map((x) => x.teamId)).toEqual([ids.T1]);
  });
});

describe("campaign funnel", () => {
  it("runs cost → leads → applications → disbursed with cost per lead and per loan", async () => {
    const res = await director.get("/api/v1/crm/campaigns-report");
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    const ground = report.items.find((c: { name: string }) => c.name === "社区地推");
    // ¥3,000 / 3 leads = ¥1,000 a lead; one disbursed loan of ¥80,000 → ¥3,000 per loan.
    expect(ground).toMatchObject({
      cost: "3000.00",
      leads: 3,
      applications: 2,
      loans: 1,
      disbursed: "80000.00",
      costPerLead: "1000.00",
      costPerLoan: "3000.00",
    });
    const online = report.items.find((c: { name: string }) => c.name === "线上投放");
    expect(online).toMatchObject({ leads: 1, loans: 0, costPerLead: "500.00", costPerLoan: null });
    expect(report.total).toMatchObject({ cost: "3500.00", leads: 4, loans: 1, costPerLead: "875.00" });
  });
});
