import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

// The collectors' side of a task: who else may be contacted, the debtor's recorded consent to be
// called in quiet hours, every contact attempt, promises to pay and the task's history. All keyed by
// loan_id like the task itself, so a distributed database keeps a loan's collection file together.

export type CollectionQueue = "standard" | "senior" | "legal";

/** People other than the borrower: guarantors and co-borrowers owe too, third parties never hear of the debt. */
export const collectionContacts = pgTable(
  "collection_contacts",
  {
    loanId: uuid("loan_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    party: text("party").$type<"guarantor" | "co-borrower" | "third-party">().notNull(),
    relation: text("relation").notNull().default("other"),
    name: text("name").notNull(),
    phoneEnc: text("phone_enc"),
    phoneMasked: text("phone_masked"),
    address: text("address"),
    active: boolean("active").notNull().default(true),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.loanId, t.id] })],
);

/**
 * DOMAIN.md §8: no contact 22:00–08:00 unless the debtor agreed to be contacted at that time. The
 * consent names its window and how it was obtained; revoking keeps the row.
 */
export const collectionConsents = pgTable(
  "collection_consents",
  {
    loanId: uuid("loan_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    /** "borrower" or the id of a guarantor / co-borrower contact. */
    contactKey: text("contact_key").notNull(),
    windowStart: text("window_start").notNull(),
    windowEnd: text("window_end").notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    validUntil: date("valid_until", { mode: "string" }),
    evidence: text("evidence").notNull(),
    recordedBy: uuid("recorded_by"),
    recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    revokedBy: uuid("revoked_by"),
    revokeReason: text("revoke_reason"),
  },
  (t) => [primaryKey({ columns: [t.loanId, t.id] })],
);

/** Every contact attempt, answered or not (DOMAIN.md §8: every attempt is logged). Never edited. */
export const collectionActions = pgTable(
  "collection_actions",
  {
    loanId: uuid("loan_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    taskId: uuid("task_id").notNull(),
    contactKey: text("contact_key").notNull(),
    party: text("party").notNull(),
    method: text("method").notNull(),
    purpose: text("purpose").notNull(),
    outcome: text("outcome").notNull(),
    unanswered: boolean("unanswered").notNull(),
    note: text("note"),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull(),
    // The calendar day in China the attempt belongs to: the daily attempt limit counts by it.
    contactDay: date("contact_day", { mode: "string" }).notNull(),
    promiseId: uuid("promise_id"),
    nextActionDate: date("next_action_date", { mode: "string" }),
    actorId: uuid("actor_id"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.loanId, t.id] }),
    index("collection_actions_attempts_idx").on(t.loanId, t.contactKey, t.method, t.contactDay),
    index("collection_actions_actor_day_idx").on(t.actorId, t.contactDay),
    index("collection_actions_day_idx").on(t.contactDay),
  ],
);

export type PromiseStatus = "pending" | "kept" | "broken" | "superseded";

/** 承诺还款: the daily batch marks it kept when payments since it reach the amount, broken when its date passes. */
export const collectionPromises = pgTable(
  "collection_promises",
  {
    loanId: uuid("loan_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    taskId: uuid("task_id").notNull(),
    actionId: uuid("action_id").notNull(),
    amount: bigint("amount_fen", { mode: "number" }).notNull(),
    promisedDate: date("promised_date", { mode: "string" }).notNull(),
    // Payments dated on or after this business date count towards the promise.
    madeOn: date("made_on", { mode: "string" }).notNull(),
    status: text("status").$type<PromiseStatus>().notNull().default("pending"),
    paid: bigint("paid_fen", { mode: "number" }).notNull().default(0),
    resolvedOn: date("resolved_on", { mode: "string" }),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.loanId, t.id] }),
    // One promise in force per task: a new one supersedes the old.
    uniqueIndex("collection_promises_one_pending_uq")
      .on(t.loanId, t.taskId)
      .where(sql`${t.status} = 'pending'`),
    index("collection_promises_status_idx").on(t.status, t.resolvedOn),
  ],
);

export type TaskEventKind =
  | "assigned"
  | "unassigned"
  | "escalated"
  | "queue-changed"
  | "promise-kept"
  | "promise-broken"
  | "priority-raised";

/** The task's history beside its actions: assignment, escalation, promise outcomes (actor null = the batch). */
export const collectionTaskEvents = pgTable(
  "collection_task_events",
  {
    loanId: uuid("loan_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    taskId: uuid("task_id").notNull(),
    kind: text("kind").$type<TaskEventKind>().notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    businessDate: date("business_date", { mode: "string" }).notNull(),
    actorId: uuid("actor_id"),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.loanId, t.id] }),
    index("collection_task_events_task_idx").on(t.loanId, t.taskId),
  ],
);

/**
 * Who works which queue, and how many open tasks they can carry (null = the setting's default).
 * lastAssignedSeq orders the round-robin: the collector who got a task longest ago is next.
 */
export const collectionCollectors = pgTable("collection_collectors", {
  userId: uuid("user_id").primaryKey(),
  queues: text("queues").array().$type<CollectionQueue[]>().notNull(),
  capacity: integer("capacity"),
  active: boolean("active").notNull().default(true),
  lastAssignedSeq: bigint("last_assigned_seq", { mode: "number" }).notNull().default(0),
  updatedBy: uuid("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
