// Revisit tasks and appointments through HTTP. Business date Friday 2026-11-20; the revisit cadence
// for intent customers without a follow-up date is the default 3 days after the last contact.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { leads } from "./crm.schema.ts";
import {
  china,
  clearCrmActivity,
  freezeChinaTime,
  groupMembers,
  insertCall,
  insertLead,
  unfreezeTime,
  userIdOf,
} from "./testing/kpi-fixtures.ts";

let t: TestApp;
let a: TestClient;
let b: TestClient;
let leader: TestClient;
const ids: Record<string, string> = {};
const lead: Record<string, string> = {};

type Task = {
  id: string;
  leadId: string;
  dueOn: string;
  source: string;
  status: string;
  doneCallId: string | null;
  overdue: boolean;
};

beforeAll(async () => {
  freezeChinaTime("2026-11-20 18:00");
  t = await createTestApp();
  const db = t.handle.db;
  await clearCrmActivity(db);
  const bName = groupMembers("tele-leader")[1];
  ids.A = await userIdOf(db, "telemarketer");
  ids.B = await userIdOf(db, bName);
  lead.F1 = await insertLead(db, {
    name: "回访甲",
    ownerId: ids.A,
    nextFollowUpOn: "2026-11-20",
    lastContactAt: china("2026-11-18 10:00"),
  });
  lead.F2 = await insertLead(db, {
    name: "意向乙",
    ownerId: ids.A,
    stage: "intent",
    lastContactAt: china("2026-11-15 10:00"),
  });
  lead.F3 = await insertLead(db, {
    name: "已申请丙",
    ownerId: ids.A,
    stage: "applied",
    nextFollowUpOn: "2026-11-20",
  });
  lead.F4 = await insertLead(db, { name: "同事丁", ownerId: ids.B, nextFollowUpOn: "2026-11-21" });
  lead.F5 = await insertLead(db, {
    name: "无效戊",
    ownerId: ids.A,
    stage: "invalid",
    nextFollowUpOn: "2026-11-20",
  });
  [a, b, leader] = await Promise.all([t.as("telemarketer"), t.as(bName), t.as("tele-leader")]);
});
afterAll(async () => {
  await t.close();
  unfreezeTime();
});

