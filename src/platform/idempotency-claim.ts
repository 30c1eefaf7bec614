// The service half of Idempotency-Key (http/idempotency.ts is the HTTP half). A money-moving service
// runs its transaction through idempotentTransaction: the claimed key is locked for the whole
// transaction and marked done, with the answer, in the same commit as the money. So after a crash the
// key tells the truth: done (and replayed) exactly when the money moved; still pending only when it
// did not, and then a retry may take it over (takeOverAbandonedClaim) instead of being refused forever.
import { and, eq, sql } from "drizzle-orm";
import { idempotencyKeys } from "../modules/settings/settings.schema.ts";
import type { RequestContext } from "./auth/actor.ts";
import type { Db, Tx } from "./db.ts";

export type IdempotencyClaim = {
  scope: string;
  key: string;
  /** The route's success status, stored with the answer for replays. */
  status: number;
  /** Set once the transaction that recorded the answer has committed. */
  completed: boolean;
};

/**
 * A claim still pending after this long, and not locked by a running transaction, belongs to a request
 * that died before its transaction committed (the claim is written just before the transaction
 * starts, so a live request holds the lock within milliseconds, or seconds when the pool is busy).
 */
export const ABANDONED_CLAIM_AFTER_SECONDS = 60;

const whereClaim = (claim: { scope: string; key: string }) =>
  and(eq(idempotencyKeys.scope, claim.scope), eq(idempotencyKeys.key, claim.key));

/** `db.transaction(work)`, recording the request's Idempotency-Key answer in the same commit. */
export async function idempotentTransaction<T>(
  db: Db,
  ctx: RequestContext,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const claim = ctx.idempotency;
  if (!claim) return db.transaction(work);
  const result = await db.transaction(async (tx) => {
    // Held to the commit, so that a retry cannot take the claim over while the money is moving.
    await tx.execute(
      sql`select 1 from ${idempotencyKeys} where scope = ${claim.scope} and key = ${claim.key} for update`,
    );
    const answer = await work(tx);
    await tx
      .update(idempotencyKeys)
      .set({ state: "done", statusCode: claim.status, response: answer ?? null })
      .where(whereClaim(claim));
    return answer;
  });
  claim.completed = true;
  return result;
}

/**
 * Takes over a pending claim whose request died before committing: pending for longer than
 * ABANDONED_CLAIM_AFTER_SECONDS and not locked by a transaction in flight. Returns whether it did.
 */
export async function takeOverAbandonedClaim(
  db: Db,
  claim: { scope: string; key: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = (
      (await tx.execute(
        sql`select state, created_at < now() - make_interval(secs => ${ABANDONED_CLAIM_AFTER_SECONDS}) as abandoned
            from ${idempotencyKeys} where scope = ${claim.scope} and key = ${claim.key}
            for update skip locked`,
      )) as unknown as { rows: { state: string; abandoned: boolean }[] }
    ).rows;
    if (!row || row.state !== "pending" || !row.abandoned) return false;
    await tx.update(idempotencyKeys).set({ createdAt: sql`now()` }).where(whereClaim(claim));
    return true;
  });
}
