// What a payroll run is computed from, and the checks it must pass first. Everything is checked
// before anything is computed, so a statement is never built from half of the data.
import type { Fen } from "../../../platform/money.ts";
import { isValidDate, parseYearMonth } from "./calendar.ts";
import type { PayrollIssue } from "./errors.ts";
import { type LoanGroupInput, validateLoanGroups } from "./loan-groups.ts";
import { type CompensationPlan, isValidRate, MANAGER_POSITIONS, POSITIONS, type Position } from "./plan.ts";

export type StaffInput = {
  id: string;
  position: Position;
  managerId: string | null;
  joinedOn: string;
  leftOn?: string | null;
};

export type LoanInput = {
  staffId: string;
  principal: Fen;
  termMonths?: number;
  termDays?: number;
  disbursedOn: string;
};

export type PayrollInput = {
  month: string;
  plan: CompensationPlan;
  staff: readonly StaffInput[];
  loans: readonly LoanInput[];
  /** Loans already summed per person and term (a payroll run over the database); counted like `loans`. */
  loanGroups?: readonly LoanGroupInput[];
};

// Bounds keep principal × term a safe integer; a 1-billion-yuan micro loan is a typo, not a loan.
export const MAX_PRINCIPAL_FEN = 100_000_000_000;
export const MAX_TERM_MONTHS = 360;
export const MAX_TERM_DAYS = 10_950;

const isAmount = (value: unknown): value is Fen => Number.isSafeInteger(value) && (value as number) >= 0;

function checkRule(rule: Record<string, unknown>, path: string): PayrollIssue[] {
  return Object.entries(rule)
    .filter(([field, value]) => (field === "commissionRate" ? !isValidRate(value) : !isAmount(value)))
    .map(([field, value]) => ({
      code: "invalid-plan" as const,
      path: `${path}.${field}`,
      message: `${JSON.stringify(value)} is not valid`,
    }));
}

export function validatePlan(plan: CompensationPlan): PayrollIssue[] {
  const issues: PayrollIssue[] = [];
  for (const position of POSITIONS) {
    const rule = plan.positions[position];
    if (rule === undefined)
      issues.push({
        code: "invalid-plan",
        path: `plan.positions.${position}`,
        message: "missing from the plan",
      });
    else issues.push(...checkRule(rule, `plan.positions.${position}`));
  }
  for (const position of MANAGER_POSITIONS) {
    const rate = plan.managementRate[position];
    if (rate !== undefined && !isValidRate(rate))
      issues.push({
        code: "invalid-rate",
        path: `plan.managementRate.${position}`,
        message: `${JSON.stringify(rate)} is not a rate from 0 to 1`,
      });
  }
  plan.newEmployee.positions.forEach((position, i) => {
    if (!(POSITIONS as readonly string[]).includes(position))
      issues.push({
        code: "unknown-position",
        path: `plan.newEmployee.positions[${i}]`,
        message: `"${position}"`,
      });
  });
  issues.push(...checkRule(plan.newEmployee.probation, "plan.newEmployee.probation"));
  issues.push(...checkRule(plan.newEmployee.firstMonth, "plan.newEmployee.firstMonth"));
  if (plan.clawback.enabled)
    issues.push({
      code: "unsupported-setting",
      path: "plan.clawback.enabled",
      message: "clawback needs loan-quality data this engine does not receive yet",
    });
  return issues;
}

function validateStaff(staff: readonly StaffInput[]): PayrollIssue[] {
  const issues: PayrollIssue[] = [];
  const firstIndex = new Map<string, number>();
  staff.forEach((person, i) => {
    const row = `staff[${i}]`;
    if (typeof person.id !== "string" || person.id.trim() === "") {
      issues.push({ code: "required", path: `${row}.id`, message: "staff id is required" });
    } else if (firstIndex.has(person.id)) {
      issues.push({
        code: "duplicate-staff-id",
        path: `${row}.id`,
        message: `staff id "${person.id}" is already used by staff[${firstIndex.get(person.id)}]`,
      });
    } else firstIndex.set(person.id, i);
    if (!(POSITIONS as readonly string[]).includes(person.position))
      issues.push({
        code: "unknown-position",
        path: `${row}.position`,
        message: `unknown position ${JSON.stringify(person.position)}; expected one of ${POSITIONS.join(", ")}`,
      });
    if (typeof person.joinedOn !== "string" || !isValidDate(person.joinedOn))
      issues.push({
        code: "invalid-date",
        path: `${row}.joinedOn`,
        message: "must be a real date as YYYY-MM-DD",
      });
    const leftOn = person.leftOn ?? null;
    if (leftOn !== null && (typeof leftOn !== "string" || !isValidDate(leftOn)))
      issues.push({
        code: "invalid-date",
        path: `${row}.leftOn`,
        message: "must be a real date as YYYY-MM-DD",
      });
    else if (leftOn !== null && typeof person.joinedOn === "string" && leftOn < person.joinedOn)
      issues.push({
        code: "left-before-joined",
        path: `${row}.leftOn`,
        message: `leaves on ${leftOn}, before joining on ${person.joinedOn}`,
      });
  });
  staff.forEach((person, i) => {
    const managerId = person.managerId ?? null;
    if (managerId !== null && (typeof managerId !== "string" || !firstIndex.has(managerId)))
      issues.push({
        code: "unknown-manager",
        path: `staff[${i}].managerId`,
        message: `manager ${JSON.stringify(managerId)} of staff "${person.id}" is not in the staff list`,
      });
  });
  return [...issues, ...findCycles(staff, firstIndex)];
}

