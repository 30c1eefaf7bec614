// Request and response shapes of the customers API. Identifier checksums live in domain/identifiers.ts
// and run in the service, so the CLI or an import gets the same field messages as HTTP.
import { z } from "zod";
import { booleanQuery, dateString } from "../../platform/http/schemas.ts";
import { parseAmount } from "../../platform/money.ts";

export const CUSTOMER_TYPES = ["individual", "business"] as const;
export const BUSINESS_KINDS = ["sole-proprietor", "small-business"] as const;
export const SEGMENTS = ["individual", "student", "sole-proprietor", "small-business"] as const;
export const CONSENT_KINDS = ["credit-inquiry", "sensitive-data", "third-party-sharing"] as const;
export const DOCUMENT_KINDS = [
  "id-card-front",
  "id-card-back",
  "business-licence",
  "bank-statement",
  "other",
] as const;
export const PII_FIELDS = ["idNumber", "phone", "bankCard"] as const;
export type PiiField = (typeof PII_FIELDS)[number];

/** An amount ≥ 0 in yuan (monthly income may be zero). */
const nonNegativeAmount = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .refine(
    (v) => {
      const parsed = parseAmount(v);
      return parsed !== null && parsed >= 0;
    },
    { message: "invalid-amount" },
  );

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const profileFields = {
  name: text(100),
  businessKind: z.enum(BUSINESS_KINDS).nullable().optional(),
  legalRepresentative: optionalText(50),
  segment: z.enum(SEGMENTS).optional(),
  bankCard: z.string().max(40).nullable().optional(),
  bankName: optionalText(100),
  address: optionalText(300),
  occupation: optionalText(100),
  employer: optionalText(200),
  monthlyIncome: nonNegativeAmount.nullable().optional(),
  businessYears: z.number().int().min(0).max(100).nullable().optional(),
  notes: optionalText(2000),
  ownerId: z.uuid().optional(),
};

export const createCustomerBody = z
  .object({
    type: z.enum(CUSTOMER_TYPES),
    idNumber: z.string().min(1).max(40),
    phone: z.string().min(1).max(40),
    creditCode: z.string().max(40).nullable().optional(),
    ...profileFields,
  })
  .strict();
export type CreateCustomerInput = z.infer<typeof createCustomerBody>;

export const updateCustomerBody = z
  .object({
    idNumber: z.string().min(1).max(40).optional(),
    phone: z.string().min(1).max(40).optional(),
    creditCode: z.string().max(40).nullable().optional(),
    ...profileFields,
    name: text(100).optional(),
  })
  .strict();
export type UpdateCustomerInput = z.infer<typeof updateCustomerBody>;

export const listCustomersQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    type: z.enum(CUSTOMER_TYPES).optional(),
    segment: z.enum(SEGMENTS).optional(),
    blacklisted: booleanQuery.optional(),
    ownerId: z.uuid().optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();
export type ListCustomersQuery = z.infer<typeof listCustomersQuery>;

export const idParams = z.object({ id: z.uuid() }).strict();
export const documentParams = z.object({ id: z.uuid(), docId: z.uuid() }).strict();
export const consentParams = z.object({ id: z.uuid(), consentId: z.uuid() }).strict();

export const piiQuery = z.object({ field: z.enum(PII_FIELDS) }).strict();

export const reasonBody = z.object({ reason: text(500) }).strict();

export const consentBody = z
  .object({
    kind: z.enum(CONSENT_KINDS),
    purpose: text(500),
    // An instant with its offset, or a day (taken as 00:00 China time).
    grantedAt: z.union([z.iso.datetime({ offset: true }), dateString]).optional(),
  })
  .strict();

export const revokeConsentBody = z.object({ reason: optionalText(500) }).strict();
