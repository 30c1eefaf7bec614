// 薪酬方案 with versions (DOMAIN.md §7): a version is a change over the one before it, in force from
// its effective month until a later one's. Versions are never edited — runs cite them — and none may
// take effect in or before a month whose payroll is locked.
import { and, asc, count, desc, eq, gte, lte } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { conflict, DomainError, notFound } from "../../platform/errors.ts";
import { payPlans, payPlanVersions, payrollRuns, type RunWarning } from "./compensation.schema.ts";
import { validatePlan } from "./domain/payroll-input.ts";
import { type CompensationPlan, SEED_PLAN } from "./domain/plan.ts";
import { applyPlanPatch, type PlanPatch, planToJson, planWarnings } from "./domain/plan-patch.ts";

export type PlanVersionRow = typeof payPlanVersions.$inferSelect;

/** Refuses a plan the engine would refuse, naming every bad field. */
export function assertValidPlan(plan: CompensationPlan): void {
  const issues = validatePlan(plan);
  if (issues.length === 0) return;
  throw new DomainError({
    code: "invalid-plan",
    params: { detail: `${issues[0].path}: ${issues[0].message}` },
    fields: Object.fromEntries(
      issues.map((i) => [i.path, i.code === "invalid-rate" ? "invalid-rate" : "invalid-value"]),
    ),
  });
}

export const planWarningCodes = (plan: CompensationPlan): RunWarning[] =>
  planWarnings(plan).map((w) => ({ code: w.code, params: { position: w.position } }));

export function versionView(v: PlanVersionRow) {
  return {
    id: v.id,
    version: v.version,
    label: v.plan.version,
    effectiveMonth: v.effectiveMonth,
    note: v.note,
    createdByName: v.createdByName,
    createdAt: v.createdAt.toISOString(),
    plan: planToJson(v.plan),
    warnings: planWarningCodes(v.plan),
  };
}

export async function listPlans(db: Queryable, ctx: RequestContext) {
  requirePermission(ctx, "payroll.read");
  const plans = await db.select().from(payPlans).orderBy(asc(payPlans.code));
  const versions = await db.select().from(payPlanVersions).orderBy(desc(payPlanVersions.version));
  return {
    items: plans.map((p) => {
      const own = versions.filter((v) => v.planId === p.id);
      return { ...p, versions: own.length, latest: own[0] ? versionView(own[0]) : null };
    }),
  };
}

export async function getPlan(db: Queryable, ctx: RequestContext, id: string) {
  requirePermission(ctx, "payroll.read");
  const [plan] = await db.select().from(payPlans).where(eq(payPlans.id, id));
  if (!plan) throw notFound("pay plan");
  const versions = await db
    .select()
    .from(payPlanVersions)
    .where(eq(payPlanVersions.planId, id))
    .orderBy(desc(payPlanVersions.version));
  return { ...plan, versions: versions.map(versionView) };
}

/** The version in force for `month`: the latest effective month not after it (highest version first). */
export async function versionInForce(
  db: Queryable,
  planId: string,
  month: string,
): Promise<PlanVersionRow | null> {
  const [row] = await db
    .select()
    .from(payPlanVersions)
    .where(and(eq(payPlanVersions.planId, planId), lte(payPlanVersions.effectiveMonth, month)))
    .orderBy(desc(payPlanVersions.effectiveMonth), desc(payPlanVersions.version))
    .limit(1);
  return row ?? null;
}

export async function planInForce(db: Queryable, ctx: RequestContext, id: string, month: string) {
  requirePermission(ctx, "payroll.read");
  const row = await versionInForce(db, id, month);
  if (!row) throw conflict("no-plan-in-force", { month });
  return versionView(row);
}

export async function createPlan(
  db: Db,
  ctx: RequestContext,
  input: { code: string; name: string; effectiveMonth: string; plan: PlanPatch; note?: string | null },
) {
  requirePermission(ctx, "payroll.prepare");
  const plan = applyPlanPatch(SEED_PLAN, input.plan);
  plan.version = `${input.code}-v1`;
  plan.effectiveFrom = input.effectiveMonth;
  assertValidPlan(plan);
  const id = await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: payPlans.id }).from(payPlans).where(eq(payPlans.code, input.code));
    if (taken)
      throw new DomainError({ code: "plan-code-taken", status: 409, fields: { code: "plan-code-taken" } });
    const [row] = await tx
      .insert(payPlans)
      .values({ code: input.code, name: input.name, createdBy: ctx.actor.userId })
      .returning();
    const [version] = await tx
      .insert(payPlanVersions)
      .values({
        planId: row.id,
        version: 1,
        effectiveMonth: input.effectiveMonth,
        plan,
        note: input.note ?? null,
        createdBy: ctx.actor.userId,
        createdByName: ctx.actor.displayName,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "pay-plan.created",
      entityType: "pay-plan",
      entityId: row.id,
      after: { code: row.code, name: row.name, version: versionView(version) },
    });
    return row.id;
  });
  return getPlan(db, ctx, id);
}

