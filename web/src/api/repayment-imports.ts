// 批量还款导入 (src/modules/loans/imports): upload a statement, correct the mapping, settle rows,
// post all or nothing, and the history. Amounts are decimal strings; column numbers are 0-based.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, toQueryString } from "./client.ts";
import { uploadForm } from "./files.ts";
import type { PaymentChannel } from "./servicing.ts";
import type { Page } from "./types.ts";

export type ImportStatus = "previewed" | "posted" | "discarded";
export const IMPORT_STATUSES: ImportStatus[] = ["previewed", "posted", "discarded"];
export type ImportRowStatus =
  | "matched"
  | "ambiguous"
  | "unmatched"
  | "duplicate"
  | "invalid"
  | "skipped"
  | "excluded"
  | "posted";
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
export type RowFilter = ImportRowStatus | "failed";
export type ImportField = "date" | "amount" | "payerName" | "payerAccount" | "memo" | "reference";
export const IMPORT_FIELDS: ImportField[] = [
  "date",
  "amount",
  "reference",
  "payerName",
  "payerAccount",
  "memo",
];
export type ColumnMapping = Record<ImportField, number | null>;

export type RepaymentImport = {
  id: string;
  fileName: string;
  fileKind: "csv" | "xlsx";
  channel: PaymentChannel;
  status: ImportStatus;
  headerRow: number | null;
  headers: string[];
  mapping: ColumnMapping;
  missingFields: ImportField[];
  rowCount: number;
  counts: Record<ImportRowStatus, number>;
  amounts: { total: string; matched: string; posted: string };
  postedCount: number;
  postedAmount: string;
  failedCount: number;
  unresolved: number;
  createdBy: string | null;
  createdAt: string;
  postedBy: string | null;
  postedAt: string | null;
  sample: string[][];
};

type LoanRef = { id: string; loanNo: string; customerName: string | null };

export type ImportRow = {
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
  loan: LoanRef | null;
  matchedBy: "loan-no" | "payer-account" | "name-amount" | "manual" | null;
  candidates: LoanRef[];
  transactionId: string | null;
  postError: string | null;
};

export const importKey = (id: string) => ["repayment-imports", id] as const;

export function useImports(filters: { status?: ImportStatus; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ["repayment-imports", "list", filters],
    queryFn: () => api.get<Page<RepaymentImport>>(`/repayment-imports${toQueryString(filters)}`),
    placeholderData: keepPreviousData,
  });
}

export function useImport(id: string) {
  return useQuery({
    queryKey: importKey(id),
    queryFn: () => api.get<RepaymentImport>(`/repayment-imports/${id}`),
  });
}

export function useImportRows(
  id: string,
  filters: { status?: RowFilter; search?: string; page: number; pageSize: number },
) {
  return useQuery({
    queryKey: [...importKey(id), "rows", filters],
    queryFn: () => api.get<Page<ImportRow>>(`/repayment-imports/${id}/rows${toQueryString(filters)}`),
    placeholderData: keepPreviousData,
  });
}

export function uploadStatement(file: File, channel: PaymentChannel) {
  const form = new FormData();
  form.append("channel", channel);
  form.append("file", file);
  return uploadForm<RepaymentImport>("/repayment-imports", form);
}

export const saveMapping = (id: string, mapping: ColumnMapping) =>
  api.post<RepaymentImport>(`/repayment-imports/${id}/mapping`, { mapping });

export const updateRow = (
  id: string,
  rowNo: number,
  change: { loanNo?: string | null; excluded?: boolean },
) => api.patch<{ rowNo: number; status: ImportRowStatus }>(`/repayment-imports/${id}/rows/${rowNo}`, change);

export const excludeUnresolved = (id: string) =>
  api.post<RepaymentImport>(`/repayment-imports/${id}/exclude-unresolved`, {});

export const postImport = (id: string, idempotencyKey: string) =>
  api.post<RepaymentImport>(
    `/repayment-imports/${id}/post`,
    {},
    { headers: { "Idempotency-Key": idempotencyKey } },
  );

export const discardImport = (id: string) =>
  api.post<RepaymentImport>(`/repayment-imports/${id}/discard`, {});

export const reportPath = (id: string) => `/repayment-imports/${id}/report.xlsx`;
export const samplePath = (format: "xlsx" | "csv") => `/repayment-imports/sample?format=${format}`;
