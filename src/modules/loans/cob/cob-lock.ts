// One close of business at a time, across every app instance: a session-level advisory lock
// (pg_try_advisory_lock) held on one dedicated connection for the whole run. If the process dies
// (kill -9) the connection closes and PostgreSQL releases the lock, so the next run can start.
// PGlite is one process with one connection, where the in-process flag is what serialises runs.
import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../../platform/db.ts";

const COB_LOCK_ID = 73_550_002;
let heldInProcess = false;

type PoolClient = {
  query: (text: string, values?: unknown[]) => Promise<{ rows: { ok: boolean }[] }>;
  release: () => void;
};
type Pool = { connect: () => Promise<PoolClient>; totalCount: number };

function poolOf(db: Db): Pool | null {
  const client = (db as unknown as { $client?: unknown }).$client as Partial<Pool> | undefined;
  return client && typeof client.connect === "function" && typeof client.totalCount === "number"
    ? (client as Pool)
    : null;
}

/** Runs `work` holding the batch lock; returns null without running it when another runner holds it. */
export async function withCobLock<T>(db: Db, work: () => Promise<T>): Promise<{ value: T } | null> {
  if (heldInProcess) return null;
  heldInProcess = true;
  try {
    const pool = poolOf(db);
    if (!pool) {
      await db.execute(sql`select pg_try_advisory_lock(${COB_LOCK_ID})`);
      try {
        return { value: await work() };
      } finally {
        await db.execute(sql`select pg_advisory_unlock(${COB_LOCK_ID})`);
      }
    }
    const connection = await pool.connect();
    try {
      const [row] = (await connection.query("select pg_try_advisory_lock($1) as ok", [COB_LOCK_ID])).rows;
      if (!row.ok) return null;
      try {
        return { value: await work() };
      } finally {
        await connection.query("select pg_advisory_unlock($1) as ok", [COB_LOCK_ID]);
      }
    } finally {
      connection.release();
    }
  } finally {
    heldInProcess = false;
  }
}

// A chunk of the close reads and writes the state of many loans without locking their rows (locking
// every loan it merely reads would cost as much as writing them). Instead the id space is cut into 256
// buckets (a loan id's first byte); a chunk holds the buckets of its id range exclusively, and every
// transaction that changes one loan takes that loan's bucket shared before the loan's row lock
// (loan-state.ts lockLoan): a payment waits for the chunk in flight on its part of the book (a
// fraction of a second), a chunk for the payments in flight, and chunks on other ranges run alongside.
// Transaction-scoped, so a crash releases them.
const BUCKET_LOCK_SPACE = 73_550_003;
export const LOCK_BUCKETS = 256;

/** A loan id's bucket: its first byte. */
export function bucketOfId(loanId: string): number {
  return Number.parseInt(loanId.slice(0, 2), 16);
}

/** Taken by a chunk of the close (all buckets: the final step): no loan of its buckets changes while it runs. */
export async function excludeLoanChanges(tx: Tx, buckets: { from: number; to: number }): Promise<void> {
  await tx.execute(sql`select count(pg_advisory_xact_lock(${BUCKET_LOCK_SPACE}, b))
    from generate_series(${buckets.from}::int, ${buckets.to - 1}::int) b`);
}

/** Taken by a transaction about to change one loan, before locking its row. */
export async function waitForCloseChunk(tx: Tx, loanId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock_shared(${BUCKET_LOCK_SPACE}, ${bucketOfId(loanId)}::int)`,
  );
}

/** How many chunks may run at once: one per connection the pool can spare, none in parallel on PGlite. */
export function chunkWorkers(db: Db): number {
  if (!poolOf(db)) return 1;
  return Math.max(1, Number(process.env.MC_COB_WORKERS || 2));
}
