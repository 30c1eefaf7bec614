import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, type Fen } from "../../platform/money.ts";
import { buildSchedule } from "./domain/schedule.ts";
import type { InstallmentRow, LoanRow } from "./loan-state.ts";
import { planRepayment } from "./repayment-plan.ts";

const ORDER = {
  components: ["fee", "penalty", "interest", "principal"] as const,
  installments: "oldest-first" as const,
  strategy: "by-installment" as const,
};

function book(options: { paid?: number; penalty?: number } = {}): { loan: LoanRow; rows: InstallmentRow[] } {
  const schedule = buildSchedule({
    principal: 1_200_000 as Fen,
    annualRate: new Dec("0.12"),
    termMonths: 12,
    method: "equal-installment",
    startDate: "2026-01-15",
  });
  const loan = {
    id: "l",
    loanNo: "L1",
    startDate: "2026-01-15",
    annualRate: "0.12",
    dayBasis: 360,
    rounding: "half-up",
  } as LoanRow;
  const rows = schedule.installments.map((r) => ({
    loanId: "l",
    period: r.period,
    dueDate: r.dueDate,
    principalDue: r.principal,
    interestDue: r.interest,
    feeDue: r.fee,
    penaltyAccrued: r.period === 1 ? (options.penalty ?? 0) : 0,
    principalPaid: 0,
    interestPaid: 0,
    feePaid: 0,
    penaltyPaid: 0,
    paidOffDate: null,
    recognisedDate: r.dueDate <= "2026-02-20" ? r.dueDate : null,
  })) as InstallmentRow[];
  return { loan, rows };
}

describe("planRepayment", () => {
  it("pays the due installment before paying ahead", () => {
    const { loan, rows } = book({ penalty: 237 });
    const plan = planRepayment({
      loan,
      rows,
      amount: 200_000 as Fen,
      date: "2026-02-20",
      order: { ...ORDER, components: [...ORDER.components] },
      prepaymentFeeRate: "0",
    });
    expect(plan.settlement).toBeNull();
    expect(plan.lines.map((l) => [l.period, l.penalty, l.interest, l.principal])).toEqual([
      [1, 237, 12_000, 94_619],
      [2, 0, 11_054, 82_090],
    ]);
    expect(plan.credit).toBe(0);
  });

  it("settles on the payoff quote: future interest dropped, accrued interest charged, rest is credit", () => {
    const { loan, rows } = book();
    // On 2026-01-25, 10 days in: round(1,200,000 × 0.12 × 10 / 360) = 4,000 分 accrued.
    const plan = planRepayment({
      loan,
      rows,
      amount: 1_300_000 as Fen,
      date: "2026-01-25",
      order: { ...ORDER, components: [...ORDER.components] },
      prepaymentFeeRate: "0.01",
    });
    expect(plan.settlement).toMatchObject({
      principal: 1_200_000,
      interest: 4_000,
      prepaymentFee: 12_000,
      total: 1_216_000,
    });
    expect(plan.credit).toBe(84_000);
    expect(plan.adjustments[0]).toMatchObject({
      period: 1,
      interestDue: 12_000,
      newInterestDue: 4_000,
      newFeeDue: 12_000,
    });
    expect(plan.adjustments.slice(1).every((a) => a.newInterestDue === 0 && a.newFeeDue === 0)).toBe(true);
  });

  it("never loses or creates a fen (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000_000 }),
        fc.constantFrom("2026-01-15", "2026-02-20", "2026-07-01", "2027-02-01"),
        (amount, date) => {
          const { loan, rows } = book({ penalty: 500 });
          const plan = planRepayment({
            loan,
            rows,
            amount: amount as Fen,
            date,
            order: { ...ORDER, components: [...ORDER.components] },
            prepaymentFeeRate: "0",
          });
          const applied = plan.lines.reduce((s, l) => s + l.total, 0);
          expect(applied + plan.credit).toBe(amount);
          for (const l of plan.lines) expect(l.fee + l.penalty + l.interest + l.principal).toBe(l.total);
        },
      ),
    );
  });
});
