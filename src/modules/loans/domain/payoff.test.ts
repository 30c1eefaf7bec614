import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, type Fen, formatAmount } from "../../../platform/money.ts";
import { type InstallmentBalance, payoffQuote } from "./payoff.ts";
import { buildSchedule, REPAYMENT_METHODS, type Schedule } from "./schedule.ts";
import { schedule, yuan } from "./test-support.ts";

function unpaid(result: Schedule, paidPeriods = 0): InstallmentBalance[] {
  return result.installments.map((row) => {
    const paid = row.period <= paidPeriods;
    return {
      period: row.period,
      dueDate: row.dueDate,
      principal: (paid ? 0 : row.principal) as Fen,
      interest: (paid ? 0 : row.interest) as Fen,
      fee: (paid ? 0 : row.fee) as Fen,
      penalty: 0 as Fen,
    };
  });
}

describe("payoff quote", () => {
  const loan = schedule({
    principal: "12000.00",
    annualRate: "0.12",
    termMonths: 12,
    method: "equal-principal",
    startDate: "2026-01-15",
  });
  const common = { startDate: "2026-01-15", annualRate: new Dec("0.12") };

  it("on the disbursement day is the principal", () => {
    const quote = payoffQuote({ ...common, date: "2026-01-15", installments: unpaid(loan) });
    expect(quote.total).toBe(yuan("12000.00"));
    expect(quote.interest).toBe(0);
  });

  it("accrues actual days in the current period on the principal not yet due", () => {
    // Period 1 paid; 2026-02-15 → 2026-03-01 = 14 days on 11,000: 11000 × 0.12 × 14 / 360 = 51.33
    const quote = payoffQuote({ ...common, date: "2026-03-01", installments: unpaid(loan, 1) });
    expect(quote.accruedDays).toBe(14);
    expect(formatAmount(quote.accruedInterest)).toBe("51.33");
    expect(formatAmount(quote.principal)).toBe("11000.00");
    expect(formatAmount(quote.total)).toBe("11051.33");
  });

  it("adds overdue installments in full, their penalty and a prepayment fee on the early principal", () => {
    const rows = unpaid(loan);
    rows[0].penalty = yuan("3.00");
    const quote = payoffQuote({
      ...common,
      date: "2026-03-01",
      installments: rows,
      prepaymentFeeRate: new Dec("0.02"),
    });
    // Period 1 (1000 + 120) is overdue; 14 days on the 11,000 not yet due; 2% of 11,000 = 220.
    expect(formatAmount(quote.dueInterest)).toBe("120.00");
    expect(formatAmount(quote.penalty)).toBe("3.00");
    expect(formatAmount(quote.prepaymentFee)).toBe("220.00");
    expect(formatAmount(quote.total)).toBe("12394.33");
  });

  it("caps the accrual at the current installment's interest (31 days on a 360 basis)", () => {
    const rows = unpaid(loan, 1);
    const quote = payoffQuote({ ...common, date: "2026-03-14", installments: rows });
    // 27 days: 11000 × 0.12 × 27/360 = 99.00 < 110.00 scheduled; not capped.
    expect(formatAmount(quote.accruedInterest)).toBe("99.00");
    const monthEnd = schedule({
      principal: "12000.00",
      annualRate: "0.12",
      termMonths: 12,
      method: "equal-principal",
      startDate: "2026-01-01",
    });
    const capped = payoffQuote({
      startDate: "2026-01-01",
      annualRate: new Dec("0.12"),
      date: "2026-01-31",
      installments: unpaid(monthEnd),
    });
    // 30 days × 12000 × 0.12 / 360 = 120.00 = the scheduled 120.00; one day later would exceed it.
    expect(formatAmount(capped.accruedInterest)).toBe("120.00");
  });

  it("refuses a date before the start", () => {
    expect(() => payoffQuote({ ...common, date: "2026-01-14", installments: unpaid(loan) })).toThrow(/date/);
  });

  it("property: the quote on the disbursement day equals the principal, whatever the loan", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 360 }),
        fc.constantFrom(...REPAYMENT_METHODS),
        fc.integer({ min: 1, max: 28 }),
        (principal, basisPoints, termMonths, method, day) => {
          const startDate = `2026-05-${String(day).padStart(2, "0")}`;
          const annualRate = new Dec(basisPoints).div(10_000);
          const result = buildSchedule({
            principal: principal as Fen,
            annualRate,
            termMonths,
            method,
            startDate,
          });
          const quote = payoffQuote({ startDate, annualRate, date: startDate, installments: unpaid(result) });
          expect(quote.total).toBe(principal);
        },
      ),
      { numRuns: 300 },
    );
  });
});
