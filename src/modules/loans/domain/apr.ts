// APR by the IRR method (DOMAIN.md §3, PBOC 2021 No. 3): the monthly IRR of the borrower's real cash
// flows × 12, as a percent with 2 decimals; the compounded figure is (1+i)^12 − 1. Decimal is used
// because the search needs powers; Newton's step is taken only while it stays inside a bracket that
// always holds the root, otherwise the bracket is halved, so the search cannot diverge.
import { Dec, type Fen } from "../../../platform/money.ts";
import { monthsBetween, parseDate } from "./due-dates.ts";
import { LoanInputError } from "./errors.ts";
import type { Installment } from "./schedule.ts";

/** `time` in months from t0; `amount` in 分, positive = received by the borrower, negative = paid. */
export type CashFlow = { time: number; amount: number };

export type AprResult = {
  monthlyRate: Dec;
  /** IRR × 12 as a fraction (0.2146), unrounded: what a rate cap is checked against. */
  annualRate: Dec;
  /** "21.46" — IRR × 12 in percent (单利, the figure shown to customers). */
  percent: string;
  /** "23.87" — ((1+i)^12 − 1) in percent. */
  compoundedPercent: string;
};

const TOLERANCE = new Dec("1e-30");
const MAX_ITERATIONS = 400;

// Flows sorted by time, so each discount factor is the previous one times v^Δt (mostly Δt = 1).
function npv(flows: readonly CashFlow[], rate: Dec): { value: Dec; slope: Dec } {
  const growth = rate.plus(1);
  const v = new Dec(1).div(growth);
  let value = new Dec(0);
  let slope = new Dec(0);
  let time = 0;
  let discount = new Dec(1);
  for (const flow of flows) {
    const step = flow.time - time;
    if (step !== 0) discount = discount.times(step === 1 ? v : v.pow(step));
    time = flow.time;
    if (flow.amount === 0) continue;
    const present = discount.times(flow.amount);
    value = value.plus(present);
    if (time !== 0) slope = slope.minus(present.times(time));
  }
  return { value, slope: slope.times(v) };
}

/** The monthly rate i with Σ amount·(1+i)^−time = 0; flows must change sign. */
export function irr(cashFlows: readonly CashFlow[]): Dec {
  const flows = [...cashFlows].sort((a, b) => a.time - b.time);
  if (flows.some((flow) => !Number.isFinite(flow.time) || flow.time < 0 || !Number.isFinite(flow.amount)))
    throw new LoanInputError({
      code: "invalid-amount",
      field: "flows",
      message: "cash flows need finite amounts and times ≥ 0",
    });
  let low = new Dec("-0.99");
  let high = new Dec(1);
  let lowValue = npv(flows, low).value;
  let highValue = npv(flows, high).value;
  while (lowValue.isNegative() === highValue.isNegative() && high.lt(1e6)) {
    high = high.times(4);
    highValue = npv(flows, high).value;
  }
  if (lowValue.isZero()) return low;
  if (highValue.isZero()) return high;
  if (lowValue.isNegative() === highValue.isNegative())
    throw new LoanInputError({
      code: "invalid-amount",
      field: "flows",
      message: "the cash flows have no IRR",
    });

  let guess = new Dec("0.01");
  if (guess.lte(low) || guess.gte(high)) guess = low.plus(high).div(2);
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const { value, slope } = npv(flows, guess);
    if (value.isZero()) return guess;
    // Keep [low, high] around the sign change.
    if (value.isNegative() === lowValue.isNegative()) {
      low = guess;
      lowValue = value;
    } else {
      high = guess;
      highValue = value;
    }
    let next = slope.isZero() ? null : guess.minus(value.div(slope));
    if (next === null || next.lte(low) || next.gte(high)) next = low.plus(high).div(2);
    if (next.minus(guess).abs().lte(TOLERANCE) || high.minus(low).lte(TOLERANCE)) return next;
    guess = next;
  }
  return guess;
}

// A zero rate found as −1e-38 must still read "0.00", not "-0.00".
function percentText(fraction: Dec): string {
  const rounded = fraction.times(100).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  return (rounded.isZero() ? rounded.abs() : rounded).toFixed(2);
}

export function aprFromFlows(flows: readonly CashFlow[]): AprResult {
  const monthlyRate = irr(flows);
  const annualRate = monthlyRate.times(12);
  return {
    monthlyRate,
    annualRate,
    percent: percentText(annualRate),
    compoundedPercent: percentText(monthlyRate.plus(1).pow(12).minus(1)),
  };
}

/**
 * The borrower receives principal − upfront fee at the start date and pays every installment total
 * (fees included) on its due date; times are months by `monthsBetween` (whole for regular dates).
 */
export function scheduleApr(options: {
  // Plain numbers of 分 are accepted too (callers pass literals such as 0).
  principal: Fen | number;
  startDate: string;
  installments: readonly Pick<Installment, "dueDate" | "total">[];
  upfrontFee?: Fen | number;
}): AprResult {
  const start = parseDate(options.startDate);
  if (start === null) throw new LoanInputError({ code: "invalid-date", field: "startDate" });
  const flows: CashFlow[] = [{ time: 0, amount: options.principal - (options.upfrontFee ?? 0) }];
  for (const row of options.installments) {
    const due = parseDate(row.dueDate);
    if (due === null) throw new LoanInputError({ code: "invalid-date", field: "dueDate" });
    flows.push({ time: monthsBetween(start, due), amount: -row.total });
  }
  return aprFromFlows(flows);
}
