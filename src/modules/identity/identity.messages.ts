// Error messages of sign-in, passwords, users and roles, in zh-CN and en-US.
// platform/messages.ts merges every module's and looks them up by code.
import type { Messages } from "../../platform/messages.ts";

export const IDENTITY_MESSAGES: Messages = {
  "invalid-credentials": { zh: "用户名或密码错误", en: "Wrong username or password" },
  "account-locked": {
    zh: "密码错误次数过多,账户已锁定,请 {minutes} 分钟后再试",
    en: "Too many failed attempts; the account is locked for {minutes} minutes",
  },
  "account-disabled": { zh: "账户已停用", en: "This account is disabled" },
  "weak-password": {
    zh: "密码至少 10 位,且须包含大写字母、小写字母、数字和符号中的三类,不能包含用户名",
    en: "Passwords need at least 10 characters from three of: upper case, lower case, digits, symbols, and must not contain the username",
  },
  "wrong-current-password": { zh: "当前密码不正确", en: "The current password is wrong" },
  "password-reused": {
    zh: "新密码不能与当前密码相同",
    en: "The new password must differ from the current one",
  },
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
};
