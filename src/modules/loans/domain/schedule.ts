// Repayment schedules, exactly per DOMAIN.md §3. All per-row money is integer 分; interest is
// rounded from the exact rational value (rate-math.ts), the 等额本息 installment from annuity.ts.
import { Dec, type Fen, type RoundingMode } from "../../../platform/money.ts";
import { equalInstallmentAmount } from "./annuity.ts";
import {
  addMonths,
  type CalendarDate,
  daysBetween,
  dueDates,
  firstFixedDueDate,
  parseDate,
} from "./due-dates.ts";
import { LoanInputError } from "./errors.ts";
import { applyRate, divRound, type RateFraction, rateFraction } from "./rate-math.ts";

export type RepaymentMethod = "equal-installment" | "equal-principal" | "interest-only" | "bullet" | "flat";

export const REPAYMENT_METHODS: readonly RepaymentMethod[] = [
  "equal-installment",
  "equal-principal",
  "interest-only",
  "bullet",
  "flat",
];

export type DayBasis = 360 | 365;

export type ScheduleInput = {
  principal: Fen;
  annualRate: Dec;
  termMonths: number;
  method: RepaymentMethod;
  startDate: string;
  rounding?: RoundingMode;
  dayBasis?: DayBasis;
  fixedRepaymentDay?: number | null;
  fees?: { upfront?: Fen; perPeriod?: Fen };
  // Re-schedules (prepayment) keep the original cadence: rows are periods offset+1… counted from startDate.
  periodOffset?: number;
};

export type Installment = {
  period: number;
  dueDate: string;
  principal: Fen;
  interest: Fen;
  fee: Fen;
  total: Fen;
  remainingPrincipal: Fen;
};

export type ScheduleTotals = { principal: Fen; interest: Fen; fee: Fen; total: Fen };

export type Schedule = { installments: Installment[]; totals: ScheduleTotals };

export const MAX_PRINCIPAL_FEN = 10_000_000_000;
export const MAX_TERM_MONTHS = 360;

const ROUNDING_MODES: readonly RoundingMode[] = ["half-up", "half-even", "down", "up"];

type Terms = {
  principal: number;
  rate: RateFraction;
  n: number;
  method: RepaymentMethod;
  start: CalendarDate;
  rounding: RoundingMode;
  dayBasis: DayBasis;
  fixedDay: number | null;
  fee: number;
  offset: number;
};

function fail(error: ConstructorParameters<typeof LoanInputError>[0]): never {
  throw new LoanInputError(error);
}

function isFenAmount(value: unknown, range: { min: number; max: number }): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= range.min && value <= range.max;
}

function validateScheduleInput(input: ScheduleInput): Terms {
  const { principal, annualRate, termMonths, method } = input;
  if (!isFenAmount(principal, { min: 1, max: MAX_PRINCIPAL_FEN }))
    fail({
      code: "invalid-principal",
      field: "principal",
      message: "principal must be 1 to 10,000,000,000 fen (0.01–100,000,000.00)",
    });
  if (!Number.isInteger(termMonths) || termMonths < 1 || termMonths > MAX_TERM_MONTHS)
    fail({
      code: "invalid-term",
      field: "termMonths",
      message: "termMonths must be a whole number from 1 to 360",
    });
  if (!Dec.isDecimal(annualRate) || !annualRate.isFinite() || annualRate.isNegative() || annualRate.gt(1))
    fail({ code: "invalid-rate", field: "annualRate", message: "annualRate must be a decimal from 0 to 1" });
  if (!REPAYMENT_METHODS.includes(method))
    fail({ code: "invalid-method", field: "method", message: `unknown method: ${String(method)}` });
  const start = typeof input.startDate === "string" ? parseDate(input.startDate) : null;
  if (start === null)
    fail({
      code: "invalid-date",
      field: "startDate",
      message: "startDate must be a real date as YYYY-MM-DD",
    });
  const rounding = input.rounding ?? "half-up";
  if (!ROUNDING_MODES.includes(rounding))
    fail({ code: "invalid-option", field: "rounding", message: `unknown rounding: ${rounding}` });
  const dayBasis = input.dayBasis ?? 360;
  if (dayBasis !== 360 && dayBasis !== 365)
    fail({ code: "invalid-option", field: "dayBasis", message: "dayBasis must be 360 or 365" });
  const fixedDay = input.fixedRepaymentDay ?? null;
  if (fixedDay !== null && (!Number.isInteger(fixedDay) || fixedDay < 1 || fixedDay > 28))
    fail({
      code: "invalid-option",
      field: "fixedRepaymentDay",
      message: "fixedRepaymentDay must be 1 to 28",
    });
  const upfront = input.fees?.upfront ?? 0;
  if (!isFenAmount(upfront, { min: 0, max: principal - 1 }))
    fail({
      code: "invalid-fee",
      field: "fees.upfront",
      message: "the upfront fee must be whole fen, at least 0 and below the principal",
    });
  const fee = input.fees?.perPeriod ?? 0;
  if (!isFenAmount(fee, { min: 0, max: MAX_PRINCIPAL_FEN }))
    fail({
      code: "invalid-fee",
      field: "fees.perPeriod",
      message: "the per-period fee must be whole fen, at least 0",
    });
  const offset = input.periodOffset ?? 0;
  if (!Number.isInteger(offset) || offset < 0 || offset + termMonths > 2 * MAX_TERM_MONTHS)
    fail({
      code: "invalid-option",
      field: "periodOffset",
      message: "periodOffset must be a whole number ≥ 0",
    });
  return {
    principal,
    rate: rateFraction(annualRate),
    n: termMonths,
    method,
    start,
    rounding,
    dayBasis,
    fixedDay,
    fee,
    offset,
  };
}

