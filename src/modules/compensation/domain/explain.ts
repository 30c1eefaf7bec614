// Text helpers for statement lines: every amount carries its arithmetic in zh-CN and en-US, with
// amounts grouped the way people read them on a payslip ("60,000.00").
import type { Locale } from "../../../platform/messages.ts";
import { Dec, type Fen, formatAmount } from "../../../platform/money.ts";

export type Bilingual = Record<Locale, string>;

// A plain loop, not a look-ahead regex: a payroll run formats a few hundred thousand amounts.
export function groupedAmount(amount: Fen | number): string {
  const text = formatAmount(amount);
  const negative = text.startsWith("-");
  const dot = text.indexOf(".");
  const whole = text.slice(negative ? 1 : 0, dot);
  let grouped = "";
  for (let end = whole.length; end > 0; end -= 3) {
    const start = Math.max(0, end - 3);
    grouped = start > 0 ? `,${whole.slice(start, end)}${grouped}` : `${whole.slice(start, end)}${grouped}`;
  }
  return `${negative ? "-" : ""}${grouped}${text.slice(dot)}`;
}

/** "0.005" → "0.5%". */
export function percent(rate: string): string {
  return `${new Dec(rate).mul(100).toFixed()}%`;
}

/** One string for the JSON contract, whose `explanation` is a single field: Chinese first. */
export function joinBilingual(text: Bilingual): string {
  return text["zh-CN"] === text["en-US"] ? text["zh-CN"] : `${text["zh-CN"]} | ${text["en-US"]}`;
}
