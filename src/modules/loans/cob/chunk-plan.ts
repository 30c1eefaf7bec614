// The chunks of one date's close: id ranges over the loans' uuid space (random v4 ids, so equal ranges
// hold about equal numbers of loans), as many as the active book needs at `size` loans a chunk, rounded
// up to a power of two so that each range is a whole number of the 256 lock buckets (cob-lock.ts).
// Planned once per date and stored (cob_chunks), so a rerun after a crash works on the same ranges and
// skips the closed ones; no loan is read to plan them.
import { asc, eq, gt, sql } from "drizzle-orm";
import type { Db, Queryable } from "../../../platform/db.ts";
import { cobChunks } from "./cob.schema.ts";
import { bucketOfId, LOCK_BUCKETS } from "./cob-lock.ts";
import { rowsOf } from "./sql-helpers.ts";

export type Chunk = typeof cobChunks.$inferSelect;

// Below this many loans the planner's statistics may be missing or stale and a count is cheap (a few ms).
const COUNTED_BELOW = 10_000;

/**
 * How many active loans there are, near enough: the planner's row estimate times the share of
 * 'active' in loans.status (pg_stats) for a large book — counting them would read the whole loans
 * table every night (≈ 0.1 s at 200,000 loans, half a count(*) of the installments) — a count for a small one.
 */
async function activeLoansEstimate(db: Queryable): Promise<number> {
  const [estimate] = rowsOf<{ n: number }>(
    await db.execute(sql`
      select (greatest(c.reltuples, 0) * coalesce((
        select coalesce(s.most_common_freqs[array_position(s.most_common_vals::text::text[], 'active')], 0)
        from pg_stats s
        where s.schemaname = current_schema() and s.tablename = 'loans' and s.attname = 'status'), 1))::bigint::int as n
      from pg_class c where c.oid = 'loans'::regclass`),
  );
  if (estimate.n >= COUNTED_BELOW) return estimate.n;
  const [exact] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from loans where status = 'active'`),
  );
  return exact.n;
}

/** The first uuid of lock bucket `bucket` (its first byte). */
export function idOfBucket(bucket: number): string {
  return `${bucket.toString(16).padStart(2, "0")}000000-0000-0000-0000-000000000000`;
}

/** How many chunks: enough for `loans` at `size` a chunk, a power of two, at most one per lock bucket. */
export function chunkCount(loans: number, size: number): number {
  const needed = Math.max(1, Math.ceil(loans / size));
  let parts = 1;
  while (parts < needed && parts < LOCK_BUCKETS) parts *= 2;
  return parts;
}

export function idRanges(parts: number): { fromId: string | null; toId: string | null }[] {
  const width = LOCK_BUCKETS / parts;
  return Array.from({ length: parts }, (_, k) => ({
    fromId: k === 0 ? null : idOfBucket(k * width),
    toId: k === parts - 1 ? null : idOfBucket((k + 1) * width),
  }));
}

/** The lock buckets [from, to) a chunk's id range covers. */
export function bucketsOf(range: { fromId: string | null; toId: string | null }): {
  from: number;
  to: number;
} {
  return {
    from: range.fromId ? bucketOfId(range.fromId) : 0,
    to: range.toId ? bucketOfId(range.toId) : LOCK_BUCKETS,
  };
}

/** A date whose close began and did not finish: it must be finished before any other. */
export async function unfinishedDate(db: Queryable, businessDate: string): Promise<string | null> {
  const [row] = await db
    .select({ date: cobChunks.businessDate })
    .from(cobChunks)
    .where(gt(cobChunks.businessDate, businessDate))
    .orderBy(asc(cobChunks.businessDate))
    .limit(1);
  return row?.date ?? null;
}

/** The date's chunks, planned now if this is the first run for it (`fromDate` = the business date). */
export async function planDate(
  db: Db,
  options: { date: string; fromDate: string; size: number },
): Promise<Chunk[]> {
  const existing = await chunksOf(db, options.date);
  if (existing.length > 0) return existing;
  const parts = chunkCount(await activeLoansEstimate(db), options.size);
  await db
    .insert(cobChunks)
    .values(
      idRanges(parts).map((range, chunkNo) => ({
        businessDate: options.date,
        chunkNo,
        fromDate: options.fromDate,
        ...range,
      })),
    )
    .onConflictDoNothing();
  return chunksOf(db, options.date);
}

export async function chunksOf(db: Queryable, date: string): Promise<Chunk[]> {
  return db.select().from(cobChunks).where(eq(cobChunks.businessDate, date)).orderBy(asc(cobChunks.chunkNo));
}
