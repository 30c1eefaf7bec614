// The one list of permissions. Routes declare the permission they need and services check it again,
// so a second caller (CLI, batch) cannot skip it. Roles are rows in the database built from the
// defaults below; an admin may change them in the console.
export const PERMISSIONS = {
  "users.manage": { zh: "管理用户与角色", en: "Manage users and roles" },
  "audit.read": { zh: "查看审计日志", en: "Read the audit trail" },
  "settings.read": { zh: "查看业务参数", en: "View settings" },
  "settings.manage": { zh: "提议修改业务参数", en: "Propose setting changes" },
  "settings.approve": { zh: "审批业务参数修改", en: "Approve setting changes" },
  "pii.unmask": { zh: "查看完整个人信息", en: "Unmask personal data" },
  "customers.read": { zh: "查看客户", en: "View customers" },
  "customers.write": { zh: "登记与维护客户", en: "Register and edit customers" },
  "products.read": { zh: "查看产品", en: "View products" },
  "products.manage": { zh: "管理产品", en: "Manage products" },
  "applications.read": { zh: "查看贷款申请", en: "View applications" },
  "applications.create": { zh: "提交贷款申请与面谈", en: "Submit applications and interviews" },
  "applications.review": {
    zh: "资格审查、信用评估、风险方案",
    en: "Qualification, assessment and risk plan",
  },
  "applications.vote": { zh: "贷审委员会表决", en: "Vote in the credit committee" },
  "loans.read": { zh: "查看贷款账户", en: "View loan accounts" },
  "loans.disburse": { zh: "放款", en: "Disburse loans" },
  "repayments.post": { zh: "登记还款", en: "Post repayments" },
  "repayments.approve": { zh: "审批冲正、核销", en: "Approve reversals and write-offs" },
  "collections.work": { zh: "贷后管理与催收", en: "Post-loan tracking and collections" },
  "ledger.read": { zh: "查看总账", en: "Read the ledger" },
  "batch.run": { zh: "运行日终批处理", en: "Run the close of business" },
  "crm.leads": { zh: "线索与跟进", en: "Leads and follow-ups" },
  "crm.calls": { zh: "电话记录", en: "Call records" },
  "crm.manage": { zh: "线索分配、PK 与营销目标", en: "Lead assignment, PK and targets" },
  "service.feedback": { zh: "客户反馈与投诉", en: "Customer feedback and complaints" },
  "kpi.read": { zh: "查看业绩与 KPI", en: "View KPIs" },
  "staff.read": { zh: "查看员工档案", en: "View staff records" },
  "staff.manage": { zh: "维护员工、职级与培训", en: "Manage staff, ranks and training" },
  "probation.approve": { zh: "审批下属试用期", en: "Decide a trainee's probation (as their leader)" },
  "ranks.confirm": { zh: "确认职级调整", en: "Confirm rank changes of the quarterly review" },
  "payroll.read": { zh: "查看工资核算与薪酬方案", en: "View payroll runs and pay plans" },
  "payroll.prepare": { zh: "编制工资", en: "Prepare payroll" },
  "payroll.approve": { zh: "审批工资", en: "Approve payroll" },
  "payroll.own": { zh: "查看本人工资单", en: "See own pay statement" },
  "reports.read": { zh: "查看经营报表", en: "Read business reports" },
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: string): value is Permission {
  return value in PERMISSIONS;
}

export type DataScope = "own" | "team" | "org" | "all";

export const ROLE_KEYS = [
  "gm",
  "risk",
  "finance",
  "sales-director",
  "team-manager",
  "customer-manager",
  "tele-leader",
  "telemarketer",
  "loan-admin",
  "service",
  "compliance",
  "hr",
  "admin",
] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

type RoleDefault = { zh: string; en: string; scope: DataScope; permissions: Permission[] };

const READ_BUSINESS: Permission[] = [
  "customers.read",
  "products.read",
  "applications.read",
  "loans.read",
  "kpi.read",
  "reports.read",
  "settings.read",
];

