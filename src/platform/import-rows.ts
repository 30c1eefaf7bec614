// Rows of an uploaded spreadsheet, streamed, for every import (lead lists, call records, repayment
// statements): CSV in the encodings and separators Chinese exports use (import-rows-csv.ts) or the
// first worksheet of an .xlsx (import-rows-xlsx.ts). Each row is its cells as trimmed text and the
// line a person would look for in the file. What a caller refuses, and with which message, stays its own.
import { Readable } from "node:stream";
import { csvRows } from "./import-rows-csv.ts";
import { xlsxRows } from "./import-rows-xlsx.ts";

export type SheetRow = { line: number; cells: string[] };
export type FileKind = "csv" | "xlsx";
/** What the first bytes of a file say it is. */
export type ContentKind = "empty" | "xlsx" | "xls" | "binary" | "pdf" | "text";

export const DEFAULT_MAX_CELL_CHARS = 1000;

/** By content alone; `probeBytes` bounds the search for the NUL bytes that text never has. */
export function contentKindOf(head: Uint8Array, probeBytes = 4096): ContentKind {
  if (head.length === 0) return "empty";
  // An .xlsx is a zip; an old .xls is an OLE compound document.
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "xlsx";
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return "xls";
  // Text has no NUL bytes in UTF-8 or GB18030; images and the like do.
  if (head.subarray(0, probeBytes).includes(0)) return "binary";
  if (Buffer.from(head.subarray(0, 5)).toString("latin1") === "%PDF-") return "pdf";
  return "text";
}

/** By content first, then by name (lenient: whatever is not binary reads as CSV); null for anything else. */
export function fileKindOf(fileName: string | undefined, head: Uint8Array): FileKind | null {
  const content = contentKindOf(head, 512);
  if (content === "xlsx") return "xlsx";
  const name = (fileName ?? "").toLowerCase();
  if (name.endsWith(".xlsx")) return "xlsx";
  if (name.endsWith(".csv") || name.endsWith(".txt") || name === "") return "csv";
  // A CSV saved under another name still reads as text; binaries (an old .xls) do not.
  return content === "binary" || content === "xls" ? null : "csv";
}

export async function* readSheetRows(
  source: Readable,
  kind: FileKind,
  options: { maxCellChars?: number } = {},
): AsyncGenerator<SheetRow> {
  const maxCellChars = options.maxCellChars ?? DEFAULT_MAX_CELL_CHARS;
  if (kind === "xlsx") yield* xlsxRows(source, maxCellChars);
  else yield* csvRows(source, maxCellChars);
}

export function bufferStream(data: Uint8Array): Readable {
  return Readable.from([Buffer.from(data)]);
}
