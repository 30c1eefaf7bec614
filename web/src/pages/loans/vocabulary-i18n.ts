// Loan words shared by the servicing pages: menu entries, loan statuses, classification, installment
// states, channels, transaction kinds, reversal statuses.
import type { DeepStrings } from "../../i18n/zh-cn.ts";

export const servicingVocabularyZhCN = {
  nav: {
    loans: "贷款账户",
    loansDescription: "在贷账户、逾期天数、五级分类与还款登记",
    batch: "日终批处理",
    batchDescription: "按营业日计提利息与罚息、更新逾期与分类",
    ledger: "总账",
    ledgerDescription: "试算平衡、科目明细账与分户账核对",
    capital: "资金",
    capitalDescription: "可用资金、杠杆与未来 7/30/90 天回款预测",
  },
  status: { active: "在贷", closed: "已结清", "written-off": "已核销" },
  classification: {
    normal: "正常",
    "special-mention": "关注",
    substandard: "次级",
    doubtful: "可疑",
    loss: "损失",
  },
  installmentState: {
    paid: "已还",
    "partly-paid": "部分还款",
    overdue: "逾期",
    due: "待还",
    future: "未到期",
  },
  channel: { cash: "现金", "bank-transfer": "银行转账", "wechat-pay": "微信支付", alipay: "支付宝" },
  txKind: {
    repayment: "还款",
    prepayment: "提前还款",
    refund: "退款",
    reversal: "冲正",
    recovery: "核销后收回",
  },
  reversalStatus: { pending: "待审批", approved: "已冲正", rejected: "已驳回" },
};

export const servicingVocabularyEnUS: DeepStrings<typeof servicingVocabularyZhCN> = {
  nav: {
    loans: "Loan accounts",
    loansDescription: "Active loans, days past due, classification and repayments",
    batch: "Close of business",
    batchDescription: "Daily accrual of interest and penalty, delinquency and classification",
    ledger: "General ledger",
    ledgerDescription: "Trial balance, account statements and the sub-ledger check",
    capital: "Capital",
    capitalDescription: "Funds available, leverage and the 7/30/90-day cash forecast",
  },
  status: { active: "Active", closed: "Closed", "written-off": "Written off" },
  classification: {
    normal: "Normal",
    "special-mention": "Special mention",
    substandard: "Substandard",
    doubtful: "Doubtful",
    loss: "Loss",
  },
  installmentState: {
    paid: "Paid",
    "partly-paid": "Partly paid",
    overdue: "Overdue",
    due: "Due next",
    future: "Not yet due",
  },
  channel: { cash: "Cash", "bank-transfer": "Bank transfer", "wechat-pay": "WeChat Pay", alipay: "Alipay" },
  txKind: {
    repayment: "Repayment",
    prepayment: "Prepayment",
    refund: "Refund",
    reversal: "Reversal",
    recovery: "Recovery after write-off",
  },
  reversalStatus: { pending: "Pending approval", approved: "Reversed", rejected: "Rejected" },
};