const tasks = async (client: TestClient, query: string) => {
  const res = await client.get(`/api/v1/crm/follow-ups?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; counts: Record<string, number>; items: Task[] };
};

describe("revisit tasks", () => {
  it("opens them from the follow-up date and, for an intent customer, 3 days after the last contact", async () => {
    const today = await tasks(a, "due=today");
    expect(today.items.map((x) => [x.leadId, x.source])).toEqual([[lead.F1, "follow-up-date"]]);
    const overdue = await tasks(a, "due=overdue");
    // 意向乙: last contact 11-15 + 3 days = 11-18, two days late.
    expect(overdue.items.map((x) => [x.leadId, x.dueOn, x.source, x.overdue])).toEqual([
      [lead.F2, "2026-11-18", "intent-revisit", true],
    ]);
    // Applied and invalid leads have none; B's lead is not A's.
    expect(today.counts).toEqual({ overdue: 1, today: 1, tomorrow: 0, open: 2 });
    expect((await tasks(b, "due=tomorrow")).items.map((x) => x.leadId)).toEqual([lead.F4]);
    expect((await tasks(leader, "")).total).toBe(3);
  });

  it("is completed by the next call to the lead, and not reopened for the same date", async () => {
    const callId = await insertCall(t.handle.db, {
      agentId: ids.A,
      leadId: lead.F1,
      at: "2026-11-20 11:00",
      effective: true,
    });
    expect((await tasks(a, "due=today")).items).toEqual([]);
    const done = await tasks(a, "status=done");
    expect(done.items.map((x) => [x.leadId, x.doneCallId])).toEqual([[lead.F1, callId]]);
    // A second sync (another page load) changes nothing.
    expect((await tasks(a, "")).total).toBe(1);
  });

  it("keeps revisiting an intent customer: the call closes one task and the next is due 3 days on", async () => {
    const db = t.handle.db;
    await insertCall(db, { agentId: ids.A, leadId: lead.F2, at: "2026-11-20 12:00", effective: true });
    // The call logger moves the lead's last contact (crm-leads does this when it logs a call).
    await db
      .update(leads)
      .set({ lastContactAt: china("2026-11-20 12:00") })
      .where(eq(leads.id, lead.F2));
    const open = await tasks(a, "");
    expect(open.items.map((x) => [x.leadId, x.dueOn, x.status])).toEqual([[lead.F2, "2026-11-23", "open"]]);
  });

  it("takes a date by hand, which the sync then leaves alone; not in the past", async () => {
    const res = await a.post("/api/v1/crm/follow-ups", {
      leadId: lead.F2,
      dueOn: "2026-11-25",
      note: "客户周三出差",
    });
    expect(res.statusCode, res.body).toBe(201);
    const open = await tasks(a, "");
    expect(open.items.map((x) => [x.leadId, x.dueOn, x.source])).toEqual([[lead.F2, "2026-11-25", "manual"]]);
    const past = await a.post("/api/v1/crm/follow-ups", { leadId: lead.F2, dueOn: "2026-11-19" });
    expect(past.statusCode).toBe(400);
    expect(Object.keys(past.json().error.fields)).toEqual(["dueOn"]);
    expect(
      (await a.post("/api/v1/crm/follow-ups", { leadId: lead.F4, dueOn: "2026-11-25" })).statusCode,
    ).toBe(403);
  });

  it("follows the lead: a new owner takes the task, a lead that leaves the pipeline cancels it", async () => {
    const db = t.handle.db;
    await db.update(leads).set({ ownerId: ids.A }).where(eq(leads.id, lead.F4));
    expect((await tasks(a, "due=tomorrow")).items.map((x) => x.leadId)).toEqual([lead.F4]);
    await db.update(leads).set({ stage: "invalid" }).where(eq(leads.id, lead.F4));
    expect((await tasks(a, "due=tomorrow")).items).toEqual([]);
    expect((await tasks(a, "status=cancelled")).items.map((x) => x.leadId)).toEqual([lead.F4]);
  });

  it("closes a task by hand once; a colleague outside the scope may not", async () => {
    const [open] = (await tasks(a, "")).items;
    expect((await b.post(`/api/v1/crm/follow-ups/${open.id}/close`, { status: "done" })).statusCode).toBe(
      403,
    );
    const res = await a.post(`/api/v1/crm/follow-ups/${open.id}/close`, { status: "done", note: "门店面谈" });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      (await a.post(`/api/v1/crm/follow-ups/${open.id}/close`, { status: "cancelled" })).statusCode,
    ).toBe(409);
    const audit = await t.handle.db.execute(
      sql`select count(*)::int as n from audit_log where action = 'crm.follow-up-done' and entity_id = ${open.id}`,
    );
    expect((audit as unknown as { rows: { n: number }[] }).rows[0].n).toBe(1);
  });
});

describe("appointments", () => {
  let booked: string;

  it("books one for tomorrow, which is a 次日约见 on today's figures", async () => {
    const res = await a.post("/api/v1/crm/appointments", {
      leadId: lead.F2,
      startsAt: "2026-11-21T10:00:00+08:00",
      place: "公司二楼洽谈室",
      withUserId: await userIdOf(t.handle.db, "customer-manager"),
    });
    expect(res.statusCode, res.body).toBe(201);
    booked = res.json().id;
    expect(res.json().madeOn).toBe("2026-11-20");
    const day = (await a.get("/api/v1/crm/kpi/my-day")).json();
    expect(day.day.figures.nextDayAppointments).toBe(1);
    expect(day.appointments.tomorrow.map((x: { id: string }) => x.id)).toEqual([booked]);
    // The customer manager met sees it too; a colleague of A's does not.
    const cm = await t.as("customer-manager");
    const theirs = (await cm.get("/api/v1/crm/appointments?from=2026-11-21&to=2026-11-21")).json();
    expect(theirs.items.map((x: { id: string }) => x.id)).toEqual([booked]);
    expect((await b.get("/api/v1/crm/appointments?from=2026-11-21&to=2026-11-21")).json().items).toEqual([]);
  });

  it("refuses a time already past, a lead outside the scope and a range over three months", async () => {
    const past = await a.post("/api/v1/crm/appointments", {
      leadId: lead.F2,
      startsAt: "2026-11-19T10:00:00+08:00",
      place: "门店",
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.code).toBe("appointment-in-past");
    const theirs = await b.post("/api/v1/crm/appointments", {
      leadId: lead.F1,
      startsAt: "2026-11-23T10:00:00+08:00",
      place: "门店",
    });
    expect(theirs.statusCode).toBe(403);
    expect((await a.get("/api/v1/crm/appointments?from=2026-01-01&to=2026-12-31")).statusCode).toBe(400);
  });

  it("is done only once its day has come, reschedules while scheduled, and ends once", async () => {
    const early = await a.post(`/api/v1/crm/appointments/${booked}/status`, { status: "done" });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("appointment-not-yet");
    const moved = await a.post(`/api/v1/crm/appointments/${booked}/reschedule`, {
      startsAt: "2026-11-24T15:00:00+08:00",
      place: "客户店里",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // Moved off tomorrow: no longer a next-day appointment.
    expect((await a.get("/api/v1/crm/kpi/my-day")).json().day.figures.nextDayAppointments).toBe(0);
    const cancelled = await a.post(`/api/v1/crm/appointments/${booked}/status`, {
      status: "cancelled",
      outcome: "客户改期未定",
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(
      (await a.post(`/api/v1/crm/appointments/${booked}/status`, { status: "no-show" })).statusCode,
    ).toBe(409);
  });
});
