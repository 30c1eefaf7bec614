// Calendar arithmetic of the KPIs on "YYYY-MM-DD" strings: the day, the ISO week (Monday to Sunday)
// and the calendar month a date falls in, and the working days among them. Pure.
import { todayInChina } from "../../../platform/clock.ts";

export type PeriodKind = "day" | "week" | "month";
export type DateRange = { from: string; to: string };

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function monthRange(month: string): DateRange {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

/** "2026-11" plus n months. */
export function addMonthsToMonth(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Whole months from `from` to `to` ("2026-01" → "2026-03" is 2). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number);
  const [ty, tm] = to.split("-").map(Number);
  return ty * 12 + tm - (fy * 12 + fm);
}

export function periodRange(kind: PeriodKind, date: string): DateRange {
  if (kind === "day") return { from: date, to: date };
  if (kind === "week") {
    const from = addDays(date, 1 - isoWeekday(date));
    return { from, to: addDays(from, 6) };
  }
  return monthRange(monthOf(date));
}

export function daysOf(range: DateRange): string[] {
  const days: string[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) days.push(d);
  return days;
}

export function workingDaysOf(range: DateRange, weekdays: readonly number[]): string[] {
  return daysOf(range).filter((d) => weekdays.includes(isoWeekday(d)));
}

/** The earlier of two dates (ISO dates compare as text). */
export function earlier(a: string, b: string): string {
  return [a, b].sort()[0];
}

export function later(a: string, b: string): string {
  return [a, b].sort()[1];
}

/** The smallest range covering both. */
export function spanOf(a: DateRange, b: DateRange): DateRange {
  return { from: earlier(a.from, b.from), to: later(a.to, b.to) };
}

/** The China-time calendar day of an instant (the company keeps China time, no daylight saving). */
export function chinaDayOf(instant: Date): string {
  return todayInChina(instant);
}

/** The instant a China-time day starts. */
export function chinaDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}
