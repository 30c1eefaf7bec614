// Request shapes of the collections API (zod), shared with the console. Amounts are decimal strings,
// dates YYYY-MM-DD, instants ISO 8601 with an offset.
import { z } from "zod";
import { amountString, dateString } from "../../platform/http/schemas.ts";
import { isClockTime } from "./domain/china-time.ts";
import {
  CONTACT_METHODS,
  CONTACT_OUTCOMES,
  CONTACT_PURPOSES,
  CONTACT_RELATIONS,
} from "./domain/contact-vocabulary.ts";

export const TASK_BUCKETS = ["M1", "M2", "M3", "M4", "M5", "M6", "M7"] as const;
export const QUEUES = ["standard", "senior", "legal"] as const;
export const TASK_SORTS = ["dpd", "amountOverdue", "nextActionDate", "lastActionAt", "openedOn"] as const;

export const idParams = z.object({ id: z.uuid() }).strict();
export const consentParams = z.object({ id: z.uuid(), consentId: z.uuid() }).strict();

const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const listTasksQuery = z
  .object({
    status: z.enum(["open", "resolved"]).optional(),
    bucket: z.enum(TASK_BUCKETS).optional(),
    queue: z.enum(QUEUES).optional(),
    assignee: z.union([z.literal("me"), z.literal("unassigned"), z.uuid()]).optional(),
    promise: z.enum(["pending", "kept", "broken", "none"]).optional(),
    priority: z.enum(["normal", "high"]).optional(),
    /** Tasks whose next action is due today or earlier (China date), or that have none planned. */
    due: z.enum(["today"]).optional(),
    q: z.string().trim().max(50).optional(),
    sort: z.enum(TASK_SORTS).default("dpd"),
    order: z.enum(["asc", "desc"]).default("desc"),
    ...paging,
  })
  .strict();
export type ListTasksQuery = z.infer<typeof listTasksQuery>;

export const contactKey = z.union([z.literal("borrower"), z.uuid()]);

export const actionBody = z
  .object({
    contactId: contactKey,
    method: z.enum(CONTACT_METHODS),
    purpose: z.enum(CONTACT_PURPOSES),
    outcome: z.enum(CONTACT_OUTCOMES),
    note: z.string().trim().max(1000).optional(),
    /** When the attempt happened, if not now (a visit logged on return); the rules apply to this time. */
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    promiseAmount: amountString.optional(),
    promiseDate: dateString.optional(),
    nextActionDate: dateString.optional(),
  })
  .strict();
export type ActionInput = z.infer<typeof actionBody>;

export const contactCheckQuery = z
  .object({
    contactId: contactKey,
    method: z.enum(CONTACT_METHODS),
    purpose: z.enum(CONTACT_PURPOSES).optional(),
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-\s]{5,20}$/, { message: "invalid-value" });

export const contactBody = z
  .object({
    party: z.enum(["guarantor", "co-borrower", "third-party"]),
    relation: z.enum(CONTACT_RELATIONS).default("other"),
    name: z.string().trim().min(1).max(50),
    phone: phone.optional(),
    address: z.string().trim().max(200).optional(),
  })
  .strict();

const clockTime = z.string().refine(isClockTime, { message: "invalid-value" });

export const consentBody = z
  .object({
    contactId: contactKey,
    windowStart: clockTime,
    windowEnd: clockTime,
    validFrom: dateString,
    validUntil: dateString.optional(),
    evidence: z.string().trim().min(4).max(500),
  })
  .strict();

export const revokeConsentBody = z.object({ reason: z.string().trim().min(2).max(500) }).strict();

export const assignmentBody = z
  .object({
    taskIds: z.array(z.uuid()).min(1).max(200),
    /** null takes the tasks back into the unassigned pool. */
    assigneeId: z.uuid().nullable(),
    queue: z.enum(QUEUES).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict();

export const collectorBody = z
  .object({
    queues: z.array(z.enum(QUEUES)).min(1),
    capacity: z.number().int().min(1).max(10_000).nullable(),
    active: z.boolean(),
  })
  .strict();

export const summaryQuery = z.object({ day: dateString.optional() }).strict();
