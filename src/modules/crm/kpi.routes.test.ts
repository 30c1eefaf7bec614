// KPI figures for a small, fixed dataset worked out by hand (DOMAIN.md §6): a telemarketer's day,
// week and month; a group's week and month with a colleague who moves to the other group in the
// middle of the month; the floor; and who may see what. Business date: Friday 2026-11-20.
// Week = Mon 11-16 … Sun 11-22; November 2026 has 21 weekdays (Nov 1 is a Sunday).
// Targets (set below, as the setting): telemarketer 120 calls, 40 effective, 3 intent, 10 revisits,
// 1 next-day appointment a working day (Mon–Fri); tele-leader 60 calls a day.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { insertSettingRow } from "../settings/settings.service.ts";
import { rebuildKpiDaily } from "./kpi-rollup.ts";
import {
  clearCrmActivity,
  freezeChinaTime,
  groupLeaders,
  groupMembers,
  insertAppointment,
  insertCall,
  insertIntent,
  insertLead,
  staffIdOf,
  unfreezeTime,
  userIdOf,
} from "./testing/kpi-fixtures.ts";

let t: TestApp;
let a: TestClient; // the telemarketer "telemarketer" (group 1)
let leader1: TestClient;
let director: TestClient;
const ids: Record<string, string> = {};

type Figures = {
  calls: number;
  effective: number;
  intent: number;
  revisits: number;
  nextDayAppointments: number;
  appointments: number;
};
type Member = {
  userId: string;
  name: string;
  unitId: string | null;
  days: number;
  figures: Figures;
  behind: boolean;
};

beforeAll(async () => {
  freezeChinaTime("2026-11-20 18:00");
  t = await createTestApp();
  const db = t.handle.db;
  await clearCrmActivity(db);
  await insertSettingRow(db, {
    key: "crm.kpi-daily-targets",
    value: {
      telemarketer: { calls: 120, effective: 40, intent: 3, revisits: 10, nextDayAppointments: 1 },
      "tele-leader": { calls: 60, effective: 20, intent: 2, revisits: 5, nextDayAppointments: 1 },
    },
    effectiveFrom: "2026-01-01",
    note: "test",
  });
  const [lead1, lead2] = groupLeaders();
  const [, b, m] = groupMembers(lead1);
  const c = groupMembers(lead2)[0];
  for (const [key, username] of Object.entries({ A: "telemarketer", B: b, M: m, C: c, L1: lead1, L2: lead2 }))
    ids[key] = await userIdOf(db, username);

  // M moves from group 1 to group 2 from Monday 11-16 (HR's transfer, effective-dated).
  const hr = await t.as("hr");
  const moved = await hr.post(`/api/v1/staff/${await staffIdOf(db, ids.M)}/transfer`, {
    effectiveFrom: "2026-11-16",
    managerId: await staffIdOf(db, ids.L2),
  });
  expect(moved.statusCode, moved.body).toBe(200);

  const La = await insertLead(db, { name: "甲客户", ownerId: ids.A, stage: "intent" });
  const Lb = await insertLead(db, { name: "乙客户", ownerId: ids.A, stage: "intent" });
  const Lc = await insertLead(db, { name: "丙客户", ownerId: ids.A });
  const Ld = await insertLead(db, { name: "丁客户", ownerId: ids.B, stage: "intent" });
  const Le = await insertLead(db, { name: "戊客户", ownerId: ids.C });
  await insertIntent(db, { leadId: La, ownerId: ids.A, at: "2026-11-10 15:00" });
  await insertIntent(db, { leadId: Lb, ownerId: ids.A, at: "2026-11-17 10:00" });
  await insertIntent(db, { leadId: Ld, ownerId: ids.B, at: "2026-11-16 09:00" });

  const call = (agent: string, at: string, leadId: string | null, effective = false, connected = effective) =>
    insertCall(db, { agentId: ids[agent], at, leadId, effective, connected });
  // A
  await call("A", "2026-11-13 10:00", Lc, true); // last week
  await call("A", "2026-11-16 09:00", La, true); // revisit: La intent since 11-10
  await call("A", "2026-11-16 09:30", Lb); // not a revisit: Lb becomes intent on 11-17
  await call("A", "2026-11-16 23:30", Lc, false, true); // 23:30 China time is still Monday
  await call("A", "2026-11-17 10:30", Lb, true); // Lb intent at 10:00 the same day: not yet a revisit
  await call("A", "2026-11-18 08:00", Lb); // revisit (intent since the day before), not connected
  await insertCall(db, {
    agentId: ids.A,
    leadId: La,
    at: "2026-11-18 09:00",
    direction: "inbound",
    connected: true,
  });
  await call("A", "2026-11-20 09:00", La, true); // revisit
  await call("A", "2026-11-20 09:10", Lb, true); // revisit
  await call("A", "2026-11-20 09:20", Lc); // no answer
  await call("A", "2026-11-21 10:00", Lc, true); // Saturday: counts, but no target that day
  // B: two calls the day Ld became intent (not revisits), one the day after (a revisit)
  await call("B", "2026-11-16 10:00", Ld, true);
  await call("B", "2026-11-16 11:00", Ld, true);
  await call("B", "2026-11-17 10:00", Ld, true);
  // M: two calls in group 1 before the move, four in group 2 after it
  await call("M", "2026-11-13 14:00", null, true);
  await call("M", "2026-11-13 14:30", null);
  for (const at of ["10:00", "10:10", "10:20", "10:30"])
    await call("M", `2026-11-17 ${at}`, null, at < "10:15");
  // C: five calls on Friday, one effective
  for (const at of ["14:00", "14:10", "14:20", "14:30", "14:40"])
    await call("C", `2026-11-20 ${at}`, Le, at === "14:00");

  // Appointments booked by A: Mon for Tue (次日约见), Mon for Thu, Fri for Sat, and one cancelled.
  await insertAppointment(db, {
    leadId: La,
    ownerId: ids.A,
    madeOn: "2026-11-16",
    startsAt: "2026-11-17 14:00",
  });
  await insertAppointment(db, {
    leadId: Lb,
    ownerId: ids.A,
    madeOn: "2026-11-16",
    startsAt: "2026-11-19 10:00",
  });
  await insertAppointment(db, {
    leadId: Lb,
    ownerId: ids.A,
    madeOn: "2026-11-20",
    startsAt: "2026-11-21 10:00",
  });
  await insertAppointment(db, {
    leadId: Lc,
    ownerId: ids.A,
    madeOn: "2026-11-20",
    startsAt: "2026-11-21 15:00",
    status: "cancelled",
  });
  [a, leader1, director] = await Promise.all([t.as("telemarketer"), t.as(lead1), t.as("sales-director")]);
});
afterAll(async () => {
  await t.close();
  unfreezeTime();
});

