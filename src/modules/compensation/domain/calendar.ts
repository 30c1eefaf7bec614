// Calendar arithmetic on "YYYY-MM" and "YYYY-MM-DD" strings, kept to whole dates: payroll never needs
// a time of day or a time zone, and ISO strings compare correctly as text.
export type YearMonth = { year: number; month: number };

const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth({ year, month }: YearMonth): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseYearMonth(text: string): YearMonth | null {
  const match = MONTH_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (year < 1900 || month < 1 || month > 12) return null;
  return { year, month };
}

export function isValidDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const ym = parseYearMonth(`${match[1]}-${match[2]}`);
  const day = Number(match[3]);
  return ym !== null && day >= 1 && day <= daysInMonth(ym);
}

/** Months from `from` to `to`: 0 for the same month, 1 for the next, negative before. */
export function monthsBetween(from: YearMonth, to: YearMonth): number {
  return (to.year - from.year) * 12 + (to.month - from.month);
}

export function monthOfDate(date: string): YearMonth {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

export function monthBounds(ym: YearMonth): { first: string; last: string } {
  const prefix = `${ym.year}-${String(ym.month).padStart(2, "0")}`;
  return { first: `${prefix}-01`, last: `${prefix}-${String(daysInMonth(ym)).padStart(2, "0")}` };
}

/** Inclusive day count between two dates of the same month. */
export function daysInclusive(from: string, to: string): number {
  return Number(to.slice(8, 10)) - Number(from.slice(8, 10)) + 1;
}
