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
    // 展期/重组 (workout.schema.ts): the schedule's version (1 = as disbursed); the date the latest
    // restructuring took effect, from which its rows are counted after `schedulePeriodBase` kept
    // periods; the class the loan may not fall below until the observation period ends.
    scheduleVersion: integer("schedule_version").notNull().default(1),
    restructuredOn: date("restructured_on", { mode: "string" }),
    schedulePeriodBase: integer("schedule_period_base").notNull().default(0),
    classificationFloor: text("classification_floor"),
    classificationFloorUntil: date("classification_floor_until", { mode: "string" }),
    // The close of business (docs/adr/007): null = closed with the company, through the business date
    // (during a run, through the date being closed once the loan's chunk is done); a date = closed
    // on its own up to that date (a new, back-dated or reopened loan) until the next close picks it up.
    lastClosedDate: date("last_closed_date", { mode: "string" }),
    // Due date of the oldest installment still unpaid after it fell due; null while current. DPD is
    // the closed date minus this (cob/as-of.ts), so it needs no write on the nights nothing happens.
    overdueSince: date("overdue_since", { mode: "string" }),
    // installments.penalty_accrued_fen holds the penalty up to this date (null: none yet); the penalty
    // of the days since is derived (cob/as-of.ts) until a payment or other event materialises it.
    accruedThrough: date("accrued_through", { mode: "string" }),
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
    // What the close of business looks up instead of reading every loan: loans whose DPD may cross a
    // bucket or class threshold tonight, and the few active loans closed on their own.
    index("loans_overdue_since_idx").on(t.overdueSince, t.id).where(sql`${t.overdueSince} is not null`),
    index("loans_individual_close_idx")
      .on(t.lastClosedDate)
      .where(sql`${t.lastClosedDate} is not null and ${t.status} = 'active'`),
    index("loans_floor_until_idx")
      .on(t.classificationFloorUntil)
      .where(sql`${t.classificationFloorUntil} is not null`),
    // No index on dpd, bucket, classification or provision: payments rewrite them, and leaving them
    // unindexed keeps those updates HOT (no index maintenance).
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
    // The close of business moves an installment's unpaid interest and fee into receivables (1302/1304)
    // on its due date without writing this row; from then on it counts as recognised (cob/as-of.ts).
    // This date is stamped when an event on the loan (a payment) materialises that. Interest paid
    // before the due date is income on receipt (docs/servicing.md).
    recognisedDate: date("recognised_date", { mode: "string" }),
  },
  (t) => [
    primaryKey({ columns: [t.loanId, t.period] }),
    // Installments by due date (the cash forecast), in (date, loan id) ranges.
    index("installments_due_loan_idx").on(t.dueDate, t.loanId),
    // The close of business reads the unpaid installments falling due (and T−3, T+1) in a chunk of loans
    // from this index alone (index-only scan: a few hundred contiguous pages a date, not one table page
    // per installment). Every column the batch reads is a key column, since Drizzle has no INCLUDE.
    index("installments_unpaid_due_idx")
      .on(
        t.dueDate,
        t.loanId,
        t.period,
        t.principalDue,
        t.interestDue,
        t.feeDue,
        t.penaltyAccrued,
        t.principalPaid,
        t.interestPaid,
        t.feePaid,
        t.penaltyPaid,
        t.recognisedDate,
        t.paidOffDate,
      )
      .where(sql`${t.paidOffDate} is null`),
    // A loan's installments not yet paid off (its arrears), read loan by loan.
    index("installments_open_idx").on(t.loanId, t.dueDate).where(sql`${t.paidOffDate} is null`),
  ],
);
