// 贷款账户、日终批处理、总账、资金 pages: merges the topic files below under `servicing` (zh-CN and en-US).
import type { DeepStrings } from "../../i18n/zh-cn.ts";
import { servicingAccountsEnUS, servicingAccountsZhCN } from "./accounts-i18n.ts";
import { servicingLedgerCapitalEnUS, servicingLedgerCapitalZhCN } from "./ledger-capital-i18n.ts";
import { servicingRepaymentBatchEnUS, servicingRepaymentBatchZhCN } from "./repayment-batch-i18n.ts";
import { servicingVocabularyEnUS, servicingVocabularyZhCN } from "./vocabulary-i18n.ts";

export const servicingZhCN = {
  servicing: {
    ...servicingVocabularyZhCN,
    ...servicingAccountsZhCN,
    ...servicingRepaymentBatchZhCN,
    ...servicingLedgerCapitalZhCN,
  },
};

// Typed by the zh-CN object, so the compiler still checks that the English has every key.
export const servicingEnUS: DeepStrings<typeof servicingZhCN> = {
  servicing: {
    ...servicingVocabularyEnUS,
    ...servicingAccountsEnUS,
    ...servicingRepaymentBatchEnUS,
    ...servicingLedgerCapitalEnUS,
  },
};
