// Reading payroll runs: the list, one run with any of its versions, a statement with its lines and
// disputes — and a person's own statements, which they see once HR has reviewed the run.
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { auditHistory } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Queryable } from "../../platform/db.ts";
import { notFound } from "../../platform/errors.ts";
import type { Locale } from "../../platform/messages.ts";
import { formatAmount } from "../../platform/money.ts";
import {
  payPlans,
  payPlanVersions,
  payrollDisputes,
  payrollLines,
  payrollRuns,
  payrollRunVersions,
  payrollStatements,
} from "./compensation.schema.ts";
import { loadRun, versionOf } from "./payroll-store.ts";
import { warningViews } from "./warnings.ts";

type StatementRow = typeof payrollStatements.$inferSelect;
type LineRow = typeof payrollLines.$inferSelect;
type DisputeRow = typeof payrollDisputes.$inferSelect;

/** A person sees their statement once HR has reviewed the run. */
export const VISIBLE_TO_STAFF = ["reviewed", "approved", "locked"] as const;

const money = (v: number | null) => (v === null ? null : formatAmount(v));

export function statementView(s: StatementRow, locale: Locale) {
  return {
    id: s.id,
    staffId: s.staffId,
    employeeNo: s.employeeNo,
    name: s.name,
    position: s.position,
    departmentName: s.departmentName,
    joinedOn: s.joinedOn,
    leftOn: s.leftOn,
    stage: s.stage,
    loanCount: s.loanCount,
    annualizedPerformance: formatAmount(s.annualized),
    target: money(s.target),
    baseSalary: formatAmount(s.baseSalary),
    deduction: formatAmount(s.deduction),
    commission: formatAmount(s.commission),
    managementCommission: formatAmount(s.managementCommission),
    total: formatAmount(s.total),
    warnings: s.warnings.map((w) => (locale === "en-US" ? w.en : w.zh)),
  };
}

export const lineView = (l: LineRow, locale: Locale) => ({
  id: l.id,
  code: l.code,
  amount: formatAmount(l.amount),
  explanation: locale === "en-US" ? l.explanationEn : l.explanationZh,
  explanationZh: l.explanationZh,
  explanationEn: l.explanationEn,
});

export const disputeView = (d: DisputeRow) => ({
  id: d.id,
  statementId: d.statementId,
  lineId: d.lineId,
  raisedByName: d.raisedByName,
  comment: d.comment,
  status: d.status,
  answer: d.answer,
  answeredByName: d.answeredByName,
  answeredAt: d.answeredAt?.toISOString() ?? null,
  createdAt: d.createdAt.toISOString(),
});

export async function listRuns(db: Queryable, ctx: RequestContext) {
  requirePermission(ctx, "payroll.read");
  const rows = await db
    .select({ run: payrollRuns, version: payrollRunVersions, planCode: payPlans.code })
    .from(payrollRuns)
    .innerJoin(
      payrollRunVersions,
      and(
        eq(payrollRunVersions.runId, payrollRuns.id),
        eq(payrollRunVersions.version, payrollRuns.currentVersion),
      ),
    )
    .innerJoin(payPlans, eq(payPlans.id, payrollRuns.planId))
    .orderBy(desc(payrollRuns.month));
  const open = await db
    .select({ runId: payrollDisputes.runId, n: count() })
    .from(payrollDisputes)
    .where(eq(payrollDisputes.status, "open"))
    .groupBy(payrollDisputes.runId);
  return {
    items: rows.map(({ run, version, planCode }) => ({
      id: run.id,
      month: run.month,
      status: run.status,
      planCode,
      version: run.currentVersion,
      headcount: version.headcount,
      loanCount: version.loanCount,
      total: formatAmount(version.total),
      warnings: version.warnings.length,
      openDisputes: open.find((o) => o.runId === run.id)?.n ?? 0,
      preparedByName: run.preparedByName,
      approvedByName: run.approvedByName,
      lockedAt: run.lockedAt?.toISOString() ?? null,
    })),
  };
}

