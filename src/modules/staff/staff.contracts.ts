import { z } from "zod";
import { dateString } from "../../platform/http/schemas.ts";
import { LEAVE_REASONS, RECRUITMENT_CHANNELS, STAFF_POSITIONS, STAFF_STATUSES } from "./domain/positions.ts";
import { RANK_KEYS } from "./domain/ranks.ts";

const note = (max: number) => z.string().trim().max(max);
const position = z.enum(STAFF_POSITIONS);
const rank = z.enum(RANK_KEYS as [string, ...string[]]);

export const idParams = z.object({ id: z.uuid() }).strict();

export const listStaffQuery = z
  .object({
    search: z.string().max(64).optional(),
    status: z.enum(STAFF_STATUSES).optional(),
    position: position.optional(),
    departmentId: z.coerce.number().int().positive().optional(),
    team: z.string().trim().min(1).max(64).optional(),
    rank: rank.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();

export const dateQuery = z.object({ date: dateString.optional() }).strict();

export const createStaffBody = z
  .object({
    userId: z.uuid().nullable().optional(),
    name: note(64).min(1).optional(),
    employeeNo: z
      .string()
      .regex(/^[A-Z0-9-]{2,20}$/)
      .optional(),
    position,
    rank: rank.optional(),
    /** A recruit who has not started: onboarded later. */
    candidate: z.boolean().default(false),
    joinedOn: dateString,
    departmentId: z.number().int().positive().nullable().optional(),
    team: note(64).nullable().optional(),
    managerId: z.uuid().nullable().optional(),
    recruitmentChannel: z.enum(RECRUITMENT_CHANNELS).nullable().optional(),
    note: note(500).nullable().optional(),
  })
  .strict();

export const onboardBody = z.object({ joinedOn: dateString.optional() }).strict();

export const transferBody = z
  .object({
    effectiveFrom: dateString,
    departmentId: z.number().int().positive().nullable().optional(),
    team: note(64).nullable().optional(),
    managerId: z.uuid().nullable().optional(),
    note: note(500).nullable().optional(),
  })
  .strict();

export const promoteBody = z
  .object({
    effectiveFrom: dateString,
    position: position.optional(),
    rank: rank.optional(),
    departmentId: z.number().int().positive().nullable().optional(),
    managerId: z.uuid().nullable().optional(),
    note: note(500).nullable().optional(),
  })
  .strict();

export const leaveBody = z
  .object({ leftOn: dateString, reason: z.enum(LEAVE_REASONS), note: note(500).nullable().optional() })
  .strict();

// training and probation
export const createSessionBody = z
  .object({
    courseId: z.uuid(),
    heldOn: dateString,
    trainer: note(64).nullable().optional(),
    location: note(100).nullable().optional(),
    note: note(500).nullable().optional(),
  })
  .strict();

export const listSessionsQuery = z
  .object({ from: dateString.optional(), to: dateString.optional(), courseId: z.uuid().optional() })
  .strict();

export const resultsBody = z
  .object({
    results: z
      .array(
        z
          .object({
            staffId: z.uuid(),
            attended: z.boolean(),
            score: z.number().int().min(0).max(100).nullable().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();

export const probationDecisionBody = z
  .object({ decision: z.enum(["approve", "reject"]), comment: note(1000).nullable().optional() })
  .strict();

export const probationBoardQuery = z.object({ all: z.enum(["true", "false"]).optional() }).strict();
export const closeProbationsBody = z.object({ date: dateString.optional() }).strict();

// rank reviews
export const runReviewBody = z
  .object({ quarter: z.string().regex(/^\d{4}-Q[1-4]$/, { message: "invalid-quarter" }) })
  .strict();
export const proposalDecisionBody = z
  .object({ decision: z.enum(["confirm", "reject"]), note: note(1000).nullable().optional() })
  .strict();
