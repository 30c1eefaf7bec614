// Every refusal names its row, and nothing is computed when any row is bad.
import { describe, expect, it } from "vitest";
import type { Fen } from "../../../platform/money.ts";
import type { PayrollErrorCode } from "./errors.ts";
import type { LoanInput, PayrollInput, StaffInput } from "./payroll-input.ts";
import type { Position } from "./plan.ts";
import { loan, payrollError, planWith, staff } from "./test-support.ts";

const GOOD_STAFF: StaffInput[] = [
  staff({ id: "d1", position: "sales-director" }),
  staff({ id: "t1", position: "team-manager", managerId: "d1" }),
  staff({ id: "c1", position: "customer-manager", managerId: "t1" }),
];
const GOOD_LOAN = loan({ staffId: "c1", principal: "120000.00", termMonths: 6, on: "2026-11-03" });

function input(overrides: Partial<PayrollInput>): PayrollInput {
  return { month: "2026-11", plan: planWith(), staff: GOOD_STAFF, loans: [GOOD_LOAN], ...overrides };
}

const withLoan = (changes: Partial<LoanInput>): PayrollInput =>
  input({ loans: [GOOD_LOAN, { ...GOOD_LOAN, ...changes }] });
const withStaff = (row: StaffInput): PayrollInput => input({ staff: [...GOOD_STAFF, row] });

const CASES: [string, PayrollInput, PayrollErrorCode, string, RegExp][] = [
  ["month 2026-13", input({ month: "2026-13" }), "invalid-month", "month", /2026-13/],
  ["month 2026-1", input({ month: "2026-1" }), "invalid-month", "month", /YYYY-MM/],
  ["month 202611", input({ month: "202611" }), "invalid-month", "month", /YYYY-MM/],
  ["month with a day", input({ month: "2026-11-01" }), "invalid-month", "month", /YYYY-MM/],
  [
    "unknown position",
    withStaff(staff({ id: "x", position: "cashier" as Position })),
    "unknown-position",
    "staff[3].position",
    /"cashier"/,
  ],
  [
    "duplicate staff id",
    withStaff(staff({ id: "t1", position: "customer-manager" })),
    "duplicate-staff-id",
    "staff[3].id",
    /"t1" is already used by staff\[1\]/,
  ],
  [
    "empty staff id",
    withStaff(staff({ id: "", position: "customer-manager" })),
    "required",
    "staff[3].id",
    /required/,
  ],
  [
    "manager not found",
    input({ staff: [GOOD_STAFF[0], GOOD_STAFF[1], { ...GOOD_STAFF[2], managerId: "t9" }] }),
    "unknown-manager",
    "staff[2].managerId",
    /manager "t9" of staff "c1"/,
  ],
  [
    "two-person cycle",
    input({
      staff: [
        ...GOOD_STAFF,
        staff({ id: "a", position: "team-manager", managerId: "b" }),
        staff({ id: "b", position: "team-manager", managerId: "a" }),
      ],
    }),
    "manager-cycle",
    "staff[3].managerId",
    /a → b → a/,
  ],
  [
    "longer cycle reported on its first row",
    input({
      staff: [
        staff({ id: "x", position: "customer-manager", managerId: "y" }),
        staff({ id: "y", position: "team-manager", managerId: "z" }),
        staff({ id: "z", position: "sales-director", managerId: "y" }),
        ...GOOD_STAFF,
      ],
    }),
    "manager-cycle",
    "staff[1].managerId",
    /y → z → y/,
  ],
  [
    "own manager",
    withStaff(staff({ id: "self", position: "team-manager", managerId: "self" })),
    "manager-cycle",
    "staff[3].managerId",
    /self → self/,
  ],
  [
    "bad joinedOn",
    withStaff(staff({ id: "x", position: "customer-manager", joinedOn: "2026-02-30" })),
    "invalid-date",
    "staff[3].joinedOn",
    /YYYY-MM-DD/,
  ],
  [
    "bad leftOn",
    withStaff(staff({ id: "x", position: "customer-manager", leftOn: "2026/11/30" })),
    "invalid-date",
    "staff[3].leftOn",
    /YYYY-MM-DD/,
  ],
  [
    "left before joining",
    withStaff(staff({ id: "x", position: "customer-manager", joinedOn: "2026-11-10", leftOn: "2026-11-09" })),
    "left-before-joined",
    "staff[3].leftOn",
    /before joining/,
  ],
  ["loan for unknown staff", withLoan({ staffId: "ghost" }), "unknown-staff", "loans[1].staffId", /"ghost"/],
  [
    "negative principal",
    withLoan({ principal: -10_000 as Fen }),
    "invalid-amount",
    "loans[1].principal",
    /positive/,
  ],
  ["zero principal", withLoan({ principal: 0 as Fen }), "invalid-amount", "loans[1].principal", /positive/],
  [
    "3-decimal principal",
    withLoan({ principal: 12.5 as Fen }),
    "invalid-amount",
    "loans[1].principal",
    /2 decimals/,
  ],
  [
    "bad disbursement date",
    withLoan({ disbursedOn: "2026-11-31" }),
    "invalid-date",
    "loans[1].disbursedOn",
    /YYYY-MM-DD/,
  ],
  ["no term", withLoan({ termMonths: undefined }), "invalid-term", "loans[1].termMonths", /exactly one/],
  ["both terms", withLoan({ termDays: 180 }), "invalid-term", "loans[1].termMonths", /exactly one/],
  ["zero months", withLoan({ termMonths: 0 }), "invalid-term", "loans[1].termMonths", /1 to 360/],
  [
    "fractional days",
    withLoan({ termMonths: undefined, termDays: 1.5 }),
    "invalid-term",
    "loans[1].termDays",
    /whole/,
  ],
  [
    "loan before the staff member joined",
    input({
      staff: [...GOOD_STAFF, staff({ id: "new", position: "customer-manager", joinedOn: "2026-11-15" })],
      loans: [loan({ staffId: "new", principal: "1000.00", termMonths: 12, on: "2026-11-14" })],
    }),
    "loan-outside-employment",
    "loans[0].disbursedOn",
    /outside the employment of staff "new"/,
  ],
  [
    "clawback switched on",
    input({
      plan: planWith((p) => {
        p.clawback.enabled = true;
      }),
    }),
    "unsupported-setting",
    "plan.clawback.enabled",
    /clawback/,
  ],
  [
    "broken plan rate",
    input({
      plan: planWith((p) => {
        p.positions["team-manager"].commissionRate = "one percent";
      }),
    }),
    "invalid-plan",
    "plan.positions.team-manager.commissionRate",
    /one percent/,
  ],
];

