// Loan applications through the seven steps (src/modules/origination), saved list views, and the
// few settings the pages read (stage time limits, committee seats, the APR cap).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, toQueryString } from "./client.ts";
import { downloadFile } from "./files.ts";
import type { Guarantee } from "./products.ts";
import type { RepaymentMethod } from "./types.ts";

export type ApplicationStatus =
  | "submitted"
  | "interviewed"
  | "qualified"
  | "assessed"
  | "pending-committee"
  | "approved"
  | "disbursed"
  | "rejected"
  | "withdrawn"
  | "expired";

export const OPEN_STATUSES: ApplicationStatus[] = [
  "submitted",
  "interviewed",
  "qualified",
  "assessed",
  "pending-committee",
  "approved",
];
export const PIPELINE_STATUSES: ApplicationStatus[] = [...OPEN_STATUSES, "disbursed"];
export const ENDED_STATUSES: ApplicationStatus[] = ["rejected", "withdrawn", "expired"];
export const ALL_STATUSES: ApplicationStatus[] = [...PIPELINE_STATUSES, ...ENDED_STATUSES];

export type ApplicationSummary = {
  id: string;
  appNo: string;
  status: ApplicationStatus;
  step: number;
  customerId: string;
  customerName: string | null;
  productId: string;
  productName: string | null;
  amount: string;
  termMonths: number;
  purpose: string;
  originatorId: string;
  originatorName: string | null;
  loanId: string | null;
  statusChangedAt: string;
  /** Hours in the current stage; null once the application has ended. */
  hoursInStage: number | null;
  /** The current stage has run past its limit (setting origination.stage-limit-hours). */
  overLimit: boolean;
  createdAt: string;
};

export type ApplicationList = {
  items: ApplicationSummary[];
  total: number;
  counts: Partial<Record<ApplicationStatus, number>>;
};

export type Interview = {
  notes: string;
  monthlyIncome?: string;
  monthlyDebt?: string;
  repaymentSource?: string;
  businessDescription?: string | null;
  premisesVisited?: boolean;
  interviewedAt?: string;
  by: string;
  at: string;
};

export type CheckKey =
  | "id-valid"
  | "age"
  | "not-blacklisted"
  | "no-overdue"
  | "amount-range"
  | "term-offered"
  | "segment-eligible"
  | "debt-to-income"
  | "per-borrower-limit";

export type QualificationCheck = { key: CheckKey; passed: boolean; detail: string };

export type Qualification = {
  decision: "pass" | "reject";
  reason: string | null;
  checks: QualificationCheck[];
  by: string;
  at: string;
};

export type ScoreFactor = {
  key: string;
  nameZh: string;
  nameEn: string;
  value: number;
  points: number;
  maxPoints: number;
};

export type Assessment = {
  input: {
    monthlyIncome: string;
    monthlyDebt: string;
    businessYears: number;
    overdueCount24m: number;
    hasCollateral: boolean;
    notes?: string | null;
  };
  result: {
    score: number;
    maxScore: number;
    grade: string;
    recommendedLimit: string;
    factors: ScoreFactor[];
    scorecardVersion?: string;
  };
  by: string;
  at: string;
};

export type RiskPlan = {
  amount: string;
  annualRate: string;
  termMonths: number;
  method: RepaymentMethod;
  guarantee: Guarantee;
  conditions?: string | null;
  apr: string;
  by: string;
  at: string;
};

export type Decision = {
  outcome: "approved" | "rejected";
  rule: "unanimous" | "majority";
  votes: number;
  approvedAmount: string | null;
  approvedRate: string | null;
  conditions: string[];
  decidedAt: string;
};

export type Vote = {
  applicationId: string;
  voterId: string;
  voterName: string;
  voterRole: string;
  decision: "approve" | "reject";
  comment: string | null;
  conditions: string | null;
  at: string;
};

export type Stage = {
  status: ApplicationStatus;
  enteredAt: string;
  hours: number;
  limitHours: number | null;
  overLimit: boolean;
};

export type TimelineEntry = {
  status: ApplicationStatus;
  action: string;
  actor: string;
  at: string;
  comment: string | null;
};

