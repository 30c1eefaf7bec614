// The close of business (日终): for each date after the business date up to the target, in order,
// close every active loan in id-range chunks (one transaction each), then advance the business date
// — only once no active loan is left unclosed for that date. A crash loses at most the chunk in
// flight; a rerun skips what was committed, so nothing is done twice.
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../../platform/auth/actor.ts";
import type { Db, Tx } from "../../../platform/db.ts";
import { conflict, DomainError } from "../../../platform/errors.ts";
import { expireStaleApplications } from "../../origination/expiry.service.ts";
import { advanceBusinessDate, getBusinessDate, shiftDate } from "../business-date.ts";
import { type CloseResult, closeLoans, loadCloseParams } from "./close-loans.ts";
import { type BatchProgress, batchJobs } from "./cob.schema.ts";
import { withCobLock } from "./cob-lock.ts";
import { rowsOf } from "./sql-helpers.ts";

export const DEFAULT_CHUNK_SIZE = 5000;
// A guard against a typo such as 2062 for 2026, which would otherwise close decades one day at a time.
export const MAX_DATES_PER_RUN = 1000;

export type CobOptions = {
  to: string;
  chunkSize?: number;
  jobId?: string | null;
  onProgress?: (progress: BatchProgress) => void;
  /** Test hook: runs after each committed chunk; throwing here is a crash between chunks. */
  afterChunk?: (info: { date: string; chunk: number }) => void | Promise<void>;
  /**
   * "jump" closes only the target date, each loan from its own last close (the per-loan step is
   * gap-tolerant). Only the demo seed uses it, to simulate months quickly; the batch is "daily".
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

async function chunkStarts(db: Db, date: string, size: number): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      select id from (
        select id, row_number() over (order by id) as rn from loans
        where status = 'active' and last_closed_date < ${date}::date
      ) s where (rn - 1) % ${size} = 0 order by id`),
  );
  return rows.map((r) => r.id);
}

const emptyTotals = (): CloseResult => ({
  loans: 0,
  recognised: 0,
  penaltyAccrued: 0,
  reminders: 0,
  tasks: 0,
});

/** The work itself; the caller holds the batch lock. */
export async function closeBusinessDates(
  db: Db,
  ctx: RequestContext,
  options: CobOptions,
): Promise<CobSummary> {
  const size = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const businessDate = await getBusinessDate(db);
  const dates: string[] = [];
  if (options.to > businessDate) {
    if (options.mode === "jump") dates.push(options.to);
    else for (let d = shiftDate(businessDate, 1); d <= options.to; d = shiftDate(d, 1)) dates.push(d);
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

  const totals = emptyTotals();
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
    const params = await loadCloseParams(db, date);
    progress.currentDate = date;
    let dateLoans = 0;
    // Normally one pass; a loan disbursed back-dated while we ran is picked up by the next pass.
    for (let pass = 0; pass < 3; pass++) {
      const starts = await chunkStarts(db, date, size);
      if (starts.length === 0) break;
      progress.chunksTotal = progress.chunksDone + starts.length;
      for (let i = 0; i < starts.length; i++) {
        const scope = { fromId: i === 0 ? null : starts[i], toId: starts[i + 1] ?? null };
        await db.transaction(async (tx) => {
          const result = await closeLoans(tx, ctx, { date, scope, params });
          for (const key of Object.keys(totals) as (keyof CloseResult)[]) totals[key] += result[key];
          dateLoans += result.loans;
          progress.chunksDone += 1;
          progress.loansClosed += result.loans;
          await report(tx);
        });
        await options.afterChunk?.({ date, chunk: progress.chunksDone });
      }
    }
    await db.transaction(async (tx) => {
      const [left] = rowsOf<{ n: number }>(
        await tx.execute(
          sql`select count(*)::int as n from loans where status = 'active' and last_closed_date < ${date}::date`,
        ),
      );
      if (left.n > 0) throw conflict("cob-incomplete", { date, loans: left.n });
      await advanceBusinessDate(tx, ctx, date);
      await expireStaleApplications(tx, ctx, date);
      progress.datesDone += 1;
      progress.chunksDone = 0;
      progress.chunksTotal = 0;
      await report(tx);
      await recordAudit(tx, ctx, {
        action: "cob.date-closed",
        entityType: "business-date",
        entityId: date,
        after: { date, loans: dateLoans, jobId: options.jobId ?? null, mode: options.mode ?? "daily" },
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
