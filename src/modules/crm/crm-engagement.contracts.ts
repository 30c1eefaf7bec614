// Request shapes of the follow-up, appointment, feedback, KPI, PK, target and daily-report routes.
import { z } from "zod";
import { dateString } from "../../platform/http/schemas.ts";
import { FEEDBACK_CHANNELS } from "./feedback.service.ts";

const text = (max: number) => z.string().trim().max(max);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "invalid-value" });
const instant = z.iso.datetime({ offset: true, message: "invalid-value" });
const page = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const idParams = z.object({ id: z.uuid() }).strict();
export const dateParams = z.object({ date: dateString }).strict();
/** Lifecycle actions that take no input still refuse a body with fields. */
export const emptyBody = z.object({}).strict().nullish();

// ---------------------------------------------------------------- follow-ups
export const followUpsQuery = z
  .object({
    due: z.enum(["overdue", "today", "tomorrow", "week", "all"]).optional(),
    status: z.enum(["open", "done", "cancelled"]).optional(),
    ownerId: z.uuid().optional(),
    ...page,
  })
  .strict();

export const scheduleFollowUpBody = z
  .object({ leadId: z.uuid(), dueOn: dateString, note: text(500).nullable().optional() })
  .strict();

export const closeFollowUpBody = z
  .object({ status: z.enum(["done", "cancelled"]), note: text(500).nullable().optional() })
  .strict();

// ---------------------------------------------------------------- appointments
export const appointmentsQuery = z
  .object({
    from: dateString,
    to: dateString,
    status: z.enum(["scheduled", "done", "no-show", "cancelled"]).optional(),
    ownerId: z.uuid().optional(),
    leadId: z.uuid().optional(),
  })
  .strict();

export const createAppointmentBody = z
  .object({
    leadId: z.uuid(),
    startsAt: instant,
    place: text(200).min(1),
    withUserId: z.uuid().nullable().optional(),
    withName: text(64).nullable().optional(),
    note: text(500).nullable().optional(),
    callId: z.uuid().nullable().optional(),
  })
  .strict();

export const appointmentStatusBody = z
  .object({ status: z.enum(["done", "no-show", "cancelled"]), outcome: text(500).nullable().optional() })
  .strict();

export const rescheduleBody = z
  .object({
    startsAt: instant,
    place: text(200).min(1).nullable().optional(),
    note: text(500).nullable().optional(),
  })
  .strict();

// ---------------------------------------------------------------- feedback
const category = z.string().regex(/^[a-z][a-z0-9-]{1,30}$/, { message: "invalid-value" });

export const feedbackQuery = z
  .object({
    status: z.enum(["open", "in-progress", "resolved", "closed"]).optional(),
    kind: z.enum(["feedback", "complaint"]).optional(),
    category: category.optional(),
    overdue: z.enum(["true", "false"]).optional(),
    search: z.string().max(64).optional(),
    ...page,
  })
  .strict();

export const createFeedbackBody = z
  .object({
    kind: z.enum(["feedback", "complaint"]),
    category,
    channel: z.enum(FEEDBACK_CHANNELS),
    leadId: z.uuid().nullable().optional(),
    customerId: z.uuid().nullable().optional(),
    contactName: text(64).min(1),
    subject: text(200).min(1),
    detail: text(4000).nullable().optional(),
    receivedAt: instant.nullable().optional(),
    ownerId: z.uuid().nullable().optional(),
  })
  .strict();

export const feedbackStatusBody = z
  .object({
    status: z.enum(["in-progress", "resolved", "closed"]),
    outcome: text(2000).nullable().optional(),
  })
  .strict();

export const assignFeedbackBody = z.object({ ownerId: z.uuid() }).strict();

// ---------------------------------------------------------------- KPIs
export const kpiBoardQuery = z
  .object({
    level: z.enum(["person", "group", "team", "floor"]),
    unitId: z.uuid().optional(),
    period: z.enum(["day", "week", "month"]).default("day"),
    date: dateString.optional(),
  })
  .strict();

export const myDayQuery = z.object({ userId: z.uuid().optional(), date: dateString.optional() }).strict();

// ---------------------------------------------------------------- PK
const weight = z.number().min(0).max(100).multipleOf(0.01);

export const pkListQuery = z
  .object({ status: z.enum(["upcoming", "running", "finished", "cancelled"]).optional() })
  .strict();

export const createPkBody = z
  .object({
    name: text(60).min(1),
    unitKind: z.enum(["group", "team"]),
    metric: z.enum(["calls", "effective", "intent", "appointments", "disbursed", "weighted"]),
    weights: z
      .object({
        calls: weight.optional(),
        effective: weight.optional(),
        intent: weight.optional(),
        appointments: weight.optional(),
        disbursed: weight.optional(),
      })
      .strict()
      .nullable()
      .optional(),
    participants: z.array(z.uuid()).max(50).nullable().optional(),
    startsOn: dateString,
    endsOn: dateString,
    reward: text(200).nullable().optional(),
  })
  .strict();

// ---------------------------------------------------------------- targets and reports
export const targetsQuery = z.object({ from: month.optional(), to: month.optional() }).strict();

export const setTargetBody = z
  .object({
    teamId: z.uuid(),
    month,
    target: z.union([z.string(), z.number()]).transform(String),
    note: text(200).nullable().optional(),
  })
  .strict();

export const campaignsReportQuery = z
  .object({ from: dateString.optional(), to: dateString.optional() })
  .strict();

export const reportsQuery = z.object({ from: dateString.optional(), to: dateString.optional() }).strict();

export const generateReportBody = z.object({ date: dateString }).strict();
