// Error messages of loan terms, servicing and the daily batch, in zh-CN and en-US.
// platform/messages.ts merges every module's and looks them up by code.
import type { Messages } from "../../platform/messages.ts";

export const LOAN_MESSAGES: Messages = {
  "invalid-principal": {
    zh: "本金须在 0.01 至 100,000,000.00 之间,最多两位小数",
    en: "Principal must be 0.01–100,000,000.00 with at most 2 decimals",
  },
  "invalid-method": { zh: "未知的还款方式", en: "Unknown repayment method" },
  "invalid-fee": {
    zh: "费用须为非负金额,最多两位小数,且小于本金",
    en: "Fee must be a non-negative amount with at most 2 decimals, below the principal",
  },
  "invalid-option": { zh: "选项不正确", en: "Invalid option" },
  "insufficient-funds": {
    zh: "可用资金不足:可用 {available},需 {needed}",
    en: "Insufficient funds: {available} available, {needed} needed",
  },
  "loan-not-active": {
    zh: "贷款已结清或已核销({status}),不能再办理此业务",
    en: "The loan is {status}; this cannot be done on it",
  },
  "date-before-disbursement": {
    zh: "日期不能早于放款日",
    en: "The date cannot be before the disbursement date",
  },
  "date-after-business-date": {
    zh: "日期不能晚于当前营业日",
    en: "The date cannot be after the current business date",
  },
  "allocation-mismatch": {
    zh: "还款冲抵结果与账户不一致,已全部回滚",
    en: "The allocation did not match the account; nothing was written",
  },
  "reversal-not-supported": { zh: "此类交易({kind})不能冲正", en: "A {kind} transaction cannot be reversed" },
  "already-reversed": { zh: "该笔交易已冲正", en: "This transaction is already reversed" },
  "reversal-pending": {
    zh: "该笔交易已有待审批的冲正申请",
    en: "A reversal of this transaction is already waiting for approval",
  },
  "reversal-own-proposal": {
    zh: "冲正须由申请人以外的人员审批",
    en: "A reversal must be approved by someone other than its proposer",
  },
  "reversal-not-latest": {
    zh: "只能冲正该贷款最近一笔有效交易,请先冲正之后的交易",
    en: "Only the loan's latest standing transaction can be reversed; reverse the later ones first",
  },
  "reversal-credit-used": {
    zh: "该笔还款形成的溢缴款已退还,不能冲正",
    en: "The credit balance this payment created has been refunded; it cannot be reversed",
  },
  "prepayment-arrears": {
    zh: "请先还清已到期的欠款,再办理部分提前还款",
    en: "Pay what is already due before a partial prepayment",
  },
  "prepayment-nothing-ahead": {
    zh: "已无未到期的期次,请办理正常还款或提前结清",
    en: "No installment is still ahead; post a repayment or settle the loan",
  },
  "prepayment-paid-ahead": {
    zh: "后续期次已有提前还款,不能再重排还款计划",
    en: "Later installments were already paid ahead; the schedule cannot be re-arranged",
  },
  "refund-exceeds-credit": {
    zh: "退款金额超过溢缴款余额 {credit} 元",
    en: "The refund is more than the credit balance of {credit}",
  },
  "batch-already-running": {
    zh: "日终批处理正在运行,请稍后再试",
    en: "A close of business is already running; try again later",
  },
  interrupted: {
    zh: "运行中断(进程在运行中退出);再次运行会从中断处继续",
    en: "Interrupted (the process stopped while it ran); running again continues where it stopped",
  },
  "cob-too-many-dates": {
    zh: "一次最多处理 {max} 个营业日",
    en: "One run closes at most {max} business dates",
  },
  "cob-incomplete": {
    zh: "{date} 仍有 {loans} 笔贷款未完成日终,营业日未推进",
    en: "{loans} loans are not closed for {date}; the business date did not move",
  },
  "cob-date-before-business-date": {
    zh: "日期不能早于当前营业日 {businessDate}",
    en: "The date cannot be before the current business date {businessDate}",
  },
};
