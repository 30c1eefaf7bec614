import { bigint, date, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export type FundingKind = "shareholder-capital" | "bank-borrowing";

// Where the lending money comes from (资金来源). Each row has its journal entry (Dr 1002 / Cr 4001 or 2001).
export const fundingSources = pgTable("funding_sources", {
  id: uuid("id").primaryKey().defaultRandom(),
  kind: text("kind").$type<FundingKind>().notNull(),
  source: text("source").notNull(),
  amount: bigint("amount_fen", { mode: "number" }).notNull(),
  receivedOn: date("received_on", { mode: "string" }).notNull(),
  annualRate: text("annual_rate"),
  maturityDate: date("maturity_date", { mode: "string" }),
  reference: text("reference"),
  journalEntryId: bigint("journal_entry_id", { mode: "number" }).notNull(),
  createdBy: uuid("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
