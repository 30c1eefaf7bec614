// The seed's 31-person sales team through a whole payroll month over HTTP: the plan, the run computed
// by the engine from the org and the month's loans, exact figures, review, a dispute and the fix by a
// recompute (a new version, the old one kept), maker–checker on approval, the lock, Excel and what-if.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { insertLoans, type TestLoan, userIdOf } from "./testing/fixtures.ts";

let t: TestApp;
let hr: TestClient;
let finance: TestClient;
let gm: TestClient;
type Person = {
  id: string;
  userId: string;
  name: string;
  position: string;
  managerId: string | null;
  employeeNo: string;
};
let director: Person;
let teams: { manager: Person; members: Person[] }[];
let runId: string;
let planId: string;

const MONTH = "2026-11";
const loan = (who: Person, principal: string, termMonths: number, on = "2026-11-10"): TestLoan => ({
  officerId: who.userId,
  principal,
  termMonths,
  on,
});

beforeAll(async () => {
  t = await createTestApp();
  [hr, finance, gm] = await Promise.all([t.as("hr"), t.as("finance"), t.as("gm")]);
  const staff: Person[] = (await hr.get("/api/v1/staff?pageSize=500")).json().items;
  director = staff.find((p) => p.position === "sales-director") as Person;
  teams = staff
    .filter((p) => p.position === "team-manager")
    .map((manager) => ({ manager, members: staff.filter((p) => p.managerId === manager.id) }));
  const [t1, t2, t3, t4, t5] = teams.map((team) => team.members);
  await insertLoans(t.handle.db, [
    // Team 1: 240,000 × 12/12 each — met.
    ...t1.map((c) => loan(c, "240000.00", 12)),
    // Team 2: 300,000 × 6/12 = 150,000 each — missed.
    ...t2.map((c) => loan(c, "300000.00", 6, "2026-11-15")),
    // Team 3: C4 500,000 × 6/12 = 250,000 (met); C5 100,000 × 12/12 + 72,000 × 6/12 = 136,000 (missed).
    loan(t3[3], "500000.00", 6),
    loan(t3[4], "100000.00", 12, "2026-11-01"),
    loan(t3[4], "72000.00", 6, "2026-11-30"),
    // Team 4: nothing in November — the loans on either side do not count.
    loan(t4[0], "900000.00", 12, "2026-10-31"),
    loan(t4[1], "900000.00", 12, "2026-12-01"),
    // Team 5: C1 exactly the 200,000 target; C2–C4 80,000 × 3/12 = 20,000; C5, who joined on
    // 2026-10-01 and is in the first month after probation (target 100,000): 150,000 × 8/12 = 100,000.
    loan(t5[0], "200000.00", 12),
    ...t5.slice(1, 4).map((c) => loan(c, "80000.00", 3, "2026-11-20")),
    loan(t5[4], "150000.00", 8, "2026-11-20"),
    // The first team manager sells too: 360,000 — met.
    loan(teams[0].manager, "360000.00", 12, "2026-11-25"),
    // A loan credited to the GM, who is not on the sales payroll: a warning, counted for nobody.
    { officerId: await userIdOf(t.handle.db, "gm"), principal: "50000.00", termMonths: 12, on: "2026-11-11" },
  ]);
});
afterAll(async () => t.close());

type Statement = Record<string, string> & { id: string; staffId: string; stage: string };
async function statements(version?: number): Promise<Map<string, Statement>> {
  const res = await hr.get(`/api/v1/payroll/runs/${runId}${version ? `?version=${version}` : ""}`);
  return new Map(res.json().statements.items.map((s: Statement) => [s.staffId, s]));
}
const sumOf = (rows: Statement[]) =>
  (rows.reduce((s, r) => s + Math.round(Number(r.total) * 100), 0) / 100).toFixed(2);

