// Error messages of repayment imports (批量还款导入), in zh-CN and en-US: the file, the batch, and
// the reason shown on each row.
// platform/messages.ts merges every module's and looks them up by code.
import type { Messages } from "../../../platform/messages.ts";

export const REPAYMENT_IMPORT_MESSAGES: Messages = {
  "import-file-empty": { zh: "文件中没有数据行", en: "The file has no data rows" },
  "import-file-no-rows": { zh: "表头下没有数据行", en: "There are no rows under the header" },
  "import-file-xls": {
    zh: "不支持旧版 .xls 文件,请在 Excel 中另存为 .xlsx 或 CSV 后上传",
    en: "Old .xls files are not supported; save it as .xlsx or CSV in Excel and upload that",
  },
  "import-file-type": {
    zh: "文件不是 Excel(.xlsx)或 CSV 表格",
    en: "The file is not an Excel (.xlsx) or CSV table",
  },
  "import-file-unreadable": {
    zh: "无法读取该 Excel 文件,文件可能已损坏",
    en: "The Excel file cannot be read; it may be damaged",
  },
  "import-not-open": {
    zh: "该导入批次已入账或已作废,不能再修改或入账",
    en: "This import was already posted or discarded; it can no longer be changed or posted",
  },
  "import-column-used-twice": { zh: "同一列不能对应两个字段", en: "One column cannot feed two fields" },
  "import-loan-not-found": { zh: "没有这个贷款编号", en: "No loan has this number" },
  "import-unresolved-rows": {
    zh: "还有 {count} 行待确认、未匹配或数据有误,请逐行处理或排除后再入账",
    en: "{count} rows are ambiguous, unmatched or invalid; settle or exclude them before posting",
  },
  "import-nothing-to-post": { zh: "没有可入账的已匹配行", en: "There are no matched rows to post" },
  "import-post-failed": {
    zh: "{count} 行入账失败,整批未入账(全部回滚),请查看各行原因",
    en: "{count} rows could not be posted, so nothing was posted; see the reason on each row",
  },
  "import-mapping-incomplete": {
    zh: "请先指定交易日期、金额和流水号所在的列",
    en: "Choose the columns of the date, the amount and the reference first",
  },
  "import-row-outgoing": { zh: "支出(借方)记录,不是还款", en: "Money out (debit), not a repayment" },
  "import-row-summary": { zh: "合计行", en: "A total line" },
  "import-row-no-amount": { zh: "没有收入金额", en: "No amount received" },
  "import-row-no-reference": {
    zh: "缺少流水号,无法防止重复入账",
    en: "No reference number, so a double posting could not be prevented",
  },
  "import-row-excluded": { zh: "已手工排除", en: "Excluded by hand" },
  "import-row-posted-before": {
    zh: "该流水号已入账过(同一渠道),不会重复入账",
    en: "This reference was already posted on this channel; it is not posted twice",
  },
  "import-row-duplicate-in-file": {
    zh: "与文件中前面一行的流水号相同",
    en: "Same reference as an earlier row of the file",
  },
  "import-row-several-loans": {
    zh: "可能对应多笔贷款,请选择",
    en: "Could be one of several loans; choose one",
  },
  "import-row-amount-differs": {
    zh: "户名相符,但金额与应还金额不一致,请确认贷款",
    en: "The name matches but the amount is not the amount due; confirm the loan",
  },
  "import-row-no-match": {
    zh: "找不到对应的贷款(摘要无贷款编号,户名不符)",
    en: "No loan found (no loan number in the memo, no borrower of that name)",
  },
  "import-row-loan-not-active": {
    zh: "贷款已结清或已核销,不能入账",
    en: "The loan is closed or written off; it cannot take a payment",
  },
};
