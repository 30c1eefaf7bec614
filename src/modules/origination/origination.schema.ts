import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { ApplicationStatus } from "./domain/state-machine.ts";

// One loan application through the seven steps. Each step's record is kept whole (jsonb) beside the
// figures the steps after it rely on, so the committee sees exactly what risk saw.
export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    appNo: text("app_no").notNull().unique(),
    customerId: uuid("customer_id").notNull(),
    productId: uuid("product_id").notNull(),
    productVersion: integer("product_version").notNull(),
    amount: bigint("amount_fen", { mode: "number" }).notNull(),
    termMonths: integer("term_months").notNull(),
    purpose: text("purpose").notNull(),
    channel: text("channel").$type<"branch" | "online">().notNull().default("branch"),
    status: text("status").$type<ApplicationStatus>().notNull(),
    /** The customer manager who brought it: never reviews, votes on or disburses it. */
    originatorId: uuid("originator_id").notNull(),
    createdBy: uuid("created_by"),
    interview: jsonb("interview"),
    qualification: jsonb("qualification"),
    assessment: jsonb("assessment"),
    riskPlan: jsonb("risk_plan"),
    decision: jsonb("decision"),
    rejectReason: text("reject_reason"),
    loanId: uuid("loan_id"),
    contractFile: text("contract_file"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true, mode: "date" })
      .notNull()
      .defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("applications_status_idx").on(t.status),
    index("applications_customer_idx").on(t.customerId),
    index("applications_originator_idx").on(t.originatorId),
  ],
);

export const applicationEvents = pgTable(
  "application_events",
  {
    id: serial("id").primaryKey(),
    applicationId: uuid("application_id").notNull(),
    action: text("action").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name").notNull(),
    comment: text("comment"),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("application_events_app_idx").on(t.applicationId, t.at)],
);

export const committeeVotes = pgTable(
  "committee_votes",
  {
    applicationId: uuid("application_id").notNull(),
    voterId: uuid("voter_id").notNull(),
    voterName: text("voter_name").notNull(),
    voterRole: text("voter_role").notNull(),
    decision: text("decision").$type<"approve" | "reject">().notNull(),
    comment: text("comment"),
    conditions: text("conditions"),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.voterId] })],
);

export const savedViews = pgTable("saved_views", {
  id: serial("id").primaryKey(),
  ownerId: uuid("owner_id").notNull(),
  page: text("page").notNull(),
  name: text("name").notNull(),
  filters: jsonb("filters").notNull(),
  shared: integer("shared").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
