// Calendar arithmetic on plain "YYYY-MM-DD" strings (no time zones: a due date is a business day,
// not an instant). Due dates follow DOMAIN.md §2: each period counted from the start date, never
// chained from the previous due date, and clamped to the month's last day.

export type CalendarDate = { readonly year: number; readonly month: number; readonly day: number };

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// Years outside this window are typing mistakes here, and Date.UTC treats years < 100 specially.
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;
const DAY_MS = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

/** A real calendar date or null ("2026-02-30", "2026-2-3", "20260203" are all null). */
export function parseDate(text: string): CalendarDate | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, "0"));

function pad2(value: number): string {
  return value < 10 ? `0${value}` : `${value}`;
}

export function formatDate(date: CalendarDate): string {
  return `${date.year}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** The same day-of-month `months` later, clamped to that month's last day (01-31 + 1 → 02-28). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.month - 1 + months;
  const year = date.year + Math.floor(index / 12);
  const month = (((index % 12) + 12) % 12) + 1;
  const last = daysInMonth(year, month);
  return { year, month, day: Math.min(date.day, last) };
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function epochDay(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return epochDay(to) - epochDay(from);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const value = new Date((epochDay(date) + days) * DAY_MS);
  return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
}

/**
 * 每月固定还款日: the first due date is the earliest date on day `repaymentDay` that is on or after
 * the start date plus one month; later ones fall on the same day of each following month.
 */
export function firstFixedDueDate(start: CalendarDate, repaymentDay: number): CalendarDate {
  const oneMonth = addMonths(start, 1);
  if (oneMonth.day <= repaymentDay) return { year: oneMonth.year, month: oneMonth.month, day: repaymentDay };
  const next = addMonths({ year: oneMonth.year, month: oneMonth.month, day: 1 }, 1);
  return { year: next.year, month: next.month, day: repaymentDay };
}

/**
 * Due dates of periods `offset + 1 … offset + count` (bullet loans ask for one date at month n).
 * With a fixed repayment day (1–28, so never clamped) they hang off the first fixed due date instead.
 */
export function dueDates(options: {
  start: CalendarDate;
  firstMonth: number;
  count: number;
  fixedRepaymentDay: number | null;
}): string[] {
  const { start, firstMonth, count, fixedRepaymentDay } = options;
  // With a fixed day (1–28, never clamped) the dates hang off the first fixed due date.
  const anchor = fixedRepaymentDay === null ? start : firstFixedDueDate(start, fixedRepaymentDay);
  const first = addMonths(anchor, fixedRepaymentDay === null ? firstMonth : firstMonth - 1);
  const dates = new Array<string>(count);
  // Walk month by month without allocating a date per row: this loop is most of a 360-row schedule.
  let year = first.year;
  let month = first.month;
  let prefix = `${year}-`;
  for (let i = 0; i < count; i++) {
    const last = daysInMonth(year, month);
    dates[i] = `${prefix}${TWO_DIGITS[month]}-${TWO_DIGITS[Math.min(anchor.day, last)]}`;
    if (month === 12) {
      month = 1;
      year += 1;
      prefix = `${year}-`;
    } else month += 1;
  }
  return dates;
}

/**
 * Time from `start` to `date` in months: whole months by the due-date rule, plus the fraction of the
 * following month actually elapsed. Regular due dates are whole numbers, which keeps the IRR exact.
 */
export function monthsBetween(start: CalendarDate, date: CalendarDate): number {
  let months = (date.year - start.year) * 12 + (date.month - start.month);
  if (compareDates(addMonths(start, months), date) > 0) months -= 1;
  while (compareDates(addMonths(start, months + 1), date) <= 0) months += 1;
  const from = addMonths(start, months);
  const rest = daysBetween(from, date);
  return rest === 0 ? months : months + rest / daysBetween(from, addMonths(start, months + 1));
}
