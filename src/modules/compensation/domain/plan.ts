// The compensation plan (薪酬方案) is data: the seed plan of DOMAIN.md §7 is one value of this type,
// and a later plan version is another value stored with its effective-from month, never code.
import { type Fen, parseRate } from "../../../platform/money.ts";
import { PayrollInputError, type PayrollIssue } from "./errors.ts";

export const POSITIONS = ["customer-manager", "team-manager", "sales-director"] as const;
export type Position = (typeof POSITIONS)[number];

export const MANAGER_POSITIONS = ["team-manager", "sales-director"] as const;
export type ManagerPosition = (typeof MANAGER_POSITIONS)[number];

/** A decimal string such as "0.01"; kept as text so a plan stays plain JSON in the DB. */
export type RateText = string;

export type PositionRule = {
  monthlyTarget: Fen;
  baseSalary: Fen;
  commissionRate: RateText;
  /** Taken from the base when performance is above zero but below the target. */
  missedDeduction: Fen;
  /** Taken from the base when performance is zero. */
  zeroDeduction: Fen;
};

/** Whose performance makes up a manager's team total. */
export type TeamScope = "direct-reports" | "all-descendants";

export type CompensationPlan = {
  version: string;
  effectiveFrom: string;
  positions: Record<Position, PositionRule>;
  // The seed plan leaves x and y blank (DOMAIN.md §7); an absent rate computes 0 with a warning.
  managementRate: Partial<Record<ManagerPosition, RateText>>;
  managementScope: Record<ManagerPosition, TeamScope>;
  includeOwnInTeamTotal: boolean;
  newEmployee: {
    positions: Position[];
    probation: { baseSalary: Fen; commissionRate: RateText };
    firstMonth: PositionRule;
  };
  // On: the base is prorated by calendar days employed in the month (joinedOn/leftOn inclusive).
  proration: { enabled: boolean };
  // 年化业绩 of a loan over 12 months may be capped at its principal (DOMAIN.md §8, last line).
  performance: { capAtPrincipalOverOneYear: boolean };
  // Taking back commission on loans that go bad soon after disbursement. Off in the seed plan, and
  // the engine refuses a plan that turns it on until loan-quality data reaches it.
  clawback: { enabled: boolean; windowMonths: number; share: RateText };
};

const yuan = (amount: number) => (amount * 100) as Fen;

const rule = (target: number, base: number): PositionRule => ({
  monthlyTarget: yuan(target),
  baseSalary: yuan(base),
  commissionRate: "0.01",
  missedDeduction: yuan(500),
  zeroDeduction: yuan(1_000),
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export const SEED_PLAN: CompensationPlan = deepFreeze({
  version: "seed",
  effectiveFrom: "2026-01",
  positions: {
    "customer-manager": rule(200_000, 2_000),
    "team-manager": rule(300_000, 3_000),
    "sales-director": rule(500_000, 6_000),
  },
  managementRate: {},
  // A team-manager leads one team of customer managers; the director answers for the whole org.
  managementScope: { "team-manager": "direct-reports", "sales-director": "all-descendants" },
  includeOwnInTeamTotal: false,
  newEmployee: {
    positions: ["customer-manager"],
    probation: { baseSalary: yuan(1_800), commissionRate: "0.01" },
    firstMonth: rule(100_000, 2_000),
  },
  proration: { enabled: false },
  performance: { capAtPrincipalOverOneYear: false },
  clawback: { enabled: false, windowMonths: 3, share: "1" },
});

/** The `plan` object of the API.md payroll scenario: every field optional. */
export type ScenarioPlan = {
  managementRate?: Partial<Record<ManagerPosition, RateText | null>>;
  includeOwnInTeamTotal?: boolean;
};

/** A rate the engine can use: a decimal from 0 to 1. */
export function isValidRate(text: unknown): text is RateText {
  if (typeof text !== "string") return false;
  return parseRate(text)?.lte(1) ?? false;
}

/** The scenario's fields over `base` (the seed plan unless given); `base` is never changed. */
export function mergePlan(partial: ScenarioPlan, base: CompensationPlan = SEED_PLAN): CompensationPlan {
  const plan: CompensationPlan = structuredClone(base);
  const issues: PayrollIssue[] = [];
  for (const [position, rate] of Object.entries(partial.managementRate ?? {})) {
    const path = `plan.managementRate.${position}`;
    if (!(MANAGER_POSITIONS as readonly string[]).includes(position)) {
      issues.push({ code: "unknown-position", path, message: `no management commission for "${position}"` });
    } else if (rate === null || rate === undefined) {
      delete plan.managementRate[position as ManagerPosition];
    } else if (!isValidRate(rate)) {
      issues.push({
        code: "invalid-rate",
        path,
        message: `${JSON.stringify(rate)} is not a rate from 0 to 1`,
      });
    } else {
      plan.managementRate[position as ManagerPosition] = rate.trim();
    }
  }
  if (partial.includeOwnInTeamTotal !== undefined) plan.includeOwnInTeamTotal = partial.includeOwnInTeamTotal;
  if (issues.length > 0) throw new PayrollInputError(issues);
  return plan;
}
