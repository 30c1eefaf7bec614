// Error messages of compensation: plans, payroll runs, disputes, in zh-CN and en-US.
// platform/messages.ts merges every module's and looks them up by code.
import type { Messages } from "../../platform/messages.ts";

export const COMPENSATION_MESSAGES: Messages = {
  "invalid-month": { zh: "月份须为 YYYY-MM", en: "A month is YYYY-MM" },
  "plan-code-taken": { zh: "方案代码已存在", en: "That plan code is taken" },
  "invalid-plan": { zh: "薪酬方案有误:{detail}", en: "The pay plan is invalid: {detail}" },
  "plan-month-before-latest": {
    zh: "生效月份不能早于最新版本的 {latest}",
    en: "The effective month cannot be before the latest version's ({latest})",
  },
  "plan-month-locked": {
    zh: "{month} 的工资已锁定,新版本须在其后生效",
    en: "Payroll for {month} is locked; a new version must take effect after it",
  },
  "plan-in-use": { zh: "方案已用于工资核算,不能删除", en: "The plan has been used by a payroll run" },
  "no-plan-in-force": { zh: "{month} 没有生效的薪酬方案", en: "No pay plan is in force for {month}" },
  "plan-required": { zh: "有多个薪酬方案,请指定方案", en: "There are several pay plans; name one" },
  "payroll-run-exists": {
    zh: "{month} 的工资已核算,请使用重新核算",
    en: "Payroll for {month} already exists; recompute it instead",
  },
  "payroll-month-in-future": {
    zh: "不能核算 {month} 之后的工资",
    en: "Payroll cannot be computed for a month after {month}",
  },
  "payroll-wrong-status": {
    zh: "工资单当前状态为「{status}」,不能执行此操作",
    en: "The payroll run is {status}; this cannot be done now",
  },
  "payroll-maker-checker": {
    zh: "工资须由核算、编制、复核人以外的人员审批和锁定",
    en: "Payroll is approved and locked by someone other than who computed, prepared or reviewed it",
  },
  "payroll-open-disputes": {
    zh: "仍有 {count} 条异议未答复,不能审批",
    en: "{count} disputes are still open; the run cannot be approved",
  },
  "payroll-open-disputes-lock": {
    zh: "仍有 {count} 条异议未答复,不能锁定",
    en: "{count} disputes are still open; the run cannot be locked",
  },
  "payroll-input-invalid": {
    zh: "工资核算数据有误:{detail}",
    en: "The payroll data is invalid: {detail}",
  },
  "dispute-answered": { zh: "该异议已答复", en: "This dispute has already been answered" },
  "missing-management-rate": {
    zh: "方案未设置{position}的管理提成比例,按 0 计算",
    en: "The plan has no management-commission rate for {position}; 0 is used",
  },
  "loans-without-payee": {
    zh: "{count} 笔放款(本金 {principal})的经办人不在本月销售工资名单中,未计入业绩",
    en: "{count} loans (principal {principal}) belong to officers not on this month's sales payroll and count for nobody",
  },
};
