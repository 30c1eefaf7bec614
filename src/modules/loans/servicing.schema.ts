import { bigint, date, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

// A recovery is money received on a written-off loan (recoveries.service.ts): income, not a repayment.
export type LoanTransactionKind = "repayment" | "prepayment" | "refund" | "reversal" | "recovery";
export type PaymentChannel = "cash" | "bank-transfer" | "wechat-pay" | "alipay";

// Every movement of money on a loan after disbursement. Keyed (loan_id, id) so that, distributed by
// loan, a loan's transactions sit beside its installments. Rows are never deleted: a reversal is a
// new row pointing at the one it undoes, and the undone row only gains `reversed_by`.
export const loanTransactions = pgTable(
  "loan_transactions",
  {
    loanId: uuid("loan_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    kind: text("kind").$type<LoanTransactionKind>().notNull(),
    txDate: date("tx_date", { mode: "string" }).notNull(),
    amount: bigint("amount_fen", { mode: "number" }).notNull(),
    channel: text("channel").$type<PaymentChannel>(),
    reference: text("reference"),
    principal: bigint("principal_fen", { mode: "number" }).notNull().default(0),
    interest: bigint("interest_fen", { mode: "number" }).notNull().default(0),
    fee: bigint("fee_fen", { mode: "number" }).notNull().default(0),
    penalty: bigint("penalty_fen", { mode: "number" }).notNull().default(0),
    credit: bigint("credit_fen", { mode: "number" }).notNull().default(0),
    // Per-installment split (AllocationLine[] in 分), and for settlements/prepayments the schedule
    // rows as they were before, so a reversal can restore them exactly.
    allocation: jsonb("allocation").notNull(),
    scheduleBefore: jsonb("schedule_before"),
    settlement: text("settlement").$type<"payoff" | null>(),
    journalEntryId: bigint("journal_entry_id", { mode: "number" }),
    reversalOf: uuid("reversal_of"),
    reversedBy: uuid("reversed_by"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.loanId, t.id] }),
    index("loan_transactions_date_idx").on(t.txDate),
    // Statement imports check channel references against what was posted before (no double posting).
    index("loan_transactions_reference_idx").on(t.reference),
  ],
);

export type ReversalStatus = "pending" | "approved" | "rejected";

// 冲正 maker–checker: one person proposes, another with repayments.approve approves.
export const repaymentReversals = pgTable(
  "repayment_reversals",
  {
    loanId: uuid("loan_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    transactionId: uuid("transaction_id").notNull(),
    reason: text("reason").notNull(),
    status: text("status").$type<ReversalStatus>().notNull().default("pending"),
    proposedBy: uuid("proposed_by"),
    proposedAt: timestamp("proposed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    decidedBy: uuid("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    reversalTransactionId: uuid("reversal_transaction_id"),
  },
  (t) => [
    primaryKey({ columns: [t.loanId, t.id] }),
    index("repayment_reversals_tx_idx").on(t.loanId, t.transactionId),
  ],
);
