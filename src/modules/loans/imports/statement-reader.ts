// Reads an uploaded statement into rows of text, whatever the file name claims: the first bytes say
// whether it is an .xlsx (a zip), an old binary .xls, something that is not a table at all, or text
// to read as CSV. The row count is capped, so memory stays bounded whatever is uploaded.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { DomainError } from "../../../platform/errors.ts";
import { contentKindOf, type FileKind, readSheetRows, type SheetRow } from "../../../platform/import-rows.ts";

export const MAX_IMPORT_ROWS = 20_000;
// A statement's cells are dates, amounts, names and remarks; anything longer is noise.
const MAX_CELL_CHARS = 500;

export type StatementFile = { kind: FileKind; rows: SheetRow[]; sha256: string; bytes: number };

const badFile = (code: string, params?: Record<string, string | number>) =>
  new DomainError({ code, status: 400, params });

function sniff(head: Uint8Array): FileKind {
  switch (contentKindOf(head)) {
    case "empty":
      throw badFile("import-file-empty");
    case "xlsx":
      return "xlsx";
    case "xls":
      throw badFile("import-file-xls");
    case "binary":
    case "pdf":
      throw badFile("import-file-type");
    case "text":
      return "csv";
  }
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
  const rows: SheetRow[] = [];
  try {
    for await (const row of readSheetRows(stream, kind, { maxCellChars: MAX_CELL_CHARS })) {
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
