// CSV as banks and payment channels export it: UTF-8 (with or without BOM) or GB18030/GBK, comma-,
// tab- or semicolon-separated, quoted fields with "" escapes and line breaks, Excel's ="0123" guard
// against losing leading zeros. Read chunk by chunk, so a large file never sits in memory twice.

const SAMPLE_BYTES = 64 * 1024;
export const MAX_CELL_CHARS = 500;
export const MAX_COLUMNS = 60;

type Encoding = "utf-8" | "gb18030";

function detectEncoding(sample: Uint8Array): { encoding: Encoding; bom: number } {
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

/** `="00123"` (Excel's text guard) → `00123`; whitespace and tabs some banks pad with are trimmed. */
export function cleanCell(raw: string): string {
  let text = raw.trim();
  const guarded = /^="(.*)"$/s.exec(text);
  if (guarded) text = guarded[1].trim();
  return text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) : text;
}

/** A small state machine over characters: feed text in pieces, take complete rows out. */
export class CsvTokenizer {
  private row: string[] = [];
  private field = "";
  private quoted = false;
  private quoteSeen = false;
  private lastWasCr = false;
  private line = 0;
  readonly rows: { line: number; cells: string[] }[] = [];

  constructor(private readonly delimiter: string) {}

  feed(text: string): void {
    for (const ch of text) {
      if (this.quoted) {
        if (ch === '"') {
          this.quoted = false;
          this.quoteSeen = true;
        } else this.field += ch;
        continue;
      }
      if (ch === '"') {
        // "" inside a quoted field is a literal quote; a quote opening a field starts quoting; a stray
        // quote inside plain text stays text (so one bad cell cannot swallow the rest of the file).
        if (this.quoteSeen) {
          this.field += '"';
          this.quoted = true;
        } else if (this.field === "") this.quoted = true;
        else this.field += '"';
        this.quoteSeen = false;
        continue;
      }
      this.quoteSeen = false;
      if (ch === "\n" && this.lastWasCr) {
        this.lastWasCr = false;
        continue;
      }
      this.lastWasCr = ch === "\r";
      if (ch === this.delimiter) this.endField();
      else if (ch === "\n" || ch === "\r") this.endRow();
      else this.field += ch;
    }
  }

  end(): void {
    if (this.field !== "" || this.row.length > 0) this.endRow();
  }

  private endField(): void {
    if (this.row.length < MAX_COLUMNS) this.row.push(cleanCell(this.field));
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

/** Rows of a CSV byte stream, yielded as they complete. */
export async function* csvRows(
  source: AsyncIterable<Uint8Array>,
): AsyncGenerator<{ line: number; cells: string[] }> {
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
