// Rate ceilings (DOMAIN.md §3): an APR above the configured cap (default 24%) is refused; above
// 4 × the one-year LPR in force on the date it is flagged, since loans must come down to that line
// by the end of 2027. The LPR is a dated table because it changes every few months.
import { Dec, parseRate } from "../../../platform/money.ts";
import { type CalendarDate, compareDates, parseDate } from "./due-dates.ts";
import { LoanInputError } from "./errors.ts";

export type LprEntry = { from: string; rate: string };

export type RateCheck = {
  status: "ok" | "flagged" | "refused";
  apr: Dec;
  cap: Dec;
  lpr: Dec | null;
  // 4 × LPR, or null when the table has no entry in force on the date.
  lprLine: Dec | null;
  reasons: ("above-cap" | "above-4x-lpr")[];
};

export const DEFAULT_RATE_CAP = new Dec("0.24");
export const DEFAULT_LPR_MULTIPLE = new Dec(4);

/** The entry with the latest `from` on or before `date`. */
export function lprOn(options: { date: string; table: readonly LprEntry[] }): Dec | null {
  const day = parseDate(options.date);
  if (day === null) throw new LoanInputError({ code: "invalid-date", field: "date" });
  let best: { from: CalendarDate; rate: Dec } | null = null;
  for (const entry of options.table) {
    const from = parseDate(entry.from);
    if (from === null) throw new LoanInputError({ code: "invalid-date", field: "lprTable.from" });
    const rate = parseRate(entry.rate);
    if (rate === null) throw new LoanInputError({ code: "invalid-rate", field: "lprTable.rate" });
    if (compareDates(from, day) <= 0 && (best === null || compareDates(from, best.from) >= 0))
      best = { from, rate };
  }
  return best === null ? null : best.rate;
}

/** `apr` is the unrounded annual fraction (AprResult.annualRate), so 24.004% is not let through as "24.00". */
export function checkRateCap(options: {
  apr: Dec;
  date: string;
  lprTable: readonly LprEntry[];
  cap?: Dec;
  lprMultiple?: Dec;
}): RateCheck {
  const cap = options.cap ?? DEFAULT_RATE_CAP;
  const lpr = lprOn({ date: options.date, table: options.lprTable });
  const lprLine = lpr === null ? null : lpr.times(options.lprMultiple ?? DEFAULT_LPR_MULTIPLE);
  const reasons: RateCheck["reasons"] = [];
  if (options.apr.gt(cap)) reasons.push("above-cap");
  if (lprLine !== null && options.apr.gt(lprLine)) reasons.push("above-4x-lpr");
  const status = reasons.includes("above-cap") ? "refused" : reasons.length > 0 ? "flagged" : "ok";
  return { status, apr: options.apr, cap, lpr, lprLine, reasons };
}
