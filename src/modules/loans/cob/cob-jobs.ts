// Close-of-business runs as jobs: POST /batch/cob queues one and answers 202 at once, the run goes on
// in this process, GET /batch/jobs/:id reads its status and progress. The CLI and the daily schedule
// use the same job rows, so every run leaves a record.
import { desc, eq } from "drizzle-orm";
import { type RequestContext, requirePermission } from "../../../platform/auth/actor.ts";
import { todayInChina } from "../../../platform/clock.ts";
import type { Db } from "../../../platform/db.ts";
import { DomainError, notFound } from "../../../platform/errors.ts";
import { getBusinessDate } from "../business-date.ts";
import { type BatchJobStatus, type BatchProgress, batchJobs } from "./cob.schema.ts";
import { withCobLock } from "./cob-lock.ts";
import { type CobOptions, type CobSummary, closeBusinessDates } from "./cob-runner.ts";

type Trigger = (typeof batchJobs.$inferInsert)["trigger"];

export type JobView = {
  id: string;
  targetDate: string;
  status: BatchJobStatus;
  progress: BatchProgress | null;
  error: string | null;
  trigger: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

function toView(row: typeof batchJobs.$inferSelect): JobView {
  return {
    id: row.id,
    targetDate: row.targetDate,
    status: row.status,
    progress: row.progress ?? null,
    error: row.error,
    trigger: row.trigger,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

async function createJob(db: Db, ctx: RequestContext, to: string, trigger: Trigger): Promise<string> {
  const [row] = await db
    .insert(batchJobs)
    .values({ targetDate: to, trigger, requestedBy: ctx.actor.userId })
    .returning({ id: batchJobs.id });
  return row.id;
}

/** Runs a job to the end under the batch lock; a job that cannot get the lock fails as already running. */
export async function runJob(
  db: Db,
  ctx: RequestContext,
  jobId: string,
  options: Omit<CobOptions, "jobId">,
): Promise<CobSummary | null> {
  const outcome = await withCobLock(db, async () => {
    await db
      .update(batchJobs)
      .set({ status: "running", startedAt: new Date() })
      .where(eq(batchJobs.id, jobId));
    try {
      const summary = await closeBusinessDates(db, ctx, { ...options, jobId });
      await db
        .update(batchJobs)
        .set({ status: "succeeded", finishedAt: new Date() })
        .where(eq(batchJobs.id, jobId));
      return summary;
    } catch (error) {
      const code = error instanceof DomainError ? error.code : (error as Error).message.slice(0, 500);
      await db
        .update(batchJobs)
        .set({ status: "failed", error: code, finishedAt: new Date() })
        .where(eq(batchJobs.id, jobId));
      throw error;
    }
  });
  if (outcome) return outcome.value;
  await db
    .update(batchJobs)
    .set({ status: "failed", error: "batch-already-running", finishedAt: new Date() })
    .where(eq(batchJobs.id, jobId));
  throw new DomainError({ code: "batch-already-running", status: 409 });
}

async function checkTarget(db: Db, to: string): Promise<void> {
  const businessDate = await getBusinessDate(db);
  if (to < businessDate)
    throw new DomainError({
      code: "cob-date-before-business-date",
      status: 400,
      params: { businessDate },
      fields: { date: "cob-date-before-business-date" },
    });
}

/** POST /batch/cob: queue and start in the background; the caller polls the job. */
export async function startCobJob(
  db: Db,
  ctx: RequestContext,
  input: { date: string },
  log: (error: unknown) => void,
): Promise<{ jobId: string }> {
  requirePermission(ctx, "batch.run");
  await checkTarget(db, input.date);
  const jobId = await createJob(db, ctx, input.date, "http");
  runJob(db, ctx, jobId, { to: input.date }).catch(log);
  return { jobId };
}

/** The CLI: the same job, run in the foreground with a progress callback. */
export async function runCobCommandJob(
  db: Db,
  ctx: RequestContext,
  options: Omit<CobOptions, "jobId">,
  trigger: Trigger = "cli",
): Promise<{ jobId: string; summary: CobSummary | null }> {
  requirePermission(ctx, "batch.run");
  await checkTarget(db, options.to);
  const jobId = await createJob(db, ctx, options.to, trigger);
  return { jobId, summary: await runJob(db, ctx, jobId, options) };
}

/** GET /batch/jobs: the latest runs, newest first (HTTP, CLI and the daily schedule alike). */
export async function listJobs(db: Db, ctx: RequestContext, input: { limit: number }): Promise<JobView[]> {
  requirePermission(ctx, "batch.run");
  const rows = await db.select().from(batchJobs).orderBy(desc(batchJobs.createdAt)).limit(input.limit);
  return rows.map(toView);
}

export async function getJob(db: Db, ctx: RequestContext, id: string): Promise<JobView> {
  requirePermission(ctx, "batch.run");
  const [row] = await db.select().from(batchJobs).where(eq(batchJobs.id, id));
  if (!row) throw notFound("job");
  return toView(row);
}

/** The scheduled run: closes today (China time) unless already closed or another instance is running it. */
export async function runScheduledCob(db: Db, ctx: RequestContext): Promise<CobSummary | null> {
  const today = todayInChina();
  if ((await getBusinessDate(db)) >= today) return null;
  try {
    return (await runCobCommandJob(db, ctx, { to: today }, "schedule")).summary;
  } catch (error) {
    if (error instanceof DomainError && error.code === "batch-already-running") return null;
    throw error;
  }
}