const board = async (client: TestClient, query: string) => {
  const res = await client.get(`/api/v1/crm/kpi/board?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe("a telemarketer's figures", () => {
  it("counts the day: 3 calls, 2 effective, 2 revisits, 1 next-day appointment", async () => {
    const res = await a.get("/api/v1/crm/kpi/my-day");
    expect(res.statusCode, res.body).toBe(200);
    const day = res.json();
    expect(day.date).toBe("2026-11-20");
    // 11-20: La (eff, revisit), Lb (eff, revisit), Lc (no answer); booked Fri for Sat once (the
    // cancelled booking does not count).
    expect(day.day.figures).toEqual({
      calls: 3,
      effective: 2,
      intent: 0,
      revisits: 2,
      nextDayAppointments: 1,
      appointments: 1,
    });
    expect(day.day.target).toEqual({
      calls: 120,
      effective: 40,
      intent: 3,
      revisits: 10,
      nextDayAppointments: 1,
    });
    // 3 of 120 = 2.5% → 2 (whole percent, rounded down); 1 of 1 next-day appointment = 100%.
    expect(day.day.attainment.calls).toBe(2);
    expect(day.day.attainment.nextDayAppointments).toBe(100);
  });

  it("adds up the week: Mon 3 + Tue 1 + Wed 1 + Fri 3 + Sat 1 calls", async () => {
    const week = (await a.get("/api/v1/crm/kpi/my-day")).json().week;
    expect([week.from, week.to]).toEqual(["2026-11-16", "2026-11-22"]);
    // calls 3+1+1+3+1 = 9; effective Mon 1 + Tue 1 + Wed 0 + Fri 2 + Sat 1 = 5; intent: Lb on Tue = 1;
    // revisits Mon 1 + Wed 1 + Fri 2 = 4; next-day bookings Mon→Tue and Fri→Sat = 2; bookings 3.
    // The inbound call on Wednesday is not outbound and counts nowhere.
    expect(week.figures).toEqual({
      calls: 9,
      effective: 5,
      intent: 1,
      revisits: 4,
      nextDayAppointments: 2,
      appointments: 3,
    });
    // 5 working days × 120 = 600 calls, all due by Friday; × 40 = 200 effective.
    expect(week.target.calls).toBe(600);
    expect(week.dueToDate.calls).toBe(600);
    expect(week.target.effective).toBe(200);
    expect(week.workingDays).toBe(5);
    expect(week.elapsedWorkingDays).toBe(5);
  });

  it("adds up the month with last week's call and La's intent on 11-10", async () => {
    const month = (await a.get("/api/v1/crm/kpi/my-day")).json().month;
    // calls 9 + 1 (11-13) = 10; effective 5 + 1 = 6; intent La (11-10) + Lb (11-17) = 2.
    expect(month.figures).toEqual({
      calls: 10,
      effective: 6,
      intent: 2,
      revisits: 4,
      nextDayAppointments: 2,
      appointments: 3,
    });
    // 21 weekdays × 120 = 2,520 calls; due by 11-20: 15 weekdays × 120 = 1,800.
    expect(month.target.calls).toBe(2520);
    expect(month.dueToDate.calls).toBe(1800);
    expect(month.attainment.calls).toBe(0); // 10 / 2520
    expect(month.attainment.intent).toBe(3); // 2 / 63 = 3.17%
  });

  it("lists the month day by day, with 23:30 on Monday counted on Monday", async () => {
    const daily = (await a.get("/api/v1/crm/kpi/my-day")).json().daily as { day: string; figures: Figures }[];
    expect(daily).toHaveLength(30);
    const on = (d: string) => daily.find((x) => x.day === d)?.figures.calls;
    expect([
      on("2026-11-13"),
      on("2026-11-16"),
      on("2026-11-17"),
      on("2026-11-18"),
      on("2026-11-19"),
    ]).toEqual([1, 3, 1, 1, 0]);
  });
});

describe("groups, a move between them, and the floor", () => {
  it("credits the mover's calls to the group they sat in on each day (month)", async () => {
    const g1 = await board(leader1, "level=group&period=month");
    expect(g1.unit.id).toBe(ids.L1);
    // Group 1 in November: A (10 calls, 6 eff, 2 intent, 4 revisits, 2 next-day, 3 bookings)
    // + B (3 calls, 3 eff, 1 intent, 1 revisit) + M before the move (2 calls, 1 eff).
    expect(g1.total.figures).toEqual({
      calls: 15,
      effective: 10,
      intent: 3,
      revisits: 5,
      nextDayAppointments: 2,
      appointments: 3,
    });
    const m = (g1.members as Member[]).find((x) => x.userId === ids.M) as Member;
    expect(m.figures.calls).toBe(2);
    expect(m.days).toBe(15); // 11-01 … 11-15
    const g2 = await board(director, `level=group&unitId=${ids.L2}&period=month`);
    // Group 2: C (5 calls, 1 eff) + M after the move (4 calls on 11-17, 2 eff).
    expect(g2.total.figures.calls).toBe(9);
    expect(g2.total.figures.effective).toBe(3);
    const m2 = (g2.members as Member[]).find((x) => x.userId === ids.M) as Member;
    expect(m2.figures.calls).toBe(4);
    expect(m2.days).toBe(15); // 11-16 … 11-30
  });

  it("sums the group's week target over who was in it: its telemarketers and the leader", async () => {
    const g1 = await board(leader1, "level=group&period=week");
    // Group 1's telemarketers seated all week (joined by Monday; M left on Monday), from HR's records.
    const hr = await t.as("hr");
    const staff = (await hr.get("/api/v1/staff?position=telemarketer&pageSize=100")).json().items as {
      managerId: string;
      joinedOn: string;
    }[];
    const l1Staff = await staffIdOf(t.handle.db, ids.L1);
    const seated = staff.filter((s) => s.managerId === l1Staff && s.joinedOn <= "2026-11-16").length;
    expect(seated).toBeGreaterThanOrEqual(5);
    // n telemarketers × 5 days × 120 + the leader 5 × 60 (5 seated in the demo today: 5 × 600 + 300 = 3,300).
    expect(g1.total.target.calls).toBe(seated * 600 + 300);
    expect((g1.members as Member[]).some((x) => x.userId === ids.M)).toBe(false);
    // Week figures of group 1: A 9 calls + B 3 = 12.
    expect(g1.total.figures.calls).toBe(12);
    const first = g1.members[0] as Member;
    expect(first.userId).toBe(ids.A); // sorted by calls
    expect(first.behind).toBe(true); // 9 of the 600 calls due by Friday
  });

  it("shows the floor by group for the director, every call of the day counted once", async () => {
    const floor = await board(director, "level=floor&period=day");
    // Friday: A 3 calls + C 5 calls.
    expect(floor.total.figures.calls).toBe(8);
    const byUnit = Object.fromEntries(
      (floor.units as { unitId: string; figures: Figures }[]).map((u) => [u.unitId, u.figures.calls]),
    );
    expect(byUnit[ids.L1]).toBe(3);
    expect(byUnit[ids.L2]).toBe(5);
  });

  it("keeps the roll-up table equal to a recount from the calls", async () => {
    const db = t.handle.db;
    const before = await db.execute(
      sql`select agent_id, day::text, outbound, effective, revisits, inbound from crm_kpi_daily order by 1, 2`,
    );
    await rebuildKpiDaily(db, { from: "2026-11-01", to: "2026-11-30" });
    const after = await db.execute(
      sql`select agent_id, day::text, outbound, effective, revisits, inbound from crm_kpi_daily order by 1, 2`,
    );
    expect((after as unknown as { rows: unknown[] }).rows).toEqual(
      (before as unknown as { rows: unknown[] }).rows,
    );
  });
});

describe("who sees what", () => {
  it("lets a telemarketer see only their own figures", async () => {
    expect((await a.get(`/api/v1/crm/kpi/board?level=person&unitId=${ids.B}`)).statusCode).toBe(403);
    expect((await a.get("/api/v1/crm/kpi/board?level=group")).statusCode).toBe(403);
    expect((await a.get("/api/v1/crm/kpi/board?level=floor")).statusCode).toBe(403);
    expect((await a.get(`/api/v1/crm/kpi/my-day?userId=${ids.B}`)).statusCode).toBe(403);
    expect((await a.get("/api/v1/crm/kpi/board?level=person")).statusCode).toBe(200);
  });

  it("lets a leader see their group and its people, not the other group or the floor", async () => {
    expect((await leader1.get(`/api/v1/crm/kpi/board?level=person&unitId=${ids.B}`)).statusCode).toBe(200);
    expect((await leader1.get(`/api/v1/crm/kpi/my-day?userId=${ids.A}`)).statusCode).toBe(200);
    expect((await leader1.get(`/api/v1/crm/kpi/board?level=group&unitId=${ids.L2}`)).statusCode).toBe(403);
    expect((await leader1.get("/api/v1/crm/kpi/board?level=floor")).statusCode).toBe(403);
    const units = (await leader1.get("/api/v1/crm/kpi/units")).json();
    expect(units.groups.map((g: { id: string }) => g.id)).toEqual([ids.L1]);
    expect(units.floor).toBe(false);
  });

  it("gives a team manager their sales team's board, and not a telemarketing group's", async () => {
    const manager = await t.as("team-manager");
    const team = await board(manager, "level=team&period=month");
    expect(team.unit.id).toBe(await userIdOf(t.handle.db, "team-manager"));
    // The manager and the five customer managers of team 1; none of them called in this dataset.
    expect(team.members).toHaveLength(6);
    expect(team.total.figures.calls).toBe(0);
    expect((await manager.get(`/api/v1/crm/kpi/board?level=group&unitId=${ids.L1}`)).statusCode).toBe(403);
  });

  it("refuses the KPIs to roles without kpi.read", async () => {
    const admin = await t.as("admin");
    expect((await admin.get("/api/v1/crm/kpi/my-day")).statusCode).toBe(403);
  });
});
