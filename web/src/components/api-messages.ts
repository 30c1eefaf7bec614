// The API's own message catalogue (src/platform/messages.ts, no imports of its own), so a form that
// checks as one types says exactly what the server would say for the same mistake.
import { messageFor } from "../../../src/platform/messages.ts";
import { currentLanguage } from "../i18n/setup.ts";

export function apiMessage(code: string, params: Record<string, string | number> = {}): string {
  return messageFor(code, currentLanguage(), params);
}
