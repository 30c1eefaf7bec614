// The first worksheet of an .xlsx, row by row through exceljs's streaming reader (no whole-workbook
// object in memory), each cell turned into the text a person sees: dates as YYYY-MM-DD, numbers as
// written, formulas by their result, rich text flattened.
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { cleanCell, MAX_COLUMNS } from "./csv-rows.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** Excel dates carry the wall-clock time as UTC. */
function dateText(d: Date): string {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const seconds = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  return seconds === 0
    ? day
    : `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : dateText(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object") {
    const v = value as {
      richText?: { text: string }[];
      text?: unknown;
      result?: unknown;
      formula?: string;
      error?: string;
    };
    if (v.richText) return v.richText.map((part) => part.text).join("");
    if ("result" in v || v.formula) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return "";
  }
  return String(value);
}

export type SourceRow = { line: number; cells: string[] };

export async function* xlsxRows(stream: Readable): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      // row.values is 1-based and sparse.
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let i = 1; i < Math.min(values.length, MAX_COLUMNS + 1); i++)
        cells.push(cleanCell(cellText(values[i])));
      if (cells.some((c) => c !== "")) yield { line: row.number, cells };
    }
    // Only the first worksheet is the statement; the rest (summaries, notes) are not read.
    break;
  }
}
