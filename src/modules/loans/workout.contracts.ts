// Request shapes of restructuring / extension (展期/重组), write-off (核销) and recovery after write-off.
import { z } from "zod";
import { amountString, dateString } from "../../platform/http/schemas.ts";
import { PAYMENT_CHANNELS } from "./loans.contracts.ts";

const RATE = /^(0(\.\d{1,6})?|1(\.0{1,6})?)$/;
const rate = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => RATE.test(v), { message: "invalid-rate" })
  .describe("new annual nominal rate as a decimal, 0.12 = 12%");

// 罚息: the new penalty annual rate; omitted keeps the loan's current one. The cap is checked by the service.
const penaltyRate = rate
  .optional()
  .describe("new penalty annual rate as a decimal; omitted keeps the current one");

const method = z.enum(["equal-installment", "equal-principal", "interest-only", "bullet", "flat"]);
const comment = z.string().trim().max(500).optional();

// Give the months added to what is left (展期), or the new term counted from today (重组); not both.
export const restructuringTerms = z
  .object({
    extensionMonths: z.number().int().min(0).max(120).optional(),
    termMonths: z.number().int().min(1).max(360).optional(),
    annualRate: rate,
    penaltyRate,
    method,
    capitaliseArrears: z.boolean().describe("move overdue interest, fees and penalty into the new principal"),
  })
  .strict()
  .refine((t) => (t.extensionMonths === undefined) !== (t.termMonths === undefined), {
    message: "extension-or-term",
    path: ["extensionMonths"],
  });

export const restructuringBody = z
  .object({
    extensionMonths: z.number().int().min(0).max(120).optional(),
    termMonths: z.number().int().min(1).max(360).optional(),
    annualRate: rate,
    penaltyRate,
    method,
    capitaliseArrears: z.boolean(),
    reason: z.string().trim().min(2).max(500),
  })
  .strict()
  .refine((t) => (t.extensionMonths === undefined) !== (t.termMonths === undefined), {
    message: "extension-or-term",
    path: ["extensionMonths"],
  });

export type RestructuringTermsInput = z.infer<typeof restructuringTerms>;

export const decisionWithComment = z
  .object({ decision: z.enum(["approve", "reject"]), comment })
  .strict()
  .refine((d) => d.decision === "approve" || (d.comment ?? "").length > 0, {
    message: "required",
    path: ["comment"],
  });

export const restructuringParams = z.object({ id: z.uuid(), rid: z.uuid() }).strict();

export const writeOffBody = z
  .object({
    reason: z.string().trim().min(2).max(500),
    principal: amountString
      .optional()
      .describe("部分核销: the principal to write off (≤ principal outstanding); omitted = the whole loan"),
  })
  .strict();
export const writeOffQuery = z
  .object({ principal: amountString.optional().describe("estimate a partial write-off of this principal") })
  .strict();
export const writeOffDecisionBody = z.object({ comment }).strict();

export const recoveryBody = z
  .object({
    amount: amountString,
    date: dateString,
    channel: z.enum(PAYMENT_CHANNELS),
    reference: z.string().trim().min(1).max(64).optional(),
  })
  .strict();
