// The console's navigation as data. A capability adds its pages by adding entries here: the side
// menu, the home page's shortcuts and the route guards all read this list.
import {
  AccountBookOutlined,
  AuditOutlined,
  BankOutlined,
  CalculatorOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FundOutlined,
  IdcardOutlined,
  KeyOutlined,
  MoneyCollectOutlined,
  ProductOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import type { Me } from "../api/types.ts";

// In menu order. Groups without a visible entry are not shown.
export const NAV_GROUPS = [
  "workbench",
  "customers",
  "loans",
  "marketing",
  "hr",
  "finance",
  "system",
  "compliance",
  "tools",
] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export type NavItem = {
  key: string;
  path: string;
  group: NavGroup;
  /** i18n key of the label; `menu.descriptions.<key>` describes it on the home page. */
  labelKey: string;
  /** i18n key of the home page's description, when it is not `menu.descriptions.<key>`. */
  descriptionKey?: string;
  icon: ReactNode;
  /** null: every signed-in user. */
  permission: string | null;
  /** Shown as a shortcut on the home page. */
  shortcut: boolean;
};

export const NAV_ITEMS: NavItem[] = [
  {
    key: "home",
    path: "/",
    group: "workbench",
    labelKey: "menu.home",
    icon: <DashboardOutlined />,
    permission: null,
    shortcut: false,
  },
  {
    key: "customers",
    path: "/customers",
    group: "customers",
    labelKey: "customers.nav.customers",
    descriptionKey: "customers.nav.customersDescription",
    icon: <IdcardOutlined />,
    permission: "customers.read",
    shortcut: true,
  },
  {
    key: "applications",
    path: "/applications",
    group: "customers",
    labelKey: "applications.nav.applications",
    descriptionKey: "applications.nav.applicationsDescription",
    icon: <FileTextOutlined />,
    permission: "applications.read",
    shortcut: true,
  },
  {
    key: "committee",
    path: "/committee",
    group: "customers",
    labelKey: "applications.nav.committee",
    descriptionKey: "applications.nav.committeeDescription",
    icon: <SolutionOutlined />,
    permission: "applications.vote",
    shortcut: true,
  },
  {
    key: "disbursements",
    path: "/disbursements",
    group: "customers",
    labelKey: "applications.nav.disbursements",
    descriptionKey: "applications.nav.disbursementsDescription",
    icon: <BankOutlined />,
    permission: "loans.disburse",
    shortcut: true,
  },
  {
    key: "products",
    path: "/products",
    group: "loans",
    labelKey: "products.nav.products",
    descriptionKey: "products.nav.productsDescription",
    icon: <ProductOutlined />,
    permission: "products.read",
    shortcut: true,
  },
  {
    key: "loans",
    path: "/loans",
    group: "loans",
    labelKey: "servicing.nav.loans",
    descriptionKey: "servicing.nav.loansDescription",
    icon: <MoneyCollectOutlined />,
    permission: "loans.read",
    shortcut: true,
  },
  {
    key: "batch",
    path: "/batch",
    group: "loans",
    labelKey: "servicing.nav.batch",
    descriptionKey: "servicing.nav.batchDescription",
    icon: <ScheduleOutlined />,
    permission: "batch.run",
    shortcut: true,
  },
  {
    key: "ledger",
    path: "/ledger",
    group: "finance",
    labelKey: "servicing.nav.ledger",
    descriptionKey: "servicing.nav.ledgerDescription",
    icon: <AccountBookOutlined />,
    permission: "ledger.read",
    shortcut: true,
  },
  {
    key: "capital",
    path: "/capital",
    group: "finance",
    labelKey: "servicing.nav.capital",
    descriptionKey: "servicing.nav.capitalDescription",
    icon: <FundOutlined />,
    permission: "ledger.read",
    shortcut: true,
  },
  {
    key: "users",
    path: "/admin/users",
    group: "system",
    labelKey: "menu.users",
    icon: <TeamOutlined />,
    permission: "users.manage",
    shortcut: true,
  },
  {
    key: "roles",
    path: "/admin/roles",
    group: "system",
    labelKey: "menu.roles",
    icon: <SafetyCertificateOutlined />,
    permission: "users.manage",
    shortcut: true,
  },
  {
    key: "audit",
    path: "/audit",
    group: "compliance",
    labelKey: "menu.audit",
    icon: <AuditOutlined />,
    permission: "audit.read",
    shortcut: true,
  },
  {
    key: "calculator",
    path: "/calculator",
    group: "tools",
    labelKey: "menu.calculator",
    icon: <CalculatorOutlined />,
    permission: null,
    shortcut: true,
  },
  {
    key: "password",
    path: "/account/password",
    group: "tools",
    labelKey: "menu.password",
    icon: <KeyOutlined />,
    permission: null,
    shortcut: true,
  },
];

export function visibleNavItems(me: Me | null | undefined): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || Boolean(me?.permissions.includes(item.permission)));
}

/** The entry whose path is the longest prefix of the current location. */
export function activeNavKey(pathname: string): string | undefined {
  let best: NavItem | undefined;
  for (const item of NAV_ITEMS) {
    const matches =
      item.path === "/" ? pathname === "/" : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (matches && (!best || item.path.length > best.path.length)) best = item;
  }
  return best?.key;
}
