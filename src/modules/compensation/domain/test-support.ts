// Shared by the *.test.ts files beside it: readable amounts in, readable statements out.
import { type Fen, formatAmount, parseAmount } from "../../../platform/money.ts";
import { PayrollInputError } from "./errors.ts";
import { computePayroll, type PayrollStatement } from "./payroll.ts";
import type { LoanInput, PayrollInput, StaffInput } from "./payroll-input.ts";
import { type CompensationPlan, mergePlan } from "./plan.ts";

export function yuan(text: string): Fen {
  const value = parseAmount(text);
  if (value === null) throw new Error(`bad amount in a test: ${text}`);
  return value;
}

export const RATES = { "team-manager": "0.005", "sales-director": "0.003" } as const;

export function planWith(overrides: (plan: CompensationPlan) => void = () => {}): CompensationPlan {
  const plan = mergePlan({ managementRate: { ...RATES } });
  overrides(plan);
  return plan;
}

/** A staff row; managerId null and joined long ago unless given. */
export function staff(row: Partial<StaffInput> & Pick<StaffInput, "id" | "position">): StaffInput {
  return { managerId: null, joinedOn: "2024-01-01", ...row };
}

export function loan(options: {
  staffId: string;
  principal: string;
  termMonths?: number;
  termDays?: number;
  on: string;
}): LoanInput {
  const { staffId, principal, termMonths, termDays, on } = options;
  const row: LoanInput = { staffId, principal: yuan(principal), disbursedOn: on };
  if (termMonths !== undefined) row.termMonths = termMonths;
  if (termDays !== undefined) row.termDays = termDays;
  return row;
}

/** Statements by staff id, as 2-decimal strings for exact comparisons. */
export function payroll(input: Partial<PayrollInput> & Pick<PayrollInput, "month" | "staff">) {
  const result = computePayroll({ plan: planWith(), loans: [], ...input });
  return Object.fromEntries(result.statements.map((s) => [s.staffId, s]));
}

export function figures(s: PayrollStatement) {
  return {
    stage: s.stage,
    annualizedPerformance: formatAmount(s.annualizedPerformance),
    target: s.target === null ? null : formatAmount(s.target),
    baseSalary: formatAmount(s.baseSalary),
    deduction: formatAmount(s.deduction),
    commission: formatAmount(s.commission),
    managementCommission: formatAmount(s.managementCommission),
    total: formatAmount(s.total),
  };
}

/** The error computePayroll throws, for asserting on its code and path. */
export function payrollError(input: PayrollInput): PayrollInputError {
  try {
    computePayroll(input);
  } catch (error) {
    if (error instanceof PayrollInputError) return error;
    throw error;
  }
  throw new Error("expected a PayrollInputError");
}

/** The payroll scenario of API.md, as its JSON. */
export const API_EXAMPLE = {
  month: "2026-11",
  plan: {
    managementRate: { "team-manager": "0.005", "sales-director": "0.003" },
    includeOwnInTeamTotal: false,
  },
  staff: [
    { id: "d1", position: "sales-director", managerId: null, joinedOn: "2024-01-01" },
    { id: "t1", position: "team-manager", managerId: "d1", joinedOn: "2024-01-01" },
    { id: "c1", position: "customer-manager", managerId: "t1", joinedOn: "2026-11-01" },
  ],
  loans: [{ staffId: "c1", principal: "120000.00", termMonths: 6, disbursedOn: "2026-11-03" }],
};
