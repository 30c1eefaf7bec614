// CSV as phone systems, banks and Excel write it: UTF-8 (with or without BOM) or GB18030/GBK; comma-,
// tab- or semicolon-separated; quoted fields with "" escapes and line breaks; Excel's ="0123" guard
// against losing leading zeros. Read chunk by chunk, so a large file costs the memory of one chunk.
import type { SheetRow } from "./import-rows.ts";

export const MAX_COLUMNS = 60;
const SAMPLE_BYTES = 64 * 1024;

function detectEncoding(sample: Uint8Array): { encoding: "utf-8" | "gb18030"; bom: number } {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: "utf-8", bom: 3 };
  try {
    // stream: true tolerates a multi-byte character cut at the end of the sample.
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: true });
    return { encoding: "utf-8", bom: 0 };
  } catch {
    return { encoding: "gb18030", bom: 0 };
  }
}

/** The separator used most on the first lines, outside quotes. */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/).slice(0, 10);
  let best = ",";
  let bestCount = 0;
  for (const candidate of [",", "\t", ";"]) {
    let total = 0;
    for (const line of lines) {
      let quoted = false;
      for (const ch of line) {
        if (ch === '"') quoted = !quoted;
        else if (ch === candidate && !quoted) total++;
      }
    }
    if (total > bestCount) {
      best = candidate;
      bestCount = total;
    }
  }
  return best;
}

/** `="00123"` (Excel's text guard) → `00123`; the whitespace and tabs some exports pad with are trimmed. */
export function cleanCell(raw: string, maxChars: number): string {
  let text = raw.trim();
  if (text.length > 2 && text.startsWith('="') && text.endsWith('"')) text = text.slice(2, -1).trim();
  return text.length > maxChars ? text.slice(0, maxChars) : text;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** A state machine fed text in pieces; complete rows collect in `rows`. */
export class CsvTokenizer {
  private readonly delimiter: number;
  private field = "";
  private row: string[] = [];
  private quoted = false;
  private quoteSeen = false;
  private lastWasCr = false;
  private line = 0;
  readonly rows: SheetRow[] = [];

  constructor(
    delimiter: string,
    private readonly maxCellChars: number,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

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
        // "" inside quotes is a quote; a quote opening a field starts quoting; a stray quote inside
        // plain text stays text (so one bad cell cannot swallow the rest of the file).
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
        // Plain text up to the next special character in one slice: this loop is the hot path of a
        // 100,000-row call record import.
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
    if (this.row.length < MAX_COLUMNS) this.row.push(cleanCell(this.field, this.maxCellChars));
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

/** Rows of a CSV byte stream, yielded as they complete, numbered by their record in the file. */
export async function* csvRows(
  source: AsyncIterable<Uint8Array>,
  maxCellChars: number,
): AsyncGenerator<SheetRow> {
  let reader: { decoder: TextDecoder; tokenizer: CsvTokenizer } | null = null;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const start = (bytes: Uint8Array) => {
    const { encoding, bom } = detectEncoding(bytes);
    const decoder = new TextDecoder(encoding);
    const text = decoder.decode(bytes.subarray(bom), { stream: true });
    const tokenizer = new CsvTokenizer(detectDelimiter(text), maxCellChars);
    tokenizer.feed(text);
    return { decoder, tokenizer };
  };
  for await (const chunk of source) {
    if (reader) reader.tokenizer.feed(reader.decoder.decode(chunk, { stream: true }));
    else {
      // Gather a sample big enough to tell the encoding and the separator.
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
