// Texts of the error pages (404, 403, a crashed page): zh-CN first; the English object must have
// every key (the compiler checks).
import type { DeepStrings } from "../../i18n/zh-cn.ts";

export const errorPagesZhCN = {
  errorPages: {
    forbiddenTitle: "403",
    forbidden: "抱歉，您的角色没有访问此页面的权限。如需开通，请联系系统管理员。",
    notFoundTitle: "404",
    notFound: "页面不存在，可能链接有误或页面已移动。",
    crashTitle: "页面出错了",
    crash: "页面遇到意外错误，请刷新重试。问题持续时请联系系统管理员。",
    reload: "刷新页面",
  },
};

export const errorPagesEnUS: DeepStrings<typeof errorPagesZhCN> = {
  errorPages: {
    forbiddenTitle: "403",
    forbidden: "Your role may not open this page. Ask a system administrator if you need it.",
    notFoundTitle: "404",
    notFound: "This page does not exist; the link may be wrong or the page has moved.",
    crashTitle: "Something went wrong",
    crash: "The page hit an unexpected error. Reload; if it persists, tell a system administrator.",
    reload: "Reload",
  },
};
