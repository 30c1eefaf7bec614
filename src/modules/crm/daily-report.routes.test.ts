// The end-of-day report: produced on demand or by the schedule's step, stored per date, read within
// the reader's scope, exported to Excel; the same step settles ended PKs. Business date 2026-11-20.

import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "../../platform/auth/actor.ts";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { generateMissingReports } from "./daily-report.service.ts";
import {
  clearCrmActivity,
  freezeChinaTime,
  groupLeaders,
  groupMembers,
  insertAppointment,
  insertCall,
  insertLead,
  unfreezeTime,
  userIdOf,
} from "./testing/kpi-fixtures.ts";

let t: TestApp;
let leader: TestClient;
let director: TestClient;
let telemarketer: TestClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  freezeChinaTime("2026-11-20 18:00");
  t = await createTestApp();
  const db = t.handle.db;
  await clearCrmActivity(db);
  const [l1, l2] = groupLeaders();
  ids.A = await userIdOf(db, "telemarketer");
  ids.C = await userIdOf(db, groupMembers(l2)[0]);
  ids.L1 = await userIdOf(db, l1);
  ids.L2 = await userIdOf(db, l2);
  const la = await insertLead(db, { name: "甲", ownerId: ids.A, stage: "intent" });
  // 11-20: A 4 calls (3 effective), C 2 calls (1 effective); A books one for tomorrow.
  for (let i = 0; i < 4; i++)
    await insertCall(db, { agentId: ids.A, leadId: la, at: `2026-11-20 0${i + 1}:00`, effective: i < 3 });
  for (let i = 0; i < 2; i++)
    await insertCall(db, { agentId: ids.C, at: `2026-11-20 1${i}:00`, effective: i === 0 });
  await insertCall(db, { agentId: ids.A, leadId: la, at: "2026-11-19 10:00", effective: true });
  await insertAppointment(db, {
    leadId: la,
    ownerId: ids.A,
    madeOn: "2026-11-20",
    startsAt: "2026-11-21 10:00",
  });
  [leader, director, telemarketer] = await Promise.all([
    t.as(l1),
    t.as("sales-director"),
    t.as("telemarketer"),
  ]);
  const pk = await director.post("/api/v1/crm/pk", {
    name: "周四 PK",
    unitKind: "group",
    metric: "calls",
    startsOn: "2026-11-19",
    endsOn: "2026-11-19",
  });
  expect(pk.statusCode, pk.body).toBe(201);
  ids.pk = pk.json().id;
});
afterAll(async () => {
  await t.close();
  unfreezeTime();
});

describe("daily report", () => {
  it("is produced for the business date with the floor, groups and people", async () => {
    const res = await leader.post("/api/v1/crm/daily-reports", { date: "2026-11-20" });
    expect(res.statusCode, res.body).toBe(201);
    const report = (await director.get("/api/v1/crm/daily-reports/2026-11-20")).json();
    const c = report.content;
    // Floor: A 4 + C 2 = 6 calls, 3 + 1 = 4 effective; month to date adds A's call of 11-19.
    expect(c.floor.figures).toMatchObject({ calls: 6, effective: 4, nextDayAppointments: 1 });
    expect(c.monthToDate.figures).toMatchObject({ calls: 7, effective: 5 });
    expect(
      Object.fromEntries(
        c.groups.map((g: { unitId: string; figures: { calls: number } }) => [g.unitId, g.figures.calls]),
      ),
    ).toEqual({
      [ids.L1]: 4,
      [ids.L2]: 2,
    });
    expect(c.people[0]).toMatchObject({ userId: ids.A, behind: true });
    expect(c.appointments.tomorrow).toBe(1);
    expect(report.trigger).toBe("manual");
  });

  it("settles PKs that ended, as part of the same end-of-day step", async () => {
    const board = (await director.get(`/api/v1/crm/pk/${ids.pk}`)).json();
    expect(board.provisional).toBe(false);
    // 11-19: only A called (group 1).
    expect(board.standings.map((s: { unitId: string; winner: boolean }) => [s.unitId, s.winner])).toEqual([
      [ids.L1, true],
      [ids.L2, false],
    ]);
  });

  it("shows a telemarketer the totals and only their own line", async () => {
    const mine = (await telemarketer.get("/api/v1/crm/daily-reports/2026-11-20")).json().content;
    expect(mine.floor.figures.calls).toBe(6);
    expect(mine.people.map((p: { userId: string }) => p.userId)).toEqual([ids.A]);
    expect(mine.groups).toEqual([]);
  });

  it("exports the report to Excel", async () => {
    const res = await leader.get("/api/v1/crm/daily-reports/2026-11-20/export.xlsx");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "汇总 Summary",
      "小组 Groups",
      "人员 People",
      "团队 Teams",
    ]);
    const people = book.getWorksheet("人员 People");
    const a = (await telemarketer.get("/api/v1/auth/me")).json().user.displayName;
    // Name, position, group, behind, then calls: A's 4 calls lead the day.
    expect([people?.getRow(2).getCell(1).value, people?.getRow(2).getCell(5).value]).toEqual([a, 4]);
  });

  it("refuses a date after the business date and audits a redo", async () => {
    const future = await leader.post("/api/v1/crm/daily-reports", { date: "2026-11-21" });
    expect(future.statusCode).toBe(409);
    expect((await leader.post("/api/v1/crm/daily-reports", { date: "2026-11-20" })).statusCode).toBe(201);
    const audit = await t.handle.db.execute(
      sql`select action from audit_log where entity_type = 'crm-daily-report' and entity_id = '2026-11-20' order by id`,
    );
    expect((audit as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual([
      "crm.daily-report-generated",
      "crm.daily-report-regenerated",
    ]);
    expect((await telemarketer.post("/api/v1/crm/daily-reports", { date: "2026-11-20" })).statusCode).toBe(
      403,
    );
  });

  it("fills the week's missing reports on the schedule's run, and lists them", async () => {
    const made = await generateMissingReports(t.handle.db, systemContext("test"));
    expect(made).toEqual([
      "2026-11-14",
      "2026-11-15",
      "2026-11-16",
      "2026-11-17",
      "2026-11-18",
      "2026-11-19",
    ]);
    expect(await generateMissingReports(t.handle.db, systemContext("test"))).toEqual([]);
    const list = (await leader.get("/api/v1/crm/daily-reports?from=2026-11-14&to=2026-11-20")).json();
    expect(list.items.map((r: { date: string }) => r.date)).toHaveLength(7);
    const thursday = list.items.find((r: { date: string }) => r.date === "2026-11-19");
    expect(thursday.figures.calls).toBe(1);
    expect(thursday.trigger).toBe("schedule");
  });
});
