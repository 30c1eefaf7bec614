// Test fixtures for the sales-floor KPIs: rows written straight into the CRM tables (leads, calls,
// intent events, appointments), with times given in China time, so a test states its data as a
// telemarketer would read it off the wall.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { vi } from "vitest";
import type { Db } from "../../../platform/db.ts";
import { users } from "../../identity/identity.schema.ts";
import { buildDemoPeople } from "../../staff/demo-org.ts";
import { staffMembers } from "../../staff/staff.schema.ts";
import { calls, leadEvents, leads } from "../crm.schema.ts";
import { appointments } from "../crm-engagement.schema.ts";

/** "2026-11-16 09:30" in China time. */
export const china = (at: string) => new Date(`${at.replace(" ", "T")}:00+08:00`);

/** Stops the clock (Date only; timers stay real) at a China time, e.g. "2026-11-20 18:00". */
export function freezeChinaTime(at: string): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(china(at));
}

export function unfreezeTime(): void {
  vi.useRealTimers();
}

export async function userIdOf(db: Db, username: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

export async function staffIdOf(db: Db, userId: string): Promise<string> {
  const [row] = await db
    .select({ id: staffMembers.id })
    .from(staffMembers)
    .where(eq(staffMembers.userId, userId));
  return row.id;
}

/** Demo usernames of a telemarketing group's members (the leader's username given). */
export function groupMembers(leader: string): string[] {
  return buildDemoPeople()
    .filter((p) => p.manager === leader && p.roles.includes("telemarketer"))
    .map((p) => p.username);
}

export function groupLeaders(): string[] {
  return buildDemoPeople()
    .filter((p) => p.roles.includes("tele-leader"))
    .map((p) => p.username);
}

/** Empties what the KPIs count, so a test's figures are only its own. */
export async function clearCrmActivity(db: Db): Promise<void> {
  await db.execute(sql`delete from crm_follow_ups`);
  await db.execute(sql`delete from crm_appointments`);
  await db.execute(sql`delete from crm_feedback`);
  await db.execute(sql`delete from crm_calls`);
  await db.execute(sql`delete from crm_lead_events where kind = 'intent'`);
  await db.execute(sql`delete from crm_kpi_daily`);
}

let phoneSeq = 0;

export async function insertLead(
  db: Db,
  lead: {
    name: string;
    ownerId: string | null;
    stage?: (typeof leads.$inferInsert)["stage"];
    nextFollowUpOn?: string | null;
    lastContactAt?: Date | null;
    stageChangedAt?: Date;
    createdAt?: Date;
  },
): Promise<string> {
  phoneSeq += 1;
  const phone = `139${String(phoneSeq).padStart(8, "0")}`;
  const [row] = await db
    .insert(leads)
    .values({
      name: lead.name,
      phoneEnc: `test:${phone}`,
      phoneIndex: `test-index-${randomUUID()}`,
      phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
      source: "telemarketing-list",
      stage: lead.stage ?? "contacted",
      ownerId: lead.ownerId,
      nextFollowUpOn: lead.nextFollowUpOn ?? null,
      lastContactAt: lead.lastContactAt ?? null,
      stageChangedAt: lead.stageChangedAt ?? new Date("2026-11-01T00:00:00Z"),
      createdAt: lead.createdAt ?? new Date("2026-11-01T00:00:00Z"),
    })
    .returning({ id: leads.id });
  return row.id;
}

export async function insertCall(
  db: Db,
  call: {
    agentId: string;
    leadId?: string | null;
    at: string;
    direction?: "outbound" | "inbound";
    connected?: boolean;
    effective?: boolean;
  },
): Promise<string> {
  const effective = call.effective ?? false;
  const [row] = await db
    .insert(calls)
    .values({
      agentId: call.agentId,
      leadId: call.leadId ?? null,
      direction: call.direction ?? "outbound",
      startedAt: china(call.at),
      talkSeconds: effective ? 90 : call.connected ? 12 : 0,
      connected: call.connected ?? effective,
      effective,
    })
    .returning({ id: calls.id });
  return row.id;
}

export async function insertIntent(db: Db, event: { leadId: string; ownerId: string; at: string }) {
  await db.insert(leadEvents).values({
    leadId: event.leadId,
    kind: "intent",
    toValue: "intent",
    ownerId: event.ownerId,
    at: china(event.at),
  });
}

export async function insertAppointment(
  db: Db,
  a: {
    leadId: string;
    ownerId: string;
    madeOn: string;
    startsAt: string;
    status?: (typeof appointments.$inferInsert)["status"];
    withUserId?: string | null;
  },
): Promise<string> {
  const [row] = await db
    .insert(appointments)
    .values({
      leadId: a.leadId,
      ownerId: a.ownerId,
      madeOn: a.madeOn,
      startsAt: china(a.startsAt),
      place: "公司二楼洽谈室",
      status: a.status ?? "scheduled",
      withUserId: a.withUserId ?? null,
    })
    .returning({ id: appointments.id });
  return row.id;
}
