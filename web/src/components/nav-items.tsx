// The console's navigation as data. A capability adds its pages by adding entries here: the side
// menu, the home page's shortcuts and the route guards all read this list.
import {
  AccountBookOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalculatorOutlined,
  CheckSquareOutlined,
  CommentOutlined,
  ContactsOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FileTextOutlined,
  FundOutlined,
  IdcardOutlined,
  ImportOutlined,
  KeyOutlined,
  MoneyCollectOutlined,
  PayCircleOutlined,
  PieChartOutlined,
  ProductOutlined,
  ProfileOutlined,
  ReadOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
  WalletOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import type { Me } from "../api/types.ts";
import { MARKETING_NAV_ITEMS } from "./nav-items-marketing.tsx";

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
    key: "portfolio",
    path: "/portfolio",
    group: "workbench",
    labelKey: "portfolio.nav",
    descriptionKey: "portfolio.navDescription",
    icon: <PieChartOutlined />,
    permission: "reports.read",
    shortcut: true,
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
    key: "repayment-imports",
    path: "/repayment-imports",
    group: "loans",
    labelKey: "imports.nav.label",
    descriptionKey: "imports.nav.description",
    icon: <ImportOutlined />,
    permission: "repayments.post",
    shortcut: true,
  },
  {
    key: "approvals",
    path: "/approvals",
    group: "loans",
    labelKey: "workout.nav.approvals",
    descriptionKey: "workout.nav.approvalsDescription",
    icon: <CheckSquareOutlined />,
    permission: "applications.vote",
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
    key: "collections",
    path: "/collections",
    group: "loans",
    labelKey: "collections.nav.queue",
    descriptionKey: "collections.nav.queueDescription",
    icon: <AlertOutlined />,
    permission: "collections.read",
    shortcut: true,
  },
  {
    key: "collections-summary",
    path: "/collections/summary",
    group: "loans",
    labelKey: "collections.nav.summary",
    descriptionKey: "collections.nav.summaryDescription",
    icon: <BarChartOutlined />,
    permission: "collections.read",
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
  ...MARKETING_NAV_ITEMS,
  {
    key: "crm-feedback",
    path: "/crm/feedback",
    group: "customers",
    labelKey: "crmKpi.nav.feedback",
    descriptionKey: "crmKpi.nav.feedbackDescription",
    icon: <CommentOutlined />,
    permission: "service.feedback",
    shortcut: true,
  },
  {
    key: "staff",
    path: "/staff",
    group: "hr",
    labelKey: "staff.nav.staff",
    descriptionKey: "staff.nav.staffDescription",
    icon: <ContactsOutlined />,
    permission: "staff.read",
    shortcut: true,
  },
  {
    key: "org-chart",
    path: "/staff/org",
    group: "hr",
    labelKey: "staff.nav.org",
    descriptionKey: "staff.nav.orgDescription",
    icon: <ApartmentOutlined />,
    permission: "staff.read",
    shortcut: false,
  },
  {
    key: "training",
    path: "/training",
    group: "hr",
    labelKey: "staff.nav.training",
    descriptionKey: "staff.nav.trainingDescription",
    icon: <ReadOutlined />,
    permission: "staff.read",
    shortcut: true,
  },
  {
    key: "rank-reviews",
    path: "/rank-reviews",
    group: "hr",
    labelKey: "staff.nav.ranks",
    descriptionKey: "staff.nav.ranksDescription",
    icon: <RiseOutlined />,
    permission: "staff.read",
    shortcut: true,
  },
  {
    key: "pay-plans",
    path: "/pay-plans",
    group: "hr",
    labelKey: "payroll.nav.plans",
    descriptionKey: "payroll.nav.plansDescription",
    icon: <ProfileOutlined />,
    permission: "payroll.read",
    shortcut: true,
  },
  {
    key: "payroll",
    path: "/payroll",
    group: "hr",
    labelKey: "payroll.nav.runs",
    descriptionKey: "payroll.nav.runsDescription",
    icon: <PayCircleOutlined />,
    permission: "payroll.read",
    shortcut: true,
  },
  {
    key: "payroll-simulator",
    path: "/payroll/simulator",
    group: "hr",
    labelKey: "payroll.nav.simulator",
    descriptionKey: "payroll.nav.simulatorDescription",
    icon: <ExperimentOutlined />,
    permission: "payroll.read",
    shortcut: false,
  },
  {
    key: "my-payslips",
    path: "/my/payslips",
    group: "hr",
    labelKey: "payroll.nav.my",
    descriptionKey: "payroll.nav.myDescription",
    icon: <WalletOutlined />,
    permission: "payroll.own",
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
