import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../../platform/errors.ts";
import { detectHeader } from "./domain/column-mapping.ts";
import { readStatement } from "./statement-reader.ts";

async function* chunks(data: Buffer, size = 16 * 1024) {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

const read = (data: Buffer) => readStatement(chunks(data));

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("明细");
  for (const r of rows) sheet.addRow(r);
  book.addWorksheet("说明").addRow(["不读这一页"]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function refusal(data: Buffer): Promise<string> {
  try {
    await read(data);
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("reading a statement file", () => {
  it("reads the first sheet of an .xlsx: real dates, numbers, formulas and rich text as text", async () => {
    const data = await workbook([
      ["交易日期", "贷方金额", "对方户名", "流水号"],
      [new Date(Date.UTC(2026, 10, 28)), 1066.19, { richText: [{ text: "张" }, { text: "三" }] }, "R1"],
      [new Date(Date.UTC(2026, 10, 27, 9, 30)), { formula: "1+1", result: 2 }, "李四", 123456789],
    ]);
    const file = await read(data);
    expect(file.kind).toBe("xlsx");
    expect(file.rows).toEqual([
      { line: 1, cells: ["交易日期", "贷方金额", "对方户名", "流水号"] },
      { line: 2, cells: ["2026-11-28", "1066.19", "张三", "R1"] },
      { line: 3, cells: ["2026-11-27 09:30:00", "2", "李四", "123456789"] },
    ]);
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(file.bytes).toBe(data.length);
  });

  it("reads a CSV whatever the name says", async () => {
    const file = await read(Buffer.from("交易日期,金额,流水号\n2026-11-28,100.00,R1\n"));
    expect(file.kind).toBe("csv");
    expect(file.rows.map((r) => r.cells)).toEqual([
      ["交易日期", "金额", "流水号"],
      ["2026-11-28", "100.00", "R1"],
    ]);
  });

  it("refuses empty files, old .xls, PDFs, images and broken workbooks with a clear code", async () => {
    expect(await refusal(Buffer.alloc(0))).toBe("import-file-empty");
    expect(await refusal(Buffer.from("\n\n ,, \n"))).toBe("import-file-empty");
    expect(await refusal(Buffer.from("d0cf11e0a1b11ae1000000", "hex"))).toBe("import-file-xls");
    expect(await refusal(Buffer.from("%PDF-1.7\n%âãÏÓ\n"))).toBe("import-file-type");
    expect(await refusal(Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"))).toBe("import-file-type");
    expect(
      await refusal(Buffer.concat([Buffer.from("504b0304", "hex"), Buffer.from("not a zip at all")])),
    ).toBe("import-file-unreadable");
  });

  it("parses a 10,000-row CSV and a 10,000-row workbook in bounded time", async () => {
    const lines = ["交易日期,摘要,贷方金额,对方户名,对方账号,流水号"];
    for (let i = 1; i <= 10_000; i++)
      lines.push(
        `2026-11-28,"还款 L2026030${String(i).padStart(4, "0")}",${(i * 1.01).toFixed(2)},客户${i},6222${i},R${i}`,
      );
    let started = performance.now();
    const csv = await read(Buffer.from(lines.join("\r\n")));
    const csvMs = performance.now() - started;
    expect(csv.rows).toHaveLength(10_001);
    expect(detectHeader(csv.rows.map((r) => r.cells))?.mapping.reference).toBe(5);
    expect(csvMs).toBeLessThan(5_000);

    const data = await workbook(lines.map((l) => l.split(",")));
    started = performance.now();
    const xlsx = await read(data);
    const xlsxMs = performance.now() - started;
    expect(xlsx.rows).toHaveLength(10_001);
    expect(xlsxMs).toBeLessThan(20_000);
  }, 60_000);

  it("refuses a file over the row limit", async () => {
    const lines = Array.from({ length: 20_100 }, (_, i) => `2026-11-28,1.00,R${i}`);
    expect(await refusal(Buffer.from(lines.join("\n")))).toBe("import-too-many-rows");
  });
});
