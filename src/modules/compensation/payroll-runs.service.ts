// The monthly payroll run (DOMAIN.md §7): computed by the engine from the org at month end, the
// month's loans and the plan in force; reviewed by HR; approved and locked by someone who neither
// computed, prepared nor reviewed it. Recomputing before the lock keeps the old version and makes a
// new one; after the lock nothing changes.
import { and, count, eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Tx } from "../../platform/db.ts";
import { conflict, DomainError, invalid } from "../../platform/errors.ts";
import { formatAmount } from "../../platform/money.ts";
import { businessToday } from "../staff/staff-store.ts";
import { payPlans, payrollDisputes, payrollRuns } from "./compensation.schema.ts";
import { checkRunTransition, type RunAction } from "./domain/run-state.ts";
import { payrollFacts, runEngine } from "./payroll-input.service.ts";
import { loadRun, type RunRow, storeVersion, versionOf } from "./payroll-store.ts";
import { versionInForce } from "./plans.service.ts";

/** The plan a run uses: the one named, else the only plan there is. */
async function resolvePlanId(tx: Tx, planId: string | undefined): Promise<string> {
  if (planId) {
    const [plan] = await tx.select({ id: payPlans.id }).from(payPlans).where(eq(payPlans.id, planId));
    if (!plan) throw invalid({ planId: "invalid-value" });
    return plan.id;
  }
  const plans = await tx.select({ id: payPlans.id }).from(payPlans).limit(2);
  if (plans.length === 1) return plans[0].id;
  if (plans.length === 0) throw conflict("no-plan-in-force", { month: "—" });
  throw invalid({ planId: "plan-required" }, "plan-required");
}

async function compute(
  tx: Tx,
  ctx: RequestContext,
  options: { run: RunRow; version: number; reason: string | null },
) {
  const planVersion = await versionInForce(tx, options.run.planId, options.run.month);
  if (!planVersion) throw conflict("no-plan-in-force", { month: options.run.month });
  const facts = await payrollFacts(tx, options.run.month);
  const result = runEngine(facts, planVersion.plan);
  return storeVersion(tx, ctx, {
    runId: options.run.id,
    version: options.version,
    planVersion,
    facts,
    result,
    reason: options.reason,
  });
}

const summary = (v: { version: number; headcount: number; total: number; loanCount: number }) => ({
  version: v.version,
  headcount: v.headcount,
  loanCount: v.loanCount,
  total: formatAmount(v.total),
});

export async function createRun(db: Db, ctx: RequestContext, input: { month: string; planId?: string }) {
  requirePermission(ctx, "payroll.prepare");
  const current = (await businessToday(db)).slice(0, 7);
  if (input.month > current) throw conflict("payroll-month-in-future", { month: current });
  return db.transaction(async (tx) => {
    // One run per month, even when two people press the button together.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`payroll-run:${input.month}`}))`);
    const [existing] = await tx
      .select({ id: payrollRuns.id })
      .from(payrollRuns)
      .where(eq(payrollRuns.month, input.month));
    if (existing) throw conflict("payroll-run-exists", { month: input.month });
    const planId = await resolvePlanId(tx, input.planId);
    const [run] = await tx
      .insert(payrollRuns)
      .values({
        month: input.month,
        planId,
        status: "draft",
        currentVersion: 1,
        preparedBy: ctx.actor.userId,
        preparedByName: ctx.actor.displayName,
      })
      .returning();
    const version = await compute(tx, ctx, { run, version: 1, reason: null });
    await recordAudit(tx, ctx, {
      action: "payroll.computed",
      entityType: "payroll-run",
      entityId: run.id,
      after: { month: run.month, ...summary(version) },
    });
    return { id: run.id, month: run.month, status: run.status, ...summary(version) };
  });
}