// Each loop is reported once, on its member that comes first in the list.
function findCycles(staff: readonly StaffInput[], index: Map<string, number>): PayrollIssue[] {
  const issues: PayrollIssue[] = [];
  const settled = new Set<number>();
  staff.forEach((_, start) => {
    const chain: number[] = [];
    let at: number | undefined = start;
    while (at !== undefined && !settled.has(at) && !chain.includes(at)) {
      chain.push(at);
      const managerId: string | null = staff[at].managerId ?? null;
      at = managerId === null ? undefined : index.get(managerId);
    }
    if (at !== undefined && chain.includes(at)) {
      const loop = chain.slice(chain.indexOf(at));
      const first = Math.min(...loop);
      const names = [...loop.slice(loop.indexOf(first)), ...loop.slice(0, loop.indexOf(first)), first];
      issues.push({
        code: "manager-cycle",
        path: `staff[${first}].managerId`,
        message: `the manager chain loops: ${names.map((i) => staff[i].id).join(" → ")}`,
      });
    }
    for (const i of chain) settled.add(i);
  });
  return issues;
}

function validateTerm(loan: LoanInput, row: string): PayrollIssue | null {
  const hasMonths = loan.termMonths !== undefined;
  const hasDays = loan.termDays !== undefined;
  if (hasMonths === hasDays)
    return {
      code: "invalid-term",
      path: `${row}.termMonths`,
      message: "give exactly one of termMonths and termDays",
    };
  const [field, value, max] = hasMonths
    ? ["termMonths", loan.termMonths, MAX_TERM_MONTHS]
    : ["termDays", loan.termDays, MAX_TERM_DAYS];
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > max)
    return {
      code: "invalid-term",
      path: `${row}.${field}`,
      message: `must be a whole number from 1 to ${max}`,
    };
  return null;
}

function validateLoans(input: PayrollInput): PayrollIssue[] {
  const issues: PayrollIssue[] = [];
  const staffById = new Map(input.staff.map((person) => [person.id, person]));
  input.loans.forEach((loan, i) => {
    const row = `loans[${i}]`;
    const person = staffById.get(loan.staffId);
    if (person === undefined)
      issues.push({
        code: "unknown-staff",
        path: `${row}.staffId`,
        message: `staff ${JSON.stringify(loan.staffId)} is not in the staff list`,
      });
    if (!Number.isSafeInteger(loan.principal) || loan.principal < 1 || loan.principal > MAX_PRINCIPAL_FEN)
      issues.push({
        code: "invalid-amount",
        path: `${row}.principal`,
        message: "must be a positive amount with at most 2 decimals",
      });
    const term = validateTerm(loan, row);
    if (term !== null) issues.push(term);
    if (typeof loan.disbursedOn !== "string" || !isValidDate(loan.disbursedOn)) {
      issues.push({
        code: "invalid-date",
        path: `${row}.disbursedOn`,
        message: "must be a real date as YYYY-MM-DD",
      });
    } else if (person !== undefined && loan.disbursedOn.startsWith(`${input.month}-`)) {
      // Only loans that count this month: older history may belong to someone who has since left.
      const left = person.leftOn ?? null;
      if (loan.disbursedOn < person.joinedOn || (left !== null && loan.disbursedOn > left))
        issues.push({
          code: "loan-outside-employment",
          path: `${row}.disbursedOn`,
          message: `disbursed on ${loan.disbursedOn}, outside the employment of staff "${person.id}"`,
        });
    }
  });
  return issues;
}

export function validatePayrollInput(input: PayrollInput): PayrollIssue[] {
  const issues: PayrollIssue[] = [];
  if (typeof input.month !== "string" || parseYearMonth(input.month) === null)
    issues.push({
      code: "invalid-month",
      path: "month",
      message: `${JSON.stringify(input.month)} is not a YYYY-MM month`,
    });
  return [
    ...issues,
    ...validatePlan(input.plan),
    ...validateStaff(input.staff),
    ...validateLoans(input),
    ...validateLoanGroups(input),
  ];
}
