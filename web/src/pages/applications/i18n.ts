// 贷款申请、贷审会、放款 pages: merges the topic files below under `applications` (zh-CN and en-US).
import type { DeepStrings } from "../../i18n/zh-cn.ts";
import { applicationsCommitteeEnUS, applicationsCommitteeZhCN } from "./committee-i18n.ts";
import { applicationsDetailEnUS, applicationsDetailZhCN } from "./detail-i18n.ts";
import { applicationsListEnUS, applicationsListZhCN } from "./list-i18n.ts";
import { applicationsStepsEnUS, applicationsStepsZhCN } from "./steps-i18n.ts";

export const applicationsZhCN = {
  applications: {
    ...applicationsListZhCN,
    ...applicationsStepsZhCN,
    ...applicationsCommitteeZhCN,
    ...applicationsDetailZhCN,
  },
};

// Typed by the zh-CN object, so the compiler still checks that the English has every key.
export const applicationsEnUS: DeepStrings<typeof applicationsZhCN> = {
  applications: {
    ...applicationsListEnUS,
    ...applicationsStepsEnUS,
    ...applicationsCommitteeEnUS,
    ...applicationsDetailEnUS,
  },
};
