import { sql } from "drizzle-orm";
import {
  bigint,
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
import type { CollectionQueue } from "./collections-work.schema.ts";

export * from "./collections-work.schema.ts";

// A loan that falls overdue gets one open task; the daily batch opens it and keeps its bucket
// current, a repayment that clears the arrears resolves it. Keyed by loan for co-location.
export const collectionTasks = pgTable(
  "collection_tasks",
  {
    loanId: uuid("loan_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    bucket: text("bucket").notNull(),
    dpd: integer("dpd").notNull(),
    status: text("status").$type<"open" | "resolved">().notNull().default("open"),
    assignedTo: uuid("assigned_to"),
    openedOn: date("opened_on", { mode: "string" }).notNull(),
    resolvedOn: date("resolved_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    // Collections work (collections-work.schema.ts): the queue by escalation, priority raised by broken
    // promises, and the latest attempt kept on the task so the work queue sorts without joins.
    queue: text("queue").$type<CollectionQueue>().notNull().default("standard"),
    priority: text("priority").$type<"normal" | "high">().notNull().default("normal"),
    brokenPromises: integer("broken_promises").notNull().default(0),
    assignedAt: timestamp("assigned_at", { withTimezone: true, mode: "date" }),
    escalatedOn: date("escalated_on", { mode: "string" }),
    lastActionAt: timestamp("last_action_at", { withTimezone: true, mode: "date" }),
    lastActionMethod: text("last_action_method"),
    lastActionOutcome: text("last_action_outcome"),
    nextActionDate: date("next_action_date", { mode: "string" }),
  },
  (t) => [
    primaryKey({ columns: [t.loanId, t.id] }),
    uniqueIndex("collection_tasks_one_open_uq").on(t.loanId).where(sql`${t.status} = 'open'`),
    index("collection_tasks_status_idx").on(t.status, t.bucket),
    index("collection_tasks_assignee_idx").on(t.assignedTo, t.status),
    // The console and the API address a task by its id alone.
    index("collection_tasks_id_idx").on(t.id),
  ],
);

export type TemplateCode = "due-reminder" | "overdue-notice";

// Texts of the reminders the batch writes; placeholders {loanNo} {period} {dueDate} {amount}.
export const notificationTemplates = pgTable("notification_templates", {
  code: text("code").primaryKey(),
  channel: text("channel").notNull().default("sms"),
  locale: text("locale").notNull().default("zh-CN"),
  body: text("body").notNull(),
  updatedBy: uuid("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

// Messages waiting for a sender (SMS gateway, WeChat); the batch only writes them. The primary key is
// the message's identity (installment due date, loan, template, period), so a rerun of a date cannot
// queue the same reminder twice; `id` is the handle shown to people and senders. The batch queues about
// 33,000 a night at 1,000,000 loans, each an insert into every index: one index rather than a surrogate
// key plus a unique one, and led by the due date, so that a night's inserts land in two small regions of
// it (due in 3 days, 1 day overdue) rather than all over it by random loan id.
export const notificationsOutbox = pgTable(
  "notifications_outbox",
  {
    loanId: uuid("loan_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    templateCode: text("template_code").notNull(),
    channel: text("channel").notNull(),
    customerId: uuid("customer_id").notNull(),
    period: integer("period").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    amount: bigint("amount_fen", { mode: "number" }).notNull(),
    body: text("body").notNull(),
    businessDate: date("business_date", { mode: "string" }).notNull(),
    status: text("status").$type<"pending" | "sent" | "failed">().notNull().default("pending"),
    payload: jsonb("payload"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({
      name: "notifications_outbox_pk",
      columns: [t.dueDate, t.loanId, t.templateCode, t.period],
    }),
    index("notifications_outbox_status_idx").on(t.status, t.businessDate),
  ],
);
