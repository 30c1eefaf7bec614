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
import { leads } from "./crm.schema.ts";

// What the sales floor does with its leads after the first call: revisits, appointments, customer
// feedback; and how it is measured: a daily roll-up of the calls, PK contests, team plans and the
// stored end-of-day report. Calls and lead events themselves live in crm.schema.ts.

export type FollowUpSource = "follow-up-date" | "intent-revisit" | "manual";
export type FollowUpStatus = "open" | "done" | "cancelled";

// A revisit task (回访). Opened from the lead's next follow-up date or, for an intent customer with
// none, every few days (setting); done by the first call to the lead after `opened_at`. One open task
// per lead, so the callback list never shows a customer twice.
export const followUps = pgTable(
  "crm_follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id),
    ownerId: uuid("owner_id"),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    source: text("source").$type<FollowUpSource>().notNull(),
    status: text("status").$type<FollowUpStatus>().notNull().default("open"),
    /** Calls after this moment complete the task. */
    openedAt: timestamp("opened_at", { withTimezone: true, mode: "date" }).notNull(),
    doneAt: timestamp("done_at", { withTimezone: true, mode: "date" }),
    doneCallId: uuid("done_call_id"),
    note: text("note"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("crm_follow_ups_one_open_uq").on(t.leadId).where(sql`${t.status} = 'open'`),
    index("crm_follow_ups_owner_idx").on(t.ownerId, t.status, t.dueOn),
    index("crm_follow_ups_lead_idx").on(t.leadId, t.dueOn),
  ],
);

export type AppointmentStatus = "scheduled" | "done" | "no-show" | "cancelled";

// 约见: the customer meets someone (usually a customer manager) at a time and place. `made_on` is the
// business day it was booked, which is what 次日约见 (booked on D for D+1) counts.
export const appointments = pgTable(
  "crm_appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id),
    /** Who booked it (the KPI counts for them). */
    ownerId: uuid("owner_id").notNull(),
    /** The colleague the customer meets, when it is one of us. */
    withUserId: uuid("with_user_id"),
    withName: text("with_name"),
    startsAt: timestamp("starts_at", { withTimezone: true, mode: "date" }).notNull(),
    place: text("place").notNull(),
    status: text("status").$type<AppointmentStatus>().notNull().default("scheduled"),
    madeOn: date("made_on", { mode: "string" }).notNull(),
    callId: uuid("call_id"),
    note: text("note"),
    outcome: text("outcome"),
    closedAt: timestamp("closed_at", { withTimezone: true, mode: "date" }),
    closedBy: uuid("closed_by"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("crm_appointments_owner_idx").on(t.ownerId, t.madeOn),
    index("crm_appointments_starts_idx").on(t.startsAt),
    index("crm_appointments_with_idx").on(t.withUserId, t.startsAt),
    index("crm_appointments_lead_idx").on(t.leadId),
  ],
);

export type ReminderStatus = "pending" | "sent" | "failed" | "cancelled";

// The text message reminding a customer of tomorrow's appointment, queued by the end of day for a
// sender (SMS gateway) to deliver; one per appointment, so a rerun of the date queues nothing twice.
// The number is not copied here: the sender reads it from the lead, where it stays sealed.
export const appointmentReminders = pgTable(
  "crm_appointment_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    appointmentId: uuid("appointment_id")
      .notNull()
      .references(() => appointments.id),
    leadId: uuid("lead_id").notNull(),
    channel: text("channel").notNull().default("sms"),
    body: text("body").notNull(),
    /** The business date whose end of day queued it (the day before the appointment). */
    queuedOn: date("queued_on", { mode: "string" }).notNull(),
    status: text("status").$type<ReminderStatus>().notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("crm_appointment_reminders_once_uq").on(t.appointmentId),
    index("crm_appointment_reminders_status_idx").on(t.status, t.queuedOn),
  ],
);

export type FeedbackKind = "feedback" | "complaint";
export type FeedbackStatus = "open" | "in-progress" | "resolved" | "closed";

