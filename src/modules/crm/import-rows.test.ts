import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { bufferStream, CsvTokenizer, fileKindOf, readSheetRows, type SheetRow } from "./import-rows.ts";

async function collect(data: Uint8Array, kind: "csv" | "xlsx"): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const row of readSheetRows(bufferStream(data), kind)) out.push(row);
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
    const tokenizer = new CsvTokenizer(",".charCodeAt(0));
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
});
