// Bad payroll input is the caller's mistake, never a server fault. Every issue names its row by path
// ("staff[2].managerId") so the API can answer 400 with `fields` and the CLI can print one clear line.
export type PayrollErrorCode =
  | "required"
  | "invalid-type"
  | "unknown-field"
  | "invalid-month"
  | "invalid-date"
  | "invalid-amount"
  | "invalid-rate"
  | "invalid-term"
  | "invalid-plan"
  | "unsupported-setting"
  | "unknown-position"
  | "duplicate-staff-id"
  | "unknown-manager"
  | "manager-cycle"
  | "left-before-joined"
  | "unknown-staff"
  | "loan-outside-employment";

export type PayrollIssue = { code: PayrollErrorCode; path: string; message: string };

export class PayrollInputError extends Error {
  readonly code: PayrollErrorCode;
  readonly path: string;
  // Every problem found, so a caller can show them all; `code`/`path` repeat the first.
  readonly issues: readonly PayrollIssue[];

  constructor(issues: readonly PayrollIssue[]) {
    const [first] = issues;
    if (first === undefined) throw new RangeError("PayrollInputError needs at least one issue");
    super(`${first.path}: ${first.message}`);
    this.name = "PayrollInputError";
    this.code = first.code;
    this.path = first.path;
    this.issues = issues;
  }
}