// 客户反馈与投诉. The SLA hours come from the category's setting in force when it was received and
// are kept on the row, so a later setting change does not move a promise already made.
export const feedback = pgTable(
  "crm_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    refNo: text("ref_no").notNull().unique(),
    kind: text("kind").$type<FeedbackKind>().notNull(),
    category: text("category").notNull(),
    channel: text("channel").notNull(),
    leadId: uuid("lead_id").references(() => leads.id),
    customerId: uuid("customer_id"),
    contactName: text("contact_name").notNull(),
    subject: text("subject").notNull(),
    detail: text("detail"),
    receivedAt: timestamp("received_at", { withTimezone: true, mode: "date" }).notNull(),
    slaHours: integer("sla_hours").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true, mode: "date" }).notNull(),
    ownerId: uuid("owner_id"),
    status: text("status").$type<FeedbackStatus>().notNull().default("open"),
    outcome: text("outcome"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true, mode: "date" }),
    closedAt: timestamp("closed_at", { withTimezone: true, mode: "date" }),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("crm_feedback_status_idx").on(t.status, t.dueAt),
    index("crm_feedback_owner_idx").on(t.ownerId, t.status),
  ],
);

// The calls of one agent on one China-time day, kept by statement-level triggers on crm_calls
// (migration crm_kpi_rollup), so a month's KPI page reads agents × days rows, not every call.
// `revisits`: outbound calls to a lead that had become an intent customer before that day.
export const kpiDaily = pgTable(
  "crm_kpi_daily",
  {
    agentId: uuid("agent_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    outbound: integer("outbound").notNull().default(0),
    effective: integer("effective").notNull().default(0),
    revisits: integer("revisits").notNull().default(0),
    inbound: integer("inbound").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.agentId, t.day] }), index("crm_kpi_daily_day_idx").on(t.day)],
);

export type PkUnitKind = "group" | "team";
export type PkMetric = "calls" | "effective" | "intent" | "appointments" | "disbursed" | "weighted";

// A PK (group against group, or team against team) over a period on one metric or a weighted score.
// Participants are the leaders' user ids; results are written once the period has ended.
export const pkContests = pgTable(
  "crm_pk_contests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    unitKind: text("unit_kind").$type<PkUnitKind>().notNull(),
    metric: text("metric").$type<PkMetric>().notNull(),
    /** For "weighted": points per unit of each metric (disbursed per ¥10,000). */
    weights: jsonb("weights").$type<Record<string, number>>(),
    participants: jsonb("participants").$type<string[]>().notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    reward: text("reward"),
    status: text("status").$type<"active" | "cancelled">().notNull().default("active"),
    finalizedAt: timestamp("finalized_at", { withTimezone: true, mode: "date" }),
    createdBy: uuid("created_by"),
    createdByName: text("created_by_name"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("crm_pk_contests_period_idx").on(t.endsOn, t.startsOn)],
);

export const pkResults = pgTable(
  "crm_pk_results",
  {
    contestId: uuid("contest_id")
      .notNull()
      .references(() => pkContests.id),
    unitId: uuid("unit_id").notNull(),
    unitName: text("unit_name").notNull(),
    rank: integer("rank").notNull(),
    /** Decimal string, two places. */
    score: text("score").notNull(),
    figures: jsonb("figures").notNull(),
    winner: boolean("winner").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.contestId, t.unitId] })],
);

// The marketing plan (DOMAIN.md §6): a team's target of disbursed principal for a month. Without a
// row the ramp setting applies; a row is an edit of the plan.
export const teamTargets = pgTable(
  "crm_team_targets",
  {
    teamUserId: uuid("team_user_id").notNull(),
    /** YYYY-MM */
    month: text("month").notNull(),
    targetFen: bigint("target_fen", { mode: "number" }).notNull(),
    note: text("note"),
    updatedBy: uuid("updated_by"),
    updatedByName: text("updated_by_name"),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamUserId, t.month] })],
);

// The end-of-day report of one business date as it was produced (figures do not move afterwards).
export const dailyReports = pgTable("crm_daily_reports", {
  reportDate: date("report_date", { mode: "string" }).primaryKey(),
  content: jsonb("content").notNull(),
  trigger: text("trigger").$type<"schedule" | "manual" | "demo">().notNull(),
  generatedBy: uuid("generated_by"),
  generatedByName: text("generated_by_name").notNull(),
  generatedAt: timestamp("generated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
