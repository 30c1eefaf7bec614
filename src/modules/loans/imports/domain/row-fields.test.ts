import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "../repayment-imports.schema.ts";
import { parseStatementAmount, parseStatementDate, readRow } from "./row-fields.ts";

const mapping: ColumnMapping = { date: 0, amount: 1, payerName: 2, payerAccount: 3, memo: 4, reference: 5 };

describe("statement dates", () => {
  it.each([
    ["2026-11-28", "2026-11-28"],
    ["2026/1/5", "2026-01-05"],
    ["2026.11.28", "2026-11-28"],
    ["20261128", "2026-11-28"],
    ["2026年11月8日", "2026-11-08"],
    ["2026-11-28 14:05:09", "2026-11-28"],
    ["2026/11/28 9:05", "2026-11-28"],
    ["20261128 140509", "2026-11-28"],
  ])("%s → %s", (text, date) => expect(parseStatementDate(text)).toBe(date));

  it.each(["2026-02-30", "28/11/2026", "昨天", "", "2026-13-01"])("refuses %s", (text) =>
    expect(parseStatementDate(text)).toBeNull(),
  );
});

describe("statement amounts, exact to the fen", () => {
  it.each([
    ["1,234.56", 123456],
    ["¥1,234.5", 123450],
    ["￥ 88", 8800],
    ["1234.56元", 123456],
    ["+300.00", 30000],
    ["(1,000.00)", -100000],
    ["-20.5", -2050],
    ["1234.560", 123456],
    ["1，000.00", 100000],
  ])("%s → %i fen", (text, fen) => expect(parseStatementAmount(text)).toBe(fen));

  it.each(["100.005", "1.2.3", "abc", "1e5", "12.3456"])("refuses %s", (text) =>
    expect(parseStatementAmount(text)).toBeNull(),
  );

  it("reads back any amount written with thousands separators and a ¥ sign", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999_999 }), (fen) => {
        const yuan = Math.floor(fen / 100).toLocaleString("en");
        const text = `¥${yuan}.${String(fen % 100).padStart(2, "0")}`;
        return parseStatementAmount(text) === fen;
      }),
    );
  });
});

describe("one row through the mapping", () => {
  const row = (cells: string[]) => readRow(cells, mapping);

  it("reads a good row, account digits only", () => {
    expect(row(["2026-11-28", "1,066.19", "张三", "6222 0212 3456 7890", "还款", "ICBC001"])).toEqual({
      fields: {
        date: "2026-11-28",
        amount: 106619,
        payerName: "张三",
        payerAccount: "6222021234567890",
        memo: "还款",
        reference: "ICBC001",
      },
      problem: null,
    });
  });

  it("says why a row cannot be a repayment", () => {
    expect(row(["2026-11-28", "100.005", "张三", "", "", "R1"]).problem).toEqual({
      kind: "invalid",
      reason: "invalid-amount",
    });
    expect(row(["2026-11-31", "100.00", "张三", "", "", "R1"]).problem?.reason).toBe("invalid-date");
    expect(row(["2026-11-28", "100.00", "张三", "", "", ""]).problem?.reason).toBe("import-row-no-reference");
    expect(row(["2026-11-28", "-100.00", "", "", "手续费", "R2"]).problem).toEqual({
      kind: "skipped",
      reason: "import-row-outgoing",
    });
    expect(row(["2026-11-28", "", "", "", "手续费", "R3"]).problem?.reason).toBe("import-row-no-amount");
    expect(row(["合计", "1000.00", "", "", "", ""]).problem?.reason).toBe("import-row-summary");
  });
});
