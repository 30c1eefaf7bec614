// Who sees which collection tasks. A collector (collections.work without collections.manage) works
// their own queue: the tasks assigned to them and the unassigned pool nobody has yet. Leads
// (collections.manage) and readers such as the GM or compliance see tasks by their data scope
// (DOMAIN.md §1) applied to the assignee — all of them for the built-in roles.
import { and, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import { can, type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import { visibleUserIds } from "../../platform/auth/scope.ts";
import type { Queryable } from "../../platform/db.ts";
import { DomainError } from "../../platform/errors.ts";
import { collectionTasks } from "./collections.schema.ts";

export type TaskRow = typeof collectionTasks.$inferSelect;

/** The assignees whose tasks the actor may see (plus the unassigned pool), or null for every task. */
export async function visibleAssignees(db: Queryable, ctx: RequestContext): Promise<string[] | null> {
  requirePermission(ctx, "collections.read");
  const collectorOnly = can(ctx.actor, "collections.work") && !can(ctx.actor, "collections.manage");
  if (collectorOnly) return ctx.actor.userId ? [ctx.actor.userId] : [];
  return visibleUserIds(db, ctx.actor);
}

/** A WHERE condition on collection_tasks for the actor's scope; undefined = unrestricted. */
export function taskScopeCondition(visible: string[] | null): SQL | undefined {
  if (visible === null) return undefined;
  return visible.length
    ? or(inArray(collectionTasks.assignedTo, visible), isNull(collectionTasks.assignedTo))
    : isNull(collectionTasks.assignedTo);
}

export const taskNotFound = () => new DomainError({ code: "collections-task-not-found", status: 404 });

/** Loads a task the actor may see (optionally locked); one outside the scope is "not found". */
export async function loadVisibleTask(
  db: Queryable,
  ctx: RequestContext,
  taskId: string,
  options: { lock?: boolean } = {},
): Promise<TaskRow> {
  const visible = await visibleAssignees(db, ctx);
  const query = db
    .select()
    .from(collectionTasks)
    .where(and(eq(collectionTasks.id, taskId), taskScopeCondition(visible)));
  const [task] = options.lock ? await query.for("update") : await query;
  if (!task) throw taskNotFound();
  return task;
}
