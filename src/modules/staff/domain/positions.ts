// Reference data of the staff capability: positions, statuses, recruitment channels. The sales
// positions are the ones the payroll engine knows (compensation/domain/plan.ts); the rest are the
// other seats of the business plan's org chart (DOMAIN.md §1).
export const STAFF_POSITIONS = [
  "sales-director",
  "team-manager",
  "customer-manager",
  "tele-leader",
  "telemarketer",
  "general-manager",
  "risk-assessor",
  "finance-supervisor",
  "loan-admin",
  "customer-service",
  "compliance-officer",
  "hr-officer",
  "it-admin",
] as const;
export type StaffPosition = (typeof STAFF_POSITIONS)[number];

export const POSITION_NAMES: Record<StaffPosition, { zh: string; en: string }> = {
  "sales-director": { zh: "营销总监", en: "Sales director" },
  "team-manager": { zh: "团队经理", en: "Team manager" },
  "customer-manager": { zh: "客户经理", en: "Customer manager" },
  "tele-leader": { zh: "电销组长", en: "Telemarketing leader" },
  telemarketer: { zh: "电销专员", en: "Telemarketer" },
  "general-manager": { zh: "总经理", en: "General manager" },
  "risk-assessor": { zh: "风险评估师", en: "Risk assessor" },
  "finance-supervisor": { zh: "财务主管", en: "Finance supervisor" },
  "loan-admin": { zh: "业务管理员", en: "Loan administrator" },
  "customer-service": { zh: "客服专员", en: "Customer service" },
  "compliance-officer": { zh: "合规审计专员", en: "Compliance officer" },
  "hr-officer": { zh: "人事专员", en: "HR officer" },
  "it-admin": { zh: "系统管理员", en: "System administrator" },
};

export function isStaffPosition(value: string): value is StaffPosition {
  return (STAFF_POSITIONS as readonly string[]).includes(value);
}

/** candidate: recruited, not started; probation: onboarding; formal: 正式员工; left: 离职. */
export const STAFF_STATUSES = ["candidate", "probation", "formal", "left"] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

// 招聘渠道 of the business plan (网络, 人才市场) and the usual others.
export const RECRUITMENT_CHANNELS = ["online", "job-fair", "referral", "headhunter", "other"] as const;
export type RecruitmentChannel = (typeof RECRUITMENT_CHANNELS)[number];

export const CHANNEL_NAMES: Record<RecruitmentChannel, { zh: string; en: string }> = {
  online: { zh: "网络招聘", en: "Online" },
  "job-fair": { zh: "人才市场", en: "Job fair" },
  referral: { zh: "内部推荐", en: "Internal referral" },
  headhunter: { zh: "猎头", en: "Headhunter" },
  other: { zh: "其他", en: "Other" },
};

export const LEAVE_REASONS = [
  "resigned",
  "dismissed",
  "contract-ended",
  "probation-failed",
  "other",
] as const;
export type LeaveReason = (typeof LEAVE_REASONS)[number];
