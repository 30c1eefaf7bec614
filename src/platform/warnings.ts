// Warnings ride along with a successful answer (a bank card failing Luhn, an APR above 4 × LPR): the
// service returns codes, the route words them in the caller's language with the same catalogue as errors.
import { type Locale, messageFor } from "./messages.ts";

export type Warning = { code: string; field?: string; params?: Record<string, string | number> };
export type WarningView = { code: string; field?: string; message: string };

export function localizeWarnings(warnings: readonly Warning[], locale: Locale): WarningView[] {
  return warnings.map((w) => ({
    code: w.code,
    ...(w.field ? { field: w.field } : {}),
    message: messageFor(w.code, locale, w.params),
  }));
}
