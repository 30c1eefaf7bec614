// The payroll scenario contract of API.md (input of `payroll calc`): amounts and rates as decimal
// strings in, statements with 2-decimal amount strings out, keys in the documented order.
import { type Fen, formatAmount, parseAmount } from "../../../platform/money.ts";
import { PayrollInputError, type PayrollIssue } from "./errors.ts";
import { joinBilingual } from "./explain.ts";
import type { PayrollResult, Stage } from "./payroll.ts";
import { type LoanInput, type PayrollInput, type StaffInput, validatePayrollInput } from "./payroll-input.ts";
import { type CompensationPlan, mergePlan, type Position, type ScenarioPlan, SEED_PLAN } from "./plan.ts";

export type PayrollStatementJson = {
  staffId: string;
  stage: Stage;
  annualizedPerformance: string;
  target: string | null;
  baseSalary: string;
  deduction: string;
  commission: string;
  managementCommission: string;
  total: string;
  lines: { code: string; amount: string; explanation: string }[];
  /** Extra to API.md, present only when there is something to warn about. */
  warnings?: string[];
};

export type PayrollJson = { month: string; statements: PayrollStatementJson[] };

type Row = Record<string, unknown>;

const isRow = (value: unknown): value is Row =>
  typeof value === "object" && value !== null && !Array.isArray(value);

// Reads one JSON object at `path`, collecting field-level issues instead of stopping at the first.
class RowReader {
  constructor(
    readonly issues: PayrollIssue[],
    readonly at: { row: Row; path: string },
  ) {}

  private pathOf(key: string): string {
    return this.at.path === "" ? key : `${this.at.path}.${key}`;
  }

  issue(key: string, issue: Omit<PayrollIssue, "path">): void {
    this.issues.push({ ...issue, path: this.pathOf(key) });
  }

  only(allowed: readonly string[]): void {
    for (const key of Object.keys(this.at.row))
      if (!allowed.includes(key))
        this.issue(key, { code: "unknown-field", message: `unknown field "${key}"` });
  }

  string(key: string, options: { optional?: boolean } = {}): string | null {
    const value = this.at.row[key];
    if (value === undefined || value === null) {
      if (!options.optional) this.issue(key, { code: "required", message: "is required" });
      return null;
    }
    if (typeof value === "string") return value;
    this.issue(key, { code: "invalid-type", message: "must be a string" });
    return null;
  }

  /** The objects of a list, each with its own reader. */
  rows(key: string): RowReader[] {
    const value = this.at.row[key];
    if (!Array.isArray(value)) {
      this.issue(key, { code: value === undefined ? "required" : "invalid-type", message: "must be a list" });
      return [];
    }
    return value.map((item, i) => {
      const path = `${this.pathOf(key)}[${i}]`;
      if (!isRow(item)) this.issues.push({ code: "invalid-type", path, message: "must be an object" });
      return new RowReader(this.issues, { row: isRow(item) ? item : {}, path });
    });
  }

  /** A whole number, also from a digit string; NaN (with an issue) for anything else. */
  term(key: "termMonths" | "termDays"): number | undefined {
    const value = this.at.row[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "number") return value;
    if (typeof value === "string" && /^\d{1,5}$/.test(value)) return Number(value);
    this.issue(key, { code: "invalid-term", message: "must be a whole number" });
    return Number.NaN;
  }

  /** A positive amount with at most 2 decimals, in 分. */
  amount(key: string): Fen | null {
    const value = this.at.row[key];
    if (value === undefined || value === null) {
      this.issue(key, { code: "required", message: "is required" });
      return null;
    }
    const text = decimalText(value);
    const amount = text === null ? null : parseAmount(text);
    if (amount !== null && amount > 0) return amount;
    this.issue(key, {
      code: "invalid-amount",
      message: `${JSON.stringify(value)} is not a positive amount with at most 2 decimals`,
    });
    return null;
  }
}

// Numbers are accepted as well as strings; their shortest decimal text is what gets checked, so
// 0.1 + 0.2 is refused as having more than 2 decimals instead of being rounded.
function decimalText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

