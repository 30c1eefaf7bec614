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

// A small chart of accounts (docs/ledger.md). Codes follow the Chinese accounting convention:
// 1xxx assets, 2xxx liabilities, 4xxx equity, 6xxx income and expense.
export const ledgerAccounts = pgTable("ledger_accounts", {
  code: text("code").primaryKey(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  type: text("type").$type<"asset" | "liability" | "equity" | "income" | "expense">().notNull(),
  normalSide: text("normal_side").$type<"debit" | "credit">().notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
});

// Journal entries are never updated or deleted: a correction is a reversing entry.
// Lines carry loan_id so that, distributed by loan, a loan's entries live beside its installments.
export const journalEntries = pgTable(
  "journal_entries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    entryDate: date("entry_date", { mode: "string" }).notNull(),
    kind: text("kind").notNull(),
    description: text("description").notNull(),
    loanId: uuid("loan_id"),
    sourceType: text("source_type"),
    sourceId: text("source_id"),
    reversalOf: bigint("reversal_of", { mode: "number" }),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("journal_entries_date_idx").on(t.entryDate), index("journal_entries_loan_idx").on(t.loanId)],
);

export const journalLines = pgTable(
  "journal_lines",
  {
    entryId: bigint("entry_id", { mode: "number" }).notNull(),
    lineNo: integer("line_no").notNull(),
    accountCode: text("account_code")
      .notNull()
      .references(() => ledgerAccounts.code),
    debit: bigint("debit_fen", { mode: "number" }).notNull().default(0),
    credit: bigint("credit_fen", { mode: "number" }).notNull().default(0),
    loanId: uuid("loan_id"),
    entryDate: date("entry_date", { mode: "string" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.lineNo] }),
    index("journal_lines_account_date_idx").on(t.accountCode, t.entryDate),
    index("journal_lines_loan_idx").on(t.loanId),
  ],
);
