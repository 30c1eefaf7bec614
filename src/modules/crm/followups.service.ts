// Revisit tasks (回访). They follow the leads and the calls, so they are kept by one set-based sync
// rather than by every writer of a lead or a call: a call to the lead after a task was opened
// completes it; a lead's next follow-up date, or for an intent customer without one the revisit
// cadence (setting), opens one; a lead that left the pipeline cancels its task. The sync runs before
// each list and at the end of the day, and is safe to run twice or concurrently.
import { and, asc, eq, inArray, lt, lte, type SQL, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import { canSeeOwner, visibleUserIds } from "../../platform/auth/scope.ts";
import type { Db, Queryable, Tx } from "../../platform/db.ts";
import { conflict, DomainError, forbidden, notFound } from "../../platform/errors.ts";
import { users } from "../identity/identity.schema.ts";
import { getSetting } from "../settings/settings.service.ts";
import { leads } from "./crm.schema.ts";
import { followUps } from "./crm-engagement.schema.ts";
import { addDays } from "./domain/kpi-periods.ts";
import { crmToday, rowsOf } from "./kpi-data.ts";

export type SyncCounts = { done: number; cancelled: number; rescheduled: number; opened: number };

const ACTIVE_STAGES = sql`('new', 'contacted', 'intent', 'appointment')`;

export function uuidList(ids: readonly string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
}

/** The sync itself, inside the caller's transaction; `ownerIds` null = every lead. */
export async function syncFollowUps(
  tx: Queryable,
  options: { ownerIds: readonly string[] | null; asOf: string },
): Promise<SyncCounts> {
  if (options.ownerIds?.length === 0) return { done: 0, cancelled: 0, rescheduled: 0, opened: 0 };
  const ownedBy = (column: SQL) =>
    options.ownerIds ? sql`and ${column} in (${uuidList(options.ownerIds)})` : sql``;
  const revisitDays = await getSetting(tx, "crm.intent-revisit-days", options.asOf);
  const count = (r: unknown) => rowsOf<{ n: number }>(r)[0]?.n ?? 0;

  const done = await tx.execute(sql`
    with hit as (
      select distinct on (f.id) f.id, c.id as call_id, c.started_at
      from crm_follow_ups f
      join crm_calls c on c.lead_id = f.lead_id and c.started_at > f.opened_at
      where f.status = 'open' ${ownedBy(sql`f.owner_id`)}
      order by f.id, c.started_at
    ), upd as (
      update crm_follow_ups f set status = 'done', done_at = hit.started_at, done_call_id = hit.call_id, updated_at = now()
      from hit where f.id = hit.id returning 1
    ) select count(*)::int as n from upd`);
  const cancelled = await tx.execute(sql`
    with upd as (
      update crm_follow_ups f set status = 'cancelled', updated_at = now()
      from crm_leads l
      where l.id = f.lead_id and f.status = 'open' ${ownedBy(sql`f.owner_id`)}
        and (l.stage not in ${ACTIVE_STAGES} or l.merged_into is not null or l.do_not_call or l.owner_id is null)
      returning 1
    ) select count(*)::int as n from upd`);
  // The task each active lead should have now: its follow-up date if one is still ahead of the last
  // contact, else for an intent customer the revisit cadence from the last contact.
  const wanted = sql`
    select l.id as lead_id, l.owner_id, coalesce(l.last_contact_at, l.created_at) as opened_at,
      case when l.next_follow_up_on is not null and (l.last_contact_at is null
             or l.next_follow_up_on > (l.last_contact_at at time zone 'Asia/Shanghai')::date)
           then l.next_follow_up_on
           when l.stage in ('intent', 'appointment')
           then (coalesce(l.last_contact_at, l.stage_changed_at) at time zone 'Asia/Shanghai')::date + ${revisitDays}::int
      end as due_on,
      case when l.next_follow_up_on is not null and (l.last_contact_at is null
             or l.next_follow_up_on > (l.last_contact_at at time zone 'Asia/Shanghai')::date)
           then 'follow-up-date' else 'intent-revisit' end as source
    from crm_leads l
    where l.merged_into is null and not l.do_not_call and l.owner_id is not null
      and l.stage in ${ACTIVE_STAGES} ${ownedBy(sql`l.owner_id`)}`;
  const rescheduled = await tx.execute(sql`
    with w as (${wanted}), upd as (
      update crm_follow_ups f set due_on = w.due_on, source = w.source, owner_id = w.owner_id,
        opened_at = greatest(f.opened_at, w.opened_at), updated_at = now()
      from w
      where f.lead_id = w.lead_id and f.status = 'open' and w.due_on is not null
        and (f.owner_id is distinct from w.owner_id
          or (f.source <> 'manual' and (f.due_on <> w.due_on or f.source <> w.source)))
      returning 1
    ) select count(*)::int as n from upd`);
  const opened = await tx.execute(sql`
    with w as (${wanted}), ins as (
      insert into crm_follow_ups (lead_id, owner_id, due_on, source, opened_at)
      select w.lead_id, w.owner_id, w.due_on, w.source, w.opened_at from w
      where w.due_on is not null
        and not exists (select 1 from crm_follow_ups f where f.lead_id = w.lead_id
          and (f.status = 'open' or (f.due_on = w.due_on and f.source = w.source)))
      on conflict (lead_id) where status = 'open' do nothing
      returning 1
    ) select count(*)::int as n from ins`);
  return {
    done: count(done),
    cancelled: count(cancelled),
    rescheduled: count(rescheduled),
    opened: count(opened),
  };
}

/** Sync for these owners in its own transaction; audited when anything changed. */
export async function refreshFollowUps(
  db: Db,
  ctx: RequestContext,
  ownerIds: readonly string[] | null,
): Promise<SyncCounts> {
  const asOf = await crmToday(db);
  return db.transaction(async (tx) => {
    const counts = await syncFollowUps(tx, { ownerIds, asOf });
    if (counts.done + counts.cancelled + counts.rescheduled + counts.opened > 0)
      await recordAudit(tx, ctx, {
        action: "crm.follow-ups-synced",
        entityType: "crm-follow-up",
        after: { ...counts, owners: ownerIds?.length ?? "all" },
      });
    return counts;
  });
}

export type FollowUpDue = "overdue" | "today" | "tomorrow" | "week" | "all";

const followUpColumns = {
  id: followUps.id,
  leadId: followUps.leadId,
  ownerId: followUps.ownerId,
  ownerName: users.displayName,
  dueOn: followUps.dueOn,
  source: followUps.source,
  status: followUps.status,
  doneAt: followUps.doneAt,
  doneCallId: followUps.doneCallId,
  note: followUps.note,
  leadName: leads.name,
  phoneMasked: leads.phoneMasked,
  stage: leads.stage,
  intentLevel: leads.intentLevel,
  lastContactAt: leads.lastContactAt,
};

/** Open tasks (or the given status) of the visible owners, by due date; the sync runs first. */
export async function listFollowUps(
  db: Db,
  ctx: RequestContext,
  query: {
    due?: FollowUpDue;
    status?: "open" | "done" | "cancelled";
    ownerId?: string;
    page: number;
    pageSize: number;
  },
) {
  requirePermission(ctx, "crm.leads");
  const visible = await visibleUserIds(db, ctx.actor);
  if (query.ownerId && !canSeeOwner(visible, query.ownerId)) throw forbidden();
  const owners = query.ownerId ? [query.ownerId] : visible;
  await refreshFollowUps(db, ctx, owners);
  const today = await crmToday(db);
  const [page, counts] = await Promise.all([
    queryFollowUps(db, { ...query, owners, today }),
    dueCounts(db, owners, today),
  ]);
  return { today, counts, ...page };
}

/** The task list itself, without the sync or the permission check (callers do both). */
export async function queryFollowUps(
  db: Queryable,
  query: {
    owners: readonly string[] | null;
    today: string;
    due?: FollowUpDue;
    status?: "open" | "done" | "cancelled";
    page: number;
    pageSize: number;
  },
) {
  const { owners, today } = query;
  const conditions: SQL[] = [eq(followUps.status, query.status ?? "open")];
  if (owners) conditions.push(owners.length ? inArray(followUps.ownerId, [...owners]) : sql`false`);
  const due = query.due ?? "all";
  if (due === "overdue") conditions.push(lt(followUps.dueOn, today));
  if (due === "today") conditions.push(eq(followUps.dueOn, today));
  if (due === "tomorrow") conditions.push(eq(followUps.dueOn, addDays(today, 1)));
  if (due === "week") conditions.push(lte(followUps.dueOn, addDays(today, 6)));
  const where = and(...conditions);
  const [rows, [{ n }]] = await Promise.all([
    db
      .select(followUpColumns)
      .from(followUps)
      .innerJoin(leads, eq(leads.id, followUps.leadId))
      .leftJoin(users, eq(users.id, followUps.ownerId))
      .where(where)
      .orderBy(asc(followUps.dueOn), asc(leads.name))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(followUps).where(where),
  ]);
  return {
    total: Number(n),
    items: rows.map((r) => ({ ...r, overdue: r.status === "open" && r.dueOn < today })),
  };
}

/** Open tasks by due bucket, for the tabs and the "my day" tiles. */
export async function dueCounts(db: Queryable, owners: readonly string[] | null, today: string) {
  if (owners?.length === 0) return { overdue: 0, today: 0, tomorrow: 0, open: 0 };
  const result = await db.execute(sql`
    select count(*) filter (where due_on < ${today}::date)::int as overdue,
      count(*) filter (where due_on = ${today}::date)::int as today,
      count(*) filter (where due_on = ${addDays(today, 1)}::date)::int as tomorrow,
      count(*)::int as open
    from crm_follow_ups where status = 'open' ${owners ? sql`and owner_id in (${uuidList(owners)})` : sql``}`);
  const [row] = rowsOf<{ overdue: number; today: number; tomorrow: number; open: number }>(result);
  return row;
}

async function loadVisibleLead(tx: Queryable, ctx: RequestContext, leadId: string) {
  const [lead] = await tx.select().from(leads).where(eq(leads.id, leadId));
  if (!lead || lead.mergedInto) throw notFound("lead");
  const visible = await visibleUserIds(tx, ctx.actor);
  if (!canSeeOwner(visible, lead.ownerId ?? "")) throw forbidden();
  return lead;
}

/** A manual revisit date: replaces the lead's open task (a sync never moves a manual one). */
export async function scheduleFollowUp(
  db: Db,
  ctx: RequestContext,
  input: { leadId: string; dueOn: string; note?: string | null },
) {
  requirePermission(ctx, "crm.leads");
  const today = await crmToday(db);
  if (input.dueOn < today)
    throw new DomainError({
      code: "follow-up-in-past",
      params: { date: today },
      fields: { dueOn: "follow-up-in-past" },
    });
  return db.transaction(async (tx) => {
    const lead = await loadVisibleLead(tx, ctx, input.leadId);
    const [open] = await tx
      .select()
      .from(followUps)
      .where(and(eq(followUps.leadId, lead.id), eq(followUps.status, "open")))
      .for("update");
    const values = {
      dueOn: input.dueOn,
      source: "manual" as const,
      note: input.note ?? null,
      updatedAt: new Date(),
    };
    const [row] = open
      ? await tx.update(followUps).set(values).where(eq(followUps.id, open.id)).returning()
      : await tx
          .insert(followUps)
          .values({
            ...values,
            leadId: lead.id,
            ownerId: lead.ownerId,
            openedAt: new Date(),
            createdBy: ctx.actor.userId,
          })
          .returning();
    await recordAudit(tx, ctx, {
      action: open ? "crm.follow-up-rescheduled" : "crm.follow-up-created",
      entityType: "crm-follow-up",
      entityId: row.id,
      before: open ? { dueOn: open.dueOn, source: open.source } : null,
      after: { leadId: lead.id, dueOn: row.dueOn, note: row.note },
    });
    return row;
  });
}

/** Done without a call (met in person) or cancelled (no longer needed); only an open task. */
export async function closeFollowUp(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { status: "done" | "cancelled"; note?: string | null },
) {
  requirePermission(ctx, "crm.leads");
  return db.transaction(async (tx) => {
    const [task] = await tx.select().from(followUps).where(eq(followUps.id, id)).for("update");
    if (!task) throw notFound("follow-up");
    const visible = await visibleUserIds(tx, ctx.actor);
    if (!canSeeOwner(visible, task.ownerId ?? "")) throw forbidden();
    if (task.status !== "open") throw conflict("follow-up-not-open");
    const [row] = await tx
      .update(followUps)
      .set({
        status: input.status,
        doneAt: input.status === "done" ? new Date() : null,
        note: input.note ?? task.note,
        updatedAt: new Date(),
      })
      .where(eq(followUps.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: `crm.follow-up-${input.status}`,
      entityType: "crm-follow-up",
      entityId: id,
      before: { status: task.status },
      after: { status: row.status, note: row.note },
    });
    return row;
  });
}

/** Sync for the end-of-day step (system context, every lead). */
export async function syncAllFollowUps(tx: Tx, asOf: string): Promise<SyncCounts> {
  return syncFollowUps(tx, { ownerIds: null, asOf });
}
