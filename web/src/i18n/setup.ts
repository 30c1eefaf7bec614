// i18next with the two console languages. zh-CN is the default; the choice is kept in localStorage
// and also sent to the API as Accept-Language, so server messages come back in the same language.
import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { DEFAULT_ROLES, PERMISSIONS } from "../../../src/platform/auth/permissions.ts";
import { applicationsEnUS, applicationsZhCN } from "../pages/applications/i18n.ts";
import { workoutEnUS, workoutZhCN } from "../pages/approvals/i18n.ts";
import { auditZhCN } from "../pages/audit/i18n.ts";
import { auditEnUS } from "../pages/audit/i18n-en.ts";
import { authEnUS, authZhCN } from "../pages/auth/i18n.ts";
import { collectionsEnUS, collectionsZhCN } from "../pages/collections/i18n.ts";
import { crmCallsEnUS, crmCallsZhCN } from "../pages/crm/calls-i18n.ts";
import { crmKpiZhCN } from "../pages/crm/kpi-i18n.ts";
import { crmKpiEnUS } from "../pages/crm/kpi-i18n-en.ts";
import { crmLeadsEnUS, crmLeadsZhCN } from "../pages/crm/leads-i18n.ts";
import { customersEnUS, customersZhCN } from "../pages/customers/i18n.ts";
import { errorPagesEnUS, errorPagesZhCN } from "../pages/errors/i18n.ts";
import { homeZhCN } from "../pages/home/i18n.ts";
import { homeEnUS } from "../pages/home/i18n-en.ts";
import { identityZhCN } from "../pages/identity/i18n.ts";
import { identityEnUS } from "../pages/identity/i18n-en.ts";
import { calculatorZhCN } from "../pages/loans/calculator-i18n.ts";
import { calculatorEnUS } from "../pages/loans/calculator-i18n-en.ts";
import { servicingEnUS, servicingZhCN } from "../pages/loans/i18n.ts";
import { repaymentImportsEnUS, repaymentImportsZhCN } from "../pages/loans/imports-i18n.ts";
import { payrollZhCN } from "../pages/payroll/i18n.ts";
import { payrollEnUS } from "../pages/payroll/i18n-en.ts";
import { productsEnUS, productsZhCN } from "../pages/products/i18n.ts";
import { reportsEnUS, reportsZhCN } from "../pages/reports/i18n.ts";
import { staffZhCN } from "../pages/staff/i18n.ts";
import { staffEnUS } from "../pages/staff/i18n-en.ts";
import { enUS } from "./en-us.ts";
import { zhCN } from "./zh-cn.ts";

// Permission and built-in role names come from the server's own list, so the two never drift.
function serverNames(language: "zh" | "en") {
  return {
    permissions: Object.fromEntries(
      Object.entries(PERMISSIONS).map(([key, names]) => [key, names[language]]),
    ),
    roles: Object.fromEntries(Object.entries(DEFAULT_ROLES).map(([key, role]) => [key, role[language]])),
  };
}

export const LANGUAGES = ["zh-CN", "en-US"] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "mc.lang";

function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return saved === "en-US" ? "en-US" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    "zh-CN": {
      translation: {
        ...zhCN,
        ...authZhCN,
        ...homeZhCN,
        ...identityZhCN,
        ...auditZhCN,
        ...calculatorZhCN,
        ...errorPagesZhCN,
        ...serverNames("zh"),
        ...customersZhCN,
        ...productsZhCN,
        ...applicationsZhCN,
        ...servicingZhCN,
        ...workoutZhCN,
        ...staffZhCN,
        ...payrollZhCN,
        ...repaymentImportsZhCN,
        ...collectionsZhCN,
        ...crmKpiZhCN,
        ...crmLeadsZhCN,
        ...crmCallsZhCN,
        ...reportsZhCN,
      },
    },
    "en-US": {
      translation: {
        ...enUS,
        ...authEnUS,
        ...homeEnUS,
        ...identityEnUS,
        ...auditEnUS,
        ...calculatorEnUS,
        ...errorPagesEnUS,
        ...serverNames("en"),
        ...customersEnUS,
        ...productsEnUS,
        ...applicationsEnUS,
        ...servicingEnUS,
        ...workoutEnUS,
        ...staffEnUS,
        ...payrollEnUS,
        ...repaymentImportsEnUS,
        ...collectionsEnUS,
        ...crmKpiEnUS,
        ...crmLeadsEnUS,
        ...crmCallsEnUS,
        ...reportsEnUS,
      },
    },
  },
  lng: storedLanguage(),
  fallbackLng: "zh-CN",
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export function currentLanguage(): Language {
  return i18n.language === "en-US" ? "en-US" : "zh-CN";
}

export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

document.documentElement.lang = currentLanguage();