describe("payroll input validation", () => {
  it.each(CASES)("%s → %s at %s", (_, bad, code, path, message) => {
    const error = payrollError(bad);
    expect(error.code).toBe(code);
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
  });

  it("reports every bad row at once, before computing anything", () => {
    const error = payrollError(
      input({
        month: "2026-11",
        staff: [...GOOD_STAFF, staff({ id: "x", position: "customer-manager", managerId: "nobody" })],
        loans: [GOOD_LOAN, { ...GOOD_LOAN, staffId: "ghost" }, { ...GOOD_LOAN, principal: -1 as Fen }],
      }),
    );
    expect(error.issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown-manager", "staff[3].managerId"],
      ["unknown-staff", "loans[1].staffId"],
      ["invalid-amount", "loans[2].principal"],
    ]);
  });

  it("checks loans outside the month too, except against employment dates", () => {
    const old = loan({ staffId: "ghost", principal: "1000.00", termMonths: 12, on: "2020-01-01" });
    expect(payrollError(input({ loans: [old] })).path).toBe("loans[0].staffId");
    // A loan from before someone joined, in an earlier month, is history and not an error.
    const history = loan({ staffId: "c1", principal: "1000.00", termMonths: 12, on: "2020-01-01" });
    expect(() => payrollError(input({ loans: [history] }))).toThrow("expected a PayrollInputError");
  });
});
