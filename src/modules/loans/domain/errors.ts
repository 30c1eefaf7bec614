// Bad loan terms are a caller's mistake, never a server fault: the code names what is wrong and the
// field names where, so the API can answer 400 with `fields` and the CLI can print one clear line.
export type LoanInputErrorCode =
  | "invalid-principal"
  | "invalid-term"
  | "invalid-rate"
  | "invalid-method"
  | "invalid-date"
  | "invalid-fee"
  | "invalid-option"
  | "invalid-amount";

export class LoanInputError extends Error {
  readonly code: LoanInputErrorCode;
  readonly field: string;

  constructor(options: { code: LoanInputErrorCode; field: string; message?: string }) {
    super(options.message ?? `${options.field}: ${options.code}`);
    this.name = "LoanInputError";
    this.code = options.code;
    this.field = options.field;
  }
}
