// The calculator's input rules, the same as the API's (schedule-json.ts), so mistakes show while
// typing with the server's wording. Amounts are compared as integer 分 (BigInt), never floats.
import type { Dayjs } from "dayjs";
import type { RepaymentMethod, ScheduleRequest } from "../../api/types.ts";
import { shiftDecimal, toFen } from "../../format.ts";

export const METHODS: RepaymentMethod[] = [
  "equal-installment",
  "equal-principal",
  "interest-only",
  "bullet",
  "flat",
];

export type CalculatorValues = {
  principal?: string;
  annualRatePercent?: string;
  termMonths?: number | string | null;
  method?: RepaymentMethod;
  startDate?: Dayjs | null;
  upfrontFee?: string;
};

export type CalculatorField = keyof CalculatorValues;

const MAX_PRINCIPAL_FEN = 10_000_000_000n; // ¥100,000,000.00
const AMOUNT = /^\d{1,9}(\.\d{1,2})?$/;
const PERCENT = /^\d{1,3}(\.\d{1,8})?$/;

export function principalError(value: string | undefined): boolean {
  if (!value || !AMOUNT.test(value)) return true;
  const fen = toFen(value);
  return fen === null || fen < 1n || fen > MAX_PRINCIPAL_FEN;
}

export function rateError(percent: string | undefined): boolean {
  if (!percent || !PERCENT.test(percent)) return true;
  const decimal = shiftDecimal(percent, -2);
  // 0 ≤ rate ≤ 1 as a decimal: the integer part is 0, or exactly 1 with no fraction.
  return decimal === null || !(/^0(\.\d+)?$/.test(decimal) || decimal === "1");
}

export function termError(value: number | string | null | undefined): boolean {
  const term = typeof value === "string" ? Number(value) : value;
  return typeof term !== "number" || !Number.isInteger(term) || term < 1 || term > 360;
}

export function feeError(fee: string | undefined, principal: string | undefined): boolean {
  if (!fee) return false;
  if (!AMOUNT.test(fee)) return true;
  const feeFen = toFen(fee);
  const principalFen = principal && !principalError(principal) ? toFen(principal) : null;
  return feeFen === null || (principalFen !== null && feeFen >= principalFen);
}

/** The API request, or null while any field is invalid. */
export function toScheduleRequest(values: CalculatorValues): ScheduleRequest | null {
  if (principalError(values.principal) || rateError(values.annualRatePercent) || termError(values.termMonths))
    return null;
  if (!values.method || !METHODS.includes(values.method) || feeError(values.upfrontFee, values.principal))
    return null;
  const annualRate = shiftDecimal(values.annualRatePercent as string, -2);
  if (annualRate === null) return null;
  return {
    principal: values.principal as string,
    annualRate,
    termMonths: Number(values.termMonths),
    method: values.method,
    startDate: values.startDate ? values.startDate.format("YYYY-MM-DD") : undefined,
    upfrontFee: values.upfrontFee || "0",
  };
}

/** Server field names → the form's. */
export const SERVER_FIELDS: Record<string, CalculatorField> = {
  principal: "principal",
  annualRate: "annualRatePercent",
  termMonths: "termMonths",
  method: "method",
  startDate: "startDate",
  upfrontFee: "upfrontFee",
};
