import {
  date,
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
import { jsonValue } from "../../platform/db-types.ts";

// Business rules (DOMAIN.md) are settings with an effective date, never constants: the value in
// force on a date is the row with the latest effective_from not after it.
export const settings = pgTable(
  "settings",
  {
    id: serial("id").primaryKey(),
    key: text("key").notNull(),
    value: jsonValue("value").notNull(),
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    note: text("note"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("settings_key_idx").on(t.key, t.effectiveFrom)],
);

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    state: text("state").$type<"pending" | "done">().notNull(),
    statusCode: integer("status_code"),
    response: jsonb("response"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

// Maker–checker for settings (DOMAIN.md §1): a change is proposed, then approved by someone else
// before it is written into `settings`. Rejected and approved proposals stay as the record.
export const settingProposals = pgTable(
  "setting_proposals",
  {
    id: serial("id").primaryKey(),
    key: text("key").notNull(),
    value: jsonValue("value").notNull(),
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    note: text("note"),
    status: text("status")
      .$type<"pending" | "approved" | "rejected" | "withdrawn">()
      .notNull()
      .default("pending"),
    proposedBy: uuid("proposed_by").notNull(),
    proposedByName: text("proposed_by_name").notNull(),
    proposedAt: timestamp("proposed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    decidedBy: uuid("decided_by"),
    decidedByName: text("decided_by_name"),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    decisionNote: text("decision_note"),
  },
  (t) => [index("setting_proposals_status_idx").on(t.status)],
);
