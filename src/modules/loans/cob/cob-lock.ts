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
// every loan it merely reads would cost as much as writing them). Instead, each chunk transaction holds
// this lock exclusively, and every transaction that changes one loan takes it shared before the loan's
// row lock (loan-state.ts lockLoan): a payment waits for the chunk in flight (a fraction of a second),
// and a chunk for the payments in flight. Transaction-scoped, so a crash releases it.
const CHUNK_LOCK_ID = 73_550_003;

/** Taken by a chunk of the close (and its final step): no loan changes while it runs. */
export async function excludeLoanChanges(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHUNK_LOCK_ID})`);
}

/** Taken by a transaction about to change one loan, before locking its row. */
export async function waitForCloseChunk(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${CHUNK_LOCK_ID})`);
}