function readPlan(top: RowReader): ScenarioPlan {
  const value = top.at.row.plan;
  if (value === undefined || value === null) return {};
  if (!isRow(value)) {
    top.issue("plan", { code: "invalid-type", message: "must be an object" });
    return {};
  }
  const reader = new RowReader(top.issues, { row: value, path: "plan" });
  reader.only(["managementRate", "includeOwnInTeamTotal"]);
  const plan: ScenarioPlan = {};
  const rates = value.managementRate;
  if (rates !== undefined && rates !== null) {
    if (!isRow(rates)) {
      reader.issue("managementRate", { code: "invalid-type", message: "must be an object" });
    } else {
      const managementRate: Record<string, string | null> = {};
      for (const [position, rate] of Object.entries(rates)) {
        const text = rate === null ? null : decimalText(rate);
        if (rate !== null && text === null)
          reader.issue(`managementRate.${position}`, {
            code: "invalid-rate",
            message: 'must be a decimal string such as "0.005"',
          });
        else managementRate[position] = text;
      }
      plan.managementRate = managementRate;
    }
  }
  const own = value.includeOwnInTeamTotal;
  if (typeof own === "boolean") plan.includeOwnInTeamTotal = own;
  else if (own !== undefined && own !== null)
    reader.issue("includeOwnInTeamTotal", { code: "invalid-type", message: "must be true or false" });
  return plan;
}

function readStaff(reader: RowReader): StaffInput {
  reader.only(["id", "position", "managerId", "joinedOn", "leftOn"]);
  return {
    id: reader.string("id") ?? "",
    position: (reader.string("position") ?? "") as Position,
    managerId: reader.string("managerId", { optional: true }),
    joinedOn: reader.string("joinedOn") ?? "",
    leftOn: reader.string("leftOn", { optional: true }),
  };
}

function readLoan(reader: RowReader): LoanInput {
  reader.only(["staffId", "principal", "termMonths", "termDays", "disbursedOn"]);
  const loan: LoanInput = {
    staffId: reader.string("staffId") ?? "",
    principal: reader.amount("principal") ?? (0 as Fen),
    disbursedOn: reader.string("disbursedOn") ?? "",
  };
  const termMonths = reader.term("termMonths");
  const termDays = reader.term("termDays");
  if (termMonths !== undefined) loan.termMonths = termMonths;
  if (termDays !== undefined) loan.termDays = termDays;
  return loan;
}

/**
 * The engine input for a scenario, its plan merged over `basePlan` (the seed plan by default).
 * Throws PayrollInputError naming every bad field, shape first, then references between rows.
 */
export function parsePayrollScenario(
  json: unknown,
  options: { basePlan?: CompensationPlan } = {},
): PayrollInput {
  if (!isRow(json))
    throw new PayrollInputError([
      { code: "invalid-type", path: "scenario", message: "must be a JSON object" },
    ]);
  const issues: PayrollIssue[] = [];
  const top = new RowReader(issues, { row: json, path: "" });
  top.only(["month", "plan", "staff", "loans"]);
  const month = top.string("month") ?? "";
  const scenarioPlan = readPlan(top);
  const staff = top.rows("staff").map(readStaff);
  const loans = top.rows("loans").map(readLoan);
  let plan = options.basePlan ?? SEED_PLAN;
  try {
    plan = mergePlan(scenarioPlan, plan);
  } catch (error) {
    if (!(error instanceof PayrollInputError)) throw error;
    issues.push(...error.issues);
  }
  if (issues.length > 0) throw new PayrollInputError(issues);
  const input: PayrollInput = { month, plan, staff, loans };
  const references = validatePayrollInput(input);
  if (references.length > 0) throw new PayrollInputError(references);
  return input;
}

export function payrollToJson(result: PayrollResult): PayrollJson {
  return {
    month: result.month,
    statements: result.statements.map((s) => {
      const json: PayrollStatementJson = {
        staffId: s.staffId,
        stage: s.stage,
        annualizedPerformance: formatAmount(s.annualizedPerformance),
        target: s.target === null ? null : formatAmount(s.target),
        baseSalary: formatAmount(s.baseSalary),
        deduction: formatAmount(s.deduction),
        commission: formatAmount(s.commission),
        managementCommission: formatAmount(s.managementCommission),
        total: formatAmount(s.total),
        lines: s.lines.map((l) => ({
          code: l.code,
          amount: formatAmount(l.amount),
          explanation: joinBilingual(l.explanation),
        })),
      };
      if (s.warnings.length > 0) json.warnings = s.warnings.map((w) => joinBilingual(w.message));
      return json;
    }),
  };
}