// DOMAIN.md §1. Compliance reads everything but changes nothing; admin manages users and settings
// but holds no business approvals.
export const DEFAULT_ROLES: Record<RoleKey, RoleDefault> = {
  gm: {
    zh: "总经理",
    en: "General manager",
    scope: "all",
    // The GM sets the product catalogue (products.manage); no other built-in role does.
    permissions: [
      ...READ_BUSINESS,
      "customers.write",
      "products.manage",
      "settings.approve",
      "applications.vote",
      "ledger.read",
      "staff.read",
      "payroll.read",
      "payroll.approve",
      "payroll.own",
      "repayments.approve",
      "pii.unmask",
      "audit.read",
    ],
  },
  risk: {
    zh: "风险评估师",
    en: "Risk assessor",
    scope: "all",
    permissions: [
      ...READ_BUSINESS,
      "applications.review",
      "applications.vote",
      "collections.work",
      "pii.unmask",
      "payroll.own",
    ],
  },
  finance: {
    zh: "财务主管",
    en: "Finance supervisor",
    scope: "all",
    permissions: [
      ...READ_BUSINESS,
      "applications.vote",
      "loans.disburse",
      "repayments.post",
      "repayments.approve",
      "ledger.read",
      "batch.run",
      "payroll.read",
      "payroll.approve",
      "payroll.own",
    ],
  },
  "sales-director": {
    zh: "营销总监",
    en: "Sales director",
    scope: "org",
    permissions: [
      ...READ_BUSINESS,
      "customers.write",
      "applications.create",
      "crm.leads",
      "crm.calls",
      "crm.manage",
      "staff.read",
      "probation.approve",
      "ranks.confirm",
      "payroll.read",
      "payroll.approve",
      "payroll.own",
    ],
  },
  "team-manager": {
    zh: "团队经理",
    en: "Team manager",
    scope: "team",
    // Their own team's staff records and the probation of the people they lead.
    permissions: [
      ...READ_BUSINESS,
      "customers.write",
      "applications.create",
      "crm.leads",
      "crm.calls",
      "crm.manage",
      "staff.read",
      "probation.approve",
      "payroll.own",
    ],
  },
  "customer-manager": {
    zh: "客户经理",
    en: "Customer manager",
    scope: "own",
    permissions: [
      "customers.read",
      "customers.write",
      "products.read",
      "applications.read",
      "applications.create",
      "loans.read",
      "crm.leads",
      "crm.calls",
      "kpi.read",
      "payroll.own",
    ],
  },
  "tele-leader": {
    zh: "电销组长",
    en: "Telemarketing leader",
    scope: "team",
    permissions: [
      "customers.read",
      "products.read",
      "crm.leads",
      "crm.calls",
      "crm.manage",
      "kpi.read",
      "staff.read",
      "probation.approve",
      "payroll.own",
    ],
  },
  telemarketer: {
    zh: "电销专员",
    en: "Telemarketer",
    scope: "own",
    permissions: ["products.read", "crm.leads", "crm.calls", "kpi.read", "payroll.own"],
  },
  "loan-admin": {
    zh: "业务管理员",
    en: "Loan administrator",
    scope: "all",
    permissions: [
      "customers.read",
      "products.read",
      "applications.read",
      "loans.read",
      "collections.work",
      "payroll.own",
    ],
  },
  service: {
    zh: "客服",
    en: "Customer service",
    scope: "all",
    permissions: [
      "customers.read",
      "products.read",
      "loans.read",
      "service.feedback",
      "crm.leads",
      "payroll.own",
    ],
  },
  compliance: {
    zh: "合规 / 审计",
    en: "Compliance / audit",
    scope: "all",
    permissions: [...READ_BUSINESS, "ledger.read", "staff.read", "payroll.read", "audit.read", "pii.unmask"],
  },
  hr: {
    zh: "人事",
    en: "Human resources",
    scope: "all",
    permissions: [
      "staff.read",
      "staff.manage",
      "ranks.confirm",
      "payroll.read",
      "payroll.prepare",
      "payroll.own",
      "kpi.read",
    ],
  },
  admin: {
    zh: "系统管理员",
    en: "System administrator",
    scope: "all",
    permissions: ["users.manage", "settings.read", "settings.manage", "audit.read"],
  },
};
