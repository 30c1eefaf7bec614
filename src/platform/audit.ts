// Every mutation writes its audit record inside its own transaction. Records form a hash chain:
// a transaction-scoped advisory lock serialises appends, so ids are gap-free and each row links to
// the one before it. Services write the audit row last, which keeps that lock short.
import { createHash } from "node:crypto";
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import { auditLog } from "../modules/audit/audit.schema.ts";
import type { RequestContext } from "./auth/actor.ts";
import type { Queryable, Tx } from "./db.ts";

const AUDIT_LOCK_ID = 73_550_001;
export const GENESIS_HASH = "0".repeat(64);

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

type ChainedFields = {
  id: number;
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
};

/** JSON with sorted keys, so the hash does not depend on how jsonb reorders an object. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

export function chainHash(prevHash: string, fields: ChainedFields): string {
  return createHash("sha256")
    .update(prevHash)
    .update("|")
    .update(canonicalJson({ ...fields, at: fields.at.toISOString() }))
    .digest("hex");
}

// Values pass through JSON once so that what we hash is exactly what jsonb will give back.
function normalise(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(canonicalJson(value));
}

export async function recordAudit(tx: Tx, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_ID})`);
  const [last] = await tx
    .select({ id: auditLog.id, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1);
  const fields: ChainedFields = {
    id: (last?.id ?? 0) + 1,
    at: new Date(),
    actorId: ctx.actor.userId,
    actorName: ctx.actor.username,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: normalise(entry.before),
    after: normalise(entry.after),
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditLog).values({ ...fields, prevHash, hash: chainHash(prevHash, fields) });
}

export type ChainReport =
  | { checked: number; ok: true }
  | { checked: number; ok: false; brokenAt: number; reason: string };

/** Walks the whole chain in id order, in pages, and reports the first broken link. */
export async function verifyAuditChain(db: Queryable, pageSize = 2000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, expectedId - 1))
      .orderBy(asc(auditLog.id))
      .limit(pageSize);
    if (rows.length === 0) return { checked, ok: true };
    for (const row of rows) {
      if (row.id !== expectedId)
        return { checked, ok: false, brokenAt: expectedId, reason: "missing record" };
      if (row.prevHash !== prevHash)
        return { checked, ok: false, brokenAt: row.id, reason: "link to previous record changed" };
      const { prevHash: _p, hash, ...fields } = row;
      if (chainHash(prevHash, fields) !== hash)
        return { checked, ok: false, brokenAt: row.id, reason: "record content changed" };
      prevHash = hash;
      expectedId += 1;
      checked += 1;
    }
  }
}

export type AuditHistoryEntry = {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  before: unknown;
  after: unknown;
};

/** One entity's trail, newest first, for timelines on detail pages (the reader checks access to the entity). */
export async function auditHistory(
  db: Queryable,
  entity: { entityType: string; entityId: string; limit?: number },
): Promise<AuditHistoryEntry[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entity.entityType), eq(auditLog.entityId, entity.entityId)))
    .orderBy(desc(auditLog.id))
    .limit(entity.limit ?? 200);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    before: r.before,
    after: r.after,
  }));
}
