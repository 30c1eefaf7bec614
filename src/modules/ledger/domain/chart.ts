// The chart of accounts a micro-credit company needs on day one. Seeded into ledger_accounts;
// finance may rename accounts, while the codes are what postings refer to.
export type AccountType = "asset" | "liability" | "equity" | "income" | "expense";
export type AccountDef = {
  code: string;
  nameZh: string;
  nameEn: string;
  type: AccountType;
  normalSide: "debit" | "credit";
};

export const CHART_OF_ACCOUNTS: AccountDef[] = [
  { code: "1001", nameZh: "库存现金", nameEn: "Cash on hand", type: "asset", normalSide: "debit" },
  { code: "1002", nameZh: "银行存款", nameEn: "Bank deposits", type: "asset", normalSide: "debit" },
  {
    code: "1301",
    nameZh: "贷款本金",
    nameEn: "Loans receivable (principal)",
    type: "asset",
    normalSide: "debit",
  },
  { code: "1302", nameZh: "应收利息", nameEn: "Interest receivable", type: "asset", normalSide: "debit" },
  {
    code: "1303",
    nameZh: "应收罚息",
    nameEn: "Penalty interest receivable",
    type: "asset",
    normalSide: "debit",
  },
  { code: "1304", nameZh: "应收费用", nameEn: "Fees receivable", type: "asset", normalSide: "debit" },
  {
    code: "1309",
    nameZh: "贷款损失准备",
    nameEn: "Loan-loss provision",
    type: "asset",
    normalSide: "credit",
  },
  { code: "2001", nameZh: "银行借款", nameEn: "Bank borrowings", type: "liability", normalSide: "credit" },
  {
    code: "2241",
    nameZh: "客户溢缴款",
    nameEn: "Customer credit balances",
    type: "liability",
    normalSide: "credit",
  },
  { code: "4001", nameZh: "实收资本", nameEn: "Paid-in capital", type: "equity", normalSide: "credit" },
  { code: "6011", nameZh: "利息收入", nameEn: "Interest income", type: "income", normalSide: "credit" },
  { code: "6012", nameZh: "罚息收入", nameEn: "Penalty income", type: "income", normalSide: "credit" },
  { code: "6021", nameZh: "手续费收入", nameEn: "Fee income", type: "income", normalSide: "credit" },
  {
    code: "6031",
    nameZh: "核销后收回",
    nameEn: "Recoveries after write-off",
    type: "income",
    normalSide: "credit",
  },
  {
    code: "6701",
    nameZh: "信用减值损失",
    nameEn: "Credit impairment loss",
    type: "expense",
    normalSide: "debit",
  },
];

export type PostingLine = { account: string; debit?: number; credit?: number };

export type PostingProblem =
  | "unbalanced"
  | "empty"
  | "negative"
  | "both-sides"
  | "fraction"
  | "unknown-account";

/** Checks a posting before it touches the database: whole 分, one side per line, debits = credits. */
export function checkPosting(
  lines: readonly PostingLine[],
  knownAccounts: ReadonlySet<string>,
): PostingProblem | null {
  if (lines.length < 2) return "empty";
  let debits = 0;
  let credits = 0;
  for (const line of lines) {
    const debit = line.debit ?? 0;
    const credit = line.credit ?? 0;
    if (!Number.isSafeInteger(debit) || !Number.isSafeInteger(credit)) return "fraction";
    if (debit < 0 || credit < 0) return "negative";
    if ((debit > 0 && credit > 0) || debit + credit === 0) return "both-sides";
    if (!knownAccounts.has(line.account)) return "unknown-account";
    debits += debit;
    credits += credit;
  }
  return debits === credits ? null : "unbalanced";
}
