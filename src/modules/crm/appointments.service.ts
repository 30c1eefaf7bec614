// 约见: booking a customer to meet someone at a time and place, and what became of it. Booked today
// for tomorrow is the 次日约见 KPI; a booking is never deleted, it ends done, no-show or cancelled.
import { aliasedTable, and, asc, eq, gte, inArray, lt, or, type SQL } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import { canSeeOwner, visibleUserIds } from "../../platform/auth/scope.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { conflict, DomainError, forbidden, invalid, notFound } from "../../platform/errors.ts";
import { users } from "../identity/identity.schema.ts";
import { leads } from "./crm.schema.ts";
import { type AppointmentStatus, appointmentReminders, appointments } from "./crm-engagement.schema.ts";
import { addDays, chinaDayOf, chinaDayStart } from "./domain/kpi-periods.ts";
import { crmToday } from "./kpi-data.ts";

const owner = aliasedTable(users, "owner");
const colleague = aliasedTable(users, "colleague");

// Which status may follow which: only a scheduled appointment changes, and only once.
const NEXT: Record<AppointmentStatus, AppointmentStatus[]> = {
  scheduled: ["done", "no-show", "cancelled"],
  done: [],
  "no-show": [],
  cancelled: [],
};

export type AppointmentView = Awaited<ReturnType<typeof listAppointments>>["items"][number];

function selectAppointments(db: Queryable) {
  return db
    .select({
      id: appointments.id,
      leadId: appointments.leadId,
      leadName: leads.name,
      phoneMasked: leads.phoneMasked,
      intentLevel: leads.intentLevel,
      ownerId: appointments.ownerId,
      ownerName: owner.displayName,
      withUserId: appointments.withUserId,
      withName: appointments.withName,
      withUserName: colleague.displayName,
      startsAt: appointments.startsAt,
      place: appointments.place,
      status: appointments.status,
      madeOn: appointments.madeOn,
      note: appointments.note,
      outcome: appointments.outcome,
      closedAt: appointments.closedAt,
      reminderStatus: appointmentReminders.status,
    })
    .from(appointments)
    .innerJoin(leads, eq(leads.id, appointments.leadId))
    .leftJoin(appointmentReminders, eq(appointmentReminders.appointmentId, appointments.id))
    .leftJoin(owner, eq(owner.id, appointments.ownerId))
    .leftJoin(colleague, eq(colleague.id, appointments.withUserId));
}

/** Visible: booked by someone in the actor's scope, or with them as the colleague met. */
function visibleCondition(visible: string[] | null): SQL | undefined {
  if (visible === null) return undefined;
  if (visible.length === 0) return eq(appointments.id, "00000000-0000-0000-0000-000000000000");
  return or(inArray(appointments.ownerId, visible), inArray(appointments.withUserId, visible));
}

export async function listAppointments(
  db: Queryable,
  ctx: RequestContext,
  query: { from: string; to: string; status?: AppointmentStatus; ownerId?: string; leadId?: string },
) {
  requirePermission(ctx, "crm.leads");
  if (query.to < query.from) throw invalid({ to: "invalid-value" });
  if (query.to > addDays(query.from, 92)) throw invalid({ to: "range-too-long" });
  const visible = await visibleUserIds(db, ctx.actor);
  const conditions: (SQL | undefined)[] = [
    gte(appointments.startsAt, chinaDayStart(query.from)),
    lt(appointments.startsAt, chinaDayStart(addDays(query.to, 1))),
    visibleCondition(visible),
  ];
  if (query.status) conditions.push(eq(appointments.status, query.status));
  if (query.ownerId)
    conditions.push(or(eq(appointments.ownerId, query.ownerId), eq(appointments.withUserId, query.ownerId)));
  if (query.leadId) conditions.push(eq(appointments.leadId, query.leadId));
  const rows = await selectAppointments(db)
    .where(and(...conditions))
    .orderBy(asc(appointments.startsAt))
    .limit(2000);
  return { items: rows.map((r) => ({ ...r, day: chinaDayOf(r.startsAt) })) };
}

async function assertColleague(db: Queryable, userId: string | null | undefined) {
  if (!userId) return;
  const [user] = await db.select({ status: users.status }).from(users).where(eq(users.id, userId));
  if (user?.status !== "active") throw invalid({ withUserId: "invalid-value" });
}

