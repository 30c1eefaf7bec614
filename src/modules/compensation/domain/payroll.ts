// The monthly payroll of the sales organisation (DOMAIN.md §7): pure, from a plan, the staff list and
// the loans; every amount on a statement comes with a line that shows its arithmetic.
import { Dec, type Fen, fen, minFen, roundFen } from "../../../platform/money.ts";
import { explainAnnualized } from "./annualized.ts";
import {
  daysInclusive,
  daysInMonth,
  monthBounds,
  monthOfDate,
  monthsBetween,
  parseYearMonth,
  type YearMonth,
} from "./calendar.ts";
import { PayrollInputError } from "./errors.ts";
import { type Bilingual, groupedAmount as g, percent } from "./explain.ts";
import { explainLoanGroup } from "./loan-groups.ts";
import { type PayrollInput, type StaffInput, validatePayrollInput } from "./payroll-input.ts";
import {
  type CompensationPlan,
  MANAGER_POSITIONS,
  type ManagerPosition,
  type Position,
  type PositionRule,
  type TeamScope,
} from "./plan.ts";

export type { LoanGroupInput } from "./loan-groups.ts";
export type { LoanInput, PayrollInput, StaffInput } from "./payroll-input.ts";

export type Stage = "probation" | "first-month" | "regular";
export type LineCode = "base-salary" | "deduction" | "commission" | "management-commission";
export type StatementLine = { code: LineCode; amount: Fen; explanation: Bilingual };
export type PayrollWarning = { code: "missing-management-rate"; message: Bilingual };

export type PayrollStatement = {
  staffId: string;
  position: Position;
  stage: Stage;
  annualizedPerformance: Fen;
  target: Fen | null;
  baseSalary: Fen;
  deduction: Fen;
  commission: Fen;
  managementCommission: Fen;
  total: Fen;
  /** Signed amounts that add up to `total`; the deduction line is negative. */
  lines: StatementLine[];
  warnings: PayrollWarning[];
};

export type PayrollResult = { month: string; statements: PayrollStatement[] };

const POSITION_NAME: Record<Position, Bilingual> = {
  "customer-manager": { "zh-CN": "客户经理", "en-US": "customer-manager" },
  "team-manager": { "zh-CN": "团队经理", "en-US": "team-manager" },
  "sales-director": { "zh-CN": "营销总监", "en-US": "sales-director" },
};

type Performance = { total: Fen; formulas: Bilingual[] };

type Context = {
  plan: CompensationPlan;
  month: YearMonth;
  performance: Map<string, Performance>;
  reports: Map<string, StaffInput[]>;
};

function performanceByStaff(input: PayrollInput): Map<string, Performance> {
  const result = new Map<string, Performance>();
  const capAtPrincipal = input.plan.performance.capAtPrincipalOverOneYear;
  for (const loan of input.loans) {
    if (!loan.disbursedOn.startsWith(`${input.month}-`)) continue;
    const { value, formula } = explainAnnualized(loan, { capAtPrincipal });
    const entry = result.get(loan.staffId) ?? { total: fen(0), formulas: [] };
    result.set(loan.staffId, { total: fen(entry.total + value), formulas: [...entry.formulas, formula] });
  }
  for (const group of input.loanGroups ?? []) {
    const { value, formula } = explainLoanGroup(group, { capAtPrincipal });
    const entry = result.get(group.staffId) ?? { total: fen(0), formulas: [] };
    result.set(group.staffId, { total: fen(entry.total + value), formulas: [...entry.formulas, formula] });
  }
  return result;
}

function stageOf(options: { plan: CompensationPlan; person: StaffInput; month: YearMonth }): Stage {
  const { plan, person, month } = options;
  // Only positions the plan names go through the new-employee stages; the others are regular from day one.
  if (!plan.newEmployee.positions.includes(person.position)) return "regular";
  const after = monthsBetween(monthOfDate(person.joinedOn), month);
  return after === 0 ? "probation" : after === 1 ? "first-month" : "regular";
}

function isEmployed(person: StaffInput, bounds: { first: string; last: string }): boolean {
  return person.joinedOn <= bounds.last && (person.leftOn ?? bounds.first) >= bounds.first;
}

/** One person in one payroll run: what every line of their statement is computed from. */
type Subject = { ctx: Context; person: StaffInput; stage: Stage };

/** The met/missed/zero rule in force; none in the probation month. */
function ruleOf({ ctx, person, stage }: Subject): PositionRule | null {
  if (stage === "probation") return null;
  return stage === "first-month" ? ctx.plan.newEmployee.firstMonth : ctx.plan.positions[person.position];
}

