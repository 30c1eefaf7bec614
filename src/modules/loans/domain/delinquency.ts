// Overdue status of a loan (DOMAIN.md §4): days past due, penalty interest, M-buckets, the
// five-level classification (五级分类) and loan-loss provisions. Thresholds and rates are
// parameters with the DOMAIN defaults, because they are settings a product or plan may change.
import { Dec, type Fen, type RoundingMode, roundFen } from "../../../platform/money.ts";
import { type CalendarDate, daysBetween, parseDate } from "./due-dates.ts";
import { LoanInputError } from "./errors.ts";
import { applyRate, rateFraction } from "./rate-math.ts";
import type { DayBasis } from "./schedule.ts";

export type Classification = "normal" | "special-mention" | "substandard" | "doubtful" | "loss";
export type Bucket = "M0" | "M1" | "M2" | "M3" | "M4" | "M5" | "M6" | "M7";

function date(text: string, field: string): CalendarDate {
  const parsed = parseDate(text);
  if (parsed === null) throw new LoanInputError({ code: "invalid-date", field });
  return parsed;
}

/** 逾期天数: business date − oldest unpaid due date; 0 when nothing is unpaid or it is not yet late. */
export function daysPastDue(options: { businessDate: string; oldestUnpaidDueDate: string | null }): number {
  if (options.oldestUnpaidDueDate === null) return 0;
  const days = daysBetween(
    date(options.oldestUnpaidDueDate, "oldestUnpaidDueDate"),
    date(options.businessDate, "businessDate"),
  );
  return Math.max(days, 0);
}

export const DEFAULT_PENALTY_MULTIPLIER = new Dec("1.5");

/** Default 罚息 rate = contract rate × multiplier (1.5 unless the product says otherwise). */
export function penaltyRate(options: { contractRate: Dec; multiplier?: Dec }): Dec {
  return options.contractRate.times(options.multiplier ?? DEFAULT_PENALTY_MULTIPLIER);
}

/**
 * Simple (non-compounding) penalty on overdue principal for `days` days: round(principal × rate ×
 * days / dayBasis). The daily batch posts accrued(d) − accrued(d − 1) of this cumulative figure, so
 * the daily postings add up to exactly the rounded total instead of drifting by a 分 a day.
 */
export function accruePenalty(options: {
  overduePrincipal: Fen;
  penaltyAnnualRate: Dec;
  days: number;
  dayBasis?: DayBasis;
  rounding?: RoundingMode;
}): Fen {
  const { overduePrincipal, penaltyAnnualRate, days } = options;
  if (!Number.isSafeInteger(overduePrincipal) || overduePrincipal < 0)
    throw new LoanInputError({ code: "invalid-amount", field: "overduePrincipal" });
  if (!Number.isInteger(days) || days < 0)
    throw new LoanInputError({ code: "invalid-option", field: "days" });
  if (!penaltyAnnualRate.isFinite() || penaltyAnnualRate.isNegative())
    throw new LoanInputError({ code: "invalid-rate", field: "penaltyAnnualRate" });
  return applyRate({
    base: overduePrincipal,
    rate: rateFraction(penaltyAnnualRate),
    times: days,
    per: options.dayBasis ?? 360,
    mode: options.rounding ?? "half-up",
  }) as Fen;
}

const BUCKETS: readonly Bucket[] = ["M0", "M1", "M2", "M3", "M4", "M5", "M6", "M7"];

/** M0 current, M1 1–30, … M6 151–180, M7 180+ (181 days and more). */
export function bucketOf(dpd: number): Bucket {
  if (dpd <= 0) return "M0";
  return BUCKETS[Math.min(7, Math.ceil(dpd / 30))];
}

/** The lowest DPD of each class; DOMAIN §4 defaults: 关注 1–90, 次级 91–270, 可疑 271–360, 损失 > 360. */
export type ClassificationThresholds = {
  specialMention: number;
  substandard: number;
  doubtful: number;
  loss: number;
};

export const DEFAULT_CLASSIFICATION_THRESHOLDS: ClassificationThresholds = {
  specialMention: 1,
  substandard: 91,
  doubtful: 271,
  loss: 361,
};

export function classify(dpd: number, thresholds = DEFAULT_CLASSIFICATION_THRESHOLDS): Classification {
  if (dpd >= thresholds.loss) return "loss";
  if (dpd >= thresholds.doubtful) return "doubtful";
  if (dpd >= thresholds.substandard) return "substandard";
  if (dpd >= thresholds.specialMention) return "special-mention";
  return "normal";
}

export type ProvisionRates = Record<Classification, Dec>;

export const DEFAULT_PROVISION_RATES: ProvisionRates = {
  normal: new Dec("0.01"),
  "special-mention": new Dec("0.02"),
  substandard: new Dec("0.25"),
  doubtful: new Dec("0.5"),
  loss: new Dec("1"),
};

export function provisionFor(options: {
  outstandingPrincipal: Fen;
  classification: Classification;
  rates?: ProvisionRates;
  rounding?: RoundingMode;
}): Fen {
  const rate = (options.rates ?? DEFAULT_PROVISION_RATES)[options.classification];
  return roundFen(rate.times(options.outstandingPrincipal), options.rounding);
}

/** Totals by class for a book of loans: principal and provision per class. */
export function provisionsByClass(options: {
  loans: readonly { outstandingPrincipal: Fen; dpd: number }[];
  thresholds?: ClassificationThresholds;
  rates?: ProvisionRates;
}): Record<Classification, { principal: Fen; provision: Fen }> {
  const result = {} as Record<Classification, { principal: Fen; provision: Fen }>;
  for (const key of ["normal", "special-mention", "substandard", "doubtful", "loss"] as const)
    result[key] = { principal: 0 as Fen, provision: 0 as Fen };
  for (const loan of options.loans) {
    const classification = classify(loan.dpd, options.thresholds);
    const entry = result[classification];
    entry.principal = (entry.principal + loan.outstandingPrincipal) as Fen;
    entry.provision = (entry.provision +
      provisionFor({
        outstandingPrincipal: loan.outstandingPrincipal,
        classification,
        rates: options.rates,
      })) as Fen;
  }
  return result;
}
