// Leads (collections.manage) hand tasks to collectors by hand, move them between queues, and keep the
// list of collectors the daily batch assigns to: which queues each works, their capacity, on or off.
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { conflict, DomainError } from "../../platform/errors.ts";
import { users } from "../identity/identity.schema.ts";
import { getBusinessDate } from "../loans/business-date.ts";
import { rowsOf } from "../loans/cob/sql-helpers.ts";
import { getSetting } from "../settings/settings.service.ts";
import { taskNotFound, taskScopeCondition, visibleAssignees } from "./access.ts";
import { collectionTasks } from "./collections.schema.ts";
import {
  type CollectionQueue,
  collectionActions,
  collectionCollectors,
  collectionTaskEvents,
} from "./collections-work.schema.ts";
import { chinaClock } from "./domain/china-time.ts";

const notCollector = () =>
  new DomainError({
    code: "collections-not-collector",
    status: 400,
    fields: { assigneeId: "collections-not-collector" },
  });

export async function assignTasks(
  db: Db,
  ctx: RequestContext,
  input: { taskIds: string[]; assigneeId: string | null; queue?: CollectionQueue; note?: string },
) {
  requirePermission(ctx, "collections.manage");
  const ids = [...new Set(input.taskIds)].sort();
  return db.transaction(async (tx) => {
    const visible = await visibleAssignees(tx, ctx);
    const tasks = await tx
      .select()
      .from(collectionTasks)
      .where(and(inArray(collectionTasks.id, ids), taskScopeCondition(visible)))
      .orderBy(asc(collectionTasks.id))
      .for("update");
    if (tasks.length !== ids.length) throw taskNotFound();
    if (tasks.some((t) => t.status !== "open")) throw conflict("collections-task-closed");
    if (input.assigneeId) {
      const [collector] = await tx
        .select({
          queues: collectionCollectors.queues,
          active: collectionCollectors.active,
          status: users.status,
        })
        .from(collectionCollectors)
        .innerJoin(users, eq(users.id, collectionCollectors.userId))
        .where(eq(collectionCollectors.userId, input.assigneeId));
      if (!collector?.active || collector.status !== "active") throw notCollector();
      const queues = new Set(tasks.map((t) => input.queue ?? t.queue));
      if ([...queues].some((q) => !collector.queues.includes(q))) throw notCollector();
    }
    const businessDate = await getBusinessDate(tx);
    const now = new Date();
    const changed = [];
    for (const task of tasks) {
      const queue = input.queue ?? task.queue;
      const moved = queue !== task.queue;
      const reassigned = input.assigneeId !== task.assignedTo;
      if (!moved && !reassigned) continue;
      await tx
        .update(collectionTasks)
        .set({ assignedTo: input.assigneeId, assignedAt: input.assigneeId ? now : null, queue })
        .where(and(eq(collectionTasks.loanId, task.loanId), eq(collectionTasks.id, task.id)));
      const base = { loanId: task.loanId, taskId: task.id, businessDate, actorId: ctx.actor.userId };
      if (moved)
        await tx.insert(collectionTaskEvents).values({
          ...base,
          kind: "queue-changed",
          detail: { from: task.queue, to: queue, note: input.note ?? null },
        });
      if (reassigned)
        await tx.insert(collectionTaskEvents).values({
          ...base,
          kind: input.assigneeId ? "assigned" : "unassigned",
          detail: { from: task.assignedTo, to: input.assigneeId, rule: "manual", note: input.note ?? null },
        });
      changed.push({ task, queue });
    }
    for (const { task, queue } of changed)
      await recordAudit(tx, ctx, {
        action: "collection.task-assigned",
        entityType: "collection-task",
        entityId: task.id,
        before: { assignedTo: task.assignedTo, queue: task.queue },
        after: { assignedTo: input.assigneeId, queue, note: input.note ?? null, loanId: task.loanId },
      });
    return { changed: changed.length, taskIds: changed.map((c) => c.task.id) };
  });
}

