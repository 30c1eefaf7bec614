// A plan version is written as a change over the version before it (or the seed plan): only the
// fields given change, so "set the team-manager rate to 0.5%" does not restate the whole table. The
// same patch drives the what-if simulator. Amounts here are 分; the API speaks decimal strings.
import { formatAmount } from "../../../platform/money.ts";
import {
  type CompensationPlan,
  type ManagerPosition,
  POSITIONS,
  type Position,
  type PositionRule,
  type RateText,
  type TeamScope,
} from "./plan.ts";

type RulePatch = Partial<PositionRule>;

export type PlanPatch = {
  positions?: Partial<Record<Position, RulePatch>>;
  /** null clears a rate (back to blank: 0 with a warning). */
  managementRate?: Partial<Record<ManagerPosition, RateText | null>>;
  managementScope?: Partial<Record<ManagerPosition, TeamScope>>;
  includeOwnInTeamTotal?: boolean;
  newEmployee?: {
    positions?: Position[];
    probation?: Partial<CompensationPlan["newEmployee"]["probation"]>;
    firstMonth?: RulePatch;
  };
  proration?: { enabled?: boolean };
  performance?: { capAtPrincipalOverOneYear?: boolean };
  clawback?: Partial<CompensationPlan["clawback"]>;
};

const defined = <T extends object>(value: T | undefined): Partial<T> =>
  Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;

/** `base` with the patch applied; `base` itself is never changed. Validity is checked by validatePlan. */
export function applyPlanPatch(base: CompensationPlan, patch: PlanPatch): CompensationPlan {
  const plan: CompensationPlan = structuredClone(base);
  for (const position of POSITIONS)
    plan.positions[position] = { ...plan.positions[position], ...defined(patch.positions?.[position]) };
  for (const [position, rate] of Object.entries(patch.managementRate ?? {})) {
    if (rate === null) delete plan.managementRate[position as ManagerPosition];
    else if (rate !== undefined) plan.managementRate[position as ManagerPosition] = rate.trim();
  }
  plan.managementScope = { ...plan.managementScope, ...defined(patch.managementScope) };
  if (patch.includeOwnInTeamTotal !== undefined) plan.includeOwnInTeamTotal = patch.includeOwnInTeamTotal;
  const ne = patch.newEmployee;
  if (ne?.positions) plan.newEmployee.positions = [...ne.positions];
  plan.newEmployee.probation = { ...plan.newEmployee.probation, ...defined(ne?.probation) };
  plan.newEmployee.firstMonth = { ...plan.newEmployee.firstMonth, ...defined(ne?.firstMonth) };
  plan.proration = { ...plan.proration, ...defined(patch.proration) };
  plan.performance = { ...plan.performance, ...defined(patch.performance) };
  plan.clawback = { ...plan.clawback, ...defined(patch.clawback) };
  return plan;
}

const ruleJson = (rule: PositionRule) => ({
  monthlyTarget: formatAmount(rule.monthlyTarget),
  baseSalary: formatAmount(rule.baseSalary),
  commissionRate: rule.commissionRate,
  missedDeduction: formatAmount(rule.missedDeduction),
  zeroDeduction: formatAmount(rule.zeroDeduction),
});

/** The plan as the API shows it: amounts as decimal strings, rates as given. */
export function planToJson(plan: CompensationPlan) {
  return {
    positions: Object.fromEntries(POSITIONS.map((p) => [p, ruleJson(plan.positions[p])])) as Record<
      Position,
      ReturnType<typeof ruleJson>
    >,
    managementRate: { ...plan.managementRate },
    managementScope: { ...plan.managementScope },
    includeOwnInTeamTotal: plan.includeOwnInTeamTotal,
    newEmployee: {
      positions: [...plan.newEmployee.positions],
      probation: {
        baseSalary: formatAmount(plan.newEmployee.probation.baseSalary),
        commissionRate: plan.newEmployee.probation.commissionRate,
      },
      firstMonth: ruleJson(plan.newEmployee.firstMonth),
    },
    proration: { ...plan.proration },
    performance: { ...plan.performance },
    clawback: { ...plan.clawback },
  };
}

export type PlanJson = ReturnType<typeof planToJson>;

export type PlanWarning = { code: "missing-management-rate"; position: ManagerPosition };

/** What a plan leaves blank: the seed plan has no management-commission rates (DOMAIN.md §7). */
export function planWarnings(plan: CompensationPlan): PlanWarning[] {
  return (["team-manager", "sales-director"] as const)
    .filter((position) => plan.managementRate[position] === undefined)
    .map((position) => ({ code: "missing-management-rate", position }));
}
