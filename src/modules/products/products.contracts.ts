// Request shapes of the products API. API.md fixes id, name, method, annualRate, minAmount, maxAmount,
// termOptions and apr; the rest is ours. Rates are decimal strings ("0.18"), amounts yuan strings.
import { z } from "zod";
import { amountString, dateString } from "../../platform/http/schemas.ts";
import { parseAmount } from "../../platform/money.ts";
import { DOCUMENT_KINDS } from "../customers/customers.contracts.ts";
import { REPAYMENT_METHODS } from "../loans/domain/schedule.ts";
import { GUARANTEE_TYPES } from "./domain/product-terms.ts";

const RATE = /^(0(\.\d{1,6})?|1(\.0{1,6})?)$/;
export const rateString = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => RATE.test(v), { message: "invalid-rate" });

const feeAmount = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .refine(
    (v) => {
      const parsed = parseAmount(v);
      return parsed !== null && parsed >= 0;
    },
    { message: "invalid-amount" },
  );

const method = z.enum(
  REPAYMENT_METHODS as unknown as ["equal-installment", "equal-principal", "interest-only", "bullet", "flat"],
);

const feesSchema = z
  .object({
    upfrontRate: rateString.nullable().optional(),
    upfrontFixed: feeAmount.optional(),
    monthlyRate: rateString.nullable().optional(),
    monthlyFixed: feeAmount.optional(),
  })
  .strict();

// Segments are checked by the service, so "student" gets its own message rather than "invalid value".
const termFields = {
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(2000).nullable().optional(),
  method,
  annualRate: rateString,
  minAmount: amountString,
  maxAmount: amountString,
  termOptions: z.array(z.number().int().min(1).max(360)).min(1).max(60),
  fees: feesSchema.optional(),
  penaltyRate: rateString.optional(),
  prepaymentFeeRate: rateString.optional(),
  guaranteeTypes: z.array(z.enum(GUARANTEE_TYPES)).min(1).max(4).optional(),
  eligibleSegments: z.array(z.string().max(32)).min(1).max(10).optional(),
  minAge: z.number().int().min(0).max(120).optional(),
  maxAge: z.number().int().min(0).max(120).optional(),
  maxDebtToIncome: z
    .string()
    .regex(/^\d(\.\d{1,4})?$/, { message: "invalid-value" })
    .nullable()
    .optional(),
  requiredDocuments: z.array(z.enum(DOCUMENT_KINDS)).max(10).optional(),
  rounding: z.enum(["half-up", "half-even", "down", "up"]).optional(),
  dayBasis: z.union([z.literal(360), z.literal(365)]).optional(),
  effectiveFrom: dateString.optional(),
  note: z.string().trim().max(500).nullable().optional(),
};

export const createProductBody = z
  .object({
    ...termFields,
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/, { message: "invalid-value" })
      .optional(),
    status: z.enum(["draft", "active"]).optional(),
  })
  .strict();
export type CreateProductInput = z.infer<typeof createProductBody>;

export const updateProductBody = z
  .object({
    ...termFields,
    name: termFields.name.optional(),
    method: method.optional(),
    annualRate: rateString.optional(),
    minAmount: amountString.optional(),
    maxAmount: amountString.optional(),
    termOptions: termFields.termOptions.optional(),
  })
  .strict();
export type UpdateProductInput = z.infer<typeof updateProductBody>;

export const statusChangeBody = z
  .object({ effectiveFrom: dateString.optional(), note: z.string().trim().max(500).nullable().optional() })
  .strict();

export const listProductsQuery = z
  .object({
    status: z.enum(["draft", "active", "retired"]).optional(),
    method: method.optional(),
    asOf: dateString.optional(),
  })
  .strict();

export const productParams = z.object({ id: z.uuid() }).strict();
export const asOfQuery = z.object({ asOf: dateString.optional() }).strict();
