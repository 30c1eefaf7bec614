// Error messages of products and rates, in zh-CN and en-US.
// platform/messages.ts merges every module's and looks them up by code.
import type { Messages } from "../../platform/messages.ts";

export const PRODUCT_MESSAGES: Messages = {
  "apr-above-4x-lpr": {
    zh: "年化利率(APR){apr}% 高于 {multiple} 倍 LPR({line}%),须在 2027 年底前降至该线以下",
    en: "The APR {apr}% is above {multiple} × LPR ({line}%); loans must come down to that line by the end of 2027",
  },
  "students-never-eligible": { zh: "学生不得作为贷款对象", en: "Students are never eligible" },
  "upfront-fee-not-allowed": {
    zh: "未开启“允许前置费用”设置,放款时不得从本金中扣除费用",
    en: "No fee may be deducted at disbursement unless the upfront-fee setting allows it",
  },
  "one-fee-kind": { zh: "费率与固定金额只能二选一", en: "Give either a rate or a fixed amount, not both" },
  "min-above-max": { zh: "最低金额不能高于最高金额", en: "The minimum amount cannot exceed the maximum" },
  "invalid-age-range": {
    zh: "年龄范围须在 18–75 岁之间且下限不高于上限",
    en: "Ages must be 18–75 with the minimum not above the maximum",
  },
  "invalid-terms": {
    zh: "期限须为 1–360 的整数月,不可重复",
    en: "Terms are distinct whole months from 1 to 360",
  },
  "product-code-taken": { zh: "产品代码已存在", en: "That product code is taken" },
  "product-retired": { zh: "产品已停用,不能再修改", en: "The product is retired and cannot change" },
  "invalid-transition": {
    zh: "产品状态不能从 {from} 变为 {to}",
    en: "A product cannot go from {from} to {to}",
  },
  "effective-from-past": { zh: "生效日期不能早于今天", en: "The effective date cannot be before today" },
  "effective-before-latest": {
    zh: "生效日期不能早于最新版本的生效日期 {latest}",
    en: "The effective date cannot be before the latest version's ({latest})",
  },
};
