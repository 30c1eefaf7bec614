// Restructuring / extension (展期/重组), write-off (核销), recovery after write-off and the approvals
// waiting for someone (src/modules/loans/workout.routes.ts). Amounts are decimal strings.
import { useQuery } from "@tanstack/react-query";
import { api } from "./client.ts";
import type { Classification, PaymentChannel } from "./servicing.ts";
import type { RepaymentMethod } from "./types.ts";

export type RestructuringTerms = {
  extensionMonths?: number;
  termMonths?: number;
  annualRate: string;
  // 罚息年利率 from the effective date; omitted keeps the loan's current one.
  penaltyRate?: string;
  method: RepaymentMethod;
  capitaliseArrears: boolean;
};

type Amounts = { principal: string; interest: string; fee: string; total: string };

export type RestructuringPreview = {
  loanId: string;
  loanNo: string;
  businessDate: string;
  input: RestructuringTerms;
  current: {
    principalOutstanding: string;
    annualRate: string;
    // Absent on proposals stored before penalty rates could change.
    penaltyRate?: string;
    method: RepaymentMethod;
    maturityDate: string;
    remainingMonths: number;
    dpd: number;
    classification: Classification;
    scheduleVersion: number;
    arrears: { interest: string; fee: string; penalty: string; total: string };
    schedule: (Amounts & {
      period: number;
      dueDate: string;
      penalty: string;
      outstanding: string;
      overdue: boolean;
    })[];
    totals: { principal: string; outstanding: string };
  };
  proposed: {
    termMonths: number;
    extensionMonths: number;
    annualRate: string;
    penaltyRate?: string;
    penaltyRateChanged?: boolean;
    method: RepaymentMethod;
    capitaliseArrears: boolean;
    principal: string;
    capitalised: string;
    arrearsKept: string;
    apr: string;
    aprCap: string;
    aprAboveCap: boolean;
    maturityDate: string;
    classificationFloor: Classification | null;
    classificationFloorUntil: string | null;
    firstInstallment: string;
    schedule: (Amounts & { period: number; dueDate: string; remainingPrincipal: string })[];
    totals: Amounts;
  };
};

export type RestructuringStatus =
  | "pending-cosign"
  | "pending-committee"
  | "applied"
  | "rejected"
  | "withdrawn";

type Person = { id: string | null; name: string | null };

export type Restructuring = {
  id: string;
  loanId: string;
  status: RestructuringStatus;
  termMonths: number;
  extensionMonths: number;
  annualRate: string;
  // Old → new when the proposal changes the penalty rate; null when it keeps it.
  penaltyRate: { from: string; to: string } | null;
  method: RepaymentMethod;
  capitaliseArrears: boolean;
  reason: string;
  proposedBy: Person;
  proposedAt: string;
  cosignedBy: Person | null;
  cosignedAt: string | null;
  cosignComment: string | null;
  votes: {
    voterId: string;
    voterName: string;
    seat: string;
    decision: "approve" | "reject";
    comment: string | null;
    at: string;
  }[];
  decidedAt: string | null;
  appliedOn: string | null;
  fromVersion: number | null;
  toVersion: number | null;
  // The preview as it stood when applied (null until then).
  result: RestructuringPreview | null;
};

export type CommitteeInfo = { roles: string[]; rule: "unanimous" | "majority"; cosignRoles: string[] };

export type RestructuringDetail = Restructuring & {
  proposal: RestructuringPreview;
  preview: RestructuringPreview | null;
  replacedSchedule: {
    period: number;
    dueDate: string;
    principal: string;
    interest: string;
    fee: string;
    penalty: string;
    paid: string;
    paidOffDate: string | null;
  }[];
  committee: CommitteeInfo;
};

export type WriteOffStatus = "pending" | "approved" | "rejected" | "withdrawn";

export type WriteOffScope = "full" | "partial";

export type WriteOff = {
  id: string;
  loanId: string;
  status: WriteOffStatus;
  scope: WriteOffScope;
  // 部分核销: the principal the proposal named; null for the whole loan.
  requestedPrincipal: string | null;
  reason: string;
  dpdAtProposal: number;
  proposedBy: Person;
  proposedAt: string;
  decidedBy: Person | null;
  decidedAt: string | null;
  decisionComment: string | null;
  writtenOffOn: string | null;
  principal: string;
  interest: string;
  penalty: string;
  fee: string;
  total: string;
  provisionUsed: string;
  expense: string;
  recovered: string;
  remaining: string;
};

export type WriteOffEstimate = {
  dpd: number;
  minDpd: number;
  eligible: boolean;
  scope: WriteOffScope;
  principalOutstanding: string;
  principal: string;
  interest: string;
  penalty: string;
  fee: string;
  total: string;
  provision: string;
  expense: string;
};

export type Recovery = {
  id: string;
  date: string;
  amount: string;
  channel: PaymentChannel | null;
  reference: string | null;
  // 冲正: the reversal transaction that undid it, or null.
  reversedBy: string | null;
  createdAt: string;
};

