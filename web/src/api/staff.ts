// Staff records, the org chart, training, probation and the quarterly rank review (src/modules/staff),
// as the console reads them. Names of positions and ranks come from /staff/reference in both languages.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, toQueryString } from "./client.ts";
import type { Page } from "./types.ts";

export type StaffStatus = "candidate" | "probation" | "formal" | "left";
export const STAFF_STATUSES: StaffStatus[] = ["candidate", "probation", "formal", "left"];
export type LeaveReason = "resigned" | "dismissed" | "contract-ended" | "probation-failed" | "other";

type Named = { key: string; zh: string; en: string };
export type StaffReference = {
  positions: Named[];
  ranks: (Named & { level: number })[];
  statuses: StaffStatus[];
  recruitmentChannels: Named[];
  leaveReasons: LeaveReason[];
};

export type StaffSummary = {
  id: string;
  employeeNo: string;
  name: string;
  userId: string | null;
  position: string;
  positionName: string;
  rank: string | null;
  rankName: string | null;
  status: StaffStatus;
  joinedOn: string;
  leftOn: string | null;
  leaveReason: string | null;
  recruitmentChannel: string | null;
  departmentId: number | null;
  departmentName: string | null;
  team: string | null;
  managerId: string | null;
  managerName: string | null;
};

export type Assignment = {
  id: string;
  validFrom: string;
  validTo: string | null;
  position: string;
  departmentId: number | null;
  departmentName: string | null;
  team: string | null;
  managerId: string | null;
  managerName: string | null;
  reason: "hire" | "transfer" | "promotion";
  note: string | null;
};

export type ProbationView = {
  startsOn: string;
  endsOn: string;
  leaderDecision: "approved" | "rejected" | null;
  leaderName: string | null;
  leaderComment: string | null;
  outcome: "passed" | "failed" | null;
  outcomeReason: string | null;
  outcomeOn: string | null;
  state: "open" | "passed" | "failed";
  missing?: ("gate" | "approval")[];
  daysLeft?: number;
  on?: string;
  reason?: string;
};

export type HistoryEntry = {
  id: number;
  at: string;
  actorName: string | null;
  action: string;
  before: unknown;
  after: unknown;
};

export type StaffDetail = StaffSummary & {
  assignments: Assignment[];
  rankHistory: {
    rank: string;
    rankName: string | null;
    previousRank: string | null;
    effectiveFrom: string;
    reason: "hire" | "review" | "manual";
    note: string | null;
    by: string | null;
  }[];
  training: {
    sessionId: string;
    course: string;
    courseName: string;
    heldOn: string;
    attended: boolean;
    score: number | null;
    passed: boolean;
  }[];
  probation: ProbationView | null;
  rankReviews: {
    reviewId: string;
    fromRank: string;
    toRank: string;
    direction: "up" | "down" | "stay";
    reason: string;
    performance: string;
    target: string;
    status: string;
    effectiveFrom: string;
  }[];
  timeline: HistoryEntry[];
};

export type StaffFilters = {
  search?: string;
  status?: StaffStatus;
  position?: string;
  departmentId?: number;
  team?: string;
  rank?: string;
};

export function useStaffReference() {
  return useQuery({
    queryKey: ["staff", "reference"],
    queryFn: () => api.get<StaffReference>("/staff/reference"),
    staleTime: Infinity,
  });
}

export function useStaffList(filters: StaffFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ["staff", "list", filters],
    queryFn: () => api.get<Page<StaffSummary>>(`/staff${toQueryString(filters)}`),
    placeholderData: keepPreviousData,
  });
}

/** Everyone in scope (the managers pickers and the org page): the API allows 500 a page. */
export function useAllStaff(enabled = true) {
  return useQuery({
    queryKey: ["staff", "list", "all"],
    queryFn: () => api.get<Page<StaffSummary>>("/staff?pageSize=500"),
    enabled,
    staleTime: 30_000,
  });
}

export function useStaffDetail(id: string | null) {
  return useQuery({
    queryKey: ["staff", "detail", id],
    queryFn: () => api.get<StaffDetail>(`/staff/${id}`),
    enabled: Boolean(id),
  });
}

export type HireInput = {
  name: string;
  position: string;
  rank?: string;
  candidate: boolean;
  joinedOn: string;
  departmentId?: number | null;
  team?: string | null;
  managerId?: string | null;
  recruitmentChannel?: string | null;
  note?: string | null;
};
export const hireStaff = (input: HireInput) => api.post<{ id: string; employeeNo: string }>("/staff", input);
export const onboardStaff = (id: string, joinedOn?: string) =>
  api.post<StaffSummary>(`/staff/${id}/onboard`, joinedOn ? { joinedOn } : {});

export type SeatChangeInput = {
  effectiveFrom: string;
  departmentId?: number | null;
  team?: string | null;
  managerId?: string | null;
  note?: string | null;
};
export const transferStaff = (id: string, input: SeatChangeInput) =>
  api.post<Assignment>(`/staff/${id}/transfer`, input);
export const promoteStaff = (id: string, input: SeatChangeInput & { position?: string; rank?: string }) =>
  api.post<{ id: string; position: string; rank: string | null }>(`/staff/${id}/promote`, input);
