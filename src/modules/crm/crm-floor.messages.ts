// Error messages of the sales floor, in zh-CN and en-US: revisits, appointments, feedback, KPIs, PK,
// targets, daily report.
// platform/messages.ts merges every module's and looks them up by code.
import type { Messages } from "../../platform/messages.ts";

export const CRM_FLOOR_MESSAGES: Messages = {
  "follow-up-in-past": {
    zh: "回访日期不能早于今天(营业日)",
    en: "The revisit date cannot be before today (business date)",
  },
  "follow-up-not-open": {
    zh: "该回访任务已完成或已取消",
    en: "This revisit task is already done or cancelled",
  },
  "appointment-in-past": {
    zh: "约见时间不能早于今天(营业日)",
    en: "The appointment cannot be before today (business date)",
  },
  "appointment-transition": {
    zh: "约见状态不能从“{from}”改为“{to}”",
    en: "An appointment cannot go from “{from}” to “{to}”",
  },
  "appointment-not-yet": {
    zh: "约见日期({date})未到,只能取消或改期",
    en: "The appointment ({date}) has not come yet: it can only be cancelled or moved",
  },
  "received-in-future": { zh: "受理时间不能晚于现在", en: "The time received cannot be in the future" },
  "feedback-transition": {
    zh: "反馈/投诉状态不能从“{from}”改为“{to}”",
    en: "Feedback cannot go from “{from}” to “{to}”",
  },
  "kpi-no-unit": {
    zh: "您当前不属于任何小组或团队,请选择要查看的单位",
    en: "You are in no group or team today; choose one to view",
  },
  "pk-too-few": { zh: "PK 至少需要两个参赛小组或团队", en: "A PK needs at least two groups or teams" },
  "pk-closed": { zh: "该 PK 已结束结算或已取消", en: "This PK is already settled or cancelled" },
  "pk-not-ended": {
    zh: "PK 到 {date} 才结束,结束后才能结算",
    en: "The PK runs until {date}; settle it after that",
  },
  "own-target": { zh: "不能为自己的团队设定目标", en: "You cannot set your own team's target" },
  "report-in-future": {
    zh: "只能生成营业日({date})及以前的日报",
    en: "Reports can be made up to the business date ({date})",
  },
  "range-too-long": { zh: "查询区间过长", en: "The range is too long" },
};
