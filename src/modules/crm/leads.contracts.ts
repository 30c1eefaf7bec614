// Request shapes of the leads API (leads, assignment, merge, convert, import options, campaigns).
// Identifier checksums run in the service (customers/domain/identifiers.ts), so an import row gets
// the same messages as a form.
import { z } from "zod";
import { amountString, dateString } from "../../platform/http/schemas.ts";
import { parseAmount } from "../../platform/money.ts";
import { INTENT_LEVELS, INVALID_REASONS, LEAD_SOURCES, LEAD_STAGES } from "./domain/lead-rules.ts";

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();
const csvList = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(300)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(z.enum(values)))
    .optional();

/** Zero or more yuan, at most 2 decimals (a campaign may cost nothing). */
export const amountOrZero = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .refine(
    (v) => {
      const parsed = parseAmount(v);
      return parsed !== null && parsed >= 0;
    },
    { message: "invalid-amount" },
  );

export const idParams = z.object({ id: z.uuid() }).strict();

const leadFields = {
  name: text(50).min(1),
  phone: z.string().min(1).max(40),
  idNumber: z.string().max(40).nullable().optional(),
  source: z.enum(LEAD_SOURCES),
  referrer: optionalText(100),
  campaignId: z.uuid().nullable().optional(),
  intentLevel: z.enum(INTENT_LEVELS).nullable().optional(),
  wantedAmount: amountString.nullable().optional(),
  purpose: optionalText(200),
  city: optionalText(50),
  notes: optionalText(2000),
  nextFollowUpOn: dateString.nullable().optional(),
};

export const createLeadBody = z
  .object({
    ...leadFields,
    /** Straight to one person; else round-robin in `groupLeaderId`'s group (or the caller's own). */
    ownerId: z.uuid().optional(),
    groupLeaderId: z.uuid().optional(),
    /** Create even though the phone or ID is already someone's lead or customer (撞单); audited. */
    force: z.boolean().default(false),
  })
  .strict();
export type CreateLeadInput = z.infer<typeof createLeadBody>;

export const updateLeadBody = z
  .object({
    ...leadFields,
    name: text(50).min(1).optional(),
    phone: z.string().min(1).max(40).optional(),
    source: z.enum(LEAD_SOURCES).optional(),
    doNotCall: z.boolean().optional(),
  })
  .strict();
export type UpdateLeadInput = z.infer<typeof updateLeadBody>;

export const duplicateCheckBody = z
  .object({
    phone: z.string().max(40).optional(),
    idNumber: z.string().max(40).optional(),
    excludeLeadId: z.uuid().optional(),
  })
  .strict();

export const stageBody = z
  .object({
    stage: z.enum(LEAD_STAGES),
    invalidReason: z.enum(INVALID_REASONS).optional(),
    note: optionalText(500),
  })
  .strict();

export const FOLLOW_UP_FILTERS = ["overdue", "today", "week", "none"] as const;

export const listLeadsQuery = z
  .object({
    q: z.string().trim().max(64).optional(),
    stage: csvList(LEAD_STAGES),
    intentLevel: csvList(INTENT_LEVELS),
    source: csvList(LEAD_SOURCES),
    ownerId: z.uuid().optional(),
    campaignId: z.uuid().optional(),
    followUp: z.enum(FOLLOW_UP_FILTERS).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(20),
  })
  .strict();
export type ListLeadsQuery = z.infer<typeof listLeadsQuery>;

export const reassignBody = z
  .object({
    leadIds: z.array(z.uuid()).min(1).max(500),
    /** One new owner for all, or spread round-robin over a group. */
    ownerId: z.uuid().optional(),
    groupLeaderId: z.uuid().optional(),
    note: optionalText(500),
  })
  .strict()
  .refine((b) => Boolean(b.ownerId) !== Boolean(b.groupLeaderId), {
    message: "owner-or-group",
    path: ["ownerId"],
  });

export const mergeBody = z.object({ otherId: z.uuid() }).strict();

export const convertBody = z
  .object({
    /** An existing customer file to use instead of registering one. */
    customerId: z.uuid().optional(),
    /** Needed when the lead has no ID number on file. */
    idNumber: z.string().max(40).optional(),
    segment: z.enum(["individual", "student"]).default("individual"),
    productId: z.uuid(),
    amount: amountString,
    termMonths: z.number().int().min(1).max(360),
    purpose: text(500).min(2),
  })
  .strict();
export type ConvertInput = z.infer<typeof convertBody>;

export const piiQuery = z.object({ field: z.enum(["phone", "idNumber"]) }).strict();

export const agentParams = z.object({ id: z.uuid() }).strict();
export const agentBody = z
  .object({
    awayUntil: dateString.nullable().optional(),
    awayNote: optionalText(200),
    maxOpenLeads: z.number().int().min(0).max(100_000).nullable().optional(),
  })
  .strict();

/** The options part of a lead-import upload (a JSON text field next to the file). */
export const leadImportOptions = z
  .object({
    /** header text → field, or "ignore"; headers left out are auto-detected. */
    mapping: z.record(z.string().max(100), z.string().max(40)).default({}),
    defaultSource: z.enum(LEAD_SOURCES).default("telemarketing-list"),
    campaignId: z.uuid().nullable().optional(),
    ownerId: z.uuid().optional(),
    groupLeaderId: z.uuid().optional(),
    /** Rows whose phone or ID is already a lead or customer: skipped, or imported anyway (audited). */
    onDuplicate: z.enum(["skip", "import"]).default("skip"),
  })
  .strict();
export type LeadImportOptions = z.infer<typeof leadImportOptions>;

export const CAMPAIGN_CHANNELS = ["online", "offline", "partner", "community", "media", "other"] as const;

export const campaignBody = z
  .object({
    name: text(100).min(1),
    channel: z.enum(CAMPAIGN_CHANNELS),
    startsOn: dateString,
    endsOn: dateString.nullable().optional(),
    cost: amountOrZero.default("0"),
    notes: optionalText(1000),
  })
  .strict();
export const campaignPatch = z
  .object({
    name: text(100).min(1).optional(),
    channel: z.enum(CAMPAIGN_CHANNELS).optional(),
    startsOn: dateString.optional(),
    endsOn: dateString.nullable().optional(),
    cost: amountOrZero.optional(),
    notes: optionalText(1000),
  })
  .strict();
export type CampaignInput = z.infer<typeof campaignBody>;
export type CampaignPatch = z.infer<typeof campaignPatch>;
