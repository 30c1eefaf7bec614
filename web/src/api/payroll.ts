// Pay plans, payroll runs, statements, disputes, the what-if simulator and one's own statements
// (src/modules/compensation), as the console reads them. Amounts are decimal strings in yuan, rates
// decimal strings ("0.005" = 0.5%).
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, failure, toQueryString } from "./client.ts";
import type { HistoryEntry } from "./staff.ts";

export const PLAN_POSITIONS = ["customer-manager", "team-manager", "sales-director"] as const;
export type PlanPosition = (typeof PLAN_POSITIONS)[number];
export const MANAGER_POSITIONS = ["team-manager", "sales-director"] as const;
export type ManagerPosition = (typeof MANAGER_POSITIONS)[number];
export type TeamScope = "direct-reports" | "all-descendants";

export type PositionRule = {
  monthlyTarget: string;
  baseSalary: string;
  commissionRate: string;
  missedDeduction: string;
  zeroDeduction: string;
};

export type PlanJson = {
  positions: Record<PlanPosition, PositionRule>;
  managementRate: Partial<Record<ManagerPosition, string>>;
  managementScope: Record<ManagerPosition, TeamScope>;
  includeOwnInTeamTotal: boolean;
  newEmployee: {
    positions: PlanPosition[];
    probation: { baseSalary: string; commissionRate: string };
    firstMonth: PositionRule;
  };
  proration: { enabled: boolean };
  performance: { capAtPrincipalOverOneYear: boolean };
  clawback: { enabled: boolean; windowMonths: number; share: string };
};

/** What a change sends: only the fields that change; a null management rate clears it. */
export type PlanPatch = {
  positions?: Partial<Record<PlanPosition, Partial<PositionRule>>>;
  managementRate?: Partial<Record<ManagerPosition, string | null>>;
  managementScope?: Partial<Record<ManagerPosition, TeamScope>>;
  includeOwnInTeamTotal?: boolean;
  newEmployee?: {
    positions?: PlanPosition[];
    probation?: Partial<PlanJson["newEmployee"]["probation"]>;
    firstMonth?: Partial<PositionRule>;
  };
  proration?: { enabled?: boolean };
  performance?: { capAtPrincipalOverOneYear?: boolean };
  clawback?: Partial<PlanJson["clawback"]>;
};

export type Warning = { code: string; params: Record<string, unknown>; message: string };

export type PlanVersion = {
  id: string;
  version: number;
  label: string;
  effectiveMonth: string;
  note: string | null;
  createdByName: string;
  createdAt: string;
  plan: PlanJson;
  warnings: Warning[];
};

export type PayPlanSummary = {
  id: string;
  code: string;
  name: string;
  createdAt: string;
  versions: number;
  latest: PlanVersion | null;
};

export type PayPlan = Omit<PayPlanSummary, "versions" | "latest"> & { versions: PlanVersion[] };

export function usePayPlans() {
  return useQuery({
    queryKey: ["pay-plans"],
    queryFn: () => api.get<{ items: PayPlanSummary[] }>("/pay-plans"),
  });
}

export function usePayPlan(id: string | null | undefined) {
  return useQuery({
    queryKey: ["pay-plans", id],
    queryFn: () => api.get<PayPlan>(`/pay-plans/${id}`),
    enabled: Boolean(id),
  });
}

/** The version in force for a month (what a run of that month would use). */
export function usePlanInForce(planId: string | undefined, month: string) {
  return useQuery({
    queryKey: ["pay-plans", planId, "in-force", month],
    queryFn: () => api.get<PlanVersion>(`/pay-plans/${planId}/in-force${toQueryString({ month })}`),
    enabled: Boolean(planId),
    retry: false,
  });
}

export const createPayPlan = (input: {
  code: string;
  name: string;
  effectiveMonth: string;
  plan: PlanPatch;
  note?: string | null;
}) => api.post<PayPlan>("/pay-plans", input);

export const addPlanVersion = (
  planId: string,
  input: { effectiveMonth: string; plan: PlanPatch; note?: string | null },
) => api.post<{ version: PlanVersion; runsToRecompute: string[] }>(`/pay-plans/${planId}/versions`, input);

// ---------------------------------------------------------------- payroll runs
export type RunStatus = "draft" | "reviewed" | "approved" | "locked";
export const RUN_STATUSES: RunStatus[] = ["draft", "reviewed", "approved", "locked"];
export type Stage = "probation" | "first-month" | "regular";

export type RunSummary = {
  id: string;
  month: string;
  status: RunStatus;
  planCode: string;
  version: number;
  headcount: number;
  loanCount: number;
  total: string;
  warnings: number;
  openDisputes: number;
  preparedByName: string;
  approvedByName: string | null;
  lockedAt: string | null;
};

export type StatementSummary = {
  id: string;
  staffId: string;
  employeeNo: string;
  name: string;
  position: string;
  departmentName: string | null;
  joinedOn: string;
  leftOn: string | null;
  stage: Stage;
  loanCount: number;
  annualizedPerformance: string;
  target: string | null;
  baseSalary: string;
  deduction: string;
  commission: string;
  managementCommission: string;
  total: string;
  warnings: string[];
};

