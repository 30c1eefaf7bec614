// Display formats shared by every page (UI.md conventions). Money arrives as decimal strings
// ("1234.50"); where a page needs arithmetic it goes through integer 分 as BigInt, never floats.
import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";

dayjs.extend(utc);
dayjs.extend(timezone);

// The company keeps China time: business days and audit filters are Beijing dates.
export const BUSINESS_TZ = "Asia/Shanghai";

const AMOUNT_PATTERN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "1234.5" → 123450n (分). Null when the string is not an amount with at most 2 decimals. */
export function toFen(amount: string): bigint | null {
  const match = AMOUNT_PATTERN.exec(amount.trim());
  if (!match) return null;
  const [, sign, whole, cents = ""] = match;
  const fen = BigInt(whole) * 100n + BigInt(cents.padEnd(2, "0"));
  return sign ? -fen : fen;
}

/** 123450n → "1234.50" */
export function fenToAmount(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
  return negative ? `-${text}` : text;
}

/** "1234567.8" → "¥1,234,567.80"; anything that is not an amount is shown as it came. */
export function formatMoney(amount: string | null | undefined): string {
  if (amount == null || amount === "") return "—";
  const fen = toFen(amount);
  if (fen === null) return amount;
  const [whole, cents] = fenToAmount(fen < 0n ? -fen : fen).split(".");
  return `${fen < 0n ? "-" : ""}¥${groupThousands(whole)}.${cents}`;
}

/** "1234567.89" → "123.46万" (rounded half up to 0.01 万). */
export function formatWan(amount: string): string {
  const fen = toFen(amount);
  if (fen === null) return amount;
  const abs = fen < 0n ? -fen : fen;
  // 1 万 = 1,000,000 分; two decimals of 万 = units of 10,000 分.
  const hundredths = (abs + 5_000n) / 10_000n;
  const text = `${groupThousands((hundredths / 100n).toString())}.${(hundredths % 100n).toString().padStart(2, "0")}万`;
  return fen < 0n ? `-${text}` : text;
}

const WAN_THRESHOLD_FEN = 10_000_000n; // ¥100,000: from here on people read sums in 万

/** Money plus the 万 form for large sums: "¥1,234,567.89(123.46万)". */
export function formatMoneyLong(amount: string): string {
  const fen = toFen(amount);
  if (fen === null || (fen < 0n ? -fen : fen) < WAN_THRESHOLD_FEN) return formatMoney(amount);
  return `${formatMoney(amount)}(${formatWan(amount)})`;
}

export function isLargeAmount(amount: string): boolean {
  const fen = toFen(amount);
  return fen !== null && (fen < 0n ? -fen : fen) >= WAN_THRESHOLD_FEN;
}

/** Shifts a decimal string's point: shiftDecimal("0.185", 2) = "18.5", shiftDecimal("18", -2) = "0.18". */
export function shiftDecimal(value: string, places: number): string | null {
  const match = /^(-)?(\d*)(?:\.(\d*))?$/.exec(value.trim());
  if (!match || (!match[2] && !match[3])) return null;
  const [, sign = "", whole = "", frac = ""] = match;
  let digits = `${whole}${frac}`;
  let point = whole.length + places;
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits.padEnd(point, "0");
  const intPart = digits.slice(0, point).replace(/^0+(?=\d)/, "") || "0";
  const fracPart = digits.slice(point).replace(/0+$/, "");
  return `${sign}${intPart}${fracPart ? `.${fracPart}` : ""}`;
}

/** Rounds a non-negative decimal string half up to `decimals` places, as a string. */
export function roundDecimal(value: string, decimals: number): string {
  const shifted = shiftDecimal(value, decimals);
  if (shifted === null) return value;
  const [whole, frac = ""] = shifted.split(".");
  let units = BigInt(whole.replace("-", "") || "0");
  if (frac && Number(frac[0]) >= 5) units += 1n;
  const text = units.toString().padStart(decimals + 1, "0");
  const body = decimals > 0 ? `${text.slice(0, -decimals)}.${text.slice(-decimals)}` : text;
  return whole.startsWith("-") && units !== 0n ? `-${body}` : body;
}

/** A rate as a decimal ("0.18") → "18.00%". */
export function formatRate(rate: string | null | undefined): string {
  if (rate == null || rate === "") return "—";
  const percent = shiftDecimal(rate, 2);
  return percent === null ? rate : `${roundDecimal(percent, 2)}%`;
}

/** A value already in percent ("18" or "18.0") → "18.00%". */
export function formatPercent(percent: string | null | undefined): string {
  if (percent == null || percent === "") return "—";
  return `${roundDecimal(percent, 2)}%`;
}

/** Date only, YYYY-MM-DD. Plain dates stay as they are; instants are read in China time. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return "—";
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return dayjs(value).tz(BUSINESS_TZ).format("YYYY-MM-DD");
}

/** An instant as YYYY-MM-DD HH:mm in China time. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return "—";
  return dayjs(value).tz(BUSINESS_TZ).format("YYYY-MM-DD HH:mm");
}

/** Today in China, YYYY-MM-DD. */
export function todayInChina(): string {
  return dayjs().tz(BUSINESS_TZ).format("YYYY-MM-DD");
}

/** For amount inputs: "1234567.8" → "1,234,567.8" while typing (decimals left as typed). */
export function groupAmountInput(value: string | number | undefined): string {
  if (value === undefined || value === "") return "";
  const [whole, frac] = String(value).split(".");
  return frac === undefined ? groupThousands(whole) : `${groupThousands(whole)}.${frac}`;
}

export function parseAmountInput(value: string | undefined): string {
  return (value ?? "").replace(/[¥,\s]/g, "");
}