export type WriteOffState = {
  loanId: string;
  loanStatus: string;
  current: WriteOff | null;
  history: WriteOff[];
  estimate: WriteOffEstimate | null;
  recoveries: Recovery[];
};

export type LoanSummaryForApproval = {
  id: string;
  loanNo: string;
  customerName: string | null;
  principalOutstanding: string;
  dpd: number;
  bucket: string;
  classification: Classification;
  annualRate: string;
  method: RepaymentMethod;
  maturityDate: string;
};

export type PendingApprovals = {
  restructurings: (Restructuring & {
    proposal: RestructuringPreview;
    loan: LoanSummaryForApproval;
    youMay: "cosign" | "vote" | null;
    own: boolean;
  })[];
  writeOffs: (WriteOff & {
    loan: LoanSummaryForApproval;
    estimate: WriteOffEstimate;
    youMay: "decide" | null;
    own: boolean;
  })[];
  committee: CommitteeInfo;
  seat: string | null;
};

export type RecoveryInput = { amount: string; date: string; channel: PaymentChannel; reference?: string };
export type RecoveryResult = {
  id: string;
  writeOffId: string;
  amount: string;
  recovered: string;
  remaining: string;
  writtenOff: string;
};

export const workoutKeys = {
  pending: ["workout", "pending"] as const,
  restructurings: (loanId: string) => ["workout", "restructurings", loanId] as const,
  restructuring: (loanId: string, id: string) => ["workout", "restructuring", loanId, id] as const,
  writeOff: (loanId: string) => ["workout", "write-off", loanId] as const,
  writeOffEstimate: (loanId: string, principal: string) =>
    ["workout", "write-off", loanId, "estimate", principal] as const,
};

export function usePendingApprovals() {
  return useQuery({
    queryKey: workoutKeys.pending,
    queryFn: () => api.get<PendingApprovals>("/loans/pending-approvals"),
  });
}

export function useRestructurings(loanId: string) {
  return useQuery({
    queryKey: workoutKeys.restructurings(loanId),
    queryFn: () =>
      api.get<{ items: Restructuring[]; committee: CommitteeInfo }>(`/loans/${loanId}/restructurings`),
  });
}

export function useRestructuring(loanId: string, id: string | null) {
  return useQuery({
    queryKey: workoutKeys.restructuring(loanId, id ?? ""),
    queryFn: () => api.get<RestructuringDetail>(`/loans/${loanId}/restructurings/${id}`),
    enabled: Boolean(id),
  });
}

export function useWriteOff(loanId: string) {
  return useQuery({
    queryKey: workoutKeys.writeOff(loanId),
    queryFn: () => api.get<WriteOffState>(`/loans/${loanId}/write-off`),
  });
}

/** What a partial write-off of `principal` would take today (the server's split, not the browser's). */
export function usePartialWriteOffEstimate(loanId: string, principal: string | null) {
  return useQuery({
    queryKey: workoutKeys.writeOffEstimate(loanId, principal ?? ""),
    queryFn: () =>
      api.get<WriteOffState>(`/loans/${loanId}/write-off?principal=${encodeURIComponent(principal ?? "")}`),
    enabled: principal !== null,
    select: (state) => state.estimate,
  });
}

export const previewRestructuring = (loanId: string, terms: RestructuringTerms) =>
  api.post<RestructuringPreview>(`/loans/${loanId}/restructurings/preview`, terms);

export const proposeRestructuring = (loanId: string, body: RestructuringTerms & { reason: string }) =>
  api.post<Restructuring>(`/loans/${loanId}/restructurings`, body);

type Decision = { decision: "approve" | "reject"; comment?: string };

export const cosignRestructuring = (loanId: string, id: string, body: Decision) =>
  api.post<Restructuring>(`/loans/${loanId}/restructurings/${id}/cosign`, body);

export const voteOnRestructuring = (loanId: string, id: string, body: Decision) =>
  api.post<Restructuring & { outcome: string }>(`/loans/${loanId}/restructurings/${id}/votes`, body);

export const withdrawRestructuring = (loanId: string, id: string) =>
  api.post<Restructuring>(`/loans/${loanId}/restructurings/${id}/withdraw`, {});

export const proposeWriteOff = (loanId: string, body: { reason: string; principal?: string }) =>
  api.post<WriteOff>(`/loans/${loanId}/write-off`, body);

export const approveWriteOff = (loanId: string, comment?: string) =>
  api.post<WriteOff>(`/loans/${loanId}/write-off/approve`, comment ? { comment } : {});

export const rejectWriteOff = (loanId: string, comment?: string) =>
  api.post<WriteOff>(`/loans/${loanId}/write-off/reject`, comment ? { comment } : {});

export const withdrawWriteOff = (loanId: string) =>
  api.post<WriteOff>(`/loans/${loanId}/write-off/withdraw`, {});

export const postRecovery = (loanId: string, input: RecoveryInput, idempotencyKey: string) =>
  api.post<RecoveryResult>(`/loans/${loanId}/recoveries`, input, {
    headers: { "Idempotency-Key": idempotencyKey },
  });
