// Request shapes of plans, payroll runs, statements, disputes and the simulator. Amounts are decimal
// strings in yuan (0 allowed where a plan may mean "none"), rates decimal strings from 0 to 1.
import { z } from "zod";
import { type Fen, parseAmount } from "../../platform/money.ts";
import { POSITIONS } from "./domain/plan.ts";

const amount = z
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

export const monthString = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "invalid-month" });

const rule = z
  .object({
    monthlyTarget: amount,
    baseSalary: amount,
    commissionRate: rate,
    missedDeduction: amount,
    zeroDeduction: amount,
  })
  .partial()
  .strict();
const scope = z.enum(["direct-reports", "all-descendants"]);

/** A change over the plan before it: only the fields given change; a null rate clears it. */
export const planPatch = z
  .object({
    positions: z
      .object({ "customer-manager": rule, "team-manager": rule, "sales-director": rule })
      .partial()
      .strict(),
    managementRate: z
      .object({ "team-manager": rate.nullable(), "sales-director": rate.nullable() })
      .partial()
      .strict(),
    managementScope: z.object({ "team-manager": scope, "sales-director": scope }).partial().strict(),
    includeOwnInTeamTotal: z.boolean(),
    newEmployee: z
      .object({
        positions: z.array(z.enum(POSITIONS)).max(3),
        probation: z.object({ baseSalary: amount, commissionRate: rate }).partial().strict(),
        firstMonth: rule,
      })
      .partial()
      .strict(),
    proration: z.object({ enabled: z.boolean() }).partial().strict(),
    performance: z.object({ capAtPrincipalOverOneYear: z.boolean() }).partial().strict(),
    clawback: z
      .object({ enabled: z.boolean(), windowMonths: z.number().int().min(1).max(24), share: rate })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

export const idParams = z.object({ id: z.uuid() }).strict();

export const createPlanBody = z
  .object({
    code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { message: "invalid-value" }),
    name: note(64).min(1),
    effectiveMonth: monthString,
    plan: planPatch.default({}),
    note: note(500).nullable().optional(),
  })
  .strict();

export const renamePlanBody = z.object({ name: note(64).min(1) }).strict();

export const addVersionBody = z
  .object({ effectiveMonth: monthString, plan: planPatch, note: note(500).nullable().optional() })
  .strict();

export const inForceQuery = z.object({ month: monthString }).strict();

export const createRunBody = z.object({ month: monthString, planId: z.uuid().optional() }).strict();
export const recomputeBody = z.object({ reason: note(500).min(2) }).strict();
export const commentBody = z.object({ comment: note(1000).nullable().optional() }).strict();
export const returnBody = z.object({ reason: note(1000).min(2) }).strict();

export const runQuery = z
  .object({
    version: z.coerce.number().int().min(1).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();
export const exportQuery = z.object({ version: z.coerce.number().int().min(1).optional() }).strict();

export const disputeBody = z.object({ lineId: z.uuid(), comment: note(2000).min(2) }).strict();
export const answerBody = z
  .object({ decision: z.enum(["resolve", "reject"]), answer: note(2000).min(2) })
  .strict();

export const simulationBody = z
  .object({ month: monthString, planId: z.uuid().optional(), plan: planPatch })
  .strict();
