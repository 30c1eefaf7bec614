// Error messages of settings, in zh-CN and en-US.
// platform/messages.ts merges every module's and looks them up by code.
import type { Messages } from "../../platform/messages.ts";

export const SETTINGS_MESSAGES: Messages = {
  "date-in-past": { zh: "生效日期不能早于今天", en: "The effective date cannot be in the past" },
};