export type ApplicationDetail = ApplicationSummary & {
  productVersion: number;
  interview: Interview | null;
  qualification: Qualification | null;
  assessment: Assessment | null;
  riskPlan: RiskPlan | null;
  decision: Decision | null;
  rejectReason: string | null;
  hasContract: boolean;
  nextStep: { zh: string; en: string; role: string } | null;
  votes: Vote[];
  stages: Stage[];
  warnings: { code: string; status: ApplicationStatus; hours: number; limitHours: number | null }[];
  timeline: TimelineEntry[];
};

export type ApplicationFilters = {
  status?: ApplicationStatus[];
  search?: string;
  productId?: string;
  customerId?: string;
};

function listPath(filters: ApplicationFilters & { page: number; pageSize: number }): string {
  return `/applications${toQueryString({
    status: filters.status?.length ? filters.status.join(",") : undefined,
    search: filters.search,
    productId: filters.productId,
    customerId: filters.customerId,
    page: filters.page,
    pageSize: filters.pageSize,
  })}`;
}

export function useApplications(
  filters: ApplicationFilters & { page: number; pageSize: number },
  options: { enabled?: boolean; refetchInterval?: number } = {},
) {
  return useQuery({
    queryKey: ["applications", "list", filters],
    queryFn: () => api.get<ApplicationList>(listPath(filters)),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    refetchInterval: options.refetchInterval,
  });
}

/** Every application the filters match (the API pages at 500), for exports and the kanban. */
export async function fetchAllApplications(filters: ApplicationFilters): Promise<ApplicationSummary[]> {
  const items: ApplicationSummary[] = [];
  for (let page = 1; page <= 40; page += 1) {
    const result = await api.get<ApplicationList>(listPath({ ...filters, page, pageSize: 500 }));
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) break;
  }
  return items;
}

export const fetchApplication = (id: string) => api.get<ApplicationDetail>(`/applications/${id}`);

export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: ["applications", "detail", id],
    queryFn: () => fetchApplication(id as string),
    enabled: Boolean(id),
  });
}

export function useQualificationChecks(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ["applications", "checks", id],
    queryFn: () => api.get<QualificationCheck[]>(`/applications/${id}/qualification-checks`),
    enabled,
  });
}

export type SubmitInput = {
  customerId: string;
  productId: string;
  amount: string;
  termMonths: number;
  purpose: string;
};

export const submitApplication = (input: SubmitInput) =>
  api.post<{ id: string; status: "submitted"; appNo: string }>("/applications", input);

export type InterviewInput = {
  notes: string;
  monthlyIncome?: string;
  monthlyDebt?: string;
  repaymentSource?: string;
  businessDescription?: string | null;
  premisesVisited?: boolean;
  interviewedAt?: string;
};

export type AssessmentInput = {
  monthlyIncome: string;
  monthlyDebt: string;
  businessYears: number;
  overdueCount24m: number;
  hasCollateral: boolean;
  notes?: string | null;
};

export type RiskPlanInput = {
  amount: string;
  annualRate: string;
  termMonths: number;
  method: RepaymentMethod;
  guarantee: Guarantee;
  conditions?: string | null;
};

export type VoteInput = {
  decision: "approve" | "reject";
  comment?: string | null;
  conditions?: string | null;
};
export type DisbursementInput = {
  date: string;
  channel: "bank-transfer" | "cash";
  reference?: string | null;
};