export const recordLeaving = (
  id: string,
  input: { leftOn: string; reason: LeaveReason; note?: string | null },
) => api.post<StaffSummary>(`/staff/${id}/leave`, input);

// ---------------------------------------------------------------- org chart
export type OrgNode = {
  id: string;
  managerId: string | null;
  employeeNo: string;
  name: string;
  position: string;
  positionName: string;
  rank: string | null;
  rankName: string | null;
  status: StaffStatus;
  departmentId: number | null;
  departmentName: string | null;
  team: string | null;
  children: OrgNode[];
};

export function useOrgChart(date: string | undefined) {
  return useQuery({
    queryKey: ["staff", "org-chart", date ?? null],
    queryFn: () =>
      api.get<{ date: string; headcount: number; roots: OrgNode[] }>(
        `/staff/org-chart${toQueryString({ date })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

// ---------------------------------------------------------------- training and probation
export type Course = {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  sortOrder: number;
  isGate: boolean;
  passScore: number | null;
  active: boolean;
};

export type TrainingSession = {
  id: string;
  courseId: string;
  course: string;
  courseName: string;
  heldOn: string;
  trainer: string | null;
  location: string | null;
  note: string | null;
  createdAt: string;
};

export type SessionResult = {
  sessionId: string;
  staffId: string;
  name: string;
  employeeNo: string;
  attended: boolean;
  score: number | null;
  passed: boolean;
};

export type SessionDetail = TrainingSession & {
  isGate: boolean;
  passScore: number | null;
  results: SessionResult[];
};

export function useCourses() {
  return useQuery({
    queryKey: ["training", "courses"],
    queryFn: () => api.get<Course[]>("/training/courses"),
    staleTime: 300_000,
  });
}

export function useSessions(filters: { from?: string; to?: string; courseId?: string }) {
  return useQuery({
    queryKey: ["training", "sessions", filters],
    queryFn: () => api.get<{ items: TrainingSession[] }>(`/training/sessions${toQueryString(filters)}`),
    placeholderData: keepPreviousData,
  });
}

export function useSession(id: string | null) {
  return useQuery({
    queryKey: ["training", "session", id],
    queryFn: () => api.get<SessionDetail>(`/training/sessions/${id}`),
    enabled: Boolean(id),
  });
}

export const createSession = (input: {
  courseId: string;
  heldOn: string;
  trainer?: string | null;
  location?: string | null;
  note?: string | null;
}) => api.post<TrainingSession>("/training/sessions", input);

export const recordResults = (
  sessionId: string,
  results: { staffId: string; attended: boolean; score?: number | null }[],
) =>
  api.post<{ recorded: number; probationOutcomes: { staffId: string; outcome: string }[] }>(
    `/training/sessions/${sessionId}/results`,
    { results },
  );

export type ProbationItem = ProbationView & {
  staffId: string;
  employeeNo: string;
  name: string;
  position: string;
  status: StaffStatus;
  leaderId: string | null;
  leaderName: string | null;
  decidedByName: string | null;
};

export function useProbationBoard(all: boolean) {
  return useQuery({
    queryKey: ["staff", "probations", all],
    queryFn: () =>
      api.get<{ today: string; items: ProbationItem[] }>(`/staff/probations${all ? "?all=true" : ""}`),
  });
}

export const decideProbation = (
  staffId: string,
  input: { decision: "approve" | "reject"; comment?: string },
) => api.post<ProbationView>(`/staff/${staffId}/probation/decision`, input);

export const closeProbations = () =>
  api.post<{ date: string; closed: { staffId: string; outcome: string }[] }>("/staff/probations/close", {});

// ---------------------------------------------------------------- rank reviews
export type ProposalStatus = "pending" | "no-change" | "confirmed" | "rejected" | "superseded";

export type RankReviewSummary = {
  id: string;
  quarter: string;
  status: "current" | "superseded";
  runByName: string;
  runAt: string;
  pending: number;
  evaluated: number;
};

export type RankProposal = {
  id: string;
  staffId: string;
  name: string;
  employeeNo: string;
  fromRank: string;
  fromRankName: string;
  toRank: string;
  toRankName: string;
  direction: "up" | "down" | "stay";
  reason: "target-met" | "target-missed" | "ceiling" | "floor" | "protected";
  performance: string;
  target: string;
  protected: boolean;
  protectedUntil: string;
  effectiveFrom: string;
  status: ProposalStatus;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
};

export type RankReview = Omit<RankReviewSummary, "pending" | "evaluated"> & {
  runBy: string | null;
  rules: { targets: Record<string, string>; protectionMonths: number; positions: string[] };
  proposals: RankProposal[];
};

export function useRankReviews() {
  return useQuery({
    queryKey: ["rank-reviews"],
    queryFn: () => api.get<{ items: RankReviewSummary[] }>("/rank-reviews"),
  });
}

export function useRankReview(id: string | null) {
  return useQuery({
    queryKey: ["rank-reviews", id],
    queryFn: () => api.get<RankReview>(`/rank-reviews/${id}`),
    enabled: Boolean(id),
  });
}

export const runRankReview = (quarter: string) => api.post<RankReview>("/rank-reviews", { quarter });
export const decideProposal = (id: string, input: { decision: "confirm" | "reject"; note?: string }) =>
  api.post<{ id: string; status: ProposalStatus }>(`/rank-proposals/${id}/decision`, input);
