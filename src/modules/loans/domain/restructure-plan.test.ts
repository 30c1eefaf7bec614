import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, type Fen, formatAmount } from "../../../platform/money.ts";
import {
  type InstallmentState,
  monthsUntil,
  planRestructuring,
  type RestructuringPlan,
} from "./restructure-plan.ts";
import { buildSchedule, REPAYMENT_METHODS, type RepaymentMethod } from "./schedule.ts";

// 12,000.00 at 12% over 12 months (等额本息) from 2026-01-15: periods 1–2 paid, 3 and 4 overdue with
// penalty 12.34 and 1.00, restructured on 2026-05-20.
function overdueLoan(): InstallmentState[] {
  const schedule = buildSchedule({
    principal: 1_200_000 as Fen,
    annualRate: new Dec("0.12"),
    termMonths: 12,
    method: "equal-installment",
    startDate: "2026-01-15",
  });
  return schedule.installments.map((r) => ({
    period: r.period,
    dueDate: r.dueDate,
    principalDue: r.principal,
    interestDue: r.interest,
    feeDue: 0,
    penaltyAccrued: r.period === 3 ? 1234 : r.period === 4 ? 100 : 0,
    principalPaid: r.period <= 2 ? r.principal : 0,
    interestPaid: r.period <= 2 ? r.interest : 0,
    feePaid: 0,
    penaltyPaid: 0,
    paidOffDate: r.period <= 2 ? r.dueDate : null,
    recognisedDate: r.dueDate <= "2026-05-20" ? r.dueDate : null,
  }));
}

/** The installments after the plan: changed rows rewritten, deleted ones gone, new ones appended. */
function applyPlan(rows: readonly InstallmentState[], plan: RestructuringPlan): InstallmentState[] {
  const out: InstallmentState[] = [];
  for (const row of rows) {
    const change = plan.changes.find((c) => c.period === row.period);
    if (change?.action === "delete") continue;
    out.push(change ? { ...row, ...change.next } : row);
  }
  for (const r of plan.installments)
    out.push({
      period: r.period,
      dueDate: r.dueDate,
      principalDue: r.principal,
      interestDue: r.interest,
      feeDue: r.fee,
      penaltyAccrued: 0,
      principalPaid: 0,
      interestPaid: 0,
      feePaid: 0,
      penaltyPaid: 0,
      paidOffDate: null,
      recognisedDate: null,
    });
  return out;
}

const sum = (rows: readonly InstallmentState[], pick: (r: InstallmentState) => number) =>
  rows.reduce((s, r) => s + pick(r), 0);
const unpaidPrincipal = (rows: readonly InstallmentState[]) =>
  sum(rows, (r) => r.principalDue - r.principalPaid);
const unpaidOther = (rows: readonly InstallmentState[]) =>
  sum(rows, (r) => r.interestDue - r.interestPaid + r.feeDue - r.feePaid + r.penaltyAccrued - r.penaltyPaid);
const paid = (rows: readonly InstallmentState[]) =>
  sum(rows, (r) => r.principalPaid + r.interestPaid + r.feePaid + r.penaltyPaid);

describe("restructuring plan: the arrears kept as owed", () => {
  const rows = overdueLoan();
  const plan = planRestructuring({
    rows,
    principalOutstanding: 1_009_816 as Fen,
    date: "2026-05-20",
    maturityDate: "2027-01-15",
    terms: {
      annualRate: new Dec("0.10"),
      method: "equal-principal",
      capitaliseArrears: false,
      extensionMonths: 6,
    },
  });

  it("extends the 8 remaining months by 6 and re-schedules the unpaid principal at the new rate", () => {
    expect(plan).toMatchObject({ remainingMonths: 8, termMonths: 14, extensionMonths: 6, periodBase: 4 });
    expect(formatAmount(plan.newPrincipal)).toBe("10098.16");
    expect(formatAmount(plan.totals.principal)).toBe("10098.16");
    // 10098.16 / 14 = 721.30; interest 10098.16 × 0.10 / 12 = 84.15; due the 20th from June 2026.
    expect(plan.installments.slice(0, 2).map((r) => [r.period, r.dueDate, r.principal, r.interest])).toEqual([
      [5, "2026-06-20", 72_130, 8415],
      [6, "2026-07-20", 72_130, 7814],
    ]);
    expect(plan.maturityDate).toBe("2027-07-20");
    expect(formatAmount(plan.totals.interest)).toBe("631.13");
  });

  it("keeps the overdue interest and penalty owed on periods 3 and 4 and drops the rest", () => {
    expect(plan.arrears).toEqual({ interest: 19_231, fee: 0, penalty: 1334, total: 20_565 });
    expect(plan.capitalised.total).toBe(0);
    expect(plan.changes.slice(0, 2)).toEqual([
      {
        period: 3,
        action: "update",
        next: {
          dueDate: "2026-04-15",
          principalDue: 0,
          interestDue: 10_098,
          feeDue: 0,
          penaltyAccrued: 1234,
          paidOffDate: null,
        },
      },
      {
        period: 4,
        action: "update",
        next: {
          dueDate: "2026-05-15",
          principalDue: 0,
          interestDue: 9133,
          feeDue: 0,
          penaltyAccrued: 100,
          paidOffDate: null,
        },
      },
    ]);
    expect(plan.changes.slice(2).every((c) => c.action === "delete")).toBe(true);
  });
});