function assertAction(ctx: RequestContext, run: RunRow, action: RunAction, makers: (string | null)[]) {
  const check = checkRunTransition({
    action,
    status: run.status,
    permissions: ctx.actor.permissions,
    actorId: ctx.actor.userId,
    makers,
  });
  if (check.ok) return check.to;
  if (check.reason === "forbidden") throw new DomainError({ code: "forbidden", status: 403 });
  if (check.reason === "maker-checker") throw new DomainError({ code: "payroll-maker-checker", status: 409 });
  throw new DomainError({ code: "payroll-wrong-status", status: 409, params: { status: run.status } });
}

export async function recomputeRun(db: Db, ctx: RequestContext, id: string, input: { reason: string }) {
  requirePermission(ctx, "payroll.prepare");
  return db.transaction(async (tx) => {
    const run = await loadRun(tx, id, { lock: true });
    const to = assertAction(ctx, run, "recompute", []);
    const next = run.currentVersion + 1;
    const version = await compute(tx, ctx, { run, version: next, reason: input.reason });
    await tx
      .update(payrollRuns)
      .set({
        status: to,
        currentVersion: next,
        reviewedBy: null,
        reviewedByName: null,
        reviewedAt: null,
        approvedBy: null,
        approvedByName: null,
        approvedAt: null,
        updatedAt: new Date(),
      })
      .where(eq(payrollRuns.id, id));
    await recordAudit(tx, ctx, {
      action: "payroll.recomputed",
      entityType: "payroll-run",
      entityId: id,
      before: { status: run.status, version: run.currentVersion },
      after: { status: to, reason: input.reason, ...summary(version) },
    });
    return { id, month: run.month, status: to, ...summary(version) };
  });
}

const STAMP: Record<Exclude<RunAction, "recompute">, (ctx: RequestContext) => Partial<RunRow>> = {
  review: (ctx) => ({
    reviewedBy: ctx.actor.userId,
    reviewedByName: ctx.actor.displayName,
    reviewedAt: new Date(),
  }),
  approve: (ctx) => ({
    approvedBy: ctx.actor.userId,
    approvedByName: ctx.actor.displayName,
    approvedAt: new Date(),
  }),
  lock: (ctx) => ({ lockedBy: ctx.actor.userId, lockedByName: ctx.actor.displayName, lockedAt: new Date() }),
  return: () => ({
    reviewedBy: null,
    reviewedByName: null,
    reviewedAt: null,
    approvedBy: null,
    approvedByName: null,
    approvedAt: null,
  }),
};

const AUDIT_ACTION = {
  review: "payroll.reviewed",
  approve: "payroll.approved",
  return: "payroll.returned",
  lock: "payroll.locked",
} as const;

/** review (HR), approve / return / lock (an approver who neither computed, prepared nor reviewed). */
export async function moveRun(
  db: Db,
  ctx: RequestContext,
  id: string,
  options: { action: Exclude<RunAction, "recompute">; comment?: string | null },
) {
  return db.transaction(async (tx) => {
    const run = await loadRun(tx, id, { lock: true });
    const version = await versionOf(tx, run);
    const to = assertAction(ctx, run, options.action, [run.preparedBy, run.reviewedBy, version.computedBy]);
    // A run is approved, and locked for good, only once HR has answered every dispute on it (one
    // may be raised after the approval: people see their statement from the review on).
    if (options.action === "approve" || options.action === "lock") {
      const [{ open }] = await tx
        .select({ open: count() })
        .from(payrollDisputes)
        .where(and(eq(payrollDisputes.runId, id), eq(payrollDisputes.status, "open")));
      if (open > 0)
        throw conflict(options.action === "lock" ? "payroll-open-disputes-lock" : "payroll-open-disputes", {
          count: open,
        });
    }
    await tx
      .update(payrollRuns)
      .set({ status: to, ...STAMP[options.action](ctx), updatedAt: new Date() })
      .where(and(eq(payrollRuns.id, id), eq(payrollRuns.status, run.status)));
    await recordAudit(tx, ctx, {
      action: AUDIT_ACTION[options.action],
      entityType: "payroll-run",
      entityId: id,
      before: { status: run.status },
      after: { status: to, version: run.currentVersion, comment: options.comment ?? null },
    });
    return { id, month: run.month, status: to, version: run.currentVersion };
  });
}
