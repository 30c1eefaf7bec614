// 客户 pages: merges the topic files below under `customers` (zh-CN and en-US).
import type { DeepStrings } from "../../i18n/zh-cn.ts";
import { customersDetailEnUS, customersDetailZhCN } from "./detail-i18n.ts";
import { customersDocumentsEnUS, customersDocumentsZhCN } from "./documents-i18n.ts";
import { customersFormEnUS, customersFormZhCN } from "./form-i18n.ts";
import { customersListEnUS, customersListZhCN } from "./list-i18n.ts";

export const customersZhCN = {
  customers: {
    ...customersListZhCN,
    ...customersFormZhCN,
    ...customersDetailZhCN,
    ...customersDocumentsZhCN,
  },
};

// Typed by the zh-CN object, so the compiler still checks that the English has every key.
export const customersEnUS: DeepStrings<typeof customersZhCN> = {
  customers: {
    ...customersListEnUS,
    ...customersFormEnUS,
    ...customersDetailEnUS,
    ...customersDocumentsEnUS,
  },
};
