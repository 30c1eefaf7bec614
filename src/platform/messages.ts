// Every error code the API can return, in zh-CN and en-US. A field error stores a code too, so the
// console can show the same message as the API. Each module keeps its own codes beside its code
// (<module>.messages.ts); this file holds the platform's own, the codes several modules return, and
// the one merged table every lookup reads.
import { COLLECTIONS_MESSAGES } from "../modules/collections/collections.messages.ts";
import { COMPENSATION_MESSAGES } from "../modules/compensation/compensation.messages.ts";
import { CRM_MESSAGES } from "../modules/crm/crm.messages.ts";
import { CRM_FLOOR_MESSAGES } from "../modules/crm/crm-floor.messages.ts";
import { CUSTOMER_MESSAGES } from "../modules/customers/customers.messages.ts";
import { IDENTITY_MESSAGES } from "../modules/identity/identity.messages.ts";
import { LEDGER_MESSAGES } from "../modules/ledger/ledger.messages.ts";
import { REPAYMENT_IMPORT_MESSAGES } from "../modules/loans/imports/imports.messages.ts";
import { LOAN_MESSAGES } from "../modules/loans/loans.messages.ts";
import { WORKOUT_MESSAGES } from "../modules/loans/workout.messages.ts";
import { ORIGINATION_MESSAGES } from "../modules/origination/origination.messages.ts";
import { PRODUCT_MESSAGES } from "../modules/products/products.messages.ts";
import { SETTINGS_MESSAGES } from "../modules/settings/settings.messages.ts";
import { STAFF_MESSAGES } from "../modules/staff/staff.messages.ts";

export type Locale = "zh-CN" | "en-US";

export type Message = { zh: string; en: string };
export type Messages = Record<string, Message>;

const PLATFORM_MESSAGES: Messages = {
  "validation-failed": { zh: "输入有误,请检查标出的字段", en: "Some fields are invalid" },
  "malformed-json": { zh: "请求体不是合法的 JSON", en: "The request body is not valid JSON" },
  "body-too-large": { zh: "请求体过大(上限 1 MiB)", en: "The request body is too large (limit 1 MiB)" },
  "unsupported-media-type": { zh: "不支持的内容类型", en: "Unsupported content type" },
  required: { zh: "必填", en: "Required" },
  "unknown-field": { zh: "不允许的字段", en: "Unknown field" },
  "invalid-type": { zh: "类型不正确", en: "Wrong type" },
  "invalid-value": { zh: "取值不正确", en: "Invalid value" },
  "invalid-amount": {
    zh: "金额须为最多两位小数的正数",
    en: "Must be a positive amount with at most 2 decimals",
  },
  "invalid-date": { zh: "日期须为有效的 YYYY-MM-DD", en: "Must be a real date as YYYY-MM-DD" },
  "too-long": { zh: "内容过长", en: "Too long" },
  "too-short": { zh: "内容过短", en: "Too short" },
  "not-found": { zh: "未找到{entity}", en: "{entity} not found" },
  unauthenticated: { zh: "请先登录", en: "Please sign in" },
  "session-expired": { zh: "会话已过期,请重新登录", en: "Your session has expired, please sign in again" },
  forbidden: { zh: "您没有执行此操作的权限", en: "You are not allowed to do this" },
  "csrf-rejected": { zh: "请求来源校验失败", en: "The request failed the cross-site check" },
  "rate-limited": { zh: "请求过于频繁,请稍后再试", en: "Too many requests, please slow down" },
  "idempotency-key-reused": {
    zh: "同一 Idempotency-Key 已用于不同的请求",
    en: "This Idempotency-Key was already used for a different request",
  },
  "idempotency-in-progress": {
    zh: "相同 Idempotency-Key 的请求正在处理中",
    en: "A request with this Idempotency-Key is still being processed",
  },
  "invalid-idempotency-key": {
    zh: "Idempotency-Key 须为 1–128 位可见字符",
    en: "Idempotency-Key must be 1–128 visible characters",
  },
  "internal-error": { zh: "服务器内部错误,请稍后重试", en: "Internal server error, please try again" },
  "route-not-found": { zh: "接口不存在", en: "No such endpoint" },
};

