import { bigint, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { CompensationPlan } from "./domain/plan.ts";
import type { RunStatus } from "./domain/run-state.ts";

// 薪酬方案: a plan and its versions. A version holds the engine's whole plan object and is in force
// from its effective month until a later version's; versions are never edited, since runs cite them.
export const payPlans = pgTable("pay_plans", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  createdBy: uuid("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export const payPlanVersions = pgTable(
  "pay_plan_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => payPlans.id),
    version: integer("version").notNull(),
    /** YYYY-MM */
    effectiveMonth: text("effective_month").notNull(),
    plan: jsonb("plan").$type<CompensationPlan>().notNull(),
    note: text("note"),
    createdBy: uuid("created_by"),
    createdByName: text("created_by_name").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [unique("pay_plan_versions_plan_version_uq").on(t.planId, t.version)],
);

// One payroll run per month. Each computation is a version with its own statements and lines; the
// run points at the current one. Who computed, prepared, reviewed and approved is kept for
// maker–checker; once locked nothing of the run changes.
export const payrollRuns = pgTable("payroll_runs", {
  id: uuid("id").primaryKey().defaultRandom(),
  month: text("month").notNull().unique(),
  planId: uuid("plan_id")
    .notNull()
    .references(() => payPlans.id),
  status: text("status").$type<RunStatus>().notNull(),
  currentVersion: integer("current_version").notNull(),
  preparedBy: uuid("prepared_by"),
  preparedByName: text("prepared_by_name").notNull(),
  reviewedBy: uuid("reviewed_by"),
  reviewedByName: text("reviewed_by_name"),
  reviewedAt: timestamp("reviewed_at", { withTimezone: true, mode: "date" }),
  approvedBy: uuid("approved_by"),
  approvedByName: text("approved_by_name"),
  approvedAt: timestamp("approved_at", { withTimezone: true, mode: "date" }),
  lockedBy: uuid("locked_by"),
  lockedByName: text("locked_by_name"),
  lockedAt: timestamp("locked_at", { withTimezone: true, mode: "date" }),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export type RunWarning = { code: string; params: Record<string, string | number> };

export const payrollRunVersions = pgTable(
  "payroll_run_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    runId: uuid("run_id")
      .notNull()
      .references(() => payrollRuns.id),
    version: integer("version").notNull(),
    planVersionId: uuid("plan_version_id")
      .notNull()
      .references(() => payPlanVersions.id),
    reason: text("reason"),
    computedBy: uuid("computed_by"),
    computedByName: text("computed_by_name").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    headcount: integer("headcount").notNull(),
    loanCount: integer("loan_count").notNull(),
    principal: bigint("principal_fen", { mode: "number" }).notNull(),
    total: bigint("total_fen", { mode: "number" }).notNull(),
    warnings: jsonb("warnings").$type<RunWarning[]>().notNull(),
  },
  (t) => [unique("payroll_run_versions_run_version_uq").on(t.runId, t.version)],
);

export const payrollStatements = pgTable(
  "payroll_statements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    runId: uuid("run_id").notNull(),
    runVersionId: uuid("run_version_id")
      .notNull()
      .references(() => payrollRunVersions.id),
    seq: integer("seq").notNull(),
    staffId: uuid("staff_id").notNull(),
    userId: uuid("user_id"),
    employeeNo: text("employee_no").notNull(),
    name: text("name").notNull(),
    position: text("position").notNull(),
    departmentName: text("department_name"),
    managerStaffId: uuid("manager_staff_id"),
    joinedOn: text("joined_on").notNull(),
    leftOn: text("left_on"),
    stage: text("stage").notNull(),
    loanCount: integer("loan_count").notNull(),
    annualized: bigint("annualized_fen", { mode: "number" }).notNull(),
    target: bigint("target_fen", { mode: "number" }),
    baseSalary: bigint("base_salary_fen", { mode: "number" }).notNull(),
    deduction: bigint("deduction_fen", { mode: "number" }).notNull(),
    commission: bigint("commission_fen", { mode: "number" }).notNull(),
    managementCommission: bigint("management_commission_fen", { mode: "number" }).notNull(),
    total: bigint("total_fen", { mode: "number" }).notNull(),
    warnings: jsonb("warnings").$type<{ code: string; zh: string; en: string }[]>().notNull(),
  },
  (t) => [
    index("payroll_statements_version_idx").on(t.runVersionId, t.seq),
    index("payroll_statements_user_idx").on(t.userId),
  ],
);

export const payrollLines = pgTable(
  "payroll_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    statementId: uuid("statement_id").notNull(),
    seq: integer("seq").notNull(),
    code: text("code").notNull(),
    amount: bigint("amount_fen", { mode: "number" }).notNull(),
    explanationZh: text("explanation_zh").notNull(),
    explanationEn: text("explanation_en").notNull(),
  },
  (t) => [index("payroll_lines_statement_idx").on(t.statementId, t.seq)],
);

// A person questions a line of their statement; HR answers (resolved / rejected). Approval waits
// until no dispute on the run is open.
export const payrollDisputes = pgTable(
  "payroll_disputes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    runId: uuid("run_id")
      .notNull()
      .references(() => payrollRuns.id),
    statementId: uuid("statement_id").notNull(),
    lineId: uuid("line_id").notNull(),
    raisedBy: uuid("raised_by").notNull(),
    raisedByName: text("raised_by_name").notNull(),
    comment: text("comment").notNull(),
    status: text("status").$type<"open" | "resolved" | "rejected">().notNull().default("open"),
    answer: text("answer"),
    answeredBy: uuid("answered_by"),
    answeredByName: text("answered_by_name"),
    answeredAt: timestamp("answered_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("payroll_disputes_run_idx").on(t.runId),
    index("payroll_disputes_statement_idx").on(t.statementId),
  ],
);
