// Money is integer 分 (fen) everywhere inside the product (DOMAIN.md §2). Amounts cross the API,
// CLI and exports as decimal strings with exactly two places ("5307.27"). Binary floats never
// hold money: parsing goes through strings and Decimal, rounding is ROUND_HALF_UP unless a
// product says otherwise.
import Decimal from "decimal.js";

export type Fen = number & { readonly __fen: true };

export type RoundingMode = "half-up" | "half-even" | "down" | "up";

const DECIMAL_ROUNDING: Record<RoundingMode, Decimal.Rounding> = {
  "half-up": Decimal.ROUND_HALF_UP,
  "half-even": Decimal.ROUND_HALF_EVEN,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
};

// Plenty of precision for (1+r)^360 and IRR searches; Decimal is only used where powers/roots are needed.
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

const AMOUNT_PATTERN = /^-?\d{1,13}(\.\d{1,2})?$/;

export function fen(value: number): Fen {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number of fen: ${value}`);
  return value as Fen;
}

export const ZERO = 0 as Fen;

/** Parses "1234.5" / "1234.50" / "1234" into 分; returns null for anything else (3 decimals, floats, junk). */
export function parseAmount(text: string): Fen | null {
  const trimmed = text.trim();
  if (!AMOUNT_PATTERN.test(trimmed)) return null;
  const negative = trimmed.startsWith("-");
  const [whole, part = ""] = trimmed.replace("-", "").split(".");
  const value = Number(whole) * 100 + Number(part.padEnd(2, "0"));
  return fen(negative ? -value : value);
}

export function formatAmount(amount: Fen | number): string {
  const value = Math.trunc(amount);
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Rounds a Decimal number of 分 to a whole 分 with the given mode. */
export function roundFen(value: Decimal, mode: RoundingMode = "half-up"): Fen {
  return fen(value.toDecimalPlaces(0, DECIMAL_ROUNDING[mode]).toNumber());
}

export function addFen(...values: Fen[]): Fen {
  let total = 0;
  for (const v of values) total += v;
  return fen(total);
}

export function sumFen(values: readonly Fen[]): Fen {
  return addFen(...values);
}

export function subFen(a: Fen, b: Fen): Fen {
  return fen(a - b);
}

export function minFen(a: Fen, b: Fen): Fen {
  return (a < b ? a : b) as Fen;
}

export function maxFen(a: Fen, b: Fen): Fen {
  return (a > b ? a : b) as Fen;
}

const RATE_PATTERN = /^\d{1,3}(\.\d{1,10})?$/;

/** Rates are annual nominal decimals as strings ("0.18"); kept as Decimal so 0.049/12 stays exact enough. */
export function parseRate(text: string): Decimal | null {
  const trimmed = text.trim();
  if (!RATE_PATTERN.test(trimmed)) return null;
  return new Dec(trimmed);
}

export function formatRate(rate: Decimal, places = 4): string {
  return rate.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed();
}

/** "¥1,234.56" for the UI and documents. */
export function formatYuan(amount: Fen | number): string {
  const text = formatAmount(amount);
  const negative = text.startsWith("-");
  const [whole, part] = text.replace("-", "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}¥${grouped}.${part}`;
}
