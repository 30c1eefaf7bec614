import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

// The sales floor's core records: campaigns, leads, the configurable call outcomes and the calls
// themselves. KPIs (DOMAIN.md §6) are counted from `calls` and `lead_events`, so both carry the
// agent and the moment, and a call keeps its flags as they were decided when it was logged.

export type LeadSource = "online" | "partner" | "referral" | "event" | "telemarketing-list" | "walk-in";
export type LeadStage = "new" | "contacted" | "intent" | "appointment" | "applied" | "disbursed" | "invalid";
export type IntentLevel = "A" | "B" | "C";

export const campaigns = pgTable("crm_campaigns", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  channel: text("channel").notNull(),
  startsOn: date("starts_on", { mode: "string" }).notNull(),
  endsOn: date("ends_on", { mode: "string" }),
  costFen: bigint("cost_fen", { mode: "number" }).notNull().default(0),
  notes: text("notes"),
  createdBy: uuid("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

// Phone and ID are personal data: sealed like customers' (platform/pii.ts) with a blind index, so
// duplicate checks (撞单) against leads and customers are equality look-ups on the index.
export const leads = pgTable(
  "crm_leads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    phoneEnc: text("phone_enc").notNull(),
    phoneIndex: text("phone_index").notNull(),
    phoneMasked: text("phone_masked").notNull(),
    idNumberEnc: text("id_number_enc"),
    idNumberIndex: text("id_number_index"),
    idNumberMasked: text("id_number_masked"),
    source: text("source").$type<LeadSource>().notNull(),
    /** 转介绍: who referred them (free text or a customer/staff name). */
    referrer: text("referrer"),
    campaignId: uuid("campaign_id").references(() => campaigns.id),
    stage: text("stage").$type<LeadStage>().notNull().default("new"),
    invalidReason: text("invalid_reason"),
    intentLevel: text("intent_level").$type<IntentLevel>(),
    /** The user working the lead (telemarketer or customer manager). */
    ownerId: uuid("owner_id"),
    wantedAmountFen: bigint("wanted_amount_fen", { mode: "number" }),
    purpose: text("purpose"),
    city: text("city"),
    notes: text("notes"),
    nextFollowUpOn: date("next_follow_up_on", { mode: "string" }),
    lastContactAt: timestamp("last_contact_at", { withTimezone: true, mode: "date" }),
    doNotCall: boolean("do_not_call").notNull().default(false),
    customerId: uuid("customer_id"),
    applicationId: uuid("application_id"),
    /** Set when this lead was merged into another; merged leads are hidden from lists. */
    mergedInto: uuid("merged_into"),
    stageChangedAt: timestamp("stage_changed_at", { withTimezone: true, mode: "date" })
      .notNull()
      .defaultNow(),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("crm_leads_owner_idx").on(t.ownerId, t.stage),
    index("crm_leads_phone_idx").on(t.phoneIndex),
    index("crm_leads_id_number_idx").on(t.idNumberIndex),
    index("crm_leads_follow_up_idx").on(t.nextFollowUpOn),
    index("crm_leads_campaign_idx").on(t.campaignId),
  ],
);

// "intent" is written once per lead, the first time it becomes an intent customer (the KPI);
// later level changes are "intent-level". "updated" lists edited fields in `note`.
export type LeadEventKind =
  | "created"
  | "stage"
  | "assigned"
  | "intent"
  | "intent-level"
  | "follow-up"
  | "do-not-call"
  | "updated"
  | "merged"
  | "converted"
  | "note";

// Stage changes, assignments, intent changes and merges, in order: the lead's timeline and the
// source of "new intent customers" per person per day.
export const leadEvents = pgTable(
  "crm_lead_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id),
    kind: text("kind").$type<LeadEventKind>().notNull(),
    fromValue: text("from_value"),
    toValue: text("to_value"),
    /** Who the event counts for (the lead's owner at the time). */
    ownerId: uuid("owner_id"),
    actorId: uuid("actor_id"),
    actorName: text("actor_name"),
    note: text("note"),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("crm_lead_events_lead_idx").on(t.leadId, t.at),
    index("crm_lead_events_kpi_idx").on(t.kind, t.at),
  ],
);

