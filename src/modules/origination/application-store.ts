// Loading an application the caller may see, and moving it along the state machine with its
// timeline event and audit record in the same transaction.
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import type { RequestContext } from "../../platform/auth/actor.ts";
import { canSeeOwner, visibleUserIds } from "../../platform/auth/scope.ts";
import type { Queryable, Tx } from "../../platform/db.ts";
import { DomainError, notFound } from "../../platform/errors.ts";
import { type ApplicationAction, type ApplicationStatus, checkTransition } from "./domain/state-machine.ts";
import { applicationEvents, applications } from "./origination.schema.ts";

export type ApplicationRow = typeof applications.$inferSelect;

export async function loadApplication(
  db: Queryable,
  ctx: RequestContext,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ApplicationRow> {
  const query = db.select().from(applications).where(eq(applications.id, id));
  const [row] = options.lock ? await query.for("update") : await query;
  // Out of scope looks the same as missing, so ids cannot be probed.
  if (!row) throw notFound("application");
  const visible = await visibleUserIds(db, ctx.actor);
  if (!canSeeOwner(visible, row.originatorId)) throw notFound("application");
  return row;
}

const REASON_CODES = {
  "wrong-status": "application-wrong-status",
  forbidden: "forbidden",
  originator: "maker-checker",
} as const;

/** Throws 409 for a step out of order or by the originator, 403 for a role that may not act. */
export function assertTransition(ctx: RequestContext, app: ApplicationRow, action: ApplicationAction): void {
  const check = checkTransition({
    action,
    status: app.status,
    permissions: ctx.actor.permissions,
    actorId: ctx.actor.userId,
    originatorId: app.originatorId,
  });
  if (check.ok) return;
  if (check.reason === "forbidden") throw new DomainError({ code: "forbidden", status: 403 });
  // The person who submitted on someone's behalf is bound like the originator.
  throw new DomainError({
    code: REASON_CODES[check.reason],
    status: 409,
    params: { status: app.status, action },
  });
}

export function assertNotCreator(ctx: RequestContext, app: ApplicationRow): void {
  if (app.createdBy && app.createdBy === ctx.actor.userId)
    throw new DomainError({ code: "maker-checker", status: 409 });
}

export async function moveApplication(
  tx: Tx,
  ctx: RequestContext,
  options: {
    app: ApplicationRow;
    action: ApplicationAction;
    to: ApplicationStatus;
    patch?: Partial<typeof applications.$inferInsert>;
    comment?: string | null;
    auditAfter?: unknown;
  },
): Promise<void> {
  const { app, to } = options;
  const statusChanges = to !== app.status;
  // The status check in WHERE makes a concurrent second move fail instead of applying twice.
  const updated = await tx
    .update(applications)
    .set({
      ...options.patch,
      status: to,
      updatedAt: new Date(),
      ...(statusChanges ? { statusChangedAt: new Date() } : {}),
    })
    .where(and(eq(applications.id, app.id), eq(applications.status, app.status)))
    .returning({ id: applications.id });
  if (updated.length !== 1)
    throw new DomainError({
      code: "application-wrong-status",
      status: 409,
      params: { status: app.status, action: options.action },
    });
  await tx.insert(applicationEvents).values({
    applicationId: app.id,
    action: options.action,
    fromStatus: app.status,
    toStatus: to,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    comment: options.comment ?? null,
  });
  await recordAudit(tx, ctx, {
    action: `application.${options.action}`,
    entityType: "application",
    entityId: app.id,
    before: { status: app.status },
    after: { status: to, ...(options.auditAfter ? { record: options.auditAfter } : {}) },
  });
}

export async function nextApplicationNo(tx: Tx, today: string): Promise<string> {
  const prefix = `A${today.replaceAll("-", "")}`;
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(applications)
    .where(sql`${applications.appNo} like ${`${prefix}%`}`);
  return `${prefix}${String(row.n + 1).padStart(4, "0")}`;
}
