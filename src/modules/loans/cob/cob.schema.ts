import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

export type BatchJobStatus = "queued" | "running" | "succeeded" | "failed";

export type BatchProgress = {
  fromDate: string | null;
  toDate: string;
  datesTotal: number;
  datesDone: number;
  currentDate: string | null;
  chunksDone: number;
  chunksTotal: number;
  /** Loans whose state the close wrote (fell overdue, crossed a threshold, closed on their own). */
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

// The plan of one date's close: id ranges of loans, written once when the date's run starts, and each
// range marked closed in the same transaction as its work. A rerun after a crash reuses the plan and
// skips the closed ranges; a loan riding the company close (last_closed_date null) in a closed range
// is closed through `business_date`, elsewhere through `from_date` (the business date the run began at).
export const cobChunks = pgTable(
  "cob_chunks",
  {
    businessDate: date("business_date", { mode: "string" }).notNull(),
    chunkNo: integer("chunk_no").notNull(),
    fromId: uuid("from_id"),
    toId: uuid("to_id"),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true, mode: "date" }),
    // What the chunk did (CloseResult), for the record.
    result: jsonb("result"),
  },
  (t) => [primaryKey({ columns: [t.businessDate, t.chunkNo] })],
);
