import { describe, expect, it } from "vitest";
import { Dec, type Fen } from "../../../platform/money.ts";
import { LoanInputError } from "./errors.ts";
import { buildSchedule, type ScheduleInput } from "./schedule.ts";

const good: ScheduleInput = {
  principal: 100_000 as Fen,
  annualRate: new Dec("0.12"),
  termMonths: 12,
  method: "equal-installment",
  startDate: "2026-01-15",
};

function errorOf(input: Partial<Record<keyof ScheduleInput, unknown>>): LoanInputError {
  try {
    buildSchedule({ ...good, ...input } as ScheduleInput);
  } catch (error) {
    if (error instanceof LoanInputError) return error;
    throw error;
  }
  throw new Error("expected a LoanInputError");
}

describe("schedule input validation", () => {
  const cases: [string, Partial<Record<keyof ScheduleInput, unknown>>, string, string][] = [
    ["zero principal", { principal: 0 }, "invalid-principal", "principal"],
    ["negative principal", { principal: -500 }, "invalid-principal", "principal"],
    ["fractional fen", { principal: 100.5 }, "invalid-principal", "principal"],
    ["above 100,000,000.00", { principal: 10_000_000_001 }, "invalid-principal", "principal"],
    ["term 0", { termMonths: 0 }, "invalid-term", "termMonths"],
    ["term 361", { termMonths: 361 }, "invalid-term", "termMonths"],
    ["term 1.5", { termMonths: 1.5 }, "invalid-term", "termMonths"],
    ["rate 1.5", { annualRate: new Dec("1.5") }, "invalid-rate", "annualRate"],
    ["negative rate", { annualRate: new Dec("-0.01") }, "invalid-rate", "annualRate"],
    ["rate as a number", { annualRate: 0.12 }, "invalid-rate", "annualRate"],
    ["NaN rate", { annualRate: new Dec(Number.NaN) }, "invalid-rate", "annualRate"],
    ["unknown method", { method: "balloon" }, "invalid-method", "method"],
    ["2026-02-30", { startDate: "2026-02-30" }, "invalid-date", "startDate"],
    ["not a date", { startDate: "15/01/2026" }, "invalid-date", "startDate"],
    ["day basis 364", { dayBasis: 364 }, "invalid-option", "dayBasis"],
    ["fixed day 29", { fixedRepaymentDay: 29 }, "invalid-option", "fixedRepaymentDay"],
    ["upfront fee = principal", { fees: { upfront: 100_000 } }, "invalid-fee", "fees.upfront"],
    ["negative period fee", { fees: { perPeriod: -1 } }, "invalid-fee", "fees.perPeriod"],
    ["unknown rounding", { rounding: "bankers" }, "invalid-option", "rounding"],
  ];
  for (const [name, input, code, field] of cases) {
    it(`refuses ${name} with ${code} on ${field}`, () => {
      const error = errorOf(input);
      expect(error.code).toBe(code);
      expect(error.field).toBe(field);
      expect(error.message.length).toBeGreaterThan(0);
    });
  }

  it("accepts the edges: 0.01, 100,000,000.00, 1 and 360 months, rates 0 and 1", () => {
    for (const input of [
      { principal: 1 as Fen },
      { principal: 10_000_000_000 as Fen },
      { termMonths: 1 },
      { termMonths: 360 },
      { annualRate: new Dec(0) },
      { annualRate: new Dec(1) },
      { startDate: "2028-02-29" },
    ])
      expect(() => buildSchedule({ ...good, ...input })).not.toThrow();
  });
});