/**
 * Days in a broken first period (fixed repayment day; the rule is in docs/loan-engine.md), or null
 * when the first period is a whole month and the monthly formula applies.
 */
function brokenFirstPeriodDays(terms: Terms, months: number): number | null {
  if (terms.fixedDay === null || terms.offset > 0) return null;
  const due = addMonths(firstFixedDueDate(terms.start, terms.fixedDay), months - 1);
  const regular = addMonths(terms.start, months);
  if (due.day === regular.day && due.month === regular.month && due.year === regular.year) return null;
  return daysBetween(terms.start, due);
}

export function buildSchedule(input: ScheduleInput): Schedule {
  const terms = validateScheduleInput(input);
  return terms.method === "bullet" ? bulletSchedule(terms) : periodicSchedule(terms);
}

function bulletSchedule(terms: Terms): Schedule {
  const { principal, rate, n, rounding } = terms;
  const days = brokenFirstPeriodDays(terms, n);
  const interest =
    days === null
      ? applyRate({ base: principal, rate, times: n, per: 12, mode: rounding })
      : applyRate({ base: principal, rate, times: days, per: terms.dayBasis, mode: rounding });
  const [dueDate] = dueDates({
    start: terms.start,
    firstMonth: terms.offset + n,
    count: 1,
    fixedRepaymentDay: terms.fixedDay,
  });
  const fee = terms.fee;
  const total = principal + interest + fee;
  const row = {
    period: terms.offset + 1,
    dueDate,
    principal: principal as Fen,
    interest: interest as Fen,
    fee: fee as Fen,
    total: total as Fen,
    remainingPrincipal: 0 as Fen,
  };
  return { installments: [row], totals: asTotals({ principal, interest, fee, total }) };
}

function periodicSchedule(terms: Terms): Schedule {
  const { principal: P, rate, n, method, rounding, fee } = terms;
  const dates = dueDates({
    start: terms.start,
    firstMonth: terms.offset + 1,
    count: n,
    fixedRepaymentDay: terms.fixedDay,
  });
  const brokenDays = brokenFirstPeriodDays(terms, 1);
  const monthly = (base: number) => applyRate({ base, rate, times: 1, per: 12, mode: rounding });
  // Per-period constants of each method, computed once.
  const installment =
    method === "equal-installment"
      ? equalInstallmentAmount({ principal: P, rate, termMonths: n, rounding })
      : 0;
  const principalPart =
    method === "equal-principal" || method === "flat"
      ? divRound({ numerator: P, denominator: n, mode: rounding })
      : 0;
  const flatInterest = method === "flat" || method === "interest-only" ? monthly(P) : 0;

  const rows = new Array<Installment>(n);
  let balance = P;
  let sumInterest = 0;
  for (let k = 1; k <= n; k++) {
    const last = k === n;
    const regularInterest = method === "flat" || method === "interest-only" ? flatInterest : monthly(balance);
    let principal: number;
    if (last) principal = balance;
    else if (method === "equal-installment") principal = installment - regularInterest;
    else if (method === "interest-only") principal = 0;
    else principal = principalPart;
    // Tiny loans can run out before the last period (e.g. ¥0.09 over 6 months): never pay more than is owed.
    if (principal > balance) principal = balance;
    const interest =
      k === 1 && brokenDays !== null
        ? applyRate({ base: P, rate, times: brokenDays, per: terms.dayBasis, mode: rounding })
        : regularInterest;
    balance -= principal;
    sumInterest += interest;
    rows[k - 1] = {
      period: terms.offset + k,
      dueDate: dates[k - 1],
      principal: principal as Fen,
      interest: interest as Fen,
      fee: fee as Fen,
      total: (principal + interest + fee) as Fen,
      remainingPrincipal: balance as Fen,
    };
  }
  const sumFee = fee * n;
  const total = P + sumInterest + sumFee;
  return {
    installments: rows,
    totals: asTotals({ principal: P, interest: sumInterest, fee: sumFee, total }),
  };
}

function asTotals(sums: { principal: number; interest: number; fee: number; total: number }): ScheduleTotals {
  return sums as ScheduleTotals;
}