// Codes that more than one module returns (a field rule or a guard they share), so no one module owns them.
const SHARED_MESSAGES: Messages = {
  "invalid-rate": {
    zh: "年利率须在 0 至 1 之间(如 0.18 表示 18%)",
    en: "Annual rate must be between 0 and 1 (0.18 = 18%)",
  },
  "invalid-term": {
    zh: "期限须为 1–360 的整数月",
    en: "Term must be a whole number of months from 1 to 360",
  },
  "invalid-phone": {
    zh: "请输入有效的中国大陆手机号(1 开头 11 位)",
    en: "Enter a mainland mobile number (11 digits starting with 1)",
  },
  "invalid-owner": {
    zh: "归属客户经理不存在或不在您的管理范围内",
    en: "The owner is not a user within your scope",
  },
  "not-blacklisted": { zh: "客户不在黑名单中", en: "The customer is not blacklisted" },
  "file-required": { zh: "请上传一个文件", en: "Upload one file" },
  "file-too-large": { zh: "文件过大(上限 10 MiB)", en: "The file is too large (limit 10 MiB)" },
  "too-many-files": { zh: "每次只能上传一个文件", en: "Upload one file at a time" },
  "multipart-required": {
    zh: "请以 multipart/form-data 上传文件",
    en: "Upload the file as multipart/form-data",
  },
  "apr-above-cap": {
    zh: "年化利率(APR){apr}% 超过上限 {cap}%,请调低年利率或费用",
    en: "The APR {apr}% is above the cap of {cap}%; lower the annual rate or the fees",
  },
  "apr-exceeds-cap": {
    zh: "按此年利率和费用计算的年化利率(APR)超过上限",
    en: "With this rate and these fees the APR exceeds the cap",
  },
  "nothing-to-change": { zh: "没有需要修改的内容", en: "Nothing to change" },
  "maker-checker": {
    zh: "经办人不能审核、表决或放款自己经手的申请",
    en: "The person who brought this application cannot review, vote on or disburse it",
  },
  "not-committee-member": { zh: "您不是贷审委员会成员", en: "You are not a member of the credit committee" },
  "already-voted": { zh: "您已对该申请表决过", en: "You have already voted on this application" },
  "seat-already-voted": {
    zh: "委员会席位「{role}」已表决",
    en: "The committee seat {role} has already voted",
  },
  "proposal-decided": { zh: "该提议已处理", en: "This proposal has already been decided" },
  "manager-cycle": {
    zh: "汇报关系将形成循环:{chain}",
    en: "The reporting line would loop: {chain}",
  },
  "import-too-many-rows": {
    zh: "文件超过 {max} 行,请拆分后导入",
    en: "The file has more than {max} rows; split it",
  },
};

/** One table; a code defined twice would make the message depend on the order below, so it fails at load. */
export function mergeMessages(tables: readonly Messages[]): Messages {
  const merged: Messages = {};
  for (const table of tables)
    for (const [code, message] of Object.entries(table)) {
      if (code in merged) throw new Error(`message code defined twice: ${code}`);
      merged[code] = message;
    }
  return merged;
}

const MESSAGES = mergeMessages([
  PLATFORM_MESSAGES,
  SHARED_MESSAGES,
  IDENTITY_MESSAGES,
  CUSTOMER_MESSAGES,
  PRODUCT_MESSAGES,
  ORIGINATION_MESSAGES,
  LOAN_MESSAGES,
  WORKOUT_MESSAGES,
  REPAYMENT_IMPORT_MESSAGES,
  LEDGER_MESSAGES,
  SETTINGS_MESSAGES,
  STAFF_MESSAGES,
  COMPENSATION_MESSAGES,
  COLLECTIONS_MESSAGES,
  CRM_MESSAGES,
  CRM_FLOOR_MESSAGES,
]);

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return "zh-CN";
  const first = acceptLanguage.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en-US" : "zh-CN";
}

export function messageFor(
  code: string,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const message = MESSAGES[code];
  const template = message ? (locale === "en-US" ? message.en : message.zh) : code;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ""));
}

export function hasMessage(code: string): boolean {
  return code in MESSAGES;
}
