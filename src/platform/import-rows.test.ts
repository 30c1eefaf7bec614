import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { bufferStream, contentKindOf, fileKindOf, readSheetRows, type SheetRow } from "./import-rows.ts";
import { CsvTokenizer } from "./import-rows-csv.ts";

async function collect(data: Uint8Array, kind: "csv" | "xlsx", maxCellChars?: number): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const row of readSheetRows(bufferStream(data), kind, { maxCellChars })) out.push(row);
  return out;
}

describe("reading spreadsheets", () => {
  it('reads CSV with BOM, quotes, embedded breaks, CRLF and Excel\'s ="…" guard', async () => {
    const text =
      '\ufeff姓名,手机,备注\r\n"王, 小明",="013800138000","第一行\n第二行"\r\n\r\n李四,13900139000,"说""好的"""\r\n';
    expect(await collect(Buffer.from(text), "csv")).toEqual([
      { line: 1, cells: ["姓名", "手机", "备注"] },
      { line: 2, cells: ["王, 小明", "013800138000", "第一行\n第二行"] },
      { line: 4, cells: ["李四", "13900139000", '说"好的"'] },
    ]);
  });

  it("reads tab-separated files and GB18030 text", async () => {
    expect(await collect(Buffer.from("a\tb\n1\t2\n"), "csv")).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1", "2"] },
    ]);
    // "姓名,手机" in GB18030.
    const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xca, 0xd6, 0xbb, 0xfa, 0x0a]);
    expect((await collect(gbk, "csv"))[0].cells).toEqual(["姓名", "手机"]);
  });

  it("keeps rows whole when the text arrives in pieces", () => {
    const tokenizer = new CsvTokenizer(",", 1000);
    for (const piece of ['a,"b', '""c', '"\r', "\n1,2"]) tokenizer.feed(piece);
    tokenizer.end();
    expect(tokenizer.rows).toEqual([
      { line: 1, cells: ["a", 'b"c'] },
      { line: 2, cells: ["1", "2"] },
    ]);
  });

  it("reads the first worksheet of an .xlsx with dates as wall-clock text", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("one");
    sheet.addRow(["开始时间", "时长"]);
    sheet.addRow([new Date(Date.UTC(2026, 10, 3, 9, 15, 22)), 65]);
    workbook.addWorksheet("two").addRow(["ignored"]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(fileKindOf("whatever.csv", data)).toBe("xlsx");
    expect(await collect(data, "xlsx")).toEqual([
      { line: 1, cells: ["开始时间", "时长"] },
      { line: 2, cells: ["2026-11-03 09:15:22", "65"] },
    ]);
  });

  it("tells spreadsheets from other files", () => {
    expect(fileKindOf("a.csv", Buffer.from("x,y"))).toBe("csv");
    expect(fileKindOf("a.bin", Buffer.from([1, 0, 2]))).toBeNull();
    expect(fileKindOf("a.txt", Buffer.from("x\ty"))).toBe("csv");
  });

  it("tells an empty, an old .xls, a PDF and an image from text by content alone", () => {
    expect(contentKindOf(new Uint8Array())).toBe("empty");
    expect(contentKindOf(Buffer.from("d0cf11e0a1b11ae1000000", "hex"))).toBe("xls");
    expect(contentKindOf(Buffer.from("%PDF-1.7\n"))).toBe("pdf");
    expect(contentKindOf(Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"))).toBe("binary");
    expect(contentKindOf(Buffer.from("日期,金额\n"))).toBe("text");
  });
});

describe("one reader for every import", () => {
  const rowsOf = async (text: string | Buffer) =>
    (await collect(typeof text === "string" ? Buffer.from(text) : text, "csv")).map((r) => r.cells);

  it("strips a UTF-8 BOM so the first header is not '\ufeff姓名'", async () => {
    expect(await rowsOf("\ufeff姓名,手机\n张三,13800138000\n")).toEqual([
      ["姓名", "手机"],
      ["张三", "13800138000"],
    ]);
  });

  it("decodes GBK without a BOM, and UTF-8 without one as UTF-8", async () => {
    // "交易日期,金额\n张三,5\n" in GBK.
    const gbk = Buffer.concat([
      Buffer.from("bdbbd2d7c8d5c6da2cbdf0b6ee0a", "hex"),
      Buffer.from("d5c5c8fd", "hex"),
      Buffer.from(",5\n"),
    ]);
    expect(await rowsOf(gbk)).toEqual([
      ["交易日期", "金额"],
      ["张三", "5"],
    ]);
    expect(await rowsOf("交易日期,金额\n张三,5\n")).toEqual([
      ["交易日期", "金额"],
      ["张三", "5"],
    ]);
  });

  it("splits on commas, semicolons or tabs, whichever the file uses", async () => {
    const expected = [
      ["a", "b", "c"],
      ["1", "2", "3"],
    ];
    expect(await rowsOf("a,b,c\n1,2,3\n")).toEqual(expected);
    expect(await rowsOf("a;b;c\n1;2;3\n")).toEqual(expected);
    expect(await rowsOf("a\tb\tc\n1\t2\t3\n")).toEqual(expected);
    // A separator inside quotes does not count: this file is comma-separated.
    expect(await rowsOf('"x;y;z",b\n1,2\n')).toEqual([
      ["x;y;z", "b"],
      ["1", "2"],
    ]);
  });

  it("keeps line breaks inside quoted cells and numbers rows by where they start in the file", async () => {
    expect(await collect(Buffer.from('备注,金额\n"第一行\r\n第二行",5\n"x",6\n'), "csv")).toEqual([
      { line: 1, cells: ["备注", "金额"] },
      { line: 2, cells: ["第一行\r\n第二行", "5"] },
      { line: 3, cells: ["x", "6"] },
    ]);
  });

  it("cuts cells at the caller's limit, and at 1,000 characters by default", async () => {
    const long = "x".repeat(1200);
    expect((await collect(Buffer.from(`${long}\n`), "csv"))[0].cells[0]).toHaveLength(1000);
    expect((await collect(Buffer.from(`${long}\n`), "csv", 500))[0].cells[0]).toHaveLength(500);
  });

  it('reads an .xlsx: text, numbers, formulas by their result, the ="…" guard, the column cap', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("明细");
    sheet.addRow(["姓名", "金额", "合计", "账号"]);
    sheet.addRow(["  王五 ", 12.5, { formula: "1+1", result: 2 }, '="0123"']);
    sheet.addRow(Array.from({ length: 70 }, (_, i) => `c${i}`));
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const rows = await collect(data, "xlsx");
    expect(rows.slice(0, 2)).toEqual([
      { line: 1, cells: ["姓名", "金额", "合计", "账号"] },
      { line: 2, cells: ["王五", "12.5", "2", "0123"] },
    ]);
    expect(rows[2].cells).toHaveLength(60);
  });

  it("reads an empty file as no rows, whether CSV or a blank worksheet", async () => {
    expect(await collect(new Uint8Array(), "csv")).toEqual([]);
    expect(await collect(Buffer.from("\r\n\n , \n"), "csv")).toEqual([]);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("空");
    expect(await collect(Buffer.from(await workbook.xlsx.writeBuffer()), "xlsx")).toEqual([]);
  });
});
