// Loans summed per person and term before they reach the engine. A payroll run over a real book does
// not carry a million loans into memory: the database adds them up per (officer, term months), with
// 年化业绩 rounded loan by loan exactly as annualized.ts does, and the engine checks each group against
// its principal before using it. The per-loan `loans` input stays for scenarios (payroll calc).
import { type Fen, fen } from "../../../platform/money.ts";
import { daysInMonth, parseYearMonth } from "./calendar.ts";
import type { PayrollIssue } from "./errors.ts";
import { type Bilingual, groupedAmount as g } from "./explain.ts";

export type LoanGroupInput = {
  staffId: string;
  termMonths: number;
  loanCount: number;
  /** Σ principal of the group's loans. */
  principal: Fen;
  /** Σ of each loan's 年化业绩, each rounded half-up to 分 (uncapped). */
  annualized: Fen;
  firstDisbursedOn: string;
  lastDisbursedOn: string;
};

type Person = { id: string; joinedOn: string; leftOn?: string | null };

const MAX_TERM_MONTHS = 360;

/** Each loan rounds by at most half a 分, so Σ annualized × 12 lies within 6 × count of Σ principal × term. */
function consistent(group: LoanGroupInput): boolean {
  const exact = group.principal * group.termMonths;
  return Math.abs(group.annualized * 12 - exact) <= 6 * group.loanCount;
}

export function validateLoanGroups(input: {
  month: string;
  staff: readonly Person[];
  loanGroups?: readonly LoanGroupInput[];
}): PayrollIssue[] {
  const issues: PayrollIssue[] = [];
  const staffById = new Map(input.staff.map((p) => [p.id, p]));
  // A date of the month: its prefix and a day within the month (no Date objects: thousands of groups).
  const ym = parseYearMonth(input.month);
  const last = ym ? daysInMonth(ym) : 0;
  const inMonth = (d: unknown) =>
    typeof d === "string" &&
    d.length === 10 &&
    d.startsWith(`${input.month}-`) &&
    /^\d\d$/.test(d.slice(8)) &&
    Number(d.slice(8)) >= 1 &&
    Number(d.slice(8)) <= last;
  (input.loanGroups ?? []).forEach((group, i) => {
    const row = `loanGroups[${i}]`;
    const person = staffById.get(group.staffId);
    if (person === undefined)
      issues.push({
        code: "unknown-staff",
        path: `${row}.staffId`,
        message: `staff ${JSON.stringify(group.staffId)} is not in the staff list`,
      });
    if (!Number.isInteger(group.termMonths) || group.termMonths < 1 || group.termMonths > MAX_TERM_MONTHS)
      issues.push({ code: "invalid-term", path: `${row}.termMonths`, message: "must be 1 to 360 months" });
    const counts = Number.isSafeInteger(group.loanCount) && group.loanCount >= 1;
    if (!counts || !Number.isSafeInteger(group.principal) || group.principal < group.loanCount)
      issues.push({
        code: "invalid-amount",
        path: `${row}.principal`,
        message: "needs at least one loan and 0.01 per loan",
      });
    else if (!Number.isSafeInteger(group.annualized) || !consistent(group))
      issues.push({
        code: "invalid-amount",
        path: `${row}.annualized`,
        message: `${g(group.annualized)} is not principal × ${group.termMonths}/12 rounded loan by loan`,
      });
    const dates = [group.firstDisbursedOn, group.lastDisbursedOn];
    if (!dates.every(inMonth)) {
      issues.push({
        code: "invalid-date",
        path: `${row}.firstDisbursedOn`,
        message: `disbursement dates must fall in ${input.month}`,
      });
    } else if (
      person !== undefined &&
      (group.firstDisbursedOn < person.joinedOn ||
        (person.leftOn != null && group.lastDisbursedOn > person.leftOn))
    ) {
      issues.push({
        code: "loan-outside-employment",
        path: `${row}.firstDisbursedOn`,
        message: `loans from ${group.firstDisbursedOn} to ${group.lastDisbursedOn} fall outside the employment of staff "${person.id}"`,
      });
    }
  });
  return issues;
}

/** The group's 年化业绩 with its arithmetic; over a year and capped, every loan counts its principal. */
export function explainLoanGroup(
  group: LoanGroupInput,
  options: { capAtPrincipal: boolean },
): { value: Fen; formula: Bilingual } {
  const capped = options.capAtPrincipal && group.termMonths > 12;
  const value = capped ? group.principal : group.annualized;
  const head = `${g(group.principal)} × ${group.termMonths}/12`;
  const n = group.loanCount;
  const formula: Bilingual =
    n === 1
      ? { "zh-CN": `${head} = ${g(group.annualized)}`, "en-US": `${head} = ${g(group.annualized)}` }
      : {
          "zh-CN": `${head}(${n} 笔,逐笔四舍五入)= ${g(group.annualized)}`,
          "en-US": `${head} (${n} loans, rounded loan by loan) = ${g(group.annualized)}`,
        };
  if (!capped) return { value: fen(value), formula };
  return {
    value: fen(value),
    formula: {
      "zh-CN": `${formula["zh-CN"]},以本金封顶 ${g(group.principal)}`,
      "en-US": `${formula["en-US"]}, capped at the principal ${g(group.principal)}`,
    },
  };
}
