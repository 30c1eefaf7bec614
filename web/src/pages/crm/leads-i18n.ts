// 线索 pages: merges the leads-*-i18n.ts topic files below under `crmLeads` (zh-CN and en-US).
import type { DeepStrings } from "../../i18n/zh-cn.ts";
import { crmLeadsAssignmentEnUS, crmLeadsAssignmentZhCN } from "./leads-assignment-i18n.ts";
import { crmLeadsDetailEnUS, crmLeadsDetailZhCN } from "./leads-detail-i18n.ts";
import { crmLeadsFormEnUS, crmLeadsFormZhCN } from "./leads-form-i18n.ts";
import { crmLeadsImportEnUS, crmLeadsImportZhCN } from "./leads-import-i18n.ts";
import { crmLeadsListEnUS, crmLeadsListZhCN } from "./leads-list-i18n.ts";

export const crmLeadsZhCN = {
  crmLeads: {
    ...crmLeadsListZhCN,
    ...crmLeadsFormZhCN,
    ...crmLeadsDetailZhCN,
    ...crmLeadsAssignmentZhCN,
    ...crmLeadsImportZhCN,
  },
};

// Typed by the zh-CN object, so the compiler still checks that the English has every key.
export const crmLeadsEnUS: DeepStrings<typeof crmLeadsZhCN> = {
  crmLeads: {
    ...crmLeadsListEnUS,
    ...crmLeadsFormEnUS,
    ...crmLeadsDetailEnUS,
    ...crmLeadsAssignmentEnUS,
    ...crmLeadsImportEnUS,
  },
};
