// Error messages of the sales CRM: leads, calls and their imports, in zh-CN and en-US.
// platform/messages.ts merges every module's and looks them up by code.
import type { Messages } from "../../platform/messages.ts";

export const CRM_MESSAGES: Messages = {
  "lead-duplicate-lead": {
    zh: "该号码已是{owner}的线索「{name}」(撞单)。确需新建请选择“仍然创建”",
    en: "This number is already {owner}'s lead “{name}”. Choose “create anyway” if you are sure",
  },
  "lead-duplicate-customer": {
    zh: "该号码或证件已是{owner}的客户「{name}」(撞单)。确需新建请选择“仍然创建”",
    en: "This number or ID already belongs to {owner}'s customer “{name}”. Choose “create anyway” if you are sure",
  },
  "lead-duplicate": { zh: "与已有线索或客户重复(撞单)", en: "Already someone's lead or customer" },
  "referrer-required": { zh: "转介绍线索须填写推荐人", en: "A referral needs the referrer" },
  "campaign-required": { zh: "活动线索须选择营销活动", en: "An event lead needs its campaign" },
  "unknown-campaign": { zh: "营销活动不存在", en: "No such campaign" },
  "stage-unchanged": { zh: "线索已处于该阶段", en: "The lead is already at that stage" },
  "stage-move-not-allowed": {
    zh: "线索当前阶段不能这样调整(“已申请”只能通过转化产生,已放款和已申请不能退回)",
    en: "The lead cannot move that way (“applied” comes only from converting; applied and disbursed leads do not go back)",
  },
  "assignment-group-empty": {
    zh: "该组没有可分配线索的组员",
    en: "The group has no members who work leads",
  },
  "assignment-no-capacity": {
    zh: "组内可分配的人员都已满额或不在岗,无法分配 {count} 条线索",
    en: "Everyone in the group is away or at their cap of open leads; {count} leads cannot be assigned",
  },
  "owner-or-group": {
    zh: "请指定新的负责人或分配小组(二选一)",
    en: "Give either a new owner or a group to spread the leads over",
  },
  "merge-same-lead": { zh: "不能与自身合并", en: "A lead cannot be merged with itself" },
  "merge-both-converted": {
    zh: "两条线索已分别转为不同客户,不能合并",
    en: "Both leads were converted into different customers; they cannot be merged",
  },
  "merge-different-id-numbers": {
    zh: "两条线索的身份证号不同,不是同一人,不能合并",
    en: "The leads carry different ID numbers, so they are not one person",
  },
  "lead-student": {
    zh: "不得向学生营销或放贷,该线索不能转为申请",
    en: "No marketing or lending to students; this lead cannot become an application",
  },
  "lead-not-convertible": {
    zh: "该线索当前阶段不能转为申请",
    en: "A lead at this stage cannot be converted",
  },
  "unknown-outcome": { zh: "通话结果不存在或已停用", en: "Unknown or retired call outcome" },
  "outcome-exists": { zh: "通话结果代码“{code}”已存在", en: "Outcome code “{code}” already exists" },
  "invalid-outcome-code": {
    zh: "代码须为 2–40 位小写字母、数字或连字符",
    en: "Codes are 2–40 lower-case letters, digits or hyphens",
  },
  "lead-do-not-call": {
    zh: "客户已要求勿扰,不能再拨打",
    en: "The customer asked not to be called",
  },
  "call-in-future": { zh: "通话时间不能晚于现在", en: "A call cannot start in the future" },
  "campaign-in-use": {
    zh: "已有 {count} 条线索属于该活动,不能删除;可填写结束日期",
    en: "{count} leads belong to this campaign, so it cannot be deleted; set its end date instead",
  },
  "end-before-start": { zh: "结束日期不能早于开始日期", en: "The end date cannot be before the start" },
  "import-rejected": {
    zh: "文件有 {count} 处错误,未导入任何数据",
    en: "The file has {count} errors; nothing was imported",
  },
  "import-file-too-large": { zh: "文件过大(上限 {max} MiB)", en: "The file is too large (limit {max} MiB)" },
  "import-unsupported-file": {
    zh: "只支持 .csv 或 .xlsx 文件",
    en: "Only .csv and .xlsx files can be imported",
  },
  "import-missing-column": { zh: "缺少必需的列“{column}”", en: "The required column “{column}” is missing" },
  "import-unknown-column": {
    zh: "无法识别的列“{column}”",
    en: "Unknown column “{column}”",
  },
  "import-repeated-column": { zh: "列“{column}”重复", en: "Column “{column}” appears twice" },
  "import-value-required": { zh: "“{column}”不能为空", en: "“{column}” is empty" },
  "import-value-too-long": { zh: "“{column}”内容过长", en: "“{column}” is too long" },
  "import-bad-direction": {
    zh: "呼叫方向须为 呼出/呼入(outbound/inbound)",
    en: "Direction must be outbound or inbound (呼出/呼入)",
  },
  "import-bad-phone": { zh: "“{column}”不是有效的电话号码", en: "“{column}” is not a valid phone number" },
  "import-bad-time": {
    zh: "“{column}”不是有效的时间(如 2026-11-03 09:15:22)",
    en: "“{column}” is not a valid time (e.g. 2026-11-03 09:15:22)",
  },
  "import-time-in-future": { zh: "通话时间晚于现在", en: "The call starts in the future" },
  "import-end-before-start": { zh: "结束时间早于开始时间", en: "The call ends before it starts" },
  "import-answer-before-start": { zh: "接通时间早于开始时间", en: "The call is answered before it starts" },
  "import-answer-after-end": { zh: "接通时间晚于结束时间", en: "The call is answered after it ends" },
  "import-bad-seconds": {
    zh: "通话时长须为秒数或 时:分:秒",
    en: "Talk time must be seconds or h:mm:ss",
  },
  "import-talk-exceeds-duration": {
    zh: "通话时长超过了开始到结束的时长",
    en: "The talk time is longer than the call",
  },
  "import-bad-url": { zh: "录音地址须为 http(s) 链接", en: "The recording must be an http(s) link" },
  "import-unknown-agent": {
    zh: "坐席“{agent}”不是系统用户(用户名或工号)",
    en: "Agent “{agent}” is no user (username or employee number)",
  },
  "import-duplicate-in-file": {
    zh: "与第 {first} 行重复",
    en: "Repeats row {first}",
  },
  "import-unreadable-file": {
    zh: "无法读取文件,请确认是 .csv 或 .xlsx",
    en: "The file cannot be read; is it a .csv or .xlsx?",
  },
  "import-empty-file": { zh: "文件是空的", en: "The file is empty" },
  "import-no-rows": { zh: "文件只有表头,没有数据行", en: "The file has a header but no rows" },
  "import-bad-source": {
    zh: "来源须为 网络/合作推广/转介绍/活动/电销名单/到店",
    en: "Source must be one of 网络/合作推广/转介绍/活动/电销名单/到店 (or their English names)",
  },
  "import-bad-intent-level": { zh: "意向等级须为 A、B 或 C", en: "Intent level must be A, B or C" },
  "import-unknown-owner": {
    zh: "负责人“{owner}”不在您可分配的人员中",
    en: "Owner “{owner}” is not someone you can assign leads to",
  },
};
