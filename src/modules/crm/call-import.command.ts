// `microcredit import calls FILE.xlsx|.csv [--vendor V] [--json]`: the console's CDR import from a
// terminal, with a progress bar on stderr and the row-level report on stdout. Exit 0 when the file was
// imported, 1 when it was rejected (the report says why), 2 for bad arguments (the caller prints them).
import { closeSync, createReadStream, existsSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { PassThrough } from "node:stream";
import { Presets, SingleBar } from "cli-progress";
import { systemContext } from "../../platform/auth/actor.ts";
import type { Db } from "../../platform/db.ts";
import { fileKindOf } from "../../platform/import-rows.ts";
import { type Locale, messageFor } from "../../platform/messages.ts";
import type { PiiCipher } from "../../platform/pii.ts";
import { type CallImportResult, importCallFile } from "./call-import.service.ts";

export type CallImportCommandIo = {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  progress?: boolean;
};

/** Checks the arguments before any database work; a message means exit 2. */
export function checkImportFile(file: string | undefined): { usage: string } | { kind: "csv" | "xlsx" } {
  if (!file) return { usage: "import calls needs a FILE (.csv or .xlsx)" };
  if (!existsSync(file) || !statSync(file).isFile()) return { usage: `no such file: ${file}` };
  const head = Buffer.alloc(512);
  const fd = openSync(file, "r");
  const read = readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const kind = fileKindOf(path.basename(file), head.subarray(0, read));
  if (!kind) return { usage: `not a .csv or .xlsx file: ${file}` };
  return { kind };
}

function cliLocale(): Locale {
  return (process.env.LC_ALL || process.env.LANG || "").toLowerCase().startsWith("zh") ? "zh-CN" : "en-US";
}

export function formatReport(result: CallImportResult, locale: Locale): string[] {
  const lines = result.errors.map((e) => {
    const where = e.column ? `${e.row} [${e.column}]` : String(e.row);
    return `  row ${where}: ${messageFor(e.code, locale, { ...e.params, column: e.column ?? "" })}`;
  });
  if (result.errorCount > result.errors.length)
    lines.push(`  … ${result.errorCount - result.errors.length} more (${result.errorCount} errors in all)`);
  return lines;
}

export async function runCallImportCommand(
  deps: { db: Db; pii: PiiCipher },
  options: { file: string; kind: "csv" | "xlsx"; vendor?: string; json?: boolean },
  io: CallImportCommandIo,
): Promise<number> {
  const size = statSync(options.file).size;
  const bar =
    io.progress === false || options.json
      ? null
      : new SingleBar(
          {
            stream: process.stderr,
            format: "导入通话 import calls |{bar}| {percentage}% | {rows} rows",
            hideCursor: true,
          },
          Presets.shades_classic,
        );
  bar?.start(Math.max(size, 1), 0, { rows: 0 });
  let bytes = 0;
  let rows = 0;
  const result = await importCallFile(deps, systemContext("cli-import-calls"), {
    fileName: path.basename(options.file),
    kind: options.kind,
    vendor: options.vendor,
    open: () => {
      const counted = new PassThrough();
      counted.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        bar?.update(bytes, { rows });
      });
      return createReadStream(options.file).pipe(counted);
    },
    onProgress: (p) => {
      rows = p.rows;
      bar?.update(bytes, { rows });
    },
  });
  bar?.update(Math.max(size, 1), { rows: result.totalRows });
  bar?.stop();
  if (options.json) {
    io.stdout(JSON.stringify(result, null, 2));
    return result.status === "imported" ? 0 : 1;
  }
  const locale = cliLocale();
  if (result.status === "imported") {
    io.stdout(
      `imported ${result.importedRows} of ${result.totalRows} calls from ${result.fileName} (${result.duplicateRows} already imported, ${result.linkedRows} linked to leads; import ${result.id})`,
    );
    return 0;
  }
  io.stdout(
    `rejected ${result.fileName}: ${result.errorCount} errors, nothing imported (import ${result.id})`,
  );
  for (const line of formatReport(result, locale)) io.stdout(line);
  return 1;
}
