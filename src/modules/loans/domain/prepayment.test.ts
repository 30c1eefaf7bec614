import { describe, expect, it } from "vitest";
import { Dec, formatAmount } from "../../../platform/money.ts";
import { LoanInputError } from "./errors.ts";
import { partialPrepayment } from "./prepayment.ts";
import { schedule, yuan } from "./test-support.ts";

describe("partial prepayment", () => {
  const original = schedule({
    principal: "120000.00",
    annualRate: "0.12",
    termMonths: 24,
    method: "equal-installment",
    startDate: "2026-01-31",
  });
  const afterSix = original.installments[5];
  const common = {
    startDate: "2026-01-31",
    annualRate: new Dec("0.12"),
    method: "equal-installment" as const,
    periodsElapsed: 6,
    remainingPrincipal: afterSix.remainingPrincipal,
    remainingTerm: 18,
    amount: yuan("30000.00"),
  };

  it("keep-term lowers the installment and keeps the due dates", () => {
    const result = partialPrepayment({ ...common, choice: "keep-term" });
    expect(result.termMonths).toBe(18);
    expect(result.principal).toBe(afterSix.remainingPrincipal - yuan("30000.00"));
    const rows = result.schedule.installments;
    expect(rows[0].period).toBe(7);
    expect(rows.map((r) => r.dueDate)).toEqual(original.installments.slice(6).map((r) => r.dueDate));
    expect(rows[0].total).toBeLessThan(original.installments[6].total);
    expect(result.schedule.totals.principal).toBe(result.principal);
  });

  it("keep-installment shortens the term and does not raise the installment", () => {
    const result = partialPrepayment({ ...common, choice: "keep-installment" });
    const kept = original.installments[6].total;
    expect(result.termMonths).toBeLessThan(18);
    expect(result.schedule.installments[0].total).toBeLessThanOrEqual(kept);
    // One period fewer would need more than the kept installment.
    const shorter = partialPrepayment({
      ...common,
      choice: "keep-term",
      remainingTerm: result.termMonths - 1,
    });
    expect(shorter.schedule.installments[0].total).toBeGreaterThan(kept);
    expect(formatAmount(result.schedule.totals.principal)).toBe(formatAmount(result.principal));
  });

  it("keep-installment on equal-principal keeps the monthly principal part", () => {
    const ep = schedule({
      principal: "12000.00",
      annualRate: "0.06",
      termMonths: 12,
      method: "equal-principal",
      startDate: "2026-01-10",
    });
    const result = partialPrepayment({
      startDate: "2026-01-10",
      annualRate: new Dec("0.06"),
      method: "equal-principal",
      periodsElapsed: 2,
      remainingPrincipal: ep.installments[1].remainingPrincipal,
      remainingTerm: 10,
      amount: yuan("3000.00"),
      choice: "keep-installment",
    });
    expect(result.termMonths).toBe(7);
    expect(formatAmount(result.schedule.installments[0].principal)).toBe("1000.00");
    expect(result.schedule.installments[0].dueDate).toBe("2026-04-10");
  });

  it("a prepayment of everything is a payoff, not a re-schedule", () => {
    expect(() =>
      partialPrepayment({ ...common, amount: common.remainingPrincipal, choice: "keep-term" }),
    ).toThrow(LoanInputError);
  });

  it("keep-installment makes no sense for interest-only", () => {
    expect(() =>
      partialPrepayment({ ...common, method: "interest-only", choice: "keep-installment" }),
    ).toThrow(/keep-installment/);
  });
});
