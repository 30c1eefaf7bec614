// What-if: the same month — the same org and loans — under the plan in force and under a changed
// one, person by person. Nothing is written.
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Queryable } from "../../platform/db.ts";
import { conflict, invalid } from "../../platform/errors.ts";
import type { Locale } from "../../platform/messages.ts";
import { formatAmount } from "../../platform/money.ts";
import { payPlans } from "./compensation.schema.ts";
import { applyPlanPatch, type PlanPatch } from "./domain/plan-patch.ts";
import { comparePayrolls } from "./domain/simulation.ts";
import { payrollFacts, runEngine } from "./payroll-input.service.ts";
import { assertValidPlan, planWarningCodes, versionInForce } from "./plans.service.ts";
import { warningViews } from "./warnings.ts";

const figures = (f: Record<string, number>) =>
  Object.fromEntries(Object.entries(f).map(([k, v]) => [k, formatAmount(v)]));

export async function simulatePayroll(
  db: Queryable,
  ctx: RequestContext,
  input: { month: string; planId?: string; plan: PlanPatch; locale: Locale },
) {
  requirePermission(ctx, "payroll.read");
  let planId = input.planId;
  if (!planId) {
    const plans = await db.select({ id: payPlans.id }).from(payPlans).limit(2);
    if (plans.length !== 1) throw invalid({ planId: "plan-required" }, "plan-required");
    planId = plans[0].id;
  }
  const version = await versionInForce(db, planId, input.month);
  if (!version) throw conflict("no-plan-in-force", { month: input.month });
  const modified = applyPlanPatch(version.plan, input.plan);
  assertValidPlan(modified);
  const facts = await payrollFacts(db, input.month);
  const diff = comparePayrolls(runEngine(facts, version.plan), runEngine(facts, modified));
  return {
    month: input.month,
    planVersion: { id: version.id, label: version.plan.version, effectiveMonth: version.effectiveMonth },
    warnings: {
      current: warningViews([...planWarningCodes(version.plan), ...facts.warnings], input.locale),
      simulated: warningViews([...planWarningCodes(modified), ...facts.warnings], input.locale),
    },
    totals: {
      current: figures(diff.totals.current),
      simulated: figures(diff.totals.simulated),
      difference: figures(diff.totals.difference),
    },
    people: diff.people.map((p) => {
      const person = facts.people.get(p.staffId);
      return {
        staffId: p.staffId,
        employeeNo: person?.employeeNo ?? null,
        name: person?.name ?? null,
        position: person?.position ?? null,
        current: figures(p.current),
        simulated: figures(p.simulated),
        difference: figures(p.difference),
      };
    }),
  };
}
