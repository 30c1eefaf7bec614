import { z } from "zod";
import { amountString, dateString } from "../../platform/http/schemas.ts";
import { type Fen, parseAmount } from "../../platform/money.ts";
import { REPAYMENT_METHODS } from "../loans/domain/schedule.ts";

const fen = amountString.transform((v) => parseAmount(v) as Fen);
/** Zero allowed (no debts), still at most 2 decimals. */
const fenOrZero = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .refine(
    (v) => {
      const parsed = parseAmount(v);
      return parsed !== null && parsed >= 0;
    },
    { message: "invalid-amount" },
  )
  .transform((v) => parseAmount(v) as Fen);
const rate = z.string().regex(/^(0(\.\d{1,6})?|1(\.0{1,6})?)$/, { message: "invalid-rate" });
const note = (max: number) => z.string().trim().max(max);

export const STATUSES = [
  "submitted",
  "interviewed",
  "qualified",
  "assessed",
  "pending-committee",
  "approved",
  "disbursed",
  "rejected",
  "withdrawn",
  "expired",
] as const;

export const idParams = z.object({ id: z.uuid() }).strict();

export const listApplicationsQuery = z
  .object({
    status: z
      .string()
      .max(200)
      .transform((s) => s.split(",").filter(Boolean))
      .pipe(z.array(z.enum(STATUSES)))
      .optional(),
    search: z.string().max(64).optional(),
    originatorId: z.uuid().optional(),
    productId: z.uuid().optional(),
    customerId: z.uuid().optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(20),
  })
  .strict();

export const submitBody = z
  .object({
    customerId: z.uuid(),
    productId: z.uuid(),
    amount: fen,
    termMonths: z.number().int().min(1).max(360),
    purpose: note(500).min(2),
  })
  .strict();

export const interviewBody = z
  .object({
    notes: note(4000).min(2),
    monthlyIncome: fenOrZero.optional(),
    monthlyDebt: fenOrZero.optional(),
    repaymentSource: note(500).optional(),
    businessDescription: note(2000).nullable().optional(),
    premisesVisited: z.boolean().optional(),
    interviewedAt: dateString.optional(),
  })
  .strict();

export const qualificationBody = z
  .object({ decision: z.enum(["pass", "reject"]), reason: note(1000).nullable().optional() })
  .strict();

export const assessmentBody = z
  .object({
    monthlyIncome: fenOrZero,
    monthlyDebt: fenOrZero,
    businessYears: z.number().min(0).max(80),
    overdueCount24m: z.number().int().min(0).max(100),
    hasCollateral: z.boolean(),
    notes: note(2000).nullable().optional(),
  })
  .strict();

export const riskPlanBody = z
  .object({
    amount: fen,
    annualRate: rate,
    termMonths: z.number().int().min(1).max(360),
    method: z.enum(REPAYMENT_METHODS as unknown as [string, ...string[]]),
    guarantee: z.enum(["credit", "guaranty", "mortgage", "pledge"]),
    conditions: note(2000).nullable().optional(),
  })
  .strict();

export const voteBody = z
  .object({
    decision: z.enum(["approve", "reject"]),
    comment: note(2000).nullable().optional(),
    conditions: note(2000).nullable().optional(),
  })
  .strict();

export const disbursementBody = z
  .object({
    date: dateString,
    channel: z.enum(["bank-transfer", "cash"]),
    reference: note(100).nullable().optional(),
  })
  .strict();

export const REJECT_REASONS = [
  "incomplete-documents",
  "insufficient-income",
  "poor-credit",
  "fraud-suspected",
  "policy",
  "customer-declined",
  "other",
] as const;

export const rejectBody = z
  .object({ reasonCode: z.enum(REJECT_REASONS), comment: note(2000).nullable().optional() })
  .strict();
export const withdrawBody = z.object({ reason: note(1000).min(2) }).strict();

export const savedViewBody = z
  .object({
    page: z.string().min(1).max(40),
    name: note(40).min(1),
    filters: z.record(z.string(), z.unknown()),
    shared: z.boolean().default(false),
  })
  .strict();
export const savedViewQuery = z.object({ page: z.string().min(1).max(40) }).strict();
export const savedViewParams = z.object({ viewId: z.coerce.number().int().positive() }).strict();
