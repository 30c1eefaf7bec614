// Finds the header row of a statement and which column holds what, from the headings Chinese banks,
// WeChat Pay and Alipay use (交易日期, 贷方金额, 对方户名, 对方账号, 摘要/附言, 流水号 …). Banks put a
// title and account lines above the table, so the header is looked for in the first rows.
import type { ColumnMapping, ImportField } from "../repayment-imports.schema.ts";

export const IMPORT_FIELDS: readonly ImportField[] = [
  "date",
  "amount",
  "payerName",
  "payerAccount",
  "memo",
  "reference",
];
/** Without these a row cannot be posted or deduplicated. */
export const REQUIRED_FIELDS: readonly ImportField[] = ["date", "amount", "reference"];

// Exact headings first (strongest), in order of preference within a field: a statement with both
// 贷方金额 and 金额 means money in by 贷方金额.
const SYNONYMS: Record<ImportField, string[]> = {
  date: [
    "交易日期",
    "记账日期",
    "入账日期",
    "到账日期",
    "交易时间",
    "付款时间",
    "支付时间",
    "入账时间",
    "交易日",
    "日期",
    "创建时间",
    "date",
    "transactiondate",
    "valuedate",
  ],
  amount: [
    "贷方金额",
    "贷方发生额",
    "收入金额",
    "入账金额",
    "收款金额",
    "收入",
    "贷方",
    "交易金额",
    "金额",
    "amount",
    "credit",
    "creditamount",
  ],
  payerName: [
    "对方户名",
    "对方账户名",
    "对方账户名称",
    "对方名称",
    "付款人名称",
    "付款人户名",
    "付款人",
    "付款方",
    "交易对方",
    "对方",
    "payer",
    "payername",
    "counterparty",
  ],
  payerAccount: [
    "对方账号",
    "对方账户",
    "对方卡号",
    "付款人账号",
    "付款账号",
    "付款方账号",
    "对方账户号",
    "payeraccount",
    "account",
    "accountno",
  ],
  memo: [
    "摘要",
    "附言",
    "交易附言",
    "备注",
    "用途",
    "交易摘要",
    "商品说明",
    "商品",
    "memo",
    "remark",
    "description",
  ],
  reference: [
    "流水号",
    "交易流水号",
    "银行流水号",
    "交易流水",
    "交易号",
    "交易单号",
    "交易订单号",
    "商户单号",
    "订单号",
    "凭证号",
    "reference",
    "transactionid",
    "serialno",
  ],
};

// Headings that look like a field but are not it (a 余额 column must never be read as the amount).
const NOT_AMOUNT = ["借方", "支出", "余额", "balance", "debit", "手续费"];

/** Lower case, no spaces, no unit in brackets: "交易金额(元)" → "交易金额". */
export function normaliseHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, "")
    .replace(/[\s_:：*]/g, "");
}

/** How well a heading names a field: 100 − rank for an exact synonym, 40 − rank when it contains one. */
function score(field: ImportField, heading: string): number {
  if (!heading) return 0;
  if (field === "amount" && NOT_AMOUNT.some((n) => heading.includes(n))) return 0;
  const list = SYNONYMS[field];
  const exact = list.indexOf(heading);
  if (exact >= 0) return 100 - exact;
  const partial = list.findIndex((s) => s.length >= 2 && heading.includes(s));
  return partial >= 0 ? 40 - partial : 0;
}

export function emptyMapping(): ColumnMapping {
  return { date: null, amount: null, payerName: null, payerAccount: null, memo: null, reference: null };
}

/** Best column per field, each column used once, strongest matches first. */
export function suggestMapping(headings: readonly string[]): ColumnMapping {
  const normalised = headings.map(normaliseHeading);
  const pairs: { field: ImportField; column: number; score: number }[] = [];
  for (const field of IMPORT_FIELDS)
    normalised.forEach((heading, column) => {
      const s = score(field, heading);
      if (s > 0) pairs.push({ field, column, score: s });
    });
  pairs.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping = emptyMapping();
  const used = new Set<number>();
  for (const { field, column } of pairs) {
    if (mapping[field] !== null || used.has(column)) continue;
    mapping[field] = column;
    used.add(column);
  }
  return mapping;
}

export function mappedCount(mapping: ColumnMapping): number {
  return IMPORT_FIELDS.filter((f) => mapping[f] !== null).length;
}

export function missingFields(mapping: ColumnMapping): ImportField[] {
  return REQUIRED_FIELDS.filter((f) => mapping[f] === null);
}

const HEADER_SEARCH_ROWS = 30;

/**
 * The header row (index into `rows`) and its mapping: the row among the first ones that names the
 * most fields, at least two of them date or amount. Null when no row reads as a header.
 */
export function detectHeader(
  rows: readonly (readonly string[])[],
): { index: number; mapping: ColumnMapping } | null {
  let best: { index: number; mapping: ColumnMapping; count: number } | null = null;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const mapping = suggestMapping(rows[i]);
    const count = mappedCount(mapping);
    if (count < 2 || (mapping.date === null && mapping.amount === null)) continue;
    if (!best || count > best.count) best = { index: i, mapping, count };
  }
  return best ? { index: best.index, mapping: best.mapping } : null;
}
