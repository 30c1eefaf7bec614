// Error messages of restructuring / extension (展期/重组), write-off (核销) and recovery after
// write-off, in zh-CN and en-US.
// platform/messages.ts merges every module's and looks them up by code.
import type { Messages } from "../../platform/messages.ts";

export const WORKOUT_MESSAGES: Messages = {
  "extension-or-term": {
    zh: "请填写展期月数或新期限(二选一)",
    en: "Give either the extension in months or the new term, not both",
  },
  "date-before-restructuring": {
    zh: "日期不能早于展期/重组生效日",
    en: "The date cannot be before the restructuring took effect",
  },
  "loan-written-off": {
    zh: "贷款已核销,不能登记还款;收回的款项请通过「核销后收回」登记",
    en: "The loan is written off; record money received as a recovery after write-off",
  },
  "restructuring-pending": {
    zh: "该贷款已有审批中的展期/重组方案",
    en: "A restructuring of this loan is already awaiting approval",
  },
  "write-off-pending": {
    zh: "该贷款已有待审批的核销申请",
    en: "A write-off of this loan is already awaiting approval",
  },
  "restructuring-wrong-status": {
    zh: "该方案当前状态为「{status}」,不能执行此操作",
    en: "The restructuring is {status}; this cannot be done now",
  },
  "restructuring-own-proposal": {
    zh: "提议人不能会签或表决自己提议的展期/重组方案",
    en: "The proposer cannot co-sign or vote on their own restructuring",
  },
  "not-cosigner": {
    zh: "您不在展期/重组的会签角色中(默认为风险评估师)",
    en: "You do not hold a role that co-signs restructurings (by default the risk assessor)",
  },
  "not-proposer": { zh: "只有提议人可以撤回", en: "Only the proposer can withdraw it" },
  "write-off-dpd-too-low": {
    zh: "该贷款逾期 {dpd} 天,未达到核销所需的 {min} 天",
    en: "The loan is {dpd} days past due; a write-off needs at least {min}",
  },
  "write-off-own-proposal": {
    zh: "核销须由提议人以外的人员审批",
    en: "A write-off must be decided by someone other than its proposer",
  },
  "write-off-credit-balance": {
    zh: "该贷款有溢缴款 {credit},请先退还再核销",
    en: "The loan holds a credit balance of {credit}; refund it before the write-off",
  },
  "above-principal-outstanding": {
    zh: "不能超过未偿本金",
    en: "Cannot be more than the principal outstanding",
  },
  "write-off-above-principal": {
    zh: "部分核销的本金已不低于未偿本金 {outstanding}(提议后有还款),请驳回后重新提议",
    en: "The principal to write off is no longer below the {outstanding} outstanding (paid since the proposal); reject it and propose again",
  },
  "penalty-rate-above-cap": {
    zh: "罚息年利率不能超过利率上限(设置 rates.apr-cap,默认 24%)",
    en: "The penalty rate cannot exceed the rate cap (setting rates.apr-cap, 24% by default)",
  },
  "write-off-none-pending": {
    zh: "该贷款没有待审批的核销申请",
    en: "There is no write-off of this loan awaiting approval",
  },
  "loan-not-written-off": {
    zh: "只有已核销的贷款可以登记核销后收回",
    en: "Only a written-off loan takes recoveries",
  },
  "recovery-exceeds-written-off": {
    zh: "收回金额超过尚未收回的核销余额 {remaining}",
    en: "The amount is more than the {remaining} still written off",
  },
  "date-before-write-off": {
    zh: "日期不能早于核销日",
    en: "The date cannot be before the write-off",
  },
  "reversal-before-restructuring": {
    zh: "该笔交易早于贷款的展期/重组,不能冲正",
    en: "This transaction predates the loan's restructuring and cannot be reversed",
  },
};