export async function getRun(
  db: Queryable,
  ctx: RequestContext,
  id: string,
  options: { version?: number; page: number; pageSize: number; locale: Locale },
) {
  requirePermission(ctx, "payroll.read");
  const run = await loadRun(db, id);
  const shown = await versionOf(db, run, options.version ?? run.currentVersion);
  const [plan] = await db.select().from(payPlans).where(eq(payPlans.id, run.planId));
  const [planVersion] = await db
    .select()
    .from(payPlanVersions)
    .where(eq(payPlanVersions.id, shown.planVersionId));
  const versions = await db
    .select()
    .from(payrollRunVersions)
    .where(eq(payrollRunVersions.runId, id))
    .orderBy(asc(payrollRunVersions.version));
  const [totals] = await db
    .select({
      baseSalary: sql<string>`sum(${payrollStatements.baseSalary})::text`,
      deduction: sql<string>`sum(${payrollStatements.deduction})::text`,
      commission: sql<string>`sum(${payrollStatements.commission})::text`,
      managementCommission: sql<string>`sum(${payrollStatements.managementCommission})::text`,
      annualized: sql<string>`sum(${payrollStatements.annualized})::text`,
    })
    .from(payrollStatements)
    .where(eq(payrollStatements.runVersionId, shown.id));
  const statements = await db
    .select()
    .from(payrollStatements)
    .where(eq(payrollStatements.runVersionId, shown.id))
    .orderBy(asc(payrollStatements.seq))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  const disputes = await db
    .select()
    .from(payrollDisputes)
    .where(eq(payrollDisputes.runId, id))
    .orderBy(desc(payrollDisputes.createdAt));
  const sum = (v: string | null) => formatAmount(Number(v ?? 0));
  return {
    id: run.id,
    month: run.month,
    status: run.status,
    currentVersion: run.currentVersion,
    version: shown.version,
    plan: { id: plan.id, code: plan.code, name: plan.name },
    planVersion: {
      id: planVersion.id,
      version: planVersion.version,
      label: planVersion.plan.version,
      effectiveMonth: planVersion.effectiveMonth,
    },
    preparedByName: run.preparedByName,
    reviewedByName: run.reviewedByName,
    reviewedAt: run.reviewedAt?.toISOString() ?? null,
    approvedByName: run.approvedByName,
    approvedAt: run.approvedAt?.toISOString() ?? null,
    lockedByName: run.lockedByName,
    lockedAt: run.lockedAt?.toISOString() ?? null,
    totals: {
      headcount: shown.headcount,
      loanCount: shown.loanCount,
      principal: formatAmount(shown.principal),
      annualizedPerformance: sum(totals.annualized),
      baseSalary: sum(totals.baseSalary),
      deduction: sum(totals.deduction),
      commission: sum(totals.commission),
      managementCommission: sum(totals.managementCommission),
      total: formatAmount(shown.total),
    },
    warnings: warningViews(shown.warnings, options.locale),
    versions: versions.map((v) => ({
      version: v.version,
      computedByName: v.computedByName,
      computedAt: v.computedAt.toISOString(),
      reason: v.reason,
      headcount: v.headcount,
      total: formatAmount(v.total),
    })),
    statements: { total: shown.headcount, items: statements.map((s) => statementView(s, options.locale)) },
    disputes: disputes.map(disputeView),
    timeline: await auditHistory(db, { entityType: "payroll-run", entityId: id }),
  };
}

async function statementWithLines(
  db: Queryable,
  statement: StatementRow,
  locale: Locale,
  disputeOwner?: string,
) {
  const [lines, disputes, [runVersion]] = await Promise.all([
    db
      .select()
      .from(payrollLines)
      .where(eq(payrollLines.statementId, statement.id))
      .orderBy(asc(payrollLines.seq)),
    db
      .select()
      .from(payrollDisputes)
      .where(
        and(
          eq(payrollDisputes.statementId, statement.id),
          disputeOwner ? eq(payrollDisputes.raisedBy, disputeOwner) : undefined,
        ),
      )
      .orderBy(asc(payrollDisputes.createdAt)),
    db.select().from(payrollRunVersions).where(eq(payrollRunVersions.id, statement.runVersionId)),
  ]);
  const run = await loadRun(db, statement.runId);
  return {
    ...statementView(statement, locale),
    runId: run.id,
    month: run.month,
    runStatus: run.status,
    version: runVersion.version,
    current: runVersion.version === run.currentVersion,
    lines: lines.map((l) => lineView(l, locale)),
    disputes: disputes.map(disputeView),
  };
}

export async function getStatement(db: Queryable, ctx: RequestContext, id: string, locale: Locale) {
  requirePermission(ctx, "payroll.read");
  const [statement] = await db.select().from(payrollStatements).where(eq(payrollStatements.id, id));
  if (!statement) throw notFound("pay statement");
  return statementWithLines(db, statement, locale);
}

/** The caller's statements of current versions of runs HR has reviewed, newest month first. */
async function ownStatements(db: Queryable, ctx: RequestContext, statementId?: string) {
  requirePermission(ctx, "payroll.own");
  if (!ctx.actor.userId) return [];
  return db
    .select({ statement: payrollStatements, month: payrollRuns.month, status: payrollRuns.status })
    .from(payrollStatements)
    .innerJoin(payrollRunVersions, eq(payrollRunVersions.id, payrollStatements.runVersionId))
    .innerJoin(
      payrollRuns,
      and(
        eq(payrollRuns.id, payrollRunVersions.runId),
        eq(payrollRuns.currentVersion, payrollRunVersions.version),
      ),
    )
    .where(
      and(
        eq(payrollStatements.userId, ctx.actor.userId),
        inArray(payrollRuns.status, [...VISIBLE_TO_STAFF]),
        statementId ? eq(payrollStatements.id, statementId) : undefined,
      ),
    )
    .orderBy(desc(payrollRuns.month));
}

export async function myStatements(db: Queryable, ctx: RequestContext, locale: Locale) {
  const rows = await ownStatements(db, ctx);
  return {
    items: rows.map(({ statement, month, status }) => ({
      ...statementView(statement, locale),
      month,
      runStatus: status,
    })),
  };
}

export async function myStatement(db: Queryable, ctx: RequestContext, id: string, locale: Locale) {
  const [row] = await ownStatements(db, ctx, id);
  if (!row) throw notFound("pay statement");
  return statementWithLines(db, row.statement, locale, ctx.actor.userId as string);
}