export async function renamePlan(db: Db, ctx: RequestContext, id: string, input: { name: string }) {
  requirePermission(ctx, "payroll.prepare");
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(payPlans).where(eq(payPlans.id, id)).for("update");
    if (!before) throw notFound("pay plan");
    await tx.update(payPlans).set({ name: input.name, updatedAt: new Date() }).where(eq(payPlans.id, id));
    await recordAudit(tx, ctx, {
      action: "pay-plan.renamed",
      entityType: "pay-plan",
      entityId: id,
      before: { name: before.name },
      after: { name: input.name },
    });
  });
  return getPlan(db, ctx, id);
}

/** Only a plan no payroll run has used can go; afterwards its versions are the record. */
export async function deletePlan(db: Db, ctx: RequestContext, id: string) {
  requirePermission(ctx, "payroll.prepare");
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(payPlans).where(eq(payPlans.id, id)).for("update");
    if (!before) throw notFound("pay plan");
    const [{ n }] = await tx.select({ n: count() }).from(payrollRuns).where(eq(payrollRuns.planId, id));
    if (n > 0) throw conflict("plan-in-use");
    await tx.delete(payPlanVersions).where(eq(payPlanVersions.planId, id));
    await tx.delete(payPlans).where(eq(payPlans.id, id));
    await recordAudit(tx, ctx, { action: "pay-plan.deleted", entityType: "pay-plan", entityId: id, before });
  });
  return { ok: true };
}

export async function addPlanVersion(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { effectiveMonth: string; plan: PlanPatch; note?: string | null },
) {
  requirePermission(ctx, "payroll.prepare");
  const created = await db.transaction(async (tx) => {
    const [plan] = await tx.select().from(payPlans).where(eq(payPlans.id, id)).for("update");
    if (!plan) throw notFound("pay plan");
    const [latest] = await tx
      .select()
      .from(payPlanVersions)
      .where(eq(payPlanVersions.planId, id))
      .orderBy(desc(payPlanVersions.version))
      .limit(1);
    if (input.effectiveMonth < latest.effectiveMonth)
      throw conflict("plan-month-before-latest", { latest: latest.effectiveMonth });
    const [locked] = await tx
      .select({ month: payrollRuns.month })
      .from(payrollRuns)
      .where(
        and(
          eq(payrollRuns.planId, id),
          eq(payrollRuns.status, "locked"),
          gte(payrollRuns.month, input.effectiveMonth),
        ),
      )
      .orderBy(desc(payrollRuns.month))
      .limit(1);
    if (locked) throw conflict("plan-month-locked", { month: locked.month });
    const next = applyPlanPatch(latest.plan, input.plan);
    next.version = `${plan.code}-v${latest.version + 1}`;
    next.effectiveFrom = input.effectiveMonth;
    assertValidPlan(next);
    const [version] = await tx
      .insert(payPlanVersions)
      .values({
        planId: id,
        version: latest.version + 1,
        effectiveMonth: input.effectiveMonth,
        plan: next,
        note: input.note ?? null,
        createdBy: ctx.actor.userId,
        createdByName: ctx.actor.displayName,
      })
      .returning();
    // Runs not yet locked for these months were computed under the old version: they need a recompute.
    const affected = await tx
      .select({ month: payrollRuns.month })
      .from(payrollRuns)
      .where(and(eq(payrollRuns.planId, id), gte(payrollRuns.month, input.effectiveMonth)))
      .orderBy(asc(payrollRuns.month));
    await recordAudit(tx, ctx, {
      action: "pay-plan.version-added",
      entityType: "pay-plan",
      entityId: id,
      before: versionView(latest),
      after: versionView(version),
    });
    return { version: versionView(version), runsToRecompute: affected.map((r) => r.month) };
  });
  return created;
}
