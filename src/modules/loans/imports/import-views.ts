// How imports read over the API: a batch with its counts and sums per row status, the history list,
// and the preview rows with their loan, candidates and the reason for their status in the caller's
// language.
import { and, asc, count, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type RequestContext, requirePermission } from "../../../platform/auth/actor.ts";
import type { Queryable } from "../../../platform/db.ts";
import { notFound } from "../../../platform/errors.ts";
import { type Locale, messageFor } from "../../../platform/messages.ts";
import { formatAmount } from "../../../platform/money.ts";
import type { PiiCipher } from "../../../platform/pii.ts";
import { customers } from "../../customers/customers.schema.ts";
import { users } from "../../identity/identity.schema.ts";
import { loans } from "../loans.schema.ts";
import { missingFields } from "./domain/column-mapping.ts";
import {
  type ImportRowStatus,
  type ImportStatus,
  repaymentImportRows,
  repaymentImports,
} from "./repayment-imports.schema.ts";

type ImportRow = typeof repaymentImports.$inferSelect;

export const ROW_STATUSES: ImportRowStatus[] = [
  "matched",
  "ambiguous",
  "unmatched",
  "duplicate",
  "invalid",
  "skipped",
  "excluded",
  "posted",
];

export type ImportView = {
  id: string;
  fileName: string;
  fileKind: "csv" | "xlsx";
  channel: string;
  status: ImportStatus;
  headerRow: number | null;
  headers: string[];
  mapping: ImportRow["mapping"];
  missingFields: string[];
  rowCount: number;
  counts: Record<ImportRowStatus, number>;
  amounts: { total: string; matched: string; posted: string };
  postedCount: number;
  postedAmount: string;
  failedCount: number;
  /** Rows that block posting: ambiguous, unmatched or invalid and not excluded. */
  unresolved: number;
  createdBy: string | null;
  createdAt: string;
  postedBy: string | null;
  postedAt: string | null;
  /** The first rows of the file as it was, so a person can tell which column is which when mapping. */
  sample: string[][];
};