describe("a payroll month for the 31-person sales team", () => {
  it("starts from a plan whose blank rates would only warn", async () => {
    const blank = await hr.post("/api/v1/pay-plans", {
      code: "BLANK",
      name: "空白方案",
      effectiveMonth: "2026-01",
    });
    expect(blank.statusCode, blank.body).toBe(201);
    expect(blank.json().versions[0].warnings.map((w: { message: string }) => w.message)).toEqual([
      "The plan has no management-commission rate for team-manager; 0 is used",
      "The plan has no management-commission rate for sales-director; 0 is used",
    ]);
    expect((await hr.del(`/api/v1/pay-plans/${blank.json().id}`)).statusCode).toBe(200);
    const res = await hr.post("/api/v1/pay-plans", {
      code: "SALES",
      name: "销售团队薪酬方案",
      effectiveMonth: "2026-01",
      plan: { managementRate: { "team-manager": "0.005", "sales-director": "0.003" } },
      note: "管理提成比例由总经理办公会确定",
    });
    expect(res.statusCode, res.body).toBe(201);
    planId = res.json().id;
    expect(res.json().versions[0]).toMatchObject({
      version: 1,
      label: "SALES-v1",
      effectiveMonth: "2026-01",
      warnings: [],
    });
    expect(res.json().versions[0].plan.positions["customer-manager"]).toMatchObject({
      monthlyTarget: "200000.00",
      baseSalary: "2000.00",
    });
    const clawback = await hr.post(`/api/v1/pay-plans/${planId}/versions`, {
      effectiveMonth: "2026-12",
      plan: { clawback: { enabled: true } },
    });
    expect(clawback.statusCode).toBe(400);
    expect(clawback.json().error.code).toBe("invalid-plan");
  });

  it("computes every statement exactly, with explained lines", async () => {
    const res = await hr.post("/api/v1/payroll/runs", { month: MONTH });
    expect(res.statusCode, res.body).toBe(201);
    runId = res.json().id;
    expect(res.json()).toMatchObject({ status: "draft", version: 1, headcount: 31, total: "106708.00" });
    const s = await statements();
    const ids = (team: number) => teams[team].members.map((m) => s.get(m.id) as Statement);
    expect(ids(0).map((x) => x.total)).toEqual(Array(5).fill("4400.00"));
    expect(ids(1).map((x) => x.total)).toEqual(Array(5).fill("3000.00"));
    expect(ids(2).map((x) => x.total)).toEqual(["1000.00", "1000.00", "1000.00", "4500.00", "2860.00"]);
    expect(sumOf(ids(3))).toBe("5000.00");
    expect(ids(4).map((x) => x.total)).toEqual(["4000.00", "1700.00", "1700.00", "1700.00", "3000.00"]);
    expect(ids(4)[4]).toMatchObject({
      stage: "first-month",
      target: "100000.00",
      annualizedPerformance: "100000.00",
    });
    const tm = (i: number) => s.get(teams[i].manager.id) as Statement;
    expect(tm(0)).toMatchObject({
      commission: "3600.00",
      managementCommission: "6000.00",
      total: "12600.00",
    });
    expect([1, 2, 3, 4].map((i) => tm(i).total)).toEqual(["5750.00", "3930.00", "2000.00", "3800.00"]);
    // Director: 6,000 − 1,000 + 3,056,000 × 0.3% = 9,168.
    expect(s.get(director.id)).toMatchObject({
      deduction: "1000.00",
      managementCommission: "9168.00",
      total: "14168.00",
    });
    const detail = (await hr.get(`/api/v1/payroll/statements/${tm(0).id}`)).json();
    expect(detail.lines.map((l: { code: string; amount: string }) => [l.code, l.amount])).toEqual([
      ["base-salary", "3000.00"],
      ["deduction", "0.00"],
      ["commission", "3600.00"],
      ["management-commission", "6000.00"],
    ]);
    expect(detail.lines[3].explanationZh).toBe(
      "团队年化业绩 1,200,000.00 × 0.5% = 6,000.00(直属 5 人,不含本人)",
    );
    const run = (await hr.get(`/api/v1/payroll/runs/${runId}`)).json();
    expect(run.totals).toMatchObject({
      headcount: 31,
      loanCount: 20,
      total: "106708.00",
      deduction: "17500.00",
    });
    expect(run.warnings.map((w: { code: string; params: unknown }) => [w.code, w.params])).toEqual([
      ["loans-without-payee", { count: 1, principal: "50000.00" }],
    ]);
  });

  it("hides the statement from its owner until HR has reviewed it, then takes a dispute", async () => {
    const cm = await t.as("customer-manager");
    expect((await cm.get("/api/v1/payroll/my/statements")).json().items).toEqual([]);
    expect((await hr.post(`/api/v1/payroll/runs/${runId}/approve`, {})).statusCode).toBe(403);
    expect((await hr.post(`/api/v1/payroll/runs/${runId}/review`, { comment: "已核对" })).json().status).toBe(
      "reviewed",
    );
    const mine = (await cm.get("/api/v1/payroll/my/statements")).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ month: MONTH, total: "4400.00", runStatus: "reviewed" });
    const other = (await statements()).get(teams[1].members[0].id) as Statement;
    expect((await cm.get(`/api/v1/payroll/my/statements/${other.id}`)).statusCode).toBe(404);
    const statement = (await cm.get(`/api/v1/payroll/my/statements/${mine[0].id}`)).json();
    const commission = statement.lines.find((l: { code: string }) => l.code === "commission");
    const disputed = await cm.post(`/api/v1/payroll/my/statements/${mine[0].id}/disputes`, {
      lineId: commission.id,
      comment: "11月28日放款的 60,000 元(12期)未计入",
    });
    expect(disputed.statusCode, disputed.body).toBe(201);
    const blocked = await finance.post(`/api/v1/payroll/runs/${runId}/approve`, {});
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe("payroll-open-disputes");
  });

  it("recomputes into a new version, keeps the old one, and answers the dispute", async () => {
    // The demo user "customer-manager" is the first customer manager of team 1.
    const cmUser = teams[0].members[0];
    await insertLoans(t.handle.db, [loan(cmUser, "60000.00", 12, "2026-11-28")]);
    const again = await hr.post(`/api/v1/payroll/runs/${runId}/recompute`, { reason: "补录漏记放款" });
    expect(again.json()).toMatchObject({ status: "draft", version: 2, total: "107788.00" });
    expect((await statements(1)).get(cmUser.id)?.total).toBe("4400.00");
    expect((await statements(2)).get(cmUser.id)?.total).toBe("5000.00");
    const run = (await hr.get(`/api/v1/payroll/runs/${runId}`)).json();
    expect(run.versions.map((v: { version: number; total: string }) => [v.version, v.total])).toEqual([
      [1, "106708.00"],
      [2, "107788.00"],
    ]);
    const answered = await hr.post(`/api/v1/payroll/disputes/${run.disputes[0].id}/answer`, {
      decision: "resolve",
      answer: "已补录并重新核算(第 2 版)",
    });
    expect(answered.json()).toMatchObject({ status: "resolved" });
    expect(
      (
        await hr.post(`/api/v1/payroll/disputes/${run.disputes[0].id}/answer`, {
          decision: "reject",
          answer: "重复",
        })
      ).statusCode,
    ).toBe(409);
  });

  it("refuses approval by whoever prepared or reviewed it, then approves and locks", async () => {
    // Give the finance supervisor HR's role too: they recompute, so they may not approve.
    const admin = await t.as("admin");
    const users = (await admin.get("/api/v1/users?search=finance")).json().items;
    await admin.patch(`/api/v1/users/${users[0].id}`, { roles: ["finance", "hr"] });
    const both = await t.as("finance");
    finance = both;
    expect(
      (await both.post(`/api/v1/payroll/runs/${runId}/recompute`, { reason: "复核前重算" })).json().version,
    ).toBe(3);
    expect((await hr.post(`/api/v1/payroll/runs/${runId}/review`, {})).statusCode).toBe(200);
    const self = await both.post(`/api/v1/payroll/runs/${runId}/approve`, {});
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe("payroll-maker-checker");
    expect((await gm.post(`/api/v1/payroll/runs/${runId}/lock`, {})).json().error.code).toBe(
      "payroll-wrong-status",
    );
    expect((await gm.post(`/api/v1/payroll/runs/${runId}/approve`, { comment: "同意" })).json().status).toBe(
      "approved",
    );
    expect((await gm.post(`/api/v1/payroll/runs/${runId}/lock`, {})).json().status).toBe("locked");
  });

  it("changes nothing after the lock", async () => {
    for (const [path, body] of [
      ["recompute", { reason: "再算一次" }],
      ["review", {}],
      ["approve", {}],
      ["return", { reason: "退回" }],
    ] as const) {
      const client = path === "recompute" || path === "review" ? hr : gm;
      const res = await client.post(`/api/v1/payroll/runs/${runId}/${path}`, body);
      expect(res.statusCode, path).toBe(409);
    }
    expect((await hr.post("/api/v1/payroll/runs", { month: MONTH })).json().error.code).toBe(
      "payroll-run-exists",
    );
    const version = await hr.post(`/api/v1/pay-plans/${planId}/versions`, {
      effectiveMonth: "2026-11",
      plan: {},
    });
    expect(version.json().error).toMatchObject({ code: "plan-month-locked" });
    const later = await hr.post(`/api/v1/pay-plans/${planId}/versions`, {
      effectiveMonth: "2026-12",
      plan: { positions: { "customer-manager": { monthlyTarget: "220000" } } },
    });
    expect(later.statusCode, later.body).toBe(201);
    expect(later.json().version).toMatchObject({ version: 2, effectiveMonth: "2026-12" });
    const run = (await hr.get(`/api/v1/payroll/runs/${runId}`)).json();
    expect(run).toMatchObject({ status: "locked", version: 3, planVersion: { version: 1 } });
    expect(run.timeline.map((e: { action: string }) => e.action)).toEqual([
      "payroll.locked",
      "payroll.approved",
      "payroll.reviewed",
      "payroll.recomputed",
      "payroll.dispute-resolved",
      "payroll.recomputed",
      "payroll.dispute-raised",
      "payroll.reviewed",
      "payroll.computed",
    ]);
  });

  it("exports a sheet of statements and a sheet of lines", async () => {
    const res = await finance.get(`/api/v1/payroll/runs/${runId}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain("payroll-2026-11-v3.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [sheet, lines] = [book.getWorksheet("工资单 Statements"), book.getWorksheet("明细 Lines")];
    expect(sheet?.rowCount).toBe(1 + 31 + 1);
    expect(sheet?.getRow(33).getCell(13).value).toBe(107788);
    expect(lines?.rowCount).toBe(1 + 31 * 4);
    expect(String(lines?.getRow(2).getCell(5).value)).toContain("底薪");
  });

  it("simulates the month under a changed plan without writing anything", async () => {
    const before = (await hr.get("/api/v1/payroll/runs")).json();
    const res = await finance.post("/api/v1/payroll/simulations", {
      month: MONTH,
      plan: { managementRate: { "team-manager": "0.01" } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const sim = res.json();
    // Team totals 1,260,000 + 750,000 + 386,000 + 0 + 360,000 = 2,756,000; 0.5% more is 13,780.
    expect(sim.totals.difference.total).toBe("13780.00");
    expect(sim.totals.current.total).toBe("107788.00");
    const tm1 = sim.people.find((p: { staffId: string }) => p.staffId === teams[0].manager.id);
    expect(tm1).toMatchObject({
      current: { total: "12900.00" },
      simulated: { total: "19200.00" },
      difference: { managementCommission: "6300.00" },
    });
    expect(
      sim.people.filter((p: { difference: { total: string } }) => p.difference.total !== "0.00"),
    ).toHaveLength(4);
    expect((await hr.get("/api/v1/payroll/runs")).json()).toEqual(before);
  });
});