describe("restructuring plan: the arrears capitalised", () => {
  it("adds the overdue interest and penalty to the principal and leaves nothing overdue", () => {
    const rows = overdueLoan();
    const plan = planRestructuring({
      rows,
      principalOutstanding: 1_009_816 as Fen,
      date: "2026-05-20",
      maturityDate: "2027-01-15",
      terms: {
        annualRate: new Dec("0.10"),
        method: "equal-principal",
        capitaliseArrears: true,
        termMonths: 14,
      },
    });
    // 10098.16 + 192.31 interest + 13.34 penalty.
    expect(formatAmount(plan.newPrincipal)).toBe("10303.81");
    expect(plan.capitalised).toEqual({
      interestRecognised: 19_231,
      interestUnrecognised: 0,
      feeRecognised: 0,
      feeUnrecognised: 0,
      penalty: 1334,
      total: 20_565,
    });
    expect(plan.periodBase).toBe(2);
    expect(plan.installments[0]).toMatchObject({
      period: 3,
      dueDate: "2026-06-20",
      principal: 73_599,
      interest: 8587,
    });
    const after = applyPlan(rows, plan);
    expect(unpaidOther(after.filter((r) => r.period <= 2))).toBe(0);
    expect(unpaidPrincipal(after)).toBe(1_030_381);
  });

  it("refuses a term below one month or above 360", () => {
    const base = {
      rows: overdueLoan(),
      principalOutstanding: 1_009_816 as Fen,
      date: "2026-05-20",
      maturityDate: "2027-01-15",
    };
    const terms = { annualRate: new Dec("0.1"), method: "bullet" as const, capitaliseArrears: false };
    expect(() => planRestructuring({ ...base, terms: { ...terms, extensionMonths: -8 } })).toThrow(
      /extensionMonths/,
    );
    expect(() => planRestructuring({ ...base, terms: { ...terms, termMonths: 361 } })).toThrow(/termMonths/);
  });

  it("counts the months left up to maturity, rounding up", () => {
    expect(monthsUntil("2026-05-20", "2027-01-15")).toBe(8);
    expect(monthsUntil("2026-05-15", "2027-01-15")).toBe(8);
    expect(monthsUntil("2027-02-01", "2027-01-15")).toBe(0);
  });
});

