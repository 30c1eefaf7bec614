// Error messages of staff: records, org, training, probation, ranks, in zh-CN and en-US.
// platform/messages.ts merges every module's and looks them up by code.
import type { Messages } from "../../platform/messages.ts";

export const STAFF_MESSAGES: Messages = {
  "manager-not-active": {
    zh: "上级 {name} 在 {date} 已离职或尚未入职",
    en: "The manager {name} has left or has not joined by {date}",
  },
  "staff-has-left": { zh: "{name} 已离职,不能再办理此业务", en: "{name} has left; this cannot be done" },
  "staff-not-candidate": { zh: "只有候选人可以办理入职", en: "Only a candidate can be onboarded" },
  "staff-is-candidate": {
    zh: "候选人尚未入职,请先办理入职",
    en: "A candidate has not joined yet; onboard first",
  },
  "assignment-date-order": {
    zh: "生效日期须晚于当前任职的开始日期 {from}",
    en: "The effective date must be after the current assignment's start ({from})",
  },
  "date-before-join": {
    zh: "日期不能早于入职日期 {joinedOn}",
    en: "The date cannot be before joining on {joinedOn}",
  },
  "has-reports": {
    zh: "{name} 仍有 {count} 名下属,请先调整他们的汇报关系",
    en: "{name} still has {count} people reporting to them; move them first",
  },
  "user-already-staff": { zh: "该用户已有员工档案", en: "This user already has a staff record" },
  "employee-no-taken": { zh: "员工编号已存在", en: "That employee number is taken" },
  "rank-not-on-ladder": { zh: "该岗位不参加职级评定", en: "This position is not on the rank ladder" },
  "score-required": { zh: "考试课程须填写成绩(0–100)", en: "An exam course needs a score (0–100)" },
  "not-on-probation": { zh: "{name} 不在试用期", en: "{name} is not on probation" },
  "probation-ended": { zh: "试用期已于 {endsOn} 结束", en: "The probation ended on {endsOn}" },
  "probation-decided": {
    zh: "组长已对该试用期作出决定",
    en: "The leader has already decided this probation",
  },
  "not-the-leader": {
    zh: "只有该员工的上级可以审批其试用期",
    en: "Only the trainee's leader, or someone above them, can decide the probation",
  },
  "invalid-quarter": { zh: "季度须为 YYYY-Qn,如 2026-Q3", en: "A quarter is YYYY-Qn, e.g. 2026-Q3" },
  "quarter-not-over": {
    zh: "{quarter} 尚未结束,不能考核",
    en: "{quarter} has not ended yet; it cannot be reviewed",
  },
  "review-has-decisions": {
    zh: "{quarter} 的考核已有确认的调整,不能重新考核",
    en: "Changes of {quarter}'s review are already confirmed; it cannot be run again",
  },
  "rank-maker-checker": {
    zh: "职级调整须由执行考核以外的人员确认",
    en: "A rank change is confirmed by someone other than who ran the review",
  },
  "rank-changed-since": {
    zh: "该员工的职级在考核后已变更,此提议已失效",
    en: "The person's rank changed after the review; this proposal no longer applies",
  },
};