function line(options: { code: LineCode; amount: Fen; explanation: Bilingual }): StatementLine {
  // The deduction is stored positive on the statement and shown negative among the lines.
  const { code, amount, explanation } = options;
  return { code, amount: code === "deduction" ? fen(-amount) : amount, explanation };
}

function baseLine(subject: Subject): StatementLine {
  const { ctx, person, stage } = subject;
  const full = ruleOf(subject)?.baseSalary ?? ctx.plan.newEmployee.probation.baseSalary;
  const name = POSITION_NAME[person.position];
  const label: Bilingual =
    stage === "probation"
      ? { "zh-CN": "试用期底薪", "en-US": "probation base salary" }
      : stage === "first-month"
        ? { "zh-CN": "转正首月底薪", "en-US": "first month after probation base salary" }
        : { "zh-CN": `${name["zh-CN"]}底薪`, "en-US": `${name["en-US"]} base salary` };
  if (!ctx.plan.proration.enabled)
    return line({
      code: "base-salary",
      amount: full,
      explanation: { "zh-CN": `${label["zh-CN"]} ${g(full)}`, "en-US": `${label["en-US"]} ${g(full)}` },
    });
  const bounds = monthBounds(ctx.month);
  // ISO dates order as text, so the employed span within the month is a text min/max.
  const from = [person.joinedOn, bounds.first].sort()[1];
  const to = [person.leftOn ?? bounds.last, bounds.last].sort()[0];
  const days = daysInclusive(from, to);
  const all = daysInMonth(ctx.month);
  const amount = roundFen(new Dec(full).mul(days).div(all));
  return line({
    code: "base-salary",
    amount,
    explanation: {
      "zh-CN": `${label["zh-CN"]} ${g(full)} × 在职 ${days}/${all} 天 = ${g(amount)}`,
      "en-US": `${label["en-US"]} ${g(full)} × ${days}/${all} days employed = ${g(amount)}`,
    },
  });
}

function deductionLine(subject: Subject, options: { performance: Fen; base: Fen }): StatementLine {
  const { performance, base } = options;
  const rule = ruleOf(subject);
  if (rule === null)
    return line({
      code: "deduction",
      amount: fen(0),
      explanation: { "zh-CN": "试用期无目标,不扣减", "en-US": "probation: no target, no deduction" },
    });
  const target = rule.monthlyTarget;
  if (performance >= target)
    return line({
      code: "deduction",
      amount: fen(0),
      explanation: {
        "zh-CN": `年化业绩 ${g(performance)} ≥ 目标 ${g(target)},达标,不扣减`,
        "en-US": `annualized performance ${g(performance)} ≥ target ${g(target)}: met, no deduction`,
      },
    });
  const planned = performance > 0 ? rule.missedDeduction : rule.zeroDeduction;
  // A prorated base can be smaller than the deduction; the deduction never takes more than the base.
  const amount = minFen(planned, base);
  const why: Bilingual =
    performance > 0
      ? {
          "zh-CN": `年化业绩 ${g(performance)} < 目标 ${g(target)},未达标,扣减 ${g(planned)}`,
          "en-US": `annualized performance ${g(performance)} < target ${g(target)}: missed, deduction ${g(planned)}`,
        }
      : {
          "zh-CN": `年化业绩为 0,扣减 ${g(planned)}`,
          "en-US": `annualized performance 0.00: zero performance, deduction ${g(planned)}`,
        };
  const explanation =
    amount < planned
      ? {
          "zh-CN": `${why["zh-CN"]},以底薪 ${g(base)} 为限`,
          "en-US": `${why["en-US"]}, capped at the base salary ${g(base)}`,
        }
      : why;
  return line({ code: "deduction", amount, explanation });
}

function commissionLine(subject: Subject): StatementLine {
  const rate = ruleOf(subject)?.commissionRate ?? subject.ctx.plan.newEmployee.probation.commissionRate;
  const performance = subject.ctx.performance.get(subject.person.id);
  const total = performance?.total ?? fen(0);
  const amount = roundFen(new Dec(total).mul(rate));
  const head = `${g(total)} × ${percent(rate)} = ${g(amount)}`;
  const formulas = performance?.formulas ?? [];
  const detail = (locale: keyof Bilingual) => formulas.map((f) => f[locale]).join(" + ");
  return line({
    code: "commission",
    amount,
    explanation:
      formulas.length === 0
        ? {
            "zh-CN": `年化业绩 ${head}(本月无放款)`,
            "en-US": `annualized performance ${head} (no loans this month)`,
          }
        : {
            "zh-CN": `年化业绩 ${head};年化业绩 = ${detail("zh-CN")}`,
            "en-US": `annualized performance ${head}; annualized performance = ${detail("en-US")}`,
          },
  });
}

