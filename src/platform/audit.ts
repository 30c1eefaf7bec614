// Every mutation writes its audit record inside its own transaction. Records form a hash chain:
// a transaction-scoped advisory lock serialises appends, so ids are gap-free and each row links to
// the one before it. Services write the audit row last, which keeps that lock short; the append is one
// statement (the audit_append function), so the lock waits for no round trip but the commit.
import { createHash } from "node:crypto";
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import { auditLog } from "../modules/audit/audit.schema.ts";
import type { RequestContext } from "./auth/actor.ts";
import type { Queryable, Tx } from "./db.ts";

// The chain's lock (pg_advisory_xact_lock(73550001)) is taken in audit_append.
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

// Where recordAudit's id goes in the hashed text: JSON escapes every control character, so a raw NUL
// occurs nowhere else in it.
const ID_SLOT = Symbol("audit id");
const ID_MARK = "\u0000";

/** JSON with sorted keys, so the hash does not depend on how jsonb reorders an object. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (value === ID_SLOT) return ID_MARK;
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
  const at = new Date();
  const before = normalise(entry.before);
  const after = normalise(entry.after);
  // The text chainHash hashes, split around the id the database assigns: sha256 in SQL over the same
  // bytes gives the same hash (verifyAuditChain checks it in TypeScript).
  const [head, tail] = canonicalJson({
    id: ID_SLOT,
    at: at.toISOString(),
    actorId: ctx.actor.userId,
    actorName: ctx.actor.username,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before,
    after,
    requestId: ctx.requestId,
    ip: ctx.ip,
  }).split(ID_MARK);
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  // Lock, last record and insert in one round trip (migrations/0021_audit_append.sql): the lock is held
  // until commit, so the fewer round trips behind it, the more payments a second.
  await tx.execute(sql`select audit_append(${at.toISOString()}::timestamptz, ${ctx.actor.userId}::uuid,
    ${ctx.actor.username}::text, ${entry.action}::text, ${entry.entityType}::text, ${entry.entityId ?? null}::text,
    ${json(before)}::jsonb, ${json(after)}::jsonb, ${ctx.requestId}::text, ${ctx.ip}::text, ${head}::text,
    ${tail}::text)`);
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
