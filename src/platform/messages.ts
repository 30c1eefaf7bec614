// Every error code the API can return, in zh-CN and en-US. A field error stores a code too, so the
// console can show the same message as the API.
export type Locale = "zh-CN" | "en-US";

type Message = { zh: string; en: string };

const MESSAGES: Record<string, Message> = {
  "validation-failed": { zh: "输入有误,请检查标出的字段", en: "Some fields are invalid" },
  "malformed-json": { zh: "请求体不是合法的 JSON", en: "The request body is not valid JSON" },
  "body-too-large": { zh: "请求体过大(上限 1 MiB)", en: "The request body is too large (limit 1 MiB)" },
  "unsupported-media-type": { zh: "不支持的内容类型", en: "Unsupported content type" },
  required: { zh: "必填", en: "Required" },
  "unknown-field": { zh: "不允许的字段", en: "Unknown field" },
  "invalid-type": { zh: "类型不正确", en: "Wrong type" },
  "invalid-value": { zh: "取值不正确", en: "Invalid value" },
  "invalid-amount": { zh: "金额须为最多两位小数的正数", en: "Must be a positive amount with at most 2 decimals" },
  "invalid-date": { zh: "日期须为有效的 YYYY-MM-DD", en: "Must be a real date as YYYY-MM-DD" },
  "too-long": { zh: "内容过长", en: "Too long" },
  "too-short": { zh: "内容过短", en: "Too short" },
  "not-found": { zh: "未找到{entity}", en: "{entity} not found" },
  unauthenticated: { zh: "请先登录", en: "Please sign in" },
  "session-expired": { zh: "会话已过期,请重新登录", en: "Your session has expired, please sign in again" },
  forbidden: { zh: "您没有执行此操作的权限", en: "You are not allowed to do this" },
  "csrf-rejected": { zh: "请求来源校验失败", en: "The request failed the cross-site check" },
  "invalid-credentials": { zh: "用户名或密码错误", en: "Wrong username or password" },
  "account-locked": {
    zh: "密码错误次数过多,账户已锁定,请 {minutes} 分钟后再试",
    en: "Too many failed attempts; the account is locked for {minutes} minutes",
  },
  "account-disabled": { zh: "账户已停用", en: "This account is disabled" },
  "rate-limited": { zh: "请求过于频繁,请稍后再试", en: "Too many requests, please slow down" },
  "weak-password": {
    zh: "密码至少 10 位,且须包含大写字母、小写字母、数字和符号中的三类,不能包含用户名",
    en: "Passwords need at least 10 characters from three of: upper case, lower case, digits, symbols, and must not contain the username",
  },
  "wrong-current-password": { zh: "当前密码不正确", en: "The current password is wrong" },
  "password-reused": { zh: "新密码不能与当前密码相同", en: "The new password must differ from the current one" },
  "username-taken": { zh: "用户名已存在", en: "That username is taken" },
  "invalid-username": {
    zh: "用户名须为 3–32 位小写字母、数字、点、下划线或连字符",
    en: "Usernames are 3–32 lower-case letters, digits, dots, underscores or hyphens",
  },
  "unknown-role": { zh: "未知角色", en: "Unknown role" },
  "unknown-permission": { zh: "未知权限", en: "Unknown permission" },
  "cannot-remove-own-admin": {
    zh: "不能移除自己的管理员角色或停用自己",
    en: "You cannot remove your own admin role or disable yourself",
  },
  "last-admin": { zh: "至少需要保留一个有效的管理员", en: "At least one active admin must remain" },
  "built-in-role": { zh: "内置角色不能删除", en: "Built-in roles cannot be deleted" },
  "role-in-use": { zh: "角色仍有用户在使用", en: "The role is still assigned to users" },
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
  "invalid-principal": { zh: "本金须在 0.01 至 100,000,000.00 之间,最多两位小数", en: "Principal must be 0.01–100,000,000.00 with at most 2 decimals" },
  "invalid-rate": { zh: "年利率须在 0 至 1 之间(如 0.18 表示 18%)", en: "Annual rate must be between 0 and 1 (0.18 = 18%)" },
  "invalid-term": { zh: "期限须为 1–360 的整数月", en: "Term must be a whole number of months from 1 to 360" },
  "invalid-method": { zh: "未知的还款方式", en: "Unknown repayment method" },
  "invalid-fee": { zh: "费用须为非负金额,最多两位小数,且小于本金", en: "Fee must be a non-negative amount with at most 2 decimals, below the principal" },
  "invalid-option": { zh: "选项不正确", en: "Invalid option" },
  "internal-error": { zh: "服务器内部错误,请稍后重试", en: "Internal server error, please try again" },
  "route-not-found": { zh: "接口不存在", en: "No such endpoint" },
};

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return "zh-CN";
  const first = acceptLanguage.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en-US" : "zh-CN";
}

export function messageFor(code: string, locale: Locale, params: Record<string, string | number> = {}): string {
  const message = MESSAGES[code];
  const template = message ? (locale === "en-US" ? message.en : message.zh) : code;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ""));
}

export function hasMessage(code: string): boolean {
  return code in MESSAGES;
}
