// The company works on China time (UTC+8, no daylight saving). "Today" for a default start date is
// the calendar day in Beijing; the business date of the daily batch is a separate setting.
const CHINA_OFFSET_MS = 8 * 3600_000;

export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
