// One statement row read through the column mapping: a real date, an amount exact to the fen (never a
// float), the payer, the memo and the channel's reference — or why the row cannot be a repayment.
import { type Fen, parseAmount } from "../../../../platform/money.ts";
import type { ColumnMapping } from "../repayment-imports.schema.ts";

export type RowFields = {
  date: string | null;
  amount: Fen | null;
  payerName: string | null;
  payerAccount: string | null;
  memo: string | null;
  reference: string | null;
};

/** A row that is not money in (outgoing, a total line) is skipped; one that should be but is broken is invalid. */
export type RowProblem =
  | { kind: "skipped"; reason: "import-row-outgoing" | "import-row-summary" | "import-row-no-amount" }
  | { kind: "invalid"; reason: "invalid-date" | "invalid-amount" | "import-row-no-reference" };

const pad = (n: string) => n.padStart(2, "0");

function realDate(y: string, m: string, d: string): string | null {
  const text = `${y}-${pad(m)}-${pad(d)}`;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text ? text : null;
}

/** 2026-11-28, 2026/11/28, 2026.11.28, 20261128, 2026年11月28日, each optionally followed by a time. */
export function parseStatementDate(text: string): string | null {
  const t = text.trim();
  const separated =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(t);
  if (separated) return realDate(separated[1], separated[2], separated[3]);
  const compact = /^(\d{4})(\d{2})(\d{2})(?:\s?\d{2}:?\d{2}:?\d{2})?$/.exec(t);
  if (compact) return realDate(compact[1], compact[2], compact[3]);
  return null;
}

/**
 * "¥1,234.56", "1234.5元", "+300.00", "(1,234.56)" (negative), "1234.560" (trailing zeros are still
 * exact). Null for anything not exact to the fen, such as "100.005".
 */
export function parseStatementAmount(text: string): Fen | null {
  let t = text.trim().replace(/[¥￥,，\s]|元|RMB|CNY/gi, "");
  const bracketed = /^\((.*)\)$/.exec(t);
  if (bracketed) t = `-${bracketed[1]}`;
  if (t.startsWith("+")) t = t.slice(1);
  const decimals = /^(-?\d+)\.(\d+)$/.exec(t);
  if (decimals && decimals[2].length > 2) {
    if (!/^0+$/.test(decimals[2].slice(2))) return null;
    t = `${decimals[1]}.${decimals[2].slice(0, 2)}`;
  }
  return parseAmount(t);
}

const cell = (cells: readonly string[], column: number | null) => {
  if (column === null) return null;
  const value = (cells[column] ?? "").trim();
  return value === "" ? null : value;
};

const SUMMARY = /^(合计|总计|小计|本页合计|本期合计|累计|total)/i;

export function readRow(
  cells: readonly string[],
  mapping: ColumnMapping,
): { fields: RowFields; problem: RowProblem | null } {
  const dateText = cell(cells, mapping.date);
  const amountText = cell(cells, mapping.amount);
  const fields: RowFields = {
    date: dateText === null ? null : parseStatementDate(dateText),
    amount: amountText === null ? null : parseStatementAmount(amountText),
    payerName: cell(cells, mapping.payerName),
    // Account numbers are compared by their digits; banks print them with spaces or dashes.
    payerAccount: cell(cells, mapping.payerAccount)?.replace(/[\s-]/g, "") || null,
    memo: cell(cells, mapping.memo),
    reference: cell(cells, mapping.reference),
  };
  const first = cells.find((c) => c.trim() !== "") ?? "";
  if (SUMMARY.test(first.trim()))
    return { fields, problem: { kind: "skipped", reason: "import-row-summary" } };
  // A blank amount is a debit line of a statement with separate 借方/贷方 columns.
  if (amountText === null) return { fields, problem: { kind: "skipped", reason: "import-row-no-amount" } };
  if (fields.amount === null) return { fields, problem: { kind: "invalid", reason: "invalid-amount" } };
  if (fields.amount < 0) return { fields, problem: { kind: "skipped", reason: "import-row-outgoing" } };
  if (fields.amount === 0) return { fields, problem: { kind: "skipped", reason: "import-row-no-amount" } };
  if (fields.date === null) return { fields, problem: { kind: "invalid", reason: "invalid-date" } };
  if (fields.reference === null)
    return { fields, problem: { kind: "invalid", reason: "import-row-no-reference" } };
  return { fields, problem: null };
}
