// Error messages of applications: eligibility, approval, disbursement, in zh-CN and en-US.
// platform/messages.ts merges every module's and looks them up by code.
import type { Messages } from "../../platform/messages.ts";

export const ORIGINATION_MESSAGES: Messages = {
  "application-wrong-status": {
    zh: "申请当前状态为「{status}」,不能执行此步骤",
    en: "The application is {status}; this step cannot be taken now",
  },
  "customer-blacklisted": { zh: "该客户在黑名单中,不能申请", en: "This customer is blacklisted" },
  "student-ineligible": { zh: "学生不得申请贷款", en: "Students are never eligible" },
  "unknown-customer": { zh: "客户不存在或不在您的范围内", en: "No such customer in your scope" },
  "unknown-product": { zh: "产品不存在或未启用", en: "No such active product" },
  "amount-outside-product": {
    zh: "金额不在产品允许的范围内",
    en: "The amount is outside the product's range",
  },
  "term-not-offered": { zh: "产品不提供该期限", en: "The product does not offer this term" },
  "guarantee-not-offered": { zh: "产品不支持该担保方式", en: "The product does not accept this guarantee" },
  "qualification-hard-fail": {
    zh: "该申请未通过「{check}」检查,不能通过资格审查",
    en: "The application failed the {check} check and cannot pass qualification",
  },
  "reason-required-for-override": {
    zh: "有未通过的自动检查,通过时须写明理由",
    en: "Some automatic checks failed: give the reason for passing anyway",
  },
  "date-in-future": { zh: "日期不能晚于今天", en: "The date cannot be in the future" },
  "date-before-approval": {
    zh: "放款日不能早于审批日",
    en: "Disbursement cannot be dated before the approval",
  },
  "per-borrower-limit": {
    zh: "超过单户贷款余额占净资产的上限",
    en: "This would exceed the per-borrower share of net assets",
  },
};
