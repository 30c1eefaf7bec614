// Writing one computed version of a payroll run: the version row, a statement per person and every
// line with its explanation, in batches (a run over ten thousand people is forty thousand lines).
import { randomUUID } from "node:crypto";
import { and, type Column, eq, getTableColumns, sql, type Table } from "drizzle-orm";
import type { RequestContext } from "../../platform/auth/actor.ts";
import type { Queryable, Tx } from "../../platform/db.ts";
import { notFound } from "../../platform/errors.ts";
import { type Fen, fen } from "../../platform/money.ts";
import {
  payrollLines,
  payrollRuns,
  payrollRunVersions,
  payrollStatements,
  type RunWarning,
} from "./compensation.schema.ts";
import type { PayrollResult } from "./domain/payroll.ts";
import type { PayrollFacts } from "./payroll-input.service.ts";
import { type PlanVersionRow, planWarningCodes } from "./plans.service.ts";

export type RunRow = typeof payrollRuns.$inferSelect;
export type RunVersionRow = typeof payrollRunVersions.$inferSelect;

/**
 * Many rows in few statements: the rows travel as one JSON parameter per batch and the database
 * unpacks them (json_to_recordset). Multi-row VALUES with a bind parameter per field was the
 * slowest part of a 10,000-person run.
 */
async function insertRows<T extends Table>(tx: Tx, table: T, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, Column>;
  const keys = Object.keys(rows[0]);
  const names = keys.map((k) => `"${columns[k].name}"`).join(", ");
  const types = keys.map((k) => `"${columns[k].name}" ${columns[k].getSQLType()}`).join(", ");
  for (let i = 0; i < rows.length; i += 10_000) {
    const batch = rows
      .slice(i, i + 10_000)
      .map((r) => Object.fromEntries(keys.map((k) => [columns[k].name, r[k]])));
    await tx.execute(
      sql`insert into ${table} (${sql.raw(names)}) select ${sql.raw(names)} from json_to_recordset(${JSON.stringify(batch)}::json) as x(${sql.raw(types)})`,
    );
  }
}

export async function storeVersion(
  tx: Tx,
  ctx: RequestContext,
  options: {
    runId: string;
    version: number;
    planVersion: PlanVersionRow;
    facts: PayrollFacts;
    result: PayrollResult;
    reason: string | null;
  },
): Promise<RunVersionRow> {
  const { runId, facts, result } = options;
  const total = fen(result.statements.reduce((sum, s) => sum + s.total, 0));
  const warnings: RunWarning[] = [...planWarningCodes(options.planVersion.plan), ...facts.warnings];
  const [version] = await tx
    .insert(payrollRunVersions)
    .values({
      runId,
      version: options.version,
      planVersionId: options.planVersion.id,
      reason: options.reason,
      computedBy: ctx.actor.userId,
      computedByName: ctx.actor.displayName,
      headcount: result.statements.length,
      loanCount: facts.loanCount,
      principal: facts.principal,
      total,
      warnings,
    })
    .returning();
  const statements: Required<typeof payrollStatements.$inferInsert>[] = [];
  const lines: Required<typeof payrollLines.$inferInsert>[] = [];
  const managers = new Map(facts.staff.map((p) => [p.id, p.managerId]));
  result.statements.forEach((s, seq) => {
    const person = facts.people.get(s.staffId);
    if (!person) throw new Error(`statement for unknown staff ${s.staffId}`);
    const id = randomUUID();
    statements.push({
      id,
      runId,
      runVersionId: version.id,
      seq,
      staffId: s.staffId,
      userId: person.userId,
      employeeNo: person.employeeNo,
      name: person.name,
      position: s.position,
      departmentName: person.departmentName,
      managerStaffId: managers.get(s.staffId) ?? null,
      joinedOn: person.joinedOn,
      leftOn: person.leftOn,
      stage: s.stage,
      loanCount: person.loanCount,
      annualized: s.annualizedPerformance,
      target: s.target,
      baseSalary: s.baseSalary,
      deduction: s.deduction,
      commission: s.commission,
      managementCommission: s.managementCommission,
      total: s.total,
      warnings: s.warnings.map((w) => ({ code: w.code, zh: w.message["zh-CN"], en: w.message["en-US"] })),
    });
    for (const [i, l] of s.lines.entries())
      lines.push({
        id: randomUUID(),
        statementId: id,
        seq: i,
        code: l.code,
        amount: l.amount,
        explanationZh: l.explanation["zh-CN"],
        explanationEn: l.explanation["en-US"],
      });
  });
  await insertRows(tx, payrollStatements, statements);
  await insertRows(tx, payrollLines, lines);
  return version;
}

export async function loadRun(db: Queryable, id: string, options: { lock?: boolean } = {}): Promise<RunRow> {
  const query = db.select().from(payrollRuns).where(eq(payrollRuns.id, id));
  const [row] = options.lock ? await query.for("update") : await query;
  if (!row) throw notFound("payroll run");
  return row;
}

export async function versionOf(
  db: Queryable,
  run: RunRow,
  version = run.currentVersion,
): Promise<RunVersionRow> {
  const [row] = await db
    .select()
    .from(payrollRunVersions)
    .where(and(eq(payrollRunVersions.runId, run.id), eq(payrollRunVersions.version, version)));
  if (!row) throw notFound("payroll run version");
  return row;
}

export const totalOf = (rows: { total: number }[]): Fen => fen(rows.reduce((s, r) => s + r.total, 0));