export async function createAppointment(
  db: Db,
  ctx: RequestContext,
  input: {
    leadId: string;
    startsAt: string;
    place: string;
    withUserId?: string | null;
    withName?: string | null;
    note?: string | null;
    callId?: string | null;
  },
) {
  requirePermission(ctx, "crm.leads");
  if (!ctx.actor.userId) throw forbidden();
  const today = await crmToday(db);
  const startsAt = new Date(input.startsAt);
  if (chinaDayOf(startsAt) < today)
    throw new DomainError({ code: "appointment-in-past", fields: { startsAt: "appointment-in-past" } });
  await assertColleague(db, input.withUserId);
  return db.transaction(async (tx) => {
    const [lead] = await tx.select().from(leads).where(eq(leads.id, input.leadId));
    if (!lead || lead.mergedInto) throw notFound("lead");
    const visible = await visibleUserIds(tx, ctx.actor);
    if (!canSeeOwner(visible, lead.ownerId ?? "")) throw forbidden();
    const [row] = await tx
      .insert(appointments)
      .values({
        leadId: lead.id,
        ownerId: ctx.actor.userId as string,
        withUserId: input.withUserId ?? null,
        withName: input.withName ?? null,
        startsAt,
        place: input.place,
        madeOn: today,
        callId: input.callId ?? null,
        note: input.note ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "crm.appointment-created",
      entityType: "crm-appointment",
      entityId: row.id,
      after: { leadId: lead.id, startsAt: row.startsAt, place: row.place, withUserId: row.withUserId },
    });
    return row;
  });
}

async function loadForChange(db: Queryable, ctx: RequestContext, id: string) {
  const [row] = await db.select().from(appointments).where(eq(appointments.id, id)).for("update");
  if (!row) throw notFound("appointment");
  const visible = await visibleUserIds(db, ctx.actor);
  if (!canSeeOwner(visible, row.ownerId) && !(row.withUserId && canSeeOwner(visible, row.withUserId)))
    throw forbidden();
  return row;
}

/** Done or no-show once its day has come; cancelled at any time before. */
/** A reminder not yet sent no longer says the right thing once the appointment moves or is called off. */
async function withdrawPendingReminder(tx: Queryable, appointmentId: string) {
  await tx
    .delete(appointmentReminders)
    .where(
      and(eq(appointmentReminders.appointmentId, appointmentId), eq(appointmentReminders.status, "pending")),
    );
}

export async function setAppointmentStatus(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { status: Exclude<AppointmentStatus, "scheduled">; outcome?: string | null },
) {
  requirePermission(ctx, "crm.leads");
  const today = await crmToday(db);
  return db.transaction(async (tx) => {
    const row = await loadForChange(tx, ctx, id);
    if (!NEXT[row.status].includes(input.status))
      throw conflict("appointment-transition", { from: row.status, to: input.status });
    if (input.status !== "cancelled" && chinaDayOf(row.startsAt) > today)
      throw conflict("appointment-not-yet", { date: chinaDayOf(row.startsAt) });
    const [updated] = await tx
      .update(appointments)
      .set({
        status: input.status,
        outcome: input.outcome ?? null,
        closedAt: new Date(),
        closedBy: ctx.actor.userId,
        updatedAt: new Date(),
      })
      .where(eq(appointments.id, id))
      .returning();
    if (input.status === "cancelled") await withdrawPendingReminder(tx, id);
    await recordAudit(tx, ctx, {
      action: `crm.appointment-${input.status}`,
      entityType: "crm-appointment",
      entityId: id,
      before: { status: row.status },
      after: { status: updated.status, outcome: updated.outcome },
    });
    return updated;
  });
}

export async function rescheduleAppointment(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { startsAt: string; place?: string | null; note?: string | null },
) {
  requirePermission(ctx, "crm.leads");
  const today = await crmToday(db);
  const startsAt = new Date(input.startsAt);
  if (chinaDayOf(startsAt) < today)
    throw new DomainError({ code: "appointment-in-past", fields: { startsAt: "appointment-in-past" } });
  return db.transaction(async (tx) => {
    const row = await loadForChange(tx, ctx, id);
    if (row.status !== "scheduled")
      throw conflict("appointment-transition", { from: row.status, to: "scheduled" });
    const [updated] = await tx
      .update(appointments)
      .set({ startsAt, place: input.place ?? row.place, note: input.note ?? row.note, updatedAt: new Date() })
      .where(eq(appointments.id, id))
      .returning();
    await withdrawPendingReminder(tx, id);
    await recordAudit(tx, ctx, {
      action: "crm.appointment-rescheduled",
      entityType: "crm-appointment",
      entityId: id,
      before: { startsAt: row.startsAt, place: row.place },
      after: { startsAt: updated.startsAt, place: updated.place },
    });
    return updated;
  });
}

/** Scheduled appointments of these people (booked by or with them) on one day, for "my day". */
export async function appointmentsOn(db: Queryable, people: string[], day: string) {
  if (people.length === 0) return [];
  const rows = await selectAppointments(db)
    .where(
      and(
        gte(appointments.startsAt, chinaDayStart(day)),
        lt(appointments.startsAt, chinaDayStart(addDays(day, 1))),
        or(inArray(appointments.ownerId, people), inArray(appointments.withUserId, people)),
      ),
    )
    .orderBy(asc(appointments.startsAt));
  return rows.map((r) => ({ ...r, day }));
}