function teamMembers(ctx: Context, manager: { person: StaffInput; scope: TeamScope }): StaffInput[] {
  const direct = ctx.reports.get(manager.person.id) ?? [];
  if (manager.scope === "direct-reports") return direct;
  const all: StaffInput[] = [];
  const queue = [...direct];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    all.push(next);
    queue.push(...(ctx.reports.get(next.id) ?? []));
  }
  return all;
}

function managementLine({ ctx, person }: Subject): { line: StatementLine; warnings: PayrollWarning[] } {
  const name = POSITION_NAME[person.position];
  if (!(MANAGER_POSITIONS as readonly string[]).includes(person.position)) {
    const explanation = {
      "zh-CN": `${name["zh-CN"]}无管理提成`,
      "en-US": `no management commission for ${name["en-US"]}`,
    };
    return { line: line({ code: "management-commission", amount: fen(0), explanation }), warnings: [] };
  }
  const position = person.position as ManagerPosition;
  const rate = ctx.plan.managementRate[position];
  if (rate === undefined) {
    const message = {
      "zh-CN": `方案未设置${name["zh-CN"]}的管理提成比例`,
      "en-US": `plan has no management-commission rate for ${position}`,
    };
    const explanation = { "zh-CN": `${message["zh-CN"]},按 0.00 计`, "en-US": `${message["en-US"]}; 0.00` };
    return {
      line: line({ code: "management-commission", amount: fen(0), explanation }),
      warnings: [{ code: "missing-management-rate", message }],
    };
  }
  const scope = ctx.plan.managementScope[position];
  const members = teamMembers(ctx, { person, scope });
  const includeOwn = ctx.plan.includeOwnInTeamTotal;
  const own = includeOwn ? (ctx.performance.get(person.id)?.total ?? 0) : 0;
  const team = fen(members.reduce((sum, m) => sum + (ctx.performance.get(m.id)?.total ?? 0), own));
  const amount = roundFen(new Dec(team).mul(rate));
  const n = members.length;
  const direct = scope === "direct-reports";
  const whoEn = direct
    ? `${n} direct report${n === 1 ? "" : "s"}`
    : `${n} ${n === 1 ? "person" : "people"} below`;
  const ownZh = includeOwn ? `含本人 ${g(own)}` : "不含本人";
  const ownEn = includeOwn ? `own ${g(own)} included` : "own performance excluded";
  const head = `${g(team)} × ${percent(rate)} = ${g(amount)}`;
  return {
    line: line({
      code: "management-commission",
      amount,
      explanation: {
        "zh-CN": `团队年化业绩 ${head}(${direct ? "直属" : "下属"} ${n} 人,${ownZh})`,
        "en-US": `team annualized performance ${head} (${whoEn}, ${ownEn})`,
      },
    }),
    warnings: [],
  };
}

function statementFor(ctx: Context, person: StaffInput): PayrollStatement {
  const stage = stageOf({ plan: ctx.plan, person, month: ctx.month });
  const subject: Subject = { ctx, person, stage };
  const annualizedPerformance = ctx.performance.get(person.id)?.total ?? fen(0);
  const base = baseLine(subject);
  const deduction = deductionLine(subject, { performance: annualizedPerformance, base: base.amount });
  const commission = commissionLine(subject);
  const management = managementLine(subject);
  const lines = [base, deduction, commission, management.line];
  return {
    staffId: person.id,
    position: person.position,
    stage,
    annualizedPerformance,
    target: ruleOf(subject)?.monthlyTarget ?? null,
    baseSalary: base.amount,
    deduction: fen(-deduction.amount),
    commission: commission.amount,
    managementCommission: management.line.amount,
    total: fen(lines.reduce((sum, l) => sum + l.amount, 0)),
    lines,
    warnings: management.warnings,
  };
}

/**
 * Statements for everyone employed at some point of `month`, in input order. Throws
 * PayrollInputError (naming every bad row) before computing anything.
 */
export function computePayroll(input: PayrollInput): PayrollResult {
  const issues = validatePayrollInput(input);
  if (issues.length > 0) throw new PayrollInputError(issues);
  const month = parseYearMonth(input.month)!;
  const reports = new Map<string, StaffInput[]>();
  for (const person of input.staff) {
    const managerId = person.managerId ?? null;
    if (managerId === null) continue;
    const team = reports.get(managerId);
    if (team) team.push(person);
    else reports.set(managerId, [person]);
  }
  const ctx: Context = { plan: input.plan, month, performance: performanceByStaff(input), reports };
  const bounds = monthBounds(month);
  return {
    month: input.month,
    statements: input.staff.filter((person) => isEmployed(person, bounds)).map((p) => statementFor(ctx, p)),
  };
}
