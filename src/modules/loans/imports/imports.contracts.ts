// Request shapes of the repayment-import API (zod). Column numbers are 0-based; amounts are strings.
import { z } from "zod";
import { PAYMENT_CHANNELS } from "../loans.contracts.ts";

export const IMPORT_ROW_FILTERS = [
  "matched",
  "ambiguous",
  "unmatched",
  "duplicate",
  "invalid",
  "skipped",
  "excluded",
  "posted",
  // Rows the last posting attempt refused.
  "failed",
] as const;

export const importChannel = z.enum(PAYMENT_CHANNELS);
export const importIdParams = z.object({ id: z.uuid() }).strict();
export const importRowParams = z
  .object({ id: z.uuid(), rowNo: z.coerce.number().int().min(1).max(10_000_000) })
  .strict();

export const listImportsQuery = z
  .object({
    status: z.enum(["previewed", "posted", "discarded"]).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const listImportRowsQuery = z
  .object({
    status: z.enum(IMPORT_ROW_FILTERS).optional(),
    search: z.string().trim().max(100).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

const column = z.number().int().min(0).max(59).nullable();

export const mappingBody = z
  .object({
    mapping: z
      .object({
        date: column,
        amount: column,
        payerName: column,
        payerAccount: column,
        memo: column,
        reference: column,
      })
      .strict(),
  })
  .strict();

export const importRowBody = z
  .object({
    loanNo: z.string().trim().max(32).nullable().optional(),
    excluded: z.boolean().optional(),
  })
  .strict()
  .refine((b) => b.loanNo !== undefined || b.excluded !== undefined, { message: "required" });

export const emptyBody = z.object({}).strict();
export const sampleQuery = z.object({ format: z.enum(["xlsx", "csv"]).default("xlsx") }).strict();