// Outcomes are configurable; the flags decide what a call counts as in the KPIs.
export const callOutcomes = pgTable("crm_call_outcomes", {
  code: text("code").primaryKey(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  connected: boolean("connected").notNull().default(false),
  effective: boolean("effective").notNull().default(false),
  intent: boolean("intent").notNull().default(false),
  appointment: boolean("appointment").notNull().default(false),
  doNotCall: boolean("do_not_call").notNull().default(false),
  sortOrder: integer("sort_order").notNull().default(0),
  active: boolean("active").notNull().default(true),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export const callImports = pgTable("crm_call_imports", {
  id: uuid("id").primaryKey().defaultRandom(),
  fileName: text("file_name").notNull(),
  status: text("status").$type<"running" | "imported" | "rejected">().notNull(),
  totalRows: integer("total_rows").notNull().default(0),
  importedRows: integer("imported_rows").notNull().default(0),
  duplicateRows: integer("duplicate_rows").notNull().default(0),
  /** Imported calls whose counterpart number matched a lead. */
  linkedRows: integer("linked_rows").notNull().default(0),
  /** All row errors found; `errors` keeps only the first ones (the report is capped). */
  errorCount: integer("error_count").notNull().default(0),
  vendor: text("vendor"),
  /** Row-level errors: [{ row, column, code, message }]. */
  errors: jsonb("errors"),
  importedBy: uuid("imported_by"),
  importedByName: text("imported_by_name"),
  startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
});

// One row per call, logged by hand or imported from the phone system's CDR. `connected` and
// `effective` are decided when the call is written (effective: connected and talk seconds at least
// the threshold setting in force on the call's date), so later setting changes never rewrite history.
export const calls = pgTable(
  "crm_calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    leadId: uuid("lead_id"),
    customerId: uuid("customer_id"),
    /** The user who made or took the call. */
    agentId: uuid("agent_id").notNull(),
    direction: text("direction").$type<"outbound" | "inbound">().notNull(),
    callerMasked: text("caller_masked"),
    calleeMasked: text("callee_masked"),
    /** Blind index of the other party's number, to link imported calls to leads. */
    counterpartIndex: text("counterpart_index"),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true, mode: "date" }),
    endedAt: timestamp("ended_at", { withTimezone: true, mode: "date" }),
    talkSeconds: integer("talk_seconds").notNull().default(0),
    outcomeCode: text("outcome_code"),
    vendorResult: text("vendor_result"),
    connected: boolean("connected").notNull(),
    effective: boolean("effective").notNull(),
    intent: boolean("intent").notNull().default(false),
    appointment: boolean("appointment").notNull().default(false),
    note: text("note"),
    nextStep: text("next_step"),
    recordingUrl: text("recording_url"),
    vendor: text("vendor"),
    vendorCallId: text("vendor_call_id"),
    importId: uuid("import_id"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("crm_calls_vendor_uq").on(t.vendor, t.vendorCallId).where(sql`${t.vendorCallId} is not null`),
    index("crm_calls_agent_day_idx").on(t.agentId, t.startedAt),
    index("crm_calls_started_idx").on(t.startedAt),
    index("crm_calls_lead_idx").on(t.leadId, t.startedAt),
  ],
);

// Lead assignment (round-robin within a group): who is away until when, a personal cap on open
// leads overriding the `crm.max-open-leads` setting, and when each person was last given a lead —
// the next lead goes to the available member given one longest ago.
export const leadAgents = pgTable("crm_lead_agents", {
  userId: uuid("user_id").primaryKey(),
  /** Away (leave, training) up to and including this date: skipped by automatic assignment. */
  awayUntil: date("away_until", { mode: "string" }),
  awayNote: text("away_note"),
  maxOpenLeads: integer("max_open_leads"),
  lastAssignedAt: timestamp("last_assigned_at", { withTimezone: true, mode: "date" }),
  updatedBy: uuid("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
