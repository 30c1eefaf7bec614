// Rows of an uploaded spreadsheet, streamed: CSV as phone systems and Excel write it (UTF-8 with or
// without BOM, or GB18030/GBK; comma, tab or semicolon; quoted fields with "" and line breaks) or the
// first worksheet of an .xlsx through exceljs's streaming reader. Nothing holds the whole file, so a
// 100,000-row CDR costs the memory of one chunk.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";

export type SheetRow = { line: number; cells: string[] };
export type FileKind = "csv" | "xlsx";

const MAX_CELL = 1000;
const MAX_COLUMNS = 60;
const SAMPLE_BYTES = 64 * 1024;

/** By content first (an .xlsx is a zip), then by name; null for anything else. */
export function fileKindOf(fileName: string | undefined, head: Uint8Array): FileKind | null {
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "xlsx";
  const name = (fileName ?? "").toLowerCase();
  if (name.endsWith(".xlsx")) return "xlsx";
  if (name.endsWith(".csv") || name.endsWith(".txt") || name === "") return "csv";
  // A CSV saved under another name still reads as text; binaries (an old .xls) do not.
  return head.subarray(0, 512).includes(0) ? null : "csv";
}

export async function* readSheetRows(source: Readable, kind: FileKind): AsyncGenerator<SheetRow> {
  if (kind === "xlsx") yield* xlsxRows(source);
  else yield* csvRows(source);
}

export function bufferStream(data: Uint8Array): Readable {
  return Readable.from([Buffer.from(data)]);
}

// ---------------------------------------------------------------- CSV

function detectEncoding(sample: Uint8Array): { encoding: "utf-8" | "gb18030"; bom: number } {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: "utf-8", bom: 3 };
  try {
    // stream: true tolerates a character cut at the end of the sample.
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    return { encoding: "utf-8", bom: 0 };
  } catch {
    return { encoding: "gb18030", bom: 0 };
  }
}

function detectDelimiter(text: string): number {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? "";
  let best = ",";
  let bestCount = 0;
  for (const candidate of [",", "\t", ";"]) {
    const n = firstLine.split(candidate).length - 1;
    if (n > bestCount) [best, bestCount] = [candidate, n];
  }
  return best.charCodeAt(0);
}

function clean(raw: string): string {
  let text = raw.trim();
  // Excel's ="0123" guard keeps leading zeros of phone numbers.
  if (text.startsWith('="') && text.endsWith('"')) text = text.slice(2, -1).trim();
  return text.length > MAX_CELL ? text.slice(0, MAX_CELL) : text;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** A state machine fed text in pieces; complete rows collect in `rows`. */
export class CsvTokenizer {
  private field = "";
  private row: string[] = [];
  private quoted = false;
  private quoteSeen = false;
  private lastWasCr = false;
  private line = 0;
  readonly rows: SheetRow[] = [];

  constructor(private readonly delimiter: number) {}

  feed(text: string): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (this.quoted) {
        const close = text.indexOf('"', i);
        if (close < 0) {
          this.field += text.slice(i);
          return;
        }
        this.field += text.slice(i, close);
        this.quoted = false;
        this.quoteSeen = true;
        i = close + 1;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        // "" inside quotes is a quote; a quote opening a field starts quoting; a stray one is text.
        if (this.quoteSeen) {
          this.field += '"';
          this.quoted = true;
        } else if (this.field === "") this.quoted = true;
        else this.field += '"';
        this.quoteSeen = false;
        i++;
        continue;
      }
      this.quoteSeen = false;
      if (c === LF && this.lastWasCr) {
        this.lastWasCr = false;
        i++;
        continue;
      }
      this.lastWasCr = c === CR;
      if (c === this.delimiter) this.endField();
      else if (c === LF || c === CR) this.endRow();
      else {
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === this.delimiter || d === LF || d === CR || d === QUOTE) break;
          j++;
        }
        this.field += text.slice(i, j);
        i = j;
        continue;
      }
      i++;
    }
  }

  end(): void {
    if (this.field !== "" || this.row.length > 0) this.endRow();
  }

  private endField(): void {
    if (this.row.length < MAX_COLUMNS) this.row.push(clean(this.field));
    this.field = "";
  }

  private endRow(): void {
    this.endField();
    this.quoteSeen = false;
    const row = this.row;
    this.row = [];
    this.line++;
    if (row.some((cell) => cell !== "")) this.rows.push({ line: this.line, cells: row });
  }
}

async function* csvRows(source: AsyncIterable<Uint8Array>): AsyncGenerator<SheetRow> {
  let reader: { decoder: TextDecoder; tokenizer: CsvTokenizer } | null = null;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const start = (bytes: Uint8Array) => {
    const { encoding, bom } = detectEncoding(bytes);
    const decoder = new TextDecoder(encoding);
    const text = decoder.decode(bytes.subarray(bom), { stream: true });
    const tokenizer = new CsvTokenizer(detectDelimiter(text));
    tokenizer.feed(text);
    return { decoder, tokenizer };
  };
  for await (const chunk of source) {
    if (reader) reader.tokenizer.feed(reader.decoder.decode(chunk, { stream: true }));
    else {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < SAMPLE_BYTES) continue;
      reader = start(Buffer.concat(pending));
      pending = [];
    }
    yield* reader.tokenizer.rows;
    reader.tokenizer.rows.length = 0;
  }
  reader ??= start(Buffer.concat(pending));
  reader.tokenizer.feed(reader.decoder.decode());
  reader.tokenizer.end();
  yield* reader.tokenizer.rows;
}

// ---------------------------------------------------------------- XLSX

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
    return "";
  }
  return String(value);
}

async function* xlsxRows(stream: Readable): AsyncGenerator<SheetRow> {
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
        cells.push(clean(cellText(values[i])));
      if (cells.some((c) => c !== "")) yield { line: row.number, cells };
    }
    break; // the first worksheet only
  }
}