async function userNames(db: Queryable, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

const SAMPLE_ROWS = 3;

async function sampleOf(db: Queryable, importId: string, pii: PiiCipher | undefined): Promise<string[][]> {
  if (!pii) return [];
  const rows = await db
    .select({ cells: repaymentImportRows.cellsSealed })
    .from(repaymentImportRows)
    .where(eq(repaymentImportRows.importId, importId))
    .orderBy(asc(repaymentImportRows.rowNo))
    .limit(SAMPLE_ROWS);
  return rows.map((r) => JSON.parse(pii.decrypt(r.cells)) as string[]);
}

/** With the cipher, the view carries the first rows of the file (for the mapping step). */
export async function importView(db: Queryable, batch: ImportRow, pii?: PiiCipher): Promise<ImportView> {
  const sums = await db
    .select({
      status: repaymentImportRows.status,
      n: count(),
      amount: sql<string>`coalesce(sum(${repaymentImportRows.amount}) filter (where ${repaymentImportRows.amount} > 0), 0)::text`,
    })
    .from(repaymentImportRows)
    .where(eq(repaymentImportRows.importId, batch.id))
    .groupBy(repaymentImportRows.status);
  const counts = Object.fromEntries(ROW_STATUSES.map((s) => [s, 0])) as Record<ImportRowStatus, number>;
  const amountOf = (status: ImportRowStatus) => Number(sums.find((s) => s.status === status)?.amount ?? 0);
  for (const s of sums) counts[s.status] = s.n;
  const names = await userNames(db, [batch.createdBy, batch.postedBy]);
  return {
    id: batch.id,
    fileName: batch.fileName,
    fileKind: batch.fileKind,
    channel: batch.channel,
    status: batch.status,
    headerRow: batch.headerRow,
    headers: batch.headers,
    mapping: batch.mapping,
    missingFields: missingFields(batch.mapping),
    rowCount: batch.rowCount,
    counts,
    amounts: {
      total: formatAmount(sums.reduce((s, r) => s + Number(r.amount), 0)),
      matched: formatAmount(amountOf("matched")),
      posted: formatAmount(amountOf("posted")),
    },
    postedCount: batch.postedCount,
    postedAmount: formatAmount(batch.postedAmount),
    failedCount: batch.failedCount,
    unresolved: counts.ambiguous + counts.unmatched + counts.invalid,
    createdBy: batch.createdBy ? (names.get(batch.createdBy) ?? null) : null,
    createdAt: batch.createdAt.toISOString(),
    postedBy: batch.postedBy ? (names.get(batch.postedBy) ?? null) : null,
    postedAt: batch.postedAt?.toISOString() ?? null,
    sample: await sampleOf(db, batch.id, pii),
  };
}

export async function getImport(
  deps: { db: Queryable; pii: PiiCipher },
  ctx: RequestContext,
  id: string,
): Promise<ImportView> {
  requirePermission(ctx, "repayments.post");
  const [batch] = await deps.db.select().from(repaymentImports).where(eq(repaymentImports.id, id));
  if (!batch) throw notFound("repayment-import");
  return importView(deps.db, batch, deps.pii);
}

export async function listImports(
  db: Queryable,
  ctx: RequestContext,
  query: { status?: ImportStatus; page: number; pageSize: number },
): Promise<{ items: ImportView[]; total: number }> {
  requirePermission(ctx, "repayments.post");
  const where = query.status ? eq(repaymentImports.status, query.status) : undefined;
  const [{ total }] = await db.select({ total: count() }).from(repaymentImports).where(where);
  const batches = await db
    .select()
    .from(repaymentImports)
    .where(where)
    .orderBy(desc(repaymentImports.createdAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const items: ImportView[] = [];
  for (const batch of batches) items.push(await importView(db, batch));
  return { items, total };
}

export type ImportRowView = {
  rowNo: number;
  status: ImportRowStatus;
  reason: string | null;
  reasonText: string | null;
  date: string | null;
  amount: string | null;
  payerName: string | null;
  payerAccount: string | null;
  memo: string | null;
  reference: string | null;
  loan: { id: string; loanNo: string; customerName: string | null } | null;
  matchedBy: string | null;
  candidates: { id: string; loanNo: string; customerName: string | null }[];
  transactionId: string | null;
  postError: string | null;
};

const matchedLoan = alias(loans, "matched_loan");

export async function listImportRows(
  db: Queryable,
  ctx: RequestContext,
  options: {
    id: string;
    locale: Locale;
    status?: ImportRowStatus | "failed";
    search?: string;
    page: number;
    pageSize: number;
  },
): Promise<{ items: ImportRowView[]; total: number }> {
  requirePermission(ctx, "repayments.post");
  const [batch] = await db
    .select({ id: repaymentImports.id })
    .from(repaymentImports)
    .where(eq(repaymentImports.id, options.id));
  if (!batch) throw notFound("repayment-import");
  const term = options.search?.trim();
  const like = term ? `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = and(
    eq(repaymentImportRows.importId, options.id),
    options.status === "failed"
      ? isNotNull(repaymentImportRows.postError)
      : options.status
        ? eq(repaymentImportRows.status, options.status)
        : undefined,
    like
      ? sql`(${repaymentImportRows.payerName} ilike ${like} or ${repaymentImportRows.memo} ilike ${like}
          or ${repaymentImportRows.reference} ilike ${like} or ${matchedLoan.loanNo} ilike ${like})`
      : undefined,
  );
  const [{ total }] = await db
    .select({ total: count() })
    .from(repaymentImportRows)
    .leftJoin(matchedLoan, eq(matchedLoan.id, repaymentImportRows.loanId))
    .where(where);
  const rows = await db
    .select({ row: repaymentImportRows, loanNo: matchedLoan.loanNo, customerName: customers.name })
    .from(repaymentImportRows)
    .leftJoin(matchedLoan, eq(matchedLoan.id, repaymentImportRows.loanId))
    .leftJoin(customers, eq(customers.id, matchedLoan.customerId))
    .where(where)
    .orderBy(repaymentImportRows.rowNo)
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  const candidateIds = [...new Set(rows.flatMap((r) => r.row.candidates ?? []))];
  const candidateRows = candidateIds.length
    ? await db
        .select({ id: loans.id, loanNo: loans.loanNo, customerName: customers.name })
        .from(loans)
        .leftJoin(customers, eq(customers.id, loans.customerId))
        .where(inArray(loans.id, candidateIds))
    : [];
  const candidates = new Map(candidateRows.map((c) => [c.id, c]));
  return {
    total,
    items: rows.map(({ row, loanNo, customerName }) => {
      const error = row.postError;
      return {
        rowNo: row.rowNo,
        status: row.status,
        reason: row.reason,
        reasonText: error
          ? messageFor(error, options.locale, row.postErrorParams ?? {})
          : row.reason
            ? messageFor(row.reason, options.locale)
            : null,
        date: row.txDate,
        amount: row.amount === null ? null : formatAmount(row.amount),
        payerName: row.payerName,
        payerAccount: row.payerAccountMasked,
        memo: row.memo,
        reference: row.reference,
        loan: row.loanId && loanNo ? { id: row.loanId, loanNo, customerName } : null,
        matchedBy: row.matchedBy,
        candidates: (row.candidates ?? [])
          .map((id) => candidates.get(id))
          .filter((c): c is NonNullable<typeof c> => Boolean(c)),
        transactionId: row.transactionId,
        postError: error,
      };
    }),
  };
}
