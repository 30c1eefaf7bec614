// Row-level import reports in the reader's language: each error keeps its code and gets its message,
// and the whole report downloads as a CSV that opens in Excel (UTF-8 with BOM).
import { type Locale, messageFor } from "../../platform/messages.ts";
import type { RowError } from "./domain/call-import-row.ts";

export type LocalizedRowError = RowError & { message: string };

export function localizeRowErrors(errors: readonly RowError[], locale: Locale): LocalizedRowError[] {
  return errors.map((e) => ({
    ...e,
    message: messageFor(e.code, locale, { ...e.params, column: e.column ?? "", field: e.column ?? "" }),
  }));
}

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function errorReportCsv(errors: readonly RowError[], locale: Locale): string {
  const header =
    locale === "en-US" ? ["Row", "Column", "Code", "Problem"] : ["行号", "列", "错误代码", "问题"];
  const lines = localizeRowErrors(errors, locale).map((e) =>
    [e.row, e.column ?? "", e.code, e.message].map(csvCell).join(","),
  );
  return `\ufeff${[header.join(","), ...lines].join("\r\n")}\r\n`;
}
