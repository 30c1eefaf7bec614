// Sales CRM imports (src/modules/crm): call-record (CDR) files with streamed progress, and lead lists
// with a preview before the commit.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { i18n } from "../i18n/setup.ts";
import { ApiError, api, failure, readCookie, toQueryString } from "./client.ts";
import type { DuplicateMatch, LeadSource } from "./crm-leads.ts";
import { uploadForm } from "./files.ts";

export type RowError = {
  row: number;
  column: string | null;
  code: string;
  message: string;
  params?: Record<string, string | number>;
};

export type CallImport = {
  id: string;
  fileName: string;
  vendor: string | null;
  status: "imported" | "rejected";
  totalRows: number;
  importedRows: number;
  duplicateRows: number;
  linkedRows: number;
  errorCount: number;
  errors?: RowError[];
  importedByName: string | null;
  startedAt: string;
  finishedAt: string | null;
};

export function useCallImports(page: number) {
  return useQuery({
    queryKey: ["crm", "call-imports", page],
    queryFn: () =>
      api.get<{ items: CallImport[]; total: number }>(
        `/crm/call-imports${toQueryString({ page, pageSize: 10 })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export type ImportProgress =
  | { stage: "uploading"; loaded: number; total: number }
  | { stage: "reading" | "writing" | "done"; rows: number; errors: number };

/**
 * Uploads a CDR file and follows the import: upload progress from the browser, then the server's
 * progress lines (application/x-ndjson) while it reads and writes, then the result. XMLHttpRequest,
 * because fetch reports no upload progress.
 */
export function importCallFile(
  file: File,
  vendor: string,
  onProgress: (progress: ImportProgress) => void,
): Promise<CallImport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    if (vendor.trim()) form.append("vendor", vendor.trim());
    form.append("file", file);
    xhr.open("POST", "/api/v1/crm/call-imports");
    xhr.setRequestHeader("Accept", "application/x-ndjson");
    xhr.setRequestHeader("Accept-Language", i18n.language);
    const csrf = readCookie("mc_csrf");
    if (csrf) xhr.setRequestHeader("x-csrf-token", csrf);
    xhr.upload.onprogress = (e) =>
      onProgress({ stage: "uploading", loaded: e.loaded, total: e.total || file.size });
    let seen = 0;
    let result: { code: number; body: unknown } | null = null;
    const readLines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf("\n");
      if (end < seen) return;
      for (const line of text.slice(seen, end).split("\n")) {
        if (!line.trim()) continue;
        const message = JSON.parse(line) as
          | { type: "progress"; phase: "reading" | "writing" | "done"; rows: number; errors: number }
          | { type: "result"; code: number; body: unknown };
        if (message.type === "progress")
          onProgress({ stage: message.phase, rows: message.rows, errors: message.errors });
        else result = message;
      }
      seen = end + 1;
    };
    xhr.onprogress = readLines;
    xhr.onerror = () =>
      reject(new ApiError({ status: 0, code: "network-error", message: i18n.t("errors.network") }));
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let payload: unknown = null;
        try {
          payload = JSON.parse(xhr.responseText);
        } catch {
          payload = null;
        }
        reject(failure(xhr.status, payload));
        return;
      }
      readLines();
      const final = result as { code: number; body: unknown } | null;
      if (!final)
        reject(
          new ApiError({ status: 500, code: "http-error", message: i18n.t("errors.http", { status: 500 }) }),
        );
      else if (final.code === 201) resolve(final.body as CallImport);
      else if (final.code === 422) resolve((final.body as { import: CallImport }).import);
      else reject(failure(final.code, final.body));
    };
    xhr.send(form);
  });
}

export const fetchCallImport = (id: string) => api.get<CallImport>(`/crm/call-imports/${id}`);

export type LeadImportOptions = {
  mapping?: Record<string, string>;
  defaultSource?: LeadSource;
  campaignId?: string | null;
  ownerId?: string;
  groupLeaderId?: string;
  onDuplicate?: "skip" | "import";
};

export type LeadImportReport = {
  status: "preview" | "imported" | "rejected";
  fileName: string;
  headers: string[];
  mapping: Record<string, string | null>;
  totalRows: number;
  validRows: number;
  errorCount: number;
  errors: RowError[];
  duplicates: { row: number; name: string; phone: string; matches: DuplicateMatch[] }[];
  sample: {
    row: number;
    name: string;
    phone: string;
    source: LeadSource;
    city: string | null;
    wantedAmount: string | null;
    owner: string | null;
  }[];
  imported: number;
  skipped: number;
};

const leadImportForm = (file: File, options: LeadImportOptions) => {
  const form = new FormData();
  form.append("options", JSON.stringify(options));
  form.append("file", file);
  return form;
};

export const leadImportApi = {
  preview: (file: File, options: LeadImportOptions) =>
    uploadForm<LeadImportReport>("/crm/lead-imports/preview", leadImportForm(file, options)),
  /** A rejected file answers 422 with the report; that is a result here, not an error. */
  commit: async (file: File, options: LeadImportOptions): Promise<LeadImportReport> => {
    const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": i18n.language };
    const csrf = readCookie("mc_csrf");
    if (csrf) headers["x-csrf-token"] = csrf;
    let response: Response;
    try {
      response = await fetch("/api/v1/crm/lead-imports", {
        method: "POST",
        headers,
        credentials: "same-origin",
        body: leadImportForm(file, options),
      });
    } catch {
      throw new ApiError({ status: 0, code: "network-error", message: i18n.t("errors.network") });
    }
    let payload: unknown = null;
    try {
      payload = JSON.parse(await response.text());
    } catch {
      payload = null;
    }
    if (response.status === 422 && (payload as { report?: LeadImportReport })?.report)
      return (payload as { report: LeadImportReport }).report;
    if (!response.ok) throw failure(response.status, payload);
    return payload as LeadImportReport;
  },
};
