// Collections rules speak of wall-clock time in China (UTC+8, no daylight saving): "no calls after
// 22:00" means 22:00 in Beijing, whatever the server's time zone.
const CHINA_OFFSET_MS = 8 * 3600_000;

export type ChinaClock = { day: string; minutes: number; time: string };

export function chinaClock(at: Date): ChinaClock {
  const shifted = new Date(at.getTime() + CHINA_OFFSET_MS);
  const iso = shifted.toISOString();
  const minutes = shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
  return { day: iso.slice(0, 10), minutes, time: iso.slice(11, 16) };
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isClockTime(text: string): boolean {
  return HH_MM.test(text);
}

export function minutesOf(time: string): number {
  const match = HH_MM.exec(time);
  if (!match) throw new RangeError(`not a time of day: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Whether a minute of the day lies in [start, end); a window with end ≤ start runs over midnight. */
export function inWindow(minute: number, start: string, end: string): boolean {
  const s = minutesOf(start);
  const e = minutesOf(end);
  if (s === e) return false;
  return s < e ? minute >= s && minute < e : minute >= s || minute < e;
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
