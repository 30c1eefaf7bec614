import { describe, expect, it } from "vitest";
import { cleanCell, csvRows, detectDelimiter } from "./import-rows-csv.ts";

async function rowsOf(bytes: Uint8Array, chunk = 7): Promise<string[][]> {
  async function* pieces() {
    for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
  }
  const out: string[][] = [];
  for await (const row of csvRows(pieces(), 500)) out.push(row.cells);
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("csv rows", () => {
  it("reads UTF-8 with a BOM, CRLF, quotes, escaped quotes and line breaks inside quotes", async () => {
    const text =
      '\uFEFF交易日期,摘要,贷方金额\r\n2026-11-28,"还款, L20260300001","1,234.56"\r\n2026-11-27,"他说""好""\n第二行",5\r\n';
    expect(await rowsOf(utf8(text))).toEqual([
      ["交易日期", "摘要", "贷方金额"],
      ["2026-11-28", "还款, L20260300001", "1,234.56"],
      ["2026-11-27", '他说"好"\n第二行', "5"],
    ]);
  });

  it("reads GB18030 (GBK) files as banks export them, even cut mid-character", async () => {
    // "交易日期,金额\n2026-11-28,100.00\n" in GBK.
    const gbk = Buffer.from("bd bb d2 d7 c8 d5 c6 da 2c bd f0 b6 ee 0a".replaceAll(" ", ""), "hex");
    const bytes = Buffer.concat([gbk, Buffer.from("2026-11-28,100.00\n")]);
    for (const chunk of [1, 3, 5])
      expect(await rowsOf(bytes, chunk)).toEqual([
        ["交易日期", "金额"],
        ["2026-11-28", "100.00"],
      ]);
  });

  it('tells tabs and semicolons from commas, drops blank lines, strips Excel\'s ="…" guard', async () => {
    expect(detectDelimiter("a\tb\tc\n1\t2\t3")).toBe("\t");
    expect(detectDelimiter("a;b;c\n1;2;3")).toBe(";");
    expect(detectDelimiter('a,"x;y",c')).toBe(",");
    expect(await rowsOf(utf8('账号\t金额\n\n="6222000011112222"\t 12.00 \n'))).toEqual([
      ["账号", "金额"],
      ["6222000011112222", "12.00"],
    ]);
    expect(cleanCell("x".repeat(600), 500)).toHaveLength(500);
  });

  it("keeps a stray quote inside plain text as text", async () => {
    expect(await rowsOf(utf8('a,5" pipe,c\n1,2,3\n'))).toEqual([
      ["a", '5" pipe', "c"],
      ["1", "2", "3"],
    ]);
  });

  it("numbers rows by their record in the file", async () => {
    const rows: number[] = [];
    async function* one() {
      yield utf8("a,b\n\n1,2\n3,4");
    }
    for await (const row of csvRows(one(), 500)) rows.push(row.line);
    expect(rows).toEqual([1, 3, 4]);
  });
});
