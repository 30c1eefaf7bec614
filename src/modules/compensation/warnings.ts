// Run and plan warnings are stored as codes with parameters and worded in the reader's language with
// the same catalogue as errors; a position parameter is named in that language too.
import type { Locale } from "../../platform/messages.ts";
import { messageFor } from "../../platform/messages.ts";
import type { RunWarning } from "./compensation.schema.ts";

const POSITION_WORDS: Record<string, Record<Locale, string>> = {
  "customer-manager": { "zh-CN": "客户经理", "en-US": "customer-manager" },
  "team-manager": { "zh-CN": "团队经理", "en-US": "team-manager" },
  "sales-director": { "zh-CN": "营销总监", "en-US": "sales-director" },
};

export function warningView(warning: RunWarning, locale: Locale) {
  const params = { ...warning.params };
  if (typeof params.position === "string")
    params.position = POSITION_WORDS[params.position]?.[locale] ?? params.position;
  return { code: warning.code, params: warning.params, message: messageFor(warning.code, locale, params) };
}

export const warningViews = (warnings: readonly RunWarning[], locale: Locale) =>
  warnings.map((w) => warningView(w, locale));
