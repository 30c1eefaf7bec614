// The close of business (日终): for each date after the business date up to the target, in order,
// close the book in id-range chunks (one transaction each, planned once per date in cob_chunks), then
// the loans opened on their own meanwhile, then advance the business date — only once every chunk is
// closed. A crash loses at most the chunk in flight; a rerun finishes the unfinished date first, on
// the same chunks, skipping the closed ones, so nothing is done twice.
import { and, eq, isNull, sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../../platform/auth/actor.ts";
import type { Db, Tx } from "../../../platform/db.ts";
import { END_OF_DAY_STEPS } from "../../../platform/end-of-day.ts";
import { conflict, DomainError } from "../../../platform/errors.ts";
import { advanceBusinessDate, getBusinessDate, shiftDate } from "../business-date.ts";
import { bucketsOf, type Chunk, planDate, unfinishedDate } from "./chunk-plan.ts";
import {
  type CloseResult,
  classRulesChanged,
  closeChunk,
  closeStragglers,
  emptyCloseResult,
  loadCloseParams,
} from "./close-loans.ts";
import { type BatchProgress, batchJobs, cobChunks } from "./cob.schema.ts";
import { chunkWorkers, excludeLoanChanges, LOCK_BUCKETS, withCobLock } from "./cob-lock.ts";
import { rowsOf } from "./sql-helpers.ts";

// A chunk does only what changes in its range, so it can be large: at 1,000,000 loans, 20 chunks of a
// fraction of a second each (payments on the book wait for the chunk in flight, cob-lock.ts).
export const DEFAULT_CHUNK_SIZE = 50_000;
// A guard against a typo such as 2062 for 2026, which would otherwise close decades one day at a time.
export const MAX_DATES_PER_RUN = 1000;

export type CobOptions = {
  to: string;
  chunkSize?: number;
  jobId?: string | null;
  onProgress?: (progress: BatchProgress) => void;
  /** Chunks closed at once (default: MC_COB_WORKERS, 2, on PostgreSQL; 1 on PGlite). */
  workers?: number;
  /** Test hook: runs after each committed chunk; throwing here is a crash between chunks. */
  afterChunk?: (info: { date: string; chunk: number }) => void | Promise<void>;
  /**
   * "jump" closes only the target date, the window from the business date to it at once (every step
   * works on a date window). Only the demo seed uses it, to simulate months quickly; the batch is "daily".
   */
  mode?: "daily" | "jump";
};

export type CobSummary = {
  fromDate: string;
  toDate: string;
  datesClosed: number;
  loansClosed: number;
  totals: CloseResult;
};

/** Runs the close of business under the batch lock; 409 if another runner holds it. */
export async function runCob(db: Db, ctx: RequestContext, options: CobOptions): Promise<CobSummary> {
  requirePermission(ctx, "batch.run");
  const result = await withCobLock(db, () => closeBusinessDates(db, ctx, options));
  if (!result) throw conflict("batch-already-running");
  return result.value;
}

/** The work itself; the caller holds the batch lock. */
export async function closeBusinessDates(
  db: Db,
  ctx: RequestContext,
  options: CobOptions,
): Promise<CobSummary> {
  const size = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const businessDate = await getBusinessDate(db);
  // A date whose close was interrupted is finished first, on its own plan (its window, its chunks).
  const unfinished = await unfinishedDate(db, businessDate);
  const dates: string[] = unfinished ? [unfinished] : [];
  const after = unfinished ?? businessDate;
  if (options.to > after) {
    if (options.mode === "jump") dates.push(options.to);
    else for (let d = shiftDate(after, 1); d <= options.to; d = shiftDate(d, 1)) dates.push(d);
  }
  if (dates.length > MAX_DATES_PER_RUN)
    throw new DomainError({
      code: "cob-too-many-dates",
      status: 400,
      params: { max: MAX_DATES_PER_RUN },
      fields: { date: "cob-too-many-dates" },
    });
  // Whoever ran before us died without finishing (we hold the lock, so no one else is running).
  await db
    .update(batchJobs)
    .set({ status: "failed", error: "interrupted", finishedAt: new Date() })
    .where(
      sql`${batchJobs.status} = 'running' and ${batchJobs.id} <> ${options.jobId ?? "00000000-0000-0000-0000-000000000000"}::uuid`,
    );

  const totals = emptyCloseResult();
  const progress: BatchProgress = {
    fromDate: dates[0] ?? null,
    toDate: options.to,
    datesTotal: dates.length,
    datesDone: 0,
    currentDate: null,
    chunksDone: 0,
    chunksTotal: 0,
    loansClosed: 0,
    percent: dates.length === 0 ? 100 : 0,
  };
  const add = (result: CloseResult) => {
    for (const key of Object.keys(totals) as (keyof CloseResult)[]) totals[key] += result[key];
    progress.loansClosed += result.loans;
  };
  const report = async (tx: Tx | Db) => {
    const partOfDate = progress.chunksTotal ? progress.chunksDone / progress.chunksTotal : 0;
    progress.percent =
      progress.datesTotal === 0
        ? 100
        : Math.floor(((progress.datesDone + partOfDate) / progress.datesTotal) * 100);
    options.onProgress?.({ ...progress });
    if (options.jobId)
      await tx
        .update(batchJobs)
        .set({ progress: { ...progress } })
        .where(eq(batchJobs.id, options.jobId));
  };
  await report(db);

  for (const date of dates) {
    progress.currentDate = date;
    const chunks = await planDate(db, { date, fromDate: await getBusinessDate(db), size });
    const fromDate = chunks[0].fromDate;
    const params = await loadCloseParams(db, date);
    // New thresholds or provision rates apply to every loan, not only to those whose DPD moves.
    const recomputeAll = classRulesChanged(await loadCloseParams(db, fromDate), params);
    progress.chunksTotal = chunks.length;
    progress.chunksDone = chunks.filter((c) => c.closedAt !== null).length;
    let dateLoans = 0;
    const open = chunks.filter((c) => c.closedAt === null);
    const closeOne = async (chunk: Chunk) => {
      const range = { fromId: chunk.fromId, toId: chunk.toId };
      const result = await db.transaction(async (tx) => {
        await excludeLoanChanges(tx, bucketsOf(range));
        const closing = await closeChunk(tx, ctx, { date, fromDate, range, params, recomputeAll });
        const closed = await tx
          .update(cobChunks)
          .set({ closedAt: new Date(), result: closing })
          .where(
            and(
              eq(cobChunks.businessDate, date),
              eq(cobChunks.chunkNo, chunk.chunkNo),
              isNull(cobChunks.closedAt),
            ),
          )
          .returning({ chunkNo: cobChunks.chunkNo });
        // Only one runner holds the batch lock, so this cannot happen; if it did, undo the chunk's work.
        if (closed.length !== 1) throw conflict("batch-already-running");
        return closing;
      });
      add(result);
      dateLoans += result.loans;
      progress.chunksDone += 1;
      await report(db);
      await options.afterChunk?.({ date, chunk: progress.chunksDone });
    };
    // Chunks cover disjoint ranges and lock buckets, so a few run at once (one per spare connection).
    let next = 0;
    let failed = false;
    const worker = async () => {
      while (!failed && next < open.length) {
        const chunk = open[next++];
        try {
          await closeOne(chunk);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    };
    const workers = Math.min(options.workers ?? chunkWorkers(db), open.length);
    const outcomes = await Promise.allSettled(Array.from({ length: workers }, worker));
    const failure = outcomes.find((o) => o.status === "rejected");
    if (failure) throw failure.reason;
    await db.transaction(async (tx) => {
      await excludeLoanChanges(tx, { from: 0, to: LOCK_BUCKETS });
      const [open] = rowsOf<{ n: number }>(
        await tx.execute(
          sql`select count(*)::int as n from cob_chunks where business_date = ${date}::date and closed_at is null`,
        ),
      );
      if (open.n > 0) throw conflict("cob-incomplete", { date, loans: open.n });
      // Loans opened back-dated or reopened while the chunks ran are closed here, on their own.
      const stragglers = await closeStragglers(tx, ctx, { date, params });
      add(stragglers);
      dateLoans += stragglers.loans;
      await advanceBusinessDate(tx, ctx, date);
      for (const step of END_OF_DAY_STEPS) await step.run(tx, ctx, date);
      progress.datesDone += 1;
      progress.chunksDone = 0;
      progress.chunksTotal = 0;
      await report(tx);
      await recordAudit(tx, ctx, {
        action: "cob.date-closed",
        entityType: "business-date",
        entityId: date,
        after: {
          date,
          fromDate,
          chunks: chunks.length,
          loansChanged: dateLoans,
          jobId: options.jobId ?? null,
          mode: options.mode ?? "daily",
        },
      });
    });
  }
  return {
    fromDate: dates[0] ?? options.to,
    toDate: options.to,
    datesClosed: dates.length,
    loansClosed: progress.loansClosed,
    totals,
  };
}
