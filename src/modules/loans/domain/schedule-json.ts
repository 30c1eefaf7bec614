// The public schedule contract (API.md "Schedule JSON"), shared by the CLI `schedule` command and
// POST /api/v1/calculator/schedule: one parser with field-level error codes (messages.ts), one
// serializer whose keys and order are exactly the documented ones.
import { type Dec, type Fen, formatAmount, parseAmount, parseRate } from "../../../platform/money.ts";
import { scheduleApr } from "./apr.ts";
import { parseDate } from "./due-dates.ts";
import {
  buildSchedule,
  MAX_PRINCIPAL_FEN,
  MAX_TERM_MONTHS,
  REPAYMENT_METHODS,
  type RepaymentMethod,
  type Schedule,
} from "./schedule.ts";

export type ScheduleRequest = {
  principal: Fen;
  annualRate: Dec;
  termMonths: number;
  method: RepaymentMethod;
  startDate: string;
  upfrontFee: Fen;
};

export type ParseResult =
  | { ok: true; value: ScheduleRequest }
  | { ok: false; fields: Record<string, string> };

type Amount = { principal: string; interest: string; fee: string; total: string };

export type ScheduleJson = {
  method: RepaymentMethod;
  principal: string;
  annualRate: string;
  termMonths: number;
  installments: ({ period: number; dueDate: string } & Amount & { remainingPrincipal: string })[];
  totals: Amount;
  apr: string;
};

const FIELDS = ["principal", "annualRate", "termMonths", "method", "startDate", "upfrontFee"];

// Numbers are accepted as well as strings; their shortest decimal text is what gets checked, so
// 0.1 + 0.2 (= 0.30000000000000004) is refused as having more than 2 decimals instead of being rounded.
function text(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

function amount(value: unknown): Fen | null {
  const raw = text(value);
  return raw === null ? null : parseAmount(raw);
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

export function parseScheduleRequest(body: unknown, options: { today: string }): ParseResult {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return { ok: false, fields: { body: "invalid-type" } };
  const input = body as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const key of Object.keys(input)) if (!FIELDS.includes(key)) fields[key] = "unknown-field";
  for (const key of ["principal", "annualRate", "termMonths", "method"])
    if (isMissing(input[key])) fields[key] = "required";

  const principal = amount(input.principal);
  if (!fields.principal && (principal === null || principal < 1 || principal > MAX_PRINCIPAL_FEN))
    fields.principal = "invalid-principal";

  const rateText = text(input.annualRate);
  const annualRate = rateText === null ? null : parseRate(rateText);
  if (!fields.annualRate && (annualRate === null || annualRate.gt(1))) fields.annualRate = "invalid-rate";

  const term = input.termMonths;
  const termMonths =
    typeof term === "number"
      ? term
      : typeof term === "string" && /^\d{1,4}$/.test(term)
        ? Number(term)
        : Number.NaN;
  if (
    !fields.termMonths &&
    !(Number.isInteger(termMonths) && termMonths >= 1 && termMonths <= MAX_TERM_MONTHS)
  )
    fields.termMonths = "invalid-term";

  const method = input.method;
  if (!fields.method && !REPAYMENT_METHODS.includes(method as RepaymentMethod))
    fields.method = "invalid-method";

  const startDate = isMissing(input.startDate) ? options.today : input.startDate;
  if (typeof startDate !== "string" || parseDate(startDate) === null) fields.startDate = "invalid-date";

  const upfrontFee = isMissing(input.upfrontFee) ? (0 as Fen) : amount(input.upfrontFee);
  // Compared with the principal only when that is valid, so one mistake is reported once.
  if (upfrontFee === null || upfrontFee < 0 || (!fields.principal && upfrontFee >= (principal as Fen)))
    fields.upfrontFee = "invalid-fee";

  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    value: {
      principal: principal as Fen,
      annualRate: annualRate as Dec,
      termMonths,
      method: method as RepaymentMethod,
      startDate: startDate as string,
      upfrontFee: upfrontFee as Fen,
    },
  };
}

export function scheduleForRequest(request: ScheduleRequest): Schedule {
  return buildSchedule({
    principal: request.principal,
    annualRate: request.annualRate,
    termMonths: request.termMonths,
    method: request.method,
    startDate: request.startDate,
    fees: { upfront: request.upfrontFee },
  });
}

/** Totals are the sums of the rows; an upfront fee shows only in the APR (it is not an installment). */
export function scheduleToJson(
  request: ScheduleRequest,
  schedule: Schedule = scheduleForRequest(request),
): ScheduleJson {
  const { totals } = schedule;
  return {
    method: request.method,
    principal: formatAmount(request.principal),
    annualRate: request.annualRate.toFixed(),
    termMonths: request.termMonths,
    installments: schedule.installments.map((row) => ({
      period: row.period,
      dueDate: row.dueDate,
      principal: formatAmount(row.principal),
      interest: formatAmount(row.interest),
      fee: formatAmount(row.fee),
      total: formatAmount(row.total),
      remainingPrincipal: formatAmount(row.remainingPrincipal),
    })),
    totals: {
      principal: formatAmount(totals.principal),
      interest: formatAmount(totals.interest),
      fee: formatAmount(totals.fee),
      total: formatAmount(totals.total),
    },
    apr: scheduleApr({
      principal: request.principal,
      startDate: request.startDate,
      installments: schedule.installments,
      upfrontFee: request.upfrontFee,
    }).percent,
  };
}
