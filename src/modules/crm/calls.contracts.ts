// Request shapes of the calls API: logging a call, listing calls, configuring outcomes, CDR imports.
import { z } from "zod";
import { booleanQuery, dateString } from "../../platform/http/schemas.ts";
import { INTENT_LEVELS } from "./domain/lead-rules.ts";

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const logCallBody = z
  .object({
    outcomeCode: z.string().min(1).max(40),
    talkSeconds: z.number().int().min(0).max(86_400).default(0),
    note: optionalText(1000),
    nextStep: optionalText(200),
    nextFollowUpOn: dateString.nullable().optional(),
    intentLevel: z.enum(INTENT_LEVELS).optional(),
    /** When the call started; now when left out (a call logged right after hanging up). */
    startedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type LogCallInput = z.infer<typeof logCallBody>;

export const listCallsQuery = z
  .object({
    agentId: z.uuid().optional(),
    leadId: z.uuid().optional(),
    importId: z.uuid().optional(),
    from: dateString.optional(),
    to: dateString.optional(),
    outcome: z.string().max(40).optional(),
    connected: booleanQuery.optional(),
    effective: booleanQuery.optional(),
    origin: z.enum(["manual", "import"]).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();
export type ListCallsQuery = z.infer<typeof listCallsQuery>;

export const outcomeCodeParams = z.object({ code: z.string().min(1).max(40) }).strict();

const outcomeFlags = {
  nameZh: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(60),
  connected: z.boolean(),
  effective: z.boolean(),
  intent: z.boolean(),
  appointment: z.boolean(),
  doNotCall: z.boolean(),
  sortOrder: z.number().int().min(0).max(1000).default(0),
  active: z.boolean().default(true),
};

export const createOutcomeBody = z
  .object({
    code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, { message: "invalid-outcome-code" }),
    ...outcomeFlags,
  })
  .strict();
export const updateOutcomeBody = z
  .object({
    nameZh: outcomeFlags.nameZh.optional(),
    nameEn: outcomeFlags.nameEn.optional(),
    connected: z.boolean().optional(),
    effective: z.boolean().optional(),
    intent: z.boolean().optional(),
    appointment: z.boolean().optional(),
    doNotCall: z.boolean().optional(),
    sortOrder: z.number().int().min(0).max(1000).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type OutcomeInput = z.infer<typeof createOutcomeBody>;
export type OutcomePatch = z.infer<typeof updateOutcomeBody>;

export const callImportParams = z.object({ id: z.uuid() }).strict();
export const listImportsQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
