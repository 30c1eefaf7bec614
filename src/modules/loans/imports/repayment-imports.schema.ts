import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { PaymentChannel } from "../servicing.schema.ts";

export type ImportStatus = "previewed" | "posted" | "discarded";
export type ImportRowStatus =
  | "matched"
  | "ambiguous"
  | "unmatched"
  | "duplicate"
  | "invalid"
  | "skipped"
  | "excluded"
  | "posted";
export type MatchedBy = "loan-no" | "payer-account" | "name-amount" | "manual";
export type ImportField = "date" | "amount" | "payerName" | "payerAccount" | "memo" | "reference";
/** Which column (0-based) feeds each field; null when the file has none. */
export type ColumnMapping = Record<ImportField, number | null>;

// One uploaded bank statement or payment-channel file (批量还款导入). The file's cells are kept row by
// row, so a corrected column mapping re-reads them without a new upload, and the preview, the posting
// and the error report all come from the same rows. Payer accounts are personal data: sealed in the
// cells, masked for display, and compared through a blind index.
export const repaymentImports = pgTable(
  "repayment_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    fileName: text("file_name").notNull(),
    fileKind: text("file_kind").$type<"csv" | "xlsx">().notNull(),
    fileSha256: text("file_sha256").notNull(),
    channel: text("channel").$type<PaymentChannel>().notNull(),
    status: text("status").$type<ImportStatus>().notNull().default("previewed"),
    // Row number (1-based, as a spreadsheet shows it) of the header row; null when none was recognised.
    headerRow: integer("header_row"),
    headers: jsonb("headers").$type<string[]>().notNull(),
    mapping: jsonb("mapping").$type<ColumnMapping>().notNull(),
    rowCount: integer("row_count").notNull(),
    postedCount: integer("posted_count").notNull().default(0),
    postedAmount: bigint("posted_amount_fen", { mode: "number" }).notNull().default(0),
    // The last failed posting attempt: how many rows failed (their errors are on the rows).
    failedCount: integer("failed_count").notNull().default(0),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    postedBy: uuid("posted_by"),
    postedAt: timestamp("posted_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("repayment_imports_created_idx").on(t.createdAt)],
);

export const repaymentImportRows = pgTable(
  "repayment_import_rows",
  {
    importId: uuid("import_id").notNull(),
    rowNo: integer("row_no").notNull(),
    // The row as the file had it, sealed like all personal data (it holds the payer's account).
    cellsSealed: text("cells_sealed").notNull(),
    txDate: date("tx_date", { mode: "string" }),
    amount: bigint("amount_fen", { mode: "number" }),
    payerName: text("payer_name"),
    payerAccountMasked: text("payer_account_masked"),
    payerAccountIndex: text("payer_account_index"),
    memo: text("memo"),
    reference: text("reference"),
    status: text("status").$type<ImportRowStatus>().notNull(),
    // Why the row has its status (a message code), and for ambiguous rows the loans it could be.
    reason: text("reason"),
    candidates: jsonb("candidates").$type<string[]>(),
    loanId: uuid("loan_id"),
    matchedBy: text("matched_by").$type<MatchedBy>(),
    // The person's own choice of loan (or exclusion) survives a re-mapping.
    chosenLoanId: uuid("chosen_loan_id"),
    excluded: text("excluded").$type<"user" | null>(),
    transactionId: uuid("transaction_id"),
    postError: text("post_error"),
    postErrorParams: jsonb("post_error_params").$type<Record<string, string | number>>(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.rowNo] }),
    index("repayment_import_rows_status_idx").on(t.importId, t.status),
    // Remembered payer accounts: a later statement from the same account finds the loan it paid before.
    index("repayment_import_rows_account_idx").on(t.payerAccountIndex),
  ],
);