export const REJECT_REASONS = [
  "incomplete-documents",
  "insufficient-income",
  "poor-credit",
  "fraud-suspected",
  "policy",
  "customer-declined",
  "other",
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const stepApi = {
  interview: (id: string, input: InterviewInput) => api.post(`/applications/${id}/interview`, input),
  qualification: (id: string, input: { decision: "pass" | "reject"; reason?: string | null }) =>
    api.post(`/applications/${id}/qualification`, input),
  assessment: (id: string, input: AssessmentInput) =>
    api.post<Assessment["result"]>(`/applications/${id}/assessment`, input),
  riskPlan: (id: string, input: RiskPlanInput) =>
    api.post<{ apr: string }>(`/applications/${id}/risk-plan`, input),
  vote: (id: string, input: VoteInput) =>
    api.post<{ status: ApplicationStatus; outcome: string; votes: number }>(
      `/applications/${id}/votes`,
      input,
    ),
  /** One Idempotency-Key per opened form: a second click or a retry never pays out twice. */
  disburse: (id: string, input: DisbursementInput, idempotencyKey: string) =>
    api.post<{ loanId: string; loanNo: string; status: "disbursed" }>(
      `/applications/${id}/disbursement`,
      input,
      {
        headers: { "Idempotency-Key": idempotencyKey },
      },
    ),
  reject: (id: string, input: { reasonCode: RejectReason; comment?: string | null }) =>
    api.post(`/applications/${id}/reject`, input),
  withdraw: (id: string, reason: string) => api.post(`/applications/${id}/withdraw`, { reason }),
};

export const downloadContract = (app: { id: string; appNo: string }) =>
  downloadFile(`/applications/${app.id}/contract.pdf`, { fileName: `contract-${app.appNo}.pdf` });

export const contractUrl = (id: string) => `/api/v1/applications/${id}/contract.pdf`;

// ---------------------------------------------------------------- saved views
export type SavedView = {
  id: number;
  page: string;
  name: string;
  filters: Record<string, unknown>;
  shared: boolean;
  mine: boolean;
};

export function useSavedViews(page: string) {
  return useQuery({
    queryKey: ["saved-views", page],
    queryFn: () => api.get<SavedView[]>(`/saved-views${toQueryString({ page })}`),
    staleTime: 30_000,
  });
}

export const saveView = (input: {
  page: string;
  name: string;
  filters: Record<string, unknown>;
  shared: boolean;
}) => api.post<{ id: number }>("/saved-views", input);
export const deleteView = (id: number) => api.delete<{ ok: true }>(`/saved-views/${id}`);

// ---------------------------------------------------------------- loans (read-only, for the loan number)
export type LoanBrief = { id: string; loanNo: string; status: string; principal: string; apr: string };

export function useLoanBrief(id: string | null | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ["loans", "brief", id],
    queryFn: () => api.get<LoanBrief>(`/loans/${id}`),
    enabled: Boolean(id) && enabled,
    retry: false,
    staleTime: 60_000,
  });
}

// ---------------------------------------------------------------- settings the pages read
export type OriginationSettings = {
  stageLimitHours: Partial<Record<ApplicationStatus, number>>;
  committeeRoles: string[];
  committeeRule: "unanimous" | "majority";
  aprCapPercent: number;
};

// The server's defaults (settings.service.ts), used when the user may not read settings.
export const DEFAULT_ORIGINATION_SETTINGS: OriginationSettings = {
  stageLimitHours: {
    submitted: 48,
    interviewed: 48,
    qualified: 48,
    assessed: 48,
    "pending-committee": 72,
    approved: 72,
  },
  committeeRoles: ["gm", "risk", "finance"],
  committeeRule: "unanimous",
  aprCapPercent: 24,
};

type SettingItem = { key: string; value: unknown };

export function useOriginationSettings(canRead: boolean): OriginationSettings {
  const query = useQuery({
    queryKey: ["settings", "origination"],
    queryFn: () => api.get<{ items: SettingItem[] }>("/settings"),
    enabled: canRead,
    staleTime: 300_000,
    retry: false,
  });
  const items = query.data?.items ?? [];
  const value = (key: string) => items.find((i) => i.key === key)?.value;
  const limits = value("origination.stage-limit-hours");
  const roles = value("origination.committee-roles");
  const rule = value("origination.committee-rule");
  const cap = value("rates.apr-cap");
  return {
    stageLimitHours:
      limits && typeof limits === "object"
        ? (limits as OriginationSettings["stageLimitHours"])
        : DEFAULT_ORIGINATION_SETTINGS.stageLimitHours,
    committeeRoles: Array.isArray(roles) ? (roles as string[]) : DEFAULT_ORIGINATION_SETTINGS.committeeRoles,
    committeeRule: rule === "majority" ? "majority" : "unanimous",
    aprCapPercent:
      typeof cap === "string" && Number.isFinite(Number(cap))
        ? Number(cap) * 100
        : DEFAULT_ORIGINATION_SETTINGS.aprCapPercent,
  };
}
