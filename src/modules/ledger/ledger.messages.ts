// Error messages of ledger and capital, in zh-CN and en-US.
// platform/messages.ts merges every module's and looks them up by code.
import type { Messages } from "../../platform/messages.ts";

export const LEDGER_MESSAGES: Messages = {
  "leverage-exceeded": {
    zh: "借款后将超过融资杠杆上限({multiple} 倍净资本,最多 {limit} 元,已借 {borrowed} 元)",
    en: "This borrowing would exceed the leverage cap ({multiple} × net capital: at most {limit}, already {borrowed})",
  },
  "maturity-before-date": {
    zh: "到期日须晚于借款日",
    en: "The maturity date must be after the borrowing date",
  },
  "ledger-posting-invalid": {
    zh: "记账分录不平衡或无效({problem})",
    en: "The journal posting is invalid ({problem})",
  },
};
