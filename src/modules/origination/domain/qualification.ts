// Qualification review (资格审查): the automatic checks risk sees as pass/fail before deciding
// (DOMAIN.md §5). Every check explains itself with the figures it compared.
import { type Fen, formatYuan } from "../../../platform/money.ts";

export type QualificationFacts = {
  idValid: boolean;
  age: number | null;
  segment: string;
  blacklisted: boolean;
  overdueLoansWithUs: number;
  amount: Fen;
  termMonths: number;
  product: {
    minAmount: Fen;
    maxAmount: Fen;
    termOptions: number[];
    eligibleSegments: string[];
    minAge: number;
    maxAge: number;
    maxDebtToIncome: number | null;
  };
  monthlyIncome: Fen | null;
  monthlyDebt: Fen | null;
  /** Outstanding principal of this borrower with us, before this loan. */
  borrowerOutstanding: Fen;
  /** DOMAIN.md §8: one borrower ≤ a share of net assets (setting). */
  perBorrowerLimit: Fen;
};

export type CheckKey =
  | "id-valid"
  | "age"
  | "not-blacklisted"
  | "no-overdue"
  | "amount-range"
  | "term-offered"
  | "segment-eligible"
  | "debt-to-income"
  | "per-borrower-limit";

export type CheckResult = { key: CheckKey; passed: boolean; detail: string };

export function runQualificationChecks(f: QualificationFacts): CheckResult[] {
  const dti =
    f.monthlyIncome && f.monthlyIncome > 0 && f.monthlyDebt !== null ? f.monthlyDebt / f.monthlyIncome : null;
  const monthlyPaymentHint = f.monthlyIncome === null ? "未登记月收入 no income recorded" : "";
  return [
    { key: "id-valid", passed: f.idValid, detail: f.idValid ? "证件号码校验通过" : "证件号码校验失败" },
    {
      key: "age",
      passed: f.age !== null && f.age >= f.product.minAge && f.age <= f.product.maxAge,
      detail: `年龄 ${f.age ?? "—"},产品要求 ${f.product.minAge}–${f.product.maxAge}`,
    },
    {
      key: "not-blacklisted",
      passed: !f.blacklisted,
      detail: f.blacklisted ? "客户在黑名单中" : "不在黑名单",
    },
    {
      key: "no-overdue",
      passed: f.overdueLoansWithUs === 0,
      detail: `本公司逾期贷款 ${f.overdueLoansWithUs} 笔`,
    },
    {
      key: "amount-range",
      passed: f.amount >= f.product.minAmount && f.amount <= f.product.maxAmount,
      detail: `申请 ${formatYuan(f.amount)},产品 ${formatYuan(f.product.minAmount)}–${formatYuan(f.product.maxAmount)}`,
    },
    {
      key: "term-offered",
      passed: f.product.termOptions.includes(f.termMonths),
      detail: `期限 ${f.termMonths} 个月,可选 ${f.product.termOptions.join("/")}`,
    },
    {
      // Students are never eligible, whatever a product says (DOMAIN.md §8).
      key: "segment-eligible",
      passed: f.segment !== "student" && f.product.eligibleSegments.includes(f.segment),
      detail: f.segment === "student" ? "学生不得申请" : `客户类别 ${f.segment}`,
    },
    {
      key: "debt-to-income",
      passed: f.product.maxDebtToIncome === null || (dti !== null && dti <= f.product.maxDebtToIncome),
      detail:
        dti === null
          ? monthlyPaymentHint || "无法计算负债收入比"
          : `负债收入比 ${(dti * 100).toFixed(1)}%,上限 ${f.product.maxDebtToIncome === null ? "—" : `${(f.product.maxDebtToIncome * 100).toFixed(0)}%`}`,
    },
    {
      key: "per-borrower-limit",
      passed: f.borrowerOutstanding + f.amount <= f.perBorrowerLimit,
      detail: `在贷 ${formatYuan(f.borrowerOutstanding)} + 申请 ${formatYuan(f.amount)},单户上限 ${formatYuan(f.perBorrowerLimit)}`,
    },
  ];
}

/** Age in whole years on a date, from a birth date. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [y, m, d] = onDate.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
