// Reads an uploaded statement into rows of text, whatever the file name claims: the first bytes say
// whether it is an .xlsx (a zip), an old binary .xls, something that is not a table at all, or text
// to read as CSV. The row count is capped, so memory stays bounded whatever is uploaded.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { DomainError } from "../../../platform/errors.ts";
import { csvRows } from "./csv-rows.ts";
import { type SourceRow, xlsxRows } from "./xlsx-rows.ts";

export const MAX_IMPORT_ROWS = 20_000;

export type StatementFile = { kind: "csv" | "xlsx"; rows: SourceRow[]; sha256: string; bytes: number };

const badFile = (code: string, params?: Record<string, string | number>) =>
  new DomainError({ code, status: 400, params });

function sniff(head: Uint8Array): "xlsx" | "csv" {
  if (head.length === 0) throw badFile("import-file-empty");
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "xlsx";
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)
    throw badFile("import-file-xls");
  // Text has no NUL bytes in UTF-8 or GB18030; PDFs, images and the like do, or say what they are.
  const probe = head.subarray(0, 4096);
  if (probe.includes(0) || Buffer.from(probe.subarray(0, 5)).toString("latin1") === "%PDF-")
    throw badFile("import-file-type");
  return "csv";
}

/**
 * The rows of `source` (an upload stream). Hashes the bytes on the way through, so re-uploads of the
 * same file can be recognised, and drains the source even when the reader stops early.
 */
export async function readStatement(source: AsyncIterable<Uint8Array>): Promise<StatementFile> {
  const hash = createHash("sha256");
  let bytes = 0;
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head: Uint8Array = first.done ? new Uint8Array() : first.value;
  const kind = sniff(head);
  let done = Boolean(first.done);
  let inFlight: Promise<unknown> = Promise.resolve();
  const pull = async () => {
    const next = iterator.next();
    inFlight = next;
    const result = await next;
    if (result.done) done = true;
    else {
      hash.update(result.value);
      bytes += result.value.length;
    }
    return result;
  };
  hash.update(head);
  bytes += head.length;
  async function* all(): AsyncGenerator<Uint8Array> {
    yield head;
    for (let next = await pull(); !next.done; next = await pull()) yield next.value;
  }
  const stream = Readable.from(all(), { objectMode: false });
  const rows: SourceRow[] = [];
  try {
    const reader = kind === "xlsx" ? xlsxRows(stream) : csvRows(stream);
    for await (const row of reader) {
      if (rows.length >= MAX_IMPORT_ROWS + 50)
        throw badFile("import-too-many-rows", { max: MAX_IMPORT_ROWS.toLocaleString("en") });
      rows.push(row);
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (String((error as { code?: string })?.code ?? "").startsWith("FST_")) throw error;
    // exceljs' own messages (a broken zip, a zip that is no workbook) mean nothing to a cashier.
    throw badFile("import-file-unreadable");
  } finally {
    // Whatever is left of the upload must still be read, or the request never completes.
    stream.destroy();
    try {
      await inFlight;
      while (!done) await pull();
    } catch {
      // The upload itself failed (too large, cut off): the error above says so.
    }
  }
  if (rows.length === 0) throw badFile("import-file-empty");
  return { kind, rows, sha256: hash.digest("hex"), bytes };
}