/** Everyone whose roles carry collections.work, with their collector settings and today's load. */
export async function listCollectors(db: Queryable, ctx: RequestContext, now = new Date()) {
  requirePermission(ctx, "collections.manage");
  const today = chinaClock(now).day;
  const businessDate = await getBusinessDate(db);
  const { defaultCapacity } = await getSetting(db, "collections.assignment", businessDate);
  const workers = rowsOf<{ id: string; username: string; display_name: string; status: string }>(
    await db.execute(sql`
    select u.id, u.username, u.display_name, u.status from users u
    where exists (select 1 from user_roles ur join roles r on r.key = ur.role_key
      where ur.user_id = u.id and r.permissions @> '["collections.work"]'::jsonb)
      or exists (select 1 from collection_collectors k where k.user_id = u.id)
    order by u.username`),
  );
  const profiles = await db.select().from(collectionCollectors);
  const open = await db
    .select({ userId: collectionTasks.assignedTo, n: count() })
    .from(collectionTasks)
    .where(eq(collectionTasks.status, "open"))
    .groupBy(collectionTasks.assignedTo);
  const actions = await db
    .select({ userId: collectionActions.actorId, n: count() })
    .from(collectionActions)
    .where(eq(collectionActions.contactDay, today))
    .groupBy(collectionActions.actorId);
  const profileOf = new Map(profiles.map((p) => [p.userId, p]));
  const openOf = new Map(open.map((o) => [o.userId, o.n]));
  const actionsOf = new Map(actions.map((a) => [a.userId, a.n]));
  return {
    defaultCapacity,
    unassigned: openOf.get(null) ?? 0,
    items: workers.map((w) => {
      const profile = profileOf.get(w.id);
      return {
        userId: w.id,
        username: w.username,
        name: w.display_name,
        userActive: w.status === "active",
        collector: profile
          ? { queues: profile.queues, capacity: profile.capacity, active: profile.active }
          : null,
        capacity: profile?.capacity ?? defaultCapacity,
        openTasks: openOf.get(w.id) ?? 0,
        actionsToday: actionsOf.get(w.id) ?? 0,
      };
    }),
  };
}

export async function updateCollector(
  db: Db,
  ctx: RequestContext,
  userId: string,
  input: { queues: CollectionQueue[]; capacity: number | null; active: boolean },
) {
  requirePermission(ctx, "collections.manage");
  return db.transaction(async (tx) => {
    const [worker] = rowsOf<{ ok: boolean }>(
      await tx.execute(sql`
      select exists (select 1 from user_roles ur join roles r on r.key = ur.role_key
        where ur.user_id = ${userId}::uuid and r.permissions @> '["collections.work"]'::jsonb) as ok`),
    );
    if (!worker.ok)
      throw new DomainError({
        code: "collections-user-not-worker",
        status: 400,
        fields: { userId: "collections-user-not-worker" },
      });
    const [before] = await tx
      .select()
      .from(collectionCollectors)
      .where(eq(collectionCollectors.userId, userId))
      .for("update");
    const queues = [...new Set(input.queues)];
    const values = { queues, capacity: input.capacity, active: input.active, updatedBy: ctx.actor.userId };
    await tx
      .insert(collectionCollectors)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: collectionCollectors.userId, set: { ...values, updatedAt: new Date() } });
    // Tasks the collector no longer works (switched off, or a queue taken away) go back to the pool,
    // for the next close of business or a lead to hand out again.
    const released = rowsOf<{ loan_id: string; id: string; queue: string }>(
      await tx.execute(sql`
      update collection_tasks set assigned_to = null, assigned_at = null
      where assigned_to = ${userId}::uuid and status = 'open'
        and (${!input.active} or queue not in (${sql.join(
          queues.map((q) => sql`${q}`),
          sql`, `,
        )}))
      returning loan_id, id, queue`),
    );
    if (released.length > 0) {
      const businessDate = await getBusinessDate(tx);
      await tx.insert(collectionTaskEvents).values(
        released.map((t) => ({
          loanId: t.loan_id,
          taskId: t.id,
          kind: "unassigned" as const,
          detail: { from: userId, to: null, rule: "collector-updated" },
          businessDate,
          actorId: ctx.actor.userId,
        })),
      );
    }
    const view = {
      userId,
      queues,
      capacity: input.capacity,
      active: input.active,
      released: released.length,
    };
    await recordAudit(tx, ctx, {
      action: "collection.collector-updated",
      entityType: "collection-collector",
      entityId: userId,
      before: before ? { queues: before.queues, capacity: before.capacity, active: before.active } : null,
      after: view,
    });
    return view;
  });
}
