// Troubled-loan work-out: restructuring / extension (调整方案 / 展期) with its risk co-signature and
// committee votes, the schedules it replaced, and write-off (核销) with the memo of what was written
// off and recovered since. Every table is keyed by loan_id first, like the rest of the loan's rows.
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

export type RestructuringStatus =
  | "pending-cosign"
  | "pending-committee"
  | "applied"
  | "rejected"
  | "withdrawn";

export const loanRestructurings = pgTable(
  "loan_restructurings",
  {
    loanId: uuid("loan_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    status: text("status").$type<RestructuringStatus>().notNull().default("pending-cosign"),
    termMonths: integer("term_months").notNull(),
    extensionMonths: integer("extension_months").notNull(),
    annualRate: text("annual_rate").notNull(),
    method: text("method").notNull(),
    capitaliseArrears: boolean("capitalise_arrears").notNull(),
    reason: text("reason").notNull(),
    // The loan and the new schedule as the proposer saw them, so approvers judge what was proposed.
    proposal: jsonb("proposal").notNull(),
    proposedBy: uuid("proposed_by"),
    proposedByName: text("proposed_by_name"),
    proposedAt: timestamp("proposed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    cosignedBy: uuid("cosigned_by"),
    cosignedByName: text("cosigned_by_name"),
    cosignedAt: timestamp("cosigned_at", { withTimezone: true, mode: "date" }),
    cosignComment: text("cosign_comment"),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    // Filled when applied: the business date it took effect, the schedule versions and the figures.
    appliedOn: date("applied_on", { mode: "string" }),
    fromVersion: integer("from_version"),
    toVersion: integer("to_version"),
    result: jsonb("result"),
    journalEntryId: bigint("journal_entry_id", { mode: "number" }),
  },
  (t) => [
    primaryKey({ columns: [t.loanId, t.id] }),
    index("loan_restructurings_status_idx").on(t.status),
    // One proposal in flight per loan, even with two proposers clicking at once.
    uniqueIndex("loan_restructurings_one_pending_uq")
      .on(t.loanId)
      .where(sql`${t.status} in ('pending-cosign', 'pending-committee')`),
  ],
);

export const restructuringVotes = pgTable(
  "restructuring_votes",
  {
    loanId: uuid("loan_id").notNull(),
    restructuringId: uuid("restructuring_id").notNull(),
    voterId: uuid("voter_id").notNull(),
    voterName: text("voter_name").notNull(),
    seat: text("seat").notNull(),
    decision: text("decision").$type<"approve" | "reject">().notNull(),
    comment: text("comment"),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.loanId, t.restructuringId, t.voterId] }),
    uniqueIndex("restructuring_votes_one_per_seat_uq").on(t.loanId, t.restructuringId, t.seat),
  ],
);

// The installments as they were before a restructuring replaced them: schedule version `version`.
export const installmentHistory = pgTable(
  "installment_history",
  {
    loanId: uuid("loan_id").notNull(),
    version: integer("version").notNull(),
    period: integer("period").notNull(),
    restructuringId: uuid("restructuring_id").notNull(),
    replacedOn: date("replaced_on", { mode: "string" }).notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    principalDue: bigint("principal_due_fen", { mode: "number" }).notNull(),
    interestDue: bigint("interest_due_fen", { mode: "number" }).notNull(),
    feeDue: bigint("fee_due_fen", { mode: "number" }).notNull(),
    penaltyAccrued: bigint("penalty_accrued_fen", { mode: "number" }).notNull(),
    principalPaid: bigint("principal_paid_fen", { mode: "number" }).notNull(),
    interestPaid: bigint("interest_paid_fen", { mode: "number" }).notNull(),
    feePaid: bigint("fee_paid_fen", { mode: "number" }).notNull(),
    penaltyPaid: bigint("penalty_paid_fen", { mode: "number" }).notNull(),
    paidOffDate: date("paid_off_date", { mode: "string" }),
    recognisedDate: date("recognised_date", { mode: "string" }),
  },
  (t) => [primaryKey({ columns: [t.loanId, t.version, t.period] })],
);

export type WriteOffStatus = "pending" | "approved" | "rejected" | "withdrawn";

// 核销 (账销案存): once approved the amounts leave the balance sheet but the claim is kept here, off
// balance, and recoveries are counted against it.
export const loanWriteOffs = pgTable(
  "loan_write_offs",
  {
    loanId: uuid("loan_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    status: text("status").$type<WriteOffStatus>().notNull().default("pending"),
    reason: text("reason").notNull(),
    dpdAtProposal: integer("dpd_at_proposal").notNull(),
    proposedBy: uuid("proposed_by"),
    proposedByName: text("proposed_by_name"),
    proposedAt: timestamp("proposed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    decidedBy: uuid("decided_by"),
    decidedByName: text("decided_by_name"),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    decisionComment: text("decision_comment"),
    writtenOffOn: date("written_off_on", { mode: "string" }),
    principal: bigint("principal_fen", { mode: "number" }).notNull().default(0),
    interest: bigint("interest_fen", { mode: "number" }).notNull().default(0),
    penalty: bigint("penalty_fen", { mode: "number" }).notNull().default(0),
    fee: bigint("fee_fen", { mode: "number" }).notNull().default(0),
    provisionUsed: bigint("provision_used_fen", { mode: "number" }).notNull().default(0),
    expense: bigint("expense_fen", { mode: "number" }).notNull().default(0),
    recovered: bigint("recovered_fen", { mode: "number" }).notNull().default(0),
    journalEntryId: bigint("journal_entry_id", { mode: "number" }),
    // 部分核销: the principal the proposal names; null = the whole loan (docs/loan-engine.md).
    requestedPrincipal: bigint("requested_principal_fen", { mode: "number" }),
  },
  (t) => [
    primaryKey({ columns: [t.loanId, t.id] }),
    index("loan_write_offs_status_idx").on(t.status),
    // One proposal in flight and one full write-off per loan; approved partial ones leave the loan
    // active, so another (partial or full) may follow them.
    uniqueIndex("loan_write_offs_one_open_uq")
      .on(t.loanId)
      .where(sql`${t.status} = 'pending' or (${t.status} = 'approved' and ${t.requestedPrincipal} is null)`),
  ],
);
