import { sql } from "drizzle-orm";
import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

// A loan account and its schedule. Tables that grow with the book are keyed by loan_id so that a
// distributed PostgreSQL (Citus) can co-locate a loan's installments, transactions and ledger lines.
export const loans = pgTable(
  "loans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    loanNo: text("loan_no").notNull().unique(),
    applicationId: uuid("application_id"),
    customerId: uuid("customer_id").notNull(),
    productId: uuid("product_id"),
    officerId: uuid("officer_id"),
    principal: bigint("principal_fen", { mode: "number" }).notNull(),
    annualRate: text("annual_rate").notNull(),
    penaltyRate: text("penalty_rate").notNull(),
    method: text("method").notNull(),
    termMonths: integer("term_months").notNull(),
    dayBasis: integer("day_basis").notNull().default(360),
    rounding: text("rounding").notNull().default("half-up"),
    startDate: date("start_date", { mode: "string" }).notNull(),
    maturityDate: date("maturity_date", { mode: "string" }).notNull(),
    upfrontFee: bigint("upfront_fee_fen", { mode: "number" }).notNull().default(0),
    apr: text("apr").notNull(),
    status: text("status").$type<"active" | "closed" | "written-off">().notNull().default("active"),
    principalOutstanding: bigint("principal_outstanding_fen", { mode: "number" }).notNull(),
    creditBalance: bigint("credit_balance_fen", { mode: "number" }).notNull().default(0),
    dpd: integer("dpd").notNull().default(0),
    bucket: text("bucket").notNull().default("M0"),
    classification: text("classification").notNull().default("normal"),
    // Loan-loss provision held for this loan (its share of account 1309), recomputed by the daily batch.
    provision: bigint("provision_fen", { mode: "number" }).notNull().default(0),
    lastClosedDate: date("last_closed_date", { mode: "string" }),
    disbursementChannel: text("disbursement_channel").notNull(),
    disbursementReference: text("disbursement_reference"),
    disbursedBy: uuid("disbursed_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [
    index("loans_customer_idx").on(t.customerId),
    index("loans_officer_idx").on(t.officerId),
    index("loans_status_idx").on(t.status),
    index("loans_start_idx").on(t.startDate),
    // No index on last_closed_date, dpd, bucket, classification or provision: the daily batch rewrites
    // them on every loan, and leaving them unindexed keeps those updates HOT (no index maintenance).
  ],
);

export const installments = pgTable(
  "installments",
  {
    loanId: uuid("loan_id").notNull(),
    period: integer("period").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    principalDue: bigint("principal_due_fen", { mode: "number" }).notNull(),
    interestDue: bigint("interest_due_fen", { mode: "number" }).notNull(),
    feeDue: bigint("fee_due_fen", { mode: "number" }).notNull().default(0),
    penaltyAccrued: bigint("penalty_accrued_fen", { mode: "number" }).notNull().default(0),
    principalPaid: bigint("principal_paid_fen", { mode: "number" }).notNull().default(0),
    interestPaid: bigint("interest_paid_fen", { mode: "number" }).notNull().default(0),
    feePaid: bigint("fee_paid_fen", { mode: "number" }).notNull().default(0),
    penaltyPaid: bigint("penalty_paid_fen", { mode: "number" }).notNull().default(0),
    paidOffDate: date("paid_off_date", { mode: "string" }),
    // When the daily batch moved this installment's interest and fee into receivables (1302/1304);
    // null while not yet due. Interest paid before then is income on receipt (docs/servicing.md).
    recognisedDate: date("recognised_date", { mode: "string" }),
  },
  (t) => [
    primaryKey({ columns: [t.loanId, t.period] }),
    index("installments_due_idx").on(t.dueDate),
    // What the daily batch reads, loan by loan of its chunk: installments not yet paid off, and those whose
    // interest is not yet recognised. Both stay small however long the book's history grows.
    index("installments_open_idx").on(t.loanId, t.dueDate).where(sql`${t.paidOffDate} is null`),
    index("installments_unrecognised_idx").on(t.loanId, t.dueDate).where(sql`${t.recognisedDate} is null`),
  ],
);
