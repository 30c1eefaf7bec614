import { date, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export type BatchJobStatus = "queued" | "running" | "succeeded" | "failed";

export type BatchProgress = {
  fromDate: string | null;
  toDate: string;
  datesTotal: number;
  datesDone: number;
  currentDate: string | null;
  chunksDone: number;
  chunksTotal: number;
  loansClosed: number;
  percent: number;
};

// One row per requested close of business. Progress is written by the chunk transactions, so after a
// crash the row shows how far the run got; a rerun marks a stale `running` row as failed.
export const batchJobs = pgTable(
  "batch_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<"cob">().notNull().default("cob"),
    targetDate: date("target_date", { mode: "string" }).notNull(),
    status: text("status").$type<BatchJobStatus>().notNull().default("queued"),
    progress: jsonb("progress").$type<BatchProgress | null>(),
    error: text("error"),
    trigger: text("trigger").$type<"http" | "cli" | "schedule" | "seed" | "test">().notNull(),
    requestedBy: uuid("requested_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }),
    finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("batch_jobs_status_idx").on(t.status)],
);
