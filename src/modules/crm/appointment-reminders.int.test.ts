// 约见提醒 at the end of a business date: one text per scheduled appointment of the next day, with the
// template filled in; none for other days, cancelled bookings or do-not-call leads; a rerun queues
// nothing twice; moving or cancelling an appointment withdraws a reminder not yet sent.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "../../platform/auth/actor.ts";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { setSetting } from "../settings/settings.service.ts";
import { queueAppointmentReminders } from "./appointment-reminders.ts";
import { leads } from "./crm.schema.ts";
import { appointmentReminders } from "./crm-engagement.schema.ts";
import {
  clearCrmActivity,
  freezeChinaTime,
  insertLead,
  unfreezeTime,
  userIdOf,
} from "./testing/kpi-fixtures.ts";

let t: TestApp;
let a: TestClient;
const lead: Record<string, string> = {};
const booked: Record<string, string> = {};

async function reminders() {
  return t.handle.db
    .select({
      appointmentId: appointmentReminders.appointmentId,
      body: appointmentReminders.body,
      status: appointmentReminders.status,
      queuedOn: appointmentReminders.queuedOn,
    })
    .from(appointmentReminders);
}
const queue = (date: string) =>
  t.handle.db.transaction((tx) => queueAppointmentReminders(tx, systemContext("test"), date));

beforeAll(async () => {
  freezeChinaTime("2026-11-20 18:00");
  t = await createTestApp();
  const db = t.handle.db;
  await clearCrmActivity(db);
  await db.execute(sql`delete from crm_appointment_reminders`);
  const owner = await userIdOf(db, "telemarketer");
  lead.tomorrow = await insertLead(db, { name: "明日甲", ownerId: owner, stage: "intent" });
  lead.later = await insertLead(db, { name: "后日乙", ownerId: owner, stage: "intent" });
  lead.quiet = await insertLead(db, { name: "勿扰丙", ownerId: owner, stage: "intent" });
  await db.update(leads).set({ doNotCall: true }).where(eq(leads.id, lead.quiet));
  a = await t.as("telemarketer");
  const book = async (key: string, leadId: string, startsAt: string) => {
    const res = await a.post("/api/v1/crm/appointments", { leadId, startsAt, place: "公司二楼洽谈室" });
    expect(res.statusCode, res.body).toBe(201);
    booked[key] = res.json().id;
  };
  await book("tomorrow", lead.tomorrow, "2026-11-21T10:30:00+08:00");
  await book("later", lead.later, "2026-11-22T09:00:00+08:00");
  await book("quiet", lead.quiet, "2026-11-21T14:00:00+08:00");
});
afterAll(async () => {
  unfreezeTime();
  await t.close();
});

describe("appointment reminders", () => {
  it("queues tomorrow's, filled in from the template, and nothing else", async () => {
    expect(await queue("2026-11-20")).toEqual({ queued: 1 });
    const rows = await reminders();
    expect(rows).toEqual([
      {
        appointmentId: booked.tomorrow,
        body: "【小贷通】明日甲您好,提醒您 2026-11-21 10:30 在公司二楼洽谈室的约见。如需改期,请联系您的客户经理。",
        status: "pending",
        queuedOn: "2026-11-20",
      },
    ]);
    // The appointments list says so.
    const list = (await a.get("/api/v1/crm/appointments?from=2026-11-21&to=2026-11-22")).json();
    const status = Object.fromEntries(
      list.items.map((x: { id: string; reminderStatus: string | null }) => [x.id, x.reminderStatus]),
    );
    expect(status).toEqual({ [booked.tomorrow]: "pending", [booked.quiet]: null, [booked.later]: null });
  });

  it("queues nothing twice when the date is closed again", async () => {
    expect(await queue("2026-11-20")).toEqual({ queued: 0 });
    expect(await reminders()).toHaveLength(1);
  });

  it("withdraws a reminder not yet sent when the appointment moves, and queues the new day's", async () => {
    const moved = await a.post(`/api/v1/crm/appointments/${booked.tomorrow}/reschedule`, {
      startsAt: "2026-11-22T15:00:00+08:00",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await reminders()).toEqual([]);
    freezeChinaTime("2026-11-21 18:00");
    expect(await queue("2026-11-21")).toEqual({ queued: 2 });
    const bodies = (await reminders()).map((r) => r.body).sort();
    expect(bodies[0]).toContain("后日乙您好,提醒您 2026-11-22 09:00");
    expect(bodies[1]).toContain("明日甲您好,提醒您 2026-11-22 15:00");
  });

  it("withdraws it when the appointment is cancelled; a reminder already sent stays", async () => {
    a = await t.as("telemarketer"); // a day later on the frozen clock: a new session
    await t.handle.db
      .update(appointmentReminders)
      .set({ status: "sent" })
      .where(eq(appointmentReminders.appointmentId, booked.later));
    for (const key of ["tomorrow", "later"]) {
      const res = await a.post(`/api/v1/crm/appointments/${booked[key]}/status`, { status: "cancelled" });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await reminders()).map((r) => [r.appointmentId, r.status])).toEqual([[booked.later, "sent"]]);
  });

  it("sends none when the template is empty, and never for a meeting already begun", async () => {
    a = await t.as("telemarketer");
    const res = await a.post("/api/v1/crm/appointments", {
      leadId: lead.tomorrow,
      startsAt: "2026-11-22T20:00:00+08:00",
      place: "门店",
    });
    expect(res.statusCode, res.body).toBe(201);
    // Closing 2026-11-21 late, on the 23rd (a catch-up): the meeting of the 22nd is over.
    freezeChinaTime("2026-11-23 09:00");
    await t.handle.db.execute(sql`delete from crm_appointment_reminders`);
    expect(await queue("2026-11-21")).toEqual({ queued: 0 });
    freezeChinaTime("2026-11-21 18:00");
    await setSetting(t.handle.db, systemContext("test"), {
      key: "crm.appointment-reminder-template",
      value: "",
      effectiveFrom: "2026-11-01",
    });
    expect(await queue("2026-11-21")).toEqual({ queued: 0 });
  });
});
