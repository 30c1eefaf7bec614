import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Fen } from "../../../../platform/money.ts";
import {
  type CandidateLoan,
  expectedAmounts,
  loanNumbersIn,
  type MatchLookups,
  matchRow,
} from "./matching.ts";
import type { RowFields } from "./row-fields.ts";

const loan = (id: string, overrides: Partial<CandidateLoan> = {}): CandidateLoan => ({
  loanId: id,
  loanNo: `L2026030000${id.slice(-1)}`,
  status: "active",
  startDate: "2026-03-15",
  customerName: "张三",
  cardLast4: null,
  unpaid: [
    { dueDate: "2026-11-15", amount: 106_619 },
    { dueDate: "2026-12-15", amount: 106_619 },
  ],
  ...overrides,
});

const A = loan("loan-1");
const B = loan("loan-2", { unpaid: [{ dueDate: "2026-12-15", amount: 50_000 }] });
const C = loan("loan-3", { customerName: "李四", status: "closed" });

function lookups(overrides: Partial<MatchLookups> = {}): MatchLookups {
  return {
    businessDate: "2026-11-28",
    loansByNo: new Map([A, B, C].map((l) => [l.loanNo, l])),
    loansByName: new Map([["张三", [A, B]]]),
    loansByAccount: new Map(),
    accountKey: (a) => `k:${a}`,
    postedReferences: new Set(),
    chosen: null,
    excluded: false,
    ...overrides,
  };
}

const row = (overrides: Partial<RowFields> = {}): RowFields => ({
  date: "2026-11-28",
  amount: 106_619 as Fen,
  payerName: "张三",
  payerAccount: "6222000011112222",
  memo: "还款",
  reference: "R1",
  ...overrides,
});

const match = (fields: RowFields, l = lookups(), seen = new Set<string>()) => matchRow(fields, null, l, seen);

describe("matching a statement row to a loan", () => {
  it("finds loan numbers in a memo, in any case, once each", () => {
    expect(loanNumbersIn("还款 l20260300001 及 L20260300001、L20260300002")).toEqual([
      "L20260300001",
      "L20260300002",
    ]);
    expect(loanNumbersIn(null)).toEqual([]);
  });

  it("takes the loan number in the memo first, whatever the amount", () => {
    expect(match(row({ memo: `还款 ${B.loanNo}`, amount: 1 as Fen }))).toMatchObject({
      status: "matched",
      loanId: "loan-2",
      matchedBy: "loan-no",
    });
  });

  it("flags a memo naming two loans as ambiguous with both as candidates", () => {
    expect(match(row({ memo: `${A.loanNo} ${B.loanNo}` }))).toMatchObject({
      status: "ambiguous",
      reason: "import-row-several-loans",
      candidates: ["loan-1", "loan-2"],
    });
  });

  it("refuses a payment to a closed loan and one dated before disbursement", () => {
    expect(match(row({ memo: C.loanNo }))).toMatchObject({
      status: "invalid",
      reason: "import-row-loan-not-active",
    });
    expect(match(row({ memo: A.loanNo, date: "2026-03-01" }))).toMatchObject({
      status: "invalid",
      reason: "date-before-disbursement",
    });
    expect(match(row({ date: "2026-11-29" }))).toMatchObject({
      status: "invalid",
      reason: "date-after-business-date",
    });
  });

  it("uses a payer account remembered from an earlier import", () => {
    const l = lookups({ loansByAccount: new Map([["k:6222000011112222", [B]]]) });
    expect(match(row({ payerName: "别人", amount: 7 as Fen }), l)).toMatchObject({
      status: "matched",
      loanId: "loan-2",
      matchedBy: "payer-account",
    });
  });

  it("matches by name and the amount due, or the next installment", () => {
    expect(match(row())).toMatchObject({ status: "matched", loanId: "loan-1", matchedBy: "name-amount" });
    expect(match(row({ amount: 50_000 as Fen }))).toMatchObject({ status: "matched", loanId: "loan-2" });
    expect(expectedAmounts(A, "2026-12-20")).toEqual([213_238, 106_619]);
  });

  it("flags a known name paying an amount no loan owes as ambiguous", () => {
    expect(match(row({ amount: 100_000 as Fen }))).toMatchObject({
      status: "ambiguous",
      reason: "import-row-amount-differs",
      candidates: ["loan-1", "loan-2"],
    });
  });

  it("tells two loans owing the same amount apart by the card on file, else asks", () => {
    const twin = loan("loan-4", { cardLast4: "2222" });
    const byName = new Map([["张三", [A, twin]]]);
    expect(match(row(), lookups({ loansByName: byName }))).toMatchObject({
      status: "matched",
      loanId: "loan-4",
    });
    expect(match(row({ payerAccount: "99990000" }), lookups({ loansByName: byName }))).toMatchObject({
      status: "ambiguous",
      candidates: ["loan-1", "loan-4"],
    });
  });

  it("leaves a stranger unmatched", () => {
    expect(match(row({ payerName: "杭州恒达贸易有限公司" }))).toMatchObject({
      status: "unmatched",
      reason: "import-row-no-match",
    });
  });

  it("never posts a reference twice: posted before, or earlier in the same file", () => {
    expect(match(row(), lookups({ postedReferences: new Set(["R1"]) }))).toMatchObject({
      status: "duplicate",
      reason: "import-row-posted-before",
    });
    const seen = new Set<string>();
    expect(match(row(), lookups(), seen).status).toBe("matched");
    expect(match(row(), lookups(), seen)).toMatchObject({
      status: "duplicate",
      reason: "import-row-duplicate-in-file",
    });
  });

  it("follows a person's choice and exclusion over every rule", () => {
    expect(match(row({ memo: A.loanNo }), lookups({ chosen: B }))).toMatchObject({
      status: "matched",
      loanId: "loan-2",
      matchedBy: "manual",
    });
    expect(match(row(), lookups({ excluded: true }))).toMatchObject({ status: "excluded" });
  });

  it("marks a row matched only with a loan, and only for an unposted reference on or before the business date", () => {
    const loans = [A, B, C, loan("loan-5", { customerName: "王五" })];
    const arbitraryRow = fc.record({
      date: fc.constantFrom("2026-03-01", "2026-11-15", "2026-11-28", "2026-11-29"),
      amount: fc.constantFrom(1, 50_000, 106_619, 213_238),
      payerName: fc.constantFrom("张三", "李四", "王五", null),
      payerAccount: fc.constantFrom("6222000011112222", null),
      memo: fc.constantFrom("还款", A.loanNo, `${A.loanNo} ${B.loanNo}`, C.loanNo, null),
      reference: fc.constantFrom("R1", "R2", "R3"),
    });
    fc.assert(
      fc.property(fc.array(arbitraryRow, { maxLength: 8 }), fc.subarray(["R1", "R2"]), (rows, posted) => {
        const l = lookups({
          postedReferences: new Set(posted),
          loansByName: new Map([
            ["张三", [A, B]],
            ["王五", [loans[3]]],
          ]),
        });
        const seen = new Set<string>();
        const matchedRefs: string[] = [];
        for (const r of rows) {
          const m = match(r as RowFields, l, seen);
          if (m.status !== "matched") continue;
          if (!m.loanId || posted.includes(r.reference) || r.date > l.businessDate) return false;
          matchedRefs.push(r.reference);
        }
        return new Set(matchedRefs).size === matchedRefs.length;
      }),
    );
  });
});
