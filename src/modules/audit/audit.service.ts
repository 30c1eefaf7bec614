import { and, count, desc, eq, gte, ilike, lt, type SQL } from "drizzle-orm";
import { type ChainReport, verifyAuditChain } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db } from "../../platform/db.ts";
import { auditLog } from "./audit.schema.ts";

export type AuditQuery = {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

function addDays(day: string, days: number): Date {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}

export async function listAudit(db: Db, ctx: RequestContext, query: AuditQuery) {
  requirePermission(ctx, "audit.read");
  const conditions: SQL[] = [];
  if (query.actor) conditions.push(eq(auditLog.actorName, query.actor));
  if (query.action) conditions.push(ilike(auditLog.action, `${query.action.replace(/[%_\\]/g, "\\$&")}%`));
  if (query.entityType) conditions.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) conditions.push(eq(auditLog.entityId, query.entityId));
  // Dates are business days in China (UTC+8): a day runs from 00:00 to 24:00 Beijing time.
  if (query.from)
    conditions.push(gte(auditLog.at, new Date(addDays(query.from, 0).getTime() - 8 * 3600_000)));
  if (query.to) conditions.push(lt(auditLog.at, new Date(addDays(query.to, 1).getTime() - 8 * 3600_000)));
  const where = conditions.length ? and(...conditions) : undefined;
  const [{ total }] = await db.select({ total: count() }).from(auditLog).where(where);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    total,
    items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
  };
}

export async function verifyAudit(db: Db, ctx: RequestContext): Promise<ChainReport> {
  requirePermission(ctx, "audit.read");
  return verifyAuditChain(db);
}
