// Error messages of collections (催收), in zh-CN and en-US: the conduct rules of DOMAIN.md §8 and
// the work queue.
// platform/messages.ts merges every module's and looks them up by code.
import type { Messages } from "../../platform/messages.ts";

export const COLLECTIONS_MESSAGES: Messages = {
  "collections-quiet-hours": {
    zh: "{time} 在禁止联系时段 {start}–{end}(北京时间)内,且债务人未同意在此时间被联系",
    en: "{time} falls in the quiet hours {start}–{end} (China time) and the debtor has not consented to contact at that time",
  },
  "collections-attempt-limit": {
    zh: "今天已对该联系人用此方式尝试 {count} 次未接通,已达每日上限 {max} 次;请明天再试或换用其他方式",
    en: "{count} unanswered attempts on this contact by this method today reach the daily limit of {max}; try tomorrow or another method",
  },
  "collections-third-party-method": {
    zh: "不得以此方式联系第三方",
    en: "A third party may not be contacted this way",
  },
  "collections-third-party-purpose": {
    zh: "联系第三方只能请其转告回电或询问联系方式,不得涉及债务",
    en: "With a third party you may only ask them to pass on a message or for contact details, never about the debt",
  },
  "collections-third-party-promise": {
    zh: "第三方不是债务人,不能登记其还款承诺",
    en: "A third party is not the debtor; no promise to pay can be taken from them",
  },
  "collections-third-party-disclosure": {
    zh: "对第三方的记录含有涉及债务的词语「{term}」:不得向第三方透露债务",
    en: "The text for a third party contains the debt word “{term}”: third parties are never told about the debt",
  },
  "collections-outcome-method": {
    zh: "该结果与联系方式不符",
    en: "This outcome does not fit the contact method",
  },
  "collections-promise-required": {
    zh: "承诺还款须填写承诺金额和日期",
    en: "A promise to pay needs an amount and a date",
  },
  "collections-promise-unexpected": {
    zh: "只有结果为「承诺还款」时才能填写承诺金额和日期",
    en: "A promised amount and date go only with the outcome “promise to pay”",
  },
  "collections-promise-date-range": {
    zh: "承诺还款日期须在 {from} 至 {to} 之间",
    en: "The promised date must be between {from} and {to}",
  },
  "collections-promise-too-large": {
    zh: "承诺金额不能超过贷款未还总额 {max} 元",
    en: "The promised amount cannot exceed the {max} owed on the loan",
  },
  "collections-future-time": { zh: "联系时间不能晚于现在", en: "The contact time cannot be in the future" },
  "collections-too-old": {
    zh: "只能补录 {hours} 小时内发生的联系",
    en: "Only attempts from the last {hours} hours can be logged",
  },
  "collections-next-action-date": {
    zh: "下次跟进日期须在 {from} 至 {to} 之间",
    en: "The next action date must be between {from} and {to}",
  },
  "collections-task-not-found": {
    zh: "未找到该催收任务,或不在您的处理范围内",
    en: "Collection task not found, or not in your queue",
  },
  "collections-task-closed": {
    zh: "该催收任务已结案,不能再登记或分配",
    en: "This collection task is resolved; nothing more can be logged or assigned on it",
  },
  "collections-contact-unknown": {
    zh: "联系人不存在或已停用",
    en: "No such active contact on this loan",
  },
  "collections-consent-party": {
    zh: "只能记录债务人(借款人、保证人、共同借款人)本人的同意",
    en: "Only a debtor (borrower, guarantor, co-borrower) can consent to contact in quiet hours",
  },
  "collections-consent-revoked": { zh: "该同意已撤回", en: "This consent is already revoked" },
  "collections-not-collector": {
    zh: "所选人员不是负责此队列的在岗催收员",
    en: "The person chosen is not an active collector of this queue",
  },
  "collections-user-not-worker": {
    zh: "该用户没有「贷后管理与催收」权限,不能设为催收员",
    en: "This user lacks the collections permission and cannot be a collector",
  },
};
