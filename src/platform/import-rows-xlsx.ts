// The first worksheet of an .xlsx, row by row through exceljs's streaming reader (no whole-workbook
// object in memory), each cell turned into the text a person sees: dates as YYYY-MM-DD (with the time
// when there is one), numbers as written, formulas by their result, rich text flattened.
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { SheetRow } from "./import-rows.ts";
import { cleanCell, MAX_COLUMNS } from "./import-rows-csv.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** Excel keeps the wall-clock time as if it were UTC. */
function excelDate(d: Date): string {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0) return day;
  return `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : excelDate(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; formula?: string };
    if (v.richText) return v.richText.map((part) => part.text).join("");
    if ("result" in v || v.formula) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    // An error cell (#N/A) or a kind of value exceljs adds later: nothing a person typed.
    return "";
  }
  return String(value);
}

export async function* xlsxRows(stream: Readable, maxCellChars: number): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as unknown[]; // 1-based and sparse
      const cells: string[] = [];
      for (let i = 1; i < Math.min(values.length, MAX_COLUMNS + 1); i++)
        cells.push(cleanCell(cellText(values[i]), maxCellChars));
      if (cells.some((c) => c !== "")) yield { line: row.number, cells };
    }
    // Only the first worksheet holds the rows; the rest (summaries, notes) are not read.
    break;
  }
}
