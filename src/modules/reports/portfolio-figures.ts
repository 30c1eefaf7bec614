// Pieces of the portfolio overview that its parts share: the classes and buckets in report order, what
// counts as non-performing, ratios to four places, and the month list.
import { Dec } from "../../platform/money.ts";

export const CLASSIFICATIONS = ["normal", "special-mention", "substandard", "doubtful", "loss"] as const;
export const BUCKETS = ["M0", "M1", "M2", "M3", "M4", "M5", "M6", "M7"] as const;
/** 不良: 次级 + 可疑 + 损失 (DOMAIN.md §4). */
export const NON_PERFORMING = new Set<string>(["substandard", "doubtful", "loss"]);
export const PAR_DAYS = 30;

/** numerator / denominator to four decimals ("0.0523"), or null when there is nothing to divide by. */
export function ratio(numerator: number, denominator: number): string | null {
  if (denominator === 0) return null;
  return new Dec(numerator).div(denominator).toDecimalPlaces(4).toFixed(4);
}

/** "2026-11" and the n−1 months before it, oldest first. */
export function monthsEndingAt(month: string, n: number): string[] {
  const [year, mon] = month.split("-").map(Number);
  const index = year * 12 + (mon - 1);
  return Array.from({ length: n }, (_, k) => {
    const at = index - (n - 1) + k;
    return `${Math.floor(at / 12)}-${String((at % 12) + 1).padStart(2, "0")}`;
  });
}

/**
 * The same day of the month before, for "this month so far against the same days of last month":
 * 2026-11-28 → 2026-10-28; a day the month lacks falls back to its last (2026-03-31 → 2026-02-28).
 */
export function sameDayLastMonth(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  const prevYear = month === 1 ? year - 1 : year;
  const prevMonth = month === 1 ? 12 : month - 1;
  const lastDay = new Date(Date.UTC(prevYear, prevMonth, 0)).getUTCDate();
  return `${prevYear}-${String(prevMonth).padStart(2, "0")}-${String(Math.min(day, lastDay)).padStart(2, "0")}`;
}

/** A group of the book as read from loans: one officer, class, bucket and PAR30 side. */
export type BookRow = {
  officer_id: string | null;
  classification: string;
  bucket: string;
  par: boolean;
  loans: number;
  principal: string;
  provision: string;
};