// A loan in any state: k installments paid in full (some possibly ahead of the date), one partly paid,
// penalty on overdue ones, then any restructuring terms.
const scenario = fc.record({
  principal: fc.integer({ min: 100_00, max: 5_000_000_00 }),
  rate: fc.integer({ min: 0, max: 3600 }),
  term: fc.integer({ min: 1, max: 36 }),
  method: fc.constantFrom<RepaymentMethod>(...REPAYMENT_METHODS),
  fee: fc.integer({ min: 0, max: 5000 }),
  paidPeriods: fc.integer({ min: 0, max: 40 }),
  partial: fc.integer({ min: 0, max: 100_000_00 }),
  daysAfterStart: fc.integer({ min: 0, max: 1300 }),
  penalty: fc.integer({ min: 0, max: 50_000 }),
  newRate: fc.integer({ min: 0, max: 3600 }),
  newMethod: fc.constantFrom<RepaymentMethod>(...REPAYMENT_METHODS),
  capitalise: fc.boolean(),
  extension: fc.integer({ min: 1, max: 48 }),
});

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function loanIn(s: Scenario) {
  const start = "2025-03-31";
  const date = addDays(start, s.daysAfterStart);
  const schedule = buildSchedule({
    principal: s.principal as Fen,
    annualRate: new Dec(s.rate).div(10_000),
    termMonths: s.term,
    method: s.method,
    startDate: start,
    fees: { perPeriod: s.fee as Fen },
  });
  const rows: InstallmentState[] = schedule.installments.map((r) => ({
    period: r.period,
    dueDate: r.dueDate,
    principalDue: r.principal,
    interestDue: r.interest,
    feeDue: r.fee,
    penaltyAccrued: r.dueDate < date ? s.penalty : 0,
    principalPaid: 0,
    interestPaid: 0,
    feePaid: 0,
    penaltyPaid: 0,
    paidOffDate: null,
    recognisedDate: r.dueDate <= date ? r.dueDate : null,
  }));
  for (const row of rows.slice(0, Math.min(s.paidPeriods, rows.length - 1))) {
    row.principalPaid = row.principalDue;
    row.interestPaid = row.interestDue;
    row.feePaid = row.feeDue;
    row.penaltyPaid = row.penaltyAccrued;
    // Paid on its due date, or ahead of it on the date.
    row.paidOffDate = [row.dueDate, date].sort()[0];
  }
  // The next one partly: fee → penalty → interest → principal, never all of it.
  const next = rows.find((r) => r.paidOffDate === null);
  if (next) {
    let left = s.partial;
    for (const [due, paidKey] of [
      ["feeDue", "feePaid"],
      ["penaltyAccrued", "penaltyPaid"],
      ["interestDue", "interestPaid"],
      ["principalDue", "principalPaid"],
    ] as const) {
      const take = Math.min(left, next[due] - next[paidKey]);
      next[paidKey] += take;
      left -= take;
    }
    if (next.principalPaid === next.principalDue && next.principalDue > 0) next.principalPaid -= 1;
  }
  return { rows, date, maturity: schedule.installments[schedule.installments.length - 1].dueDate };
}

describe("restructuring plan, any loan and any terms", () => {
  it("carries the principal over exactly to the 分 and keeps or capitalises every fen of arrears", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { rows, date, maturity } = loanIn(s);
        const outstanding = unpaidPrincipal(rows) as Fen;
        const plan = planRestructuring({
          rows,
          principalOutstanding: outstanding,
          date,
          maturityDate: maturity,
          terms: {
            annualRate: new Dec(s.newRate).div(10_000),
            method: s.newMethod,
            capitaliseArrears: s.capitalise,
            extensionMonths: s.extension,
          },
        });
        const after = applyPlan(rows, plan);
        // Principal: every fen scheduled before, plus what was capitalised, is scheduled after.
        expect(sum(after, (r) => r.principalDue)).toBe(
          sum(rows, (r) => r.principalDue) + plan.capitalised.total,
        );
        expect(plan.totals.principal).toBe(outstanding + plan.capitalised.total);
        expect(unpaidPrincipal(after)).toBe(plan.newPrincipal);
        // Money already received stays exactly where it was.
        expect(paid(after)).toBe(paid(rows));
        // Arrears: all capitalised, or all still owed on the old rows.
        const oldRows = after.filter((r) => r.period <= plan.periodBase);
        if (s.capitalise) {
          expect(plan.capitalised.total).toBe(plan.arrears.total);
          expect(unpaidOther(oldRows)).toBe(0);
        } else {
          expect(plan.capitalised.total).toBe(0);
          expect(unpaidOther(oldRows)).toBe(plan.arrears.total);
        }
        expect(unpaidPrincipal(oldRows)).toBe(0);
        // History up to the date, the new schedule after it, no period twice.
        expect(oldRows.every((r) => r.dueDate <= date)).toBe(true);
        expect(plan.installments.every((r) => r.dueDate > date && r.period > plan.periodBase)).toBe(true);
        expect(new Set(after.map((r) => r.period)).size).toBe(after.length);
        // Nothing negative anywhere.
        for (const r of after)
          for (const v of [
            r.principalDue - r.principalPaid,
            r.interestDue - r.interestPaid,
            r.feeDue - r.feePaid,
          ])
            expect(v).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 400 },
    );
  });
});
