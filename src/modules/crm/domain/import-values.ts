// Cell values as phone systems and spreadsheets write them: times in several layouts (China time
// unless they say otherwise), durations in seconds or h:mm:ss, phone numbers with prefixes. Pure.

/**
 * "2026-11-03 09:15:22", "2026/11/3 9:15", "2026-11-03T01:15:22Z", "20261103091522", or epoch
 * seconds/milliseconds → a Date; null when it is none of these or not a real time.
 */
export function parseTimestamp(text: string): Date | null {
  const value = text.trim();
  if (value === "") return null;
  if (/^\d{10}$/.test(value)) return new Date(Number(value) * 1000);
  if (/^\d{13}$/.test(value)) return new Date(Number(value));
  let m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (m) return build(m[1], m[2], m[3], m[4], m[5], m[6], "", null);
  m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      value,
    );
  if (!m) return null;
  return build(m[1], m[2], m[3], m[4] ?? "0", m[5] ?? "0", m[6] ?? "0", m[7] ?? "", m[8] ?? null);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

// Arithmetic rather than Date's string parser: an import reads three times per row, 100,000 rows.
function build(
  y: string,
  mo: string,
  d: string,
  h: string,
  mi: string,
  s: string,
  fraction: string,
  zone: string | null,
): Date | null {
  const [year, month, day, hour, minute, second] = [
    Number(y),
    Number(mo),
    Number(d),
    Number(h),
    Number(mi),
    Number(s),
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 || day < 1) return null;
  if (day > (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1])) return null;
  const ms = fraction ? Number(fraction.padEnd(3, "0").slice(0, 3)) : 0;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes(zone) * 60_000);
}

/** Minutes east of UTC: China time when the text names no zone. */
function offsetMinutes(zone: string | null): number {
  if (zone === null) return 8 * 60;
  if (zone.toUpperCase() === "Z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** "65", "65.0", "1:05", "00:01:05" → 65; null for anything else (negative, fractional, junk). */
export function parseSeconds(text: string): number | null {
  const value = text.trim();
  if (/^\d{1,6}(\.0+)?$/.test(value)) return Number.parseInt(value, 10);
  const m = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [h, mi, s] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (s > 59 || (m[1] !== undefined && mi > 59)) return null;
  return h * 3600 + mi * 60 + s;
}

export type PhoneKind = "mobile" | "landline";

/**
 * A customer-side number: a mainland mobile (+86/86/0 dialling prefixes dropped) or a landline with
 * its area code (0 + 9–11 digits). Returns the digits stored and looked up, or null.
 */
export function normaliseCounterpart(text: string): { number: string; kind: PhoneKind } | null {
  let digits = text.trim().replace(/[\s\-()（）]/g, "");
  if (digits.startsWith("+86")) digits = digits.slice(3);
  else if (/^86\d{11}$/.test(digits)) digits = digits.slice(2);
  else if (/^0086\d{11}$/.test(digits)) digits = digits.slice(4);
  if (/^01[3-9]\d{9}$/.test(digits)) digits = digits.slice(1);
  if (/^1[3-9]\d{9}$/.test(digits)) return { number: digits, kind: "mobile" };
  if (/^0[1-9]\d{8,10}$/.test(digits)) return { number: digits, kind: "landline" };
  return null;
}

/** The agent's side of a call: an extension, a landline or a mobile — 3 to 20 digits. */
export function normaliseAgentLine(text: string): string | null {
  const digits = text.trim().replace(/[\s\-()+]/g, "");
  return /^\d{3,20}$/.test(digits) ? digits : null;
}

export type Direction = "outbound" | "inbound";

const DIRECTIONS: Record<string, Direction> = {
  outbound: "outbound",
  out: "outbound",
  o: "outbound",
  呼出: "outbound",
  外呼: "outbound",
  去电: "outbound",
  inbound: "inbound",
  in: "inbound",
  i: "inbound",
  呼入: "inbound",
  来电: "inbound",
};

export function parseDirection(text: string): Direction | null {
  return DIRECTIONS[text.trim().toLowerCase()] ?? null;
}
