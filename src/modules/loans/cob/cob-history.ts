// The record of closed business dates, newest first. Each close writes one `cob.date-closed` audit
// row in the transaction that moves the business date (cob-runner.ts), whoever ran it: a job from
// the console or the CLI, the daily schedule, or the demo seed simulating the past year.
import { and, desc, eq, lt } from "drizzle-orm";
import { type RequestContext, requirePermission } from "../../../platform/auth/actor.ts";
import type { Db } from "../../../platform/db.ts";
import { auditLog } from "../../audit/audit.schema.ts";
import { users } from "../../identity/identity.schema.ts";

export type ClosedDateView = {
  date: string;
  closedAt: string;
  /** The person's name, or null when the system closed it (schedule, seed). */
  closedBy: string | null;
  /** Loans whose stored state the close wrote (most loans are derived, docs/adr/007). */
  loansChanged: number;
  /** "daily" closes one date; "jump" closes a window at once (only the demo seed uses it). */
  mode: string;
  jobId: string | null;
};

type ClosedAfter = { date: string; loansChanged?: number; mode?: string; jobId?: string | null };

/** GET /batch/closes: closed dates, newest first; `before` (a date) pages back. */
export async function listClosedDates(
  db: Db,
  ctx: RequestContext,
  input: { limit: number; before?: string },
): Promise<ClosedDateView[]> {
  requirePermission(ctx, "batch.run");
  const rows = await db
    .select({ at: auditLog.at, closedBy: users.displayName, after: auditLog.after })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.entityType, "business-date"),
        eq(auditLog.action, "cob.date-closed"),
        input.before ? lt(auditLog.entityId, input.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.entityId), desc(auditLog.id))
    .limit(input.limit);
  return rows.map((r) => {
    const after = r.after as ClosedAfter;
    return {
      date: after.date,
      closedAt: r.at.toISOString(),
      closedBy: r.closedBy,
      loansChanged: after.loansChanged ?? 0,
      mode: after.mode ?? "daily",
      jobId: after.jobId ?? null,
    };
  });
}