export type Dispute = {
  id: string;
  statementId: string;
  lineId: string;
  raisedByName: string;
  comment: string;
  status: "open" | "resolved" | "rejected";
  answer: string | null;
  answeredByName: string | null;
  answeredAt: string | null;
  createdAt: string;
};

export type RunDetail = {
  id: string;
  month: string;
  status: RunStatus;
  currentVersion: number;
  version: number;
  plan: { id: string; code: string; name: string };
  planVersion: { id: string; version: number; label: string; effectiveMonth: string };
  preparedByName: string;
  reviewedByName: string | null;
  reviewedAt: string | null;
  approvedByName: string | null;
  approvedAt: string | null;
  lockedByName: string | null;
  lockedAt: string | null;
  totals: {
    headcount: number;
    loanCount: number;
    principal: string;
    annualizedPerformance: string;
    baseSalary: string;
    deduction: string;
    commission: string;
    managementCommission: string;
    total: string;
  };
  warnings: Warning[];
  versions: {
    version: number;
    computedByName: string;
    computedAt: string;
    reason: string | null;
    headcount: number;
    total: string;
  }[];
  statements: { total: number; items: StatementSummary[] };
  disputes: Dispute[];
  timeline: HistoryEntry[];
};

export type StatementLine = {
  id: string;
  code: "base-salary" | "deduction" | "commission" | "management-commission" | string;
  amount: string;
  explanation: string;
};

export type StatementDetail = StatementSummary & {
  runId: string;
  month: string;
  runStatus: RunStatus;
  version: number;
  current: boolean;
  lines: StatementLine[];
  disputes: Dispute[];
};

export function usePayrollRuns() {
  return useQuery({
    queryKey: ["payroll", "runs"],
    queryFn: () => api.get<{ items: RunSummary[] }>("/payroll/runs"),
  });
}

export function usePayrollRun(id: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: ["payroll", "run", id, version ?? null],
    queryFn: () => api.get<RunDetail>(`/payroll/runs/${id}${toQueryString({ version, pageSize: 1000 })}`),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
}

export function useStatement(id: string | null) {
  return useQuery({
    queryKey: ["payroll", "statement", id],
    queryFn: () => api.get<StatementDetail>(`/payroll/statements/${id}`),
    enabled: Boolean(id),
  });
}

export type RunResult = { id: string; month: string; status: RunStatus; version: number };
export const createPayrollRun = (month: string, planId?: string) =>
  api.post<RunResult & { headcount: number; total: string }>("/payroll/runs", { month, planId });
export const recomputeRun = (id: string, reason: string) =>
  api.post<RunResult>(`/payroll/runs/${id}/recompute`, { reason });
export const moveRun = (id: string, action: "review" | "approve" | "lock", comment?: string) =>
  api.post<RunResult>(`/payroll/runs/${id}/${action}`, { comment: comment || null });
export const returnRun = (id: string, reason: string) =>
  api.post<RunResult>(`/payroll/runs/${id}/return`, { reason });
export const answerDispute = (id: string, input: { decision: "resolve" | "reject"; answer: string }) =>
  api.post<Dispute>(`/payroll/disputes/${id}/answer`, input);

/** The Excel file of a run version, saved by the browser under the server's file name. */
export async function downloadRunWorkbook(id: string, version?: number): Promise<string> {
  const response = await fetch(`/api/v1/payroll/runs/${id}/export.xlsx${toQueryString({ version })}`, {
    credentials: "same-origin",
  });
  if (!response.ok) {
    let payload: unknown = null;
    try {
      payload = await response.json();
    } catch {
      payload = null;
    }
    throw failure(response.status, payload);
  }
  const disposition = response.headers.get("content-disposition") ?? "";
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `payroll-${id}.xlsx`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}

// ---------------------------------------------------------------- own statements
export type OwnStatement = StatementSummary & { month: string; runStatus: RunStatus };

export function useMyStatements() {
  return useQuery({
    queryKey: ["payroll", "my"],
    queryFn: () => api.get<{ items: OwnStatement[] }>("/payroll/my/statements"),
  });
}

export function useMyStatement(id: string | null) {
  return useQuery({
    queryKey: ["payroll", "my", id],
    queryFn: () => api.get<StatementDetail>(`/payroll/my/statements/${id}`),
    enabled: Boolean(id),
  });
}

export const raiseDispute = (statementId: string, input: { lineId: string; comment: string }) =>
  api.post<Dispute>(`/payroll/my/statements/${statementId}/disputes`, input);

// ---------------------------------------------------------------- what-if
type Figures = {
  baseSalary: string;
  deduction: string;
  commission: string;
  managementCommission: string;
  total: string;
};

export type Simulation = {
  month: string;
  planVersion: { id: string; label: string; effectiveMonth: string };
  warnings: { current: Warning[]; simulated: Warning[] };
  totals: { current: Figures; simulated: Figures; difference: Figures };
  people: {
    staffId: string;
    employeeNo: string | null;
    name: string | null;
    position: string | null;
    current: Figures;
    simulated: Figures;
    difference: Figures;
  }[];
};

export const simulatePayroll = (input: { month: string; planId?: string; plan: PlanPatch }) =>
  api.post<Simulation>("/payroll/simulations", input);
