// The sales floor after the first call (src/modules/crm: followups, appointments, feedback, KPIs, PK,
// targets, campaign funnel, daily reports), as the console reads it. Amounts are decimal strings.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, toQueryString } from "./client.ts";

export type Figures = {
  calls: number;
  effective: number;
  intent: number;
  revisits: number;
  nextDayAppointments: number;
  appointments: number;
};
export type TargetMetric = "calls" | "effective" | "intent" | "revisits" | "nextDayAppointments";
export const TARGET_METRICS: TargetMetric[] = [
  "calls",
  "effective",
  "intent",
  "revisits",
  "nextDayAppointments",
];
export type Targets = Record<TargetMetric, number>;
export type Tally = {
  figures: Figures;
  target: Targets;
  dueToDate: Targets;
  attainment: Record<TargetMetric, number | null>;
};
export type PeriodKind = "day" | "week" | "month";
export type PeriodView = {
  kind: PeriodKind;
  date: string;
  from: string;
  to: string;
  today: string;
  workingDays: number;
  elapsedWorkingDays: number;
};
export type BoardLevel = "person" | "group" | "team" | "floor";

export type BoardMember = Tally & {
  userId: string;
  name: string;
  position: string | null;
  unitId: string | null;
  unitName: string | null;
  days: number;
  behind: boolean;
};
export type BoardUnit = Tally & { unitId: string; name: string; members: number; behind: boolean };
export type Board = {
  level: BoardLevel;
  unit: { id: string; name: string } | null;
  period: PeriodView;
  total: Tally;
  members: BoardMember[];
  units: BoardUnit[];
  daily: { day: string; figures: Figures }[];
};

export type FollowUp = {
  id: string;
  leadId: string;
  ownerId: string | null;
  ownerName: string | null;
  dueOn: string;
  source: "follow-up-date" | "intent-revisit" | "manual";
  status: "open" | "done" | "cancelled";
  doneAt: string | null;
  note: string | null;
  leadName: string;
  phoneMasked: string;
  stage: string;
  intentLevel: "A" | "B" | "C" | null;
  lastContactAt: string | null;
  overdue: boolean;
};
export type DueCounts = { overdue: number; today: number; tomorrow: number; open: number };

export type AppointmentStatus = "scheduled" | "done" | "no-show" | "cancelled";
export type Appointment = {
  id: string;
  leadId: string;
  leadName: string;
  phoneMasked: string;
  intentLevel: "A" | "B" | "C" | null;
  ownerId: string;
  ownerName: string | null;
  withUserId: string | null;
  withName: string | null;
  withUserName: string | null;
  startsAt: string;
  place: string;
  status: AppointmentStatus;
  madeOn: string;
  note: string | null;
  outcome: string | null;
  /** The text message the end of day queued the day before, if any. */
  reminderStatus: "pending" | "sent" | "failed" | "cancelled" | null;
  day: string;
};

export type MyDay = {
  date: string;
  today: string;
  person: { userId: string; name: string; position: string | null; groupId: string | null };
  day: Tally;
  week: Tally & PeriodView;
  month: Tally & PeriodView;
  daily: { day: string; figures: Figures }[];
  callbacks: { counts: DueCounts | null; dueToday: FollowUp[]; overdue: FollowUp[] };
  appointments: { today: Appointment[]; tomorrow: Appointment[] };
};

export type KpiUnits = {
  today: string;
  groups: { id: string; name: string; current: boolean }[];
  teams: { id: string; name: string; current: boolean }[];
  floor: boolean;
  own: { group: string | null; team: string | null };
};

export type FeedbackKind = "feedback" | "complaint";
export type FeedbackStatus = "open" | "in-progress" | "resolved" | "closed";
export const FEEDBACK_STATUSES: FeedbackStatus[] = ["open", "in-progress", "resolved", "closed"];
export const FEEDBACK_CATEGORIES = [
  "service",
  "fees",
  "collection",
  "product",
  "process",
  "privacy",
  "system",
  "other",
];
export const FEEDBACK_CHANNELS = ["phone", "wechat", "walk-in", "online", "letter", "regulator", "other"];
export const FEEDBACK_NEXT: Record<FeedbackStatus, FeedbackStatus[]> = {
  open: ["in-progress", "resolved"],
  "in-progress": ["resolved"],
  resolved: ["closed", "in-progress"],
  closed: [],
};
export type Feedback = {
  id: string;
  refNo: string;
  kind: FeedbackKind;
  category: string;
  channel: string;
  leadId: string | null;
  leadName: string | null;
  contactName: string;
  subject: string;
  detail: string | null;
  receivedAt: string;
  slaHours: number;
  dueAt: string;
  ownerId: string | null;
  ownerName: string | null;
  status: FeedbackStatus;
  outcome: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  overdue: boolean;
  late: boolean;
  hoursLeft: number | null;
};
export type FeedbackList = {
  total: number;
  summary: { open: number; overdue: number; resolved: number; complaints: number };
  items: Feedback[];
};

export type PkMetric = "calls" | "effective" | "intent" | "appointments" | "disbursed" | "weighted";
export const PK_METRICS: PkMetric[] = [
  "calls",
  "effective",
  "intent",
  "appointments",
  "disbursed",
  "weighted",
];
export type PkCounted = "calls" | "effective" | "intent" | "appointments" | "disbursed";
export const PK_COUNTED: PkCounted[] = ["calls", "effective", "intent", "appointments", "disbursed"];
export type PkStatus = "upcoming" | "running" | "finished" | "cancelled";
export type PkContest = {
  id: string;
  name: string;
  unitKind: "group" | "team";
  metric: PkMetric;
  weights: Partial<Record<PkCounted, number>> | null;
  startsOn: string;
  endsOn: string;
  reward: string | null;
  status: PkStatus;
  finalizedAt: string | null;
  createdByName: string | null;
  participants: { id: string; name: string }[];
  winners?: { id: string; name: string }[];
};
export type PkStanding = {
  rank: number;
  unitId: string;
  unitName: string;
  members: number;
  figures: Omit<Record<PkCounted, number>, "disbursed"> & { disbursed: string };
  score: string;
  winner: boolean;
};
export type PkBoard = {
  contest: PkContest;
  asOf: string | null;
  provisional: boolean;
  standings: PkStanding[];
};

export type TargetCell = {
  month: string;
  plan: string | null;
  planSource: "plan" | "ramp" | null;
  note: string | null;
  actual: string;
  loans: number;
  attainment: number | null;
};
export type TargetsView = {
  today: string;
  months: string[];
  teams: { teamId: string; name: string; firstMonth: string | null; months: TargetCell[] }[];
  totals: { month: string; plan: string; actual: string; loans: number; attainment: number | null }[];
  canEdit: boolean;
};
export type CampaignRow = {
  id: string;
  name: string;
  channel: string;
  startsOn: string;
  endsOn: string | null;
  cost: string;
  leads: number;
  intent: number;
  applications: number;
  loans: number;
  disbursed: string;
  costPerLead: string | null;
  costPerLoan: string | null;
  conversion?: number | null;
};
export type CampaignsReport = {
  items: CampaignRow[];
  total: Omit<CampaignRow, "id" | "name" | "channel" | "startsOn" | "endsOn">;
};

export type ReportPerson = Tally & {
  userId: string;
  name: string;
  position: string | null;
  unitId: string | null;
  unitName: string | null;
  behind: boolean;
};
export type ReportUnit = Tally & { unitId: string; name: string; members: number };
export type DailyReport = {
  date: string;
  trigger: "schedule" | "manual" | "demo";
  generatedAt: string;
  generatedByName: string;
  content: {
    date: string;
    floor: Tally;
    monthToDate: Tally & { from: string; to: string };
    groups: ReportUnit[];
    people: ReportPerson[];
    teams: ReportUnit[];
    appointments: { scheduled: number; done: number; noShow: number; cancelled: number; tomorrow: number };
    followUps: { done: number; due: number; overdue: number };
    feedback: { received: number; resolved: number; overdue: number };
    pk: {
      id: string;
      name: string;
      metric: PkMetric;
      endsOn: string;
      standings: { rank: number; unitName: string; score: string }[];
    }[];
  };
};
export type DailyReportSummary = {
  date: string;
  trigger: string;
  generatedAt: string;
  generatedByName: string;
  figures: Figures;
  attainment: Record<TargetMetric, number | null>;
  people: number;
};

export const CRM_KEY = ["crm-engagement"] as const;

export function useMyDay(query: { userId?: string; date?: string }) {
  return useQuery({
    queryKey: [...CRM_KEY, "my-day", query],
    queryFn: () => api.get<MyDay>(`/crm/kpi/my-day${toQueryString(query)}`),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export function useKpiBoard(
  query: { level: BoardLevel; unitId?: string; period: PeriodKind; date?: string },
  enabled = true,
) {
  return useQuery({
    queryKey: [...CRM_KEY, "board", query],
    queryFn: () => api.get<Board>(`/crm/kpi/board${toQueryString(query)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useKpiUnits() {
  return useQuery({ queryKey: [...CRM_KEY, "units"], queryFn: () => api.get<KpiUnits>("/crm/kpi/units") });
}

export function useFollowUps(query: {
  due?: string;
  status?: string;
  ownerId?: string;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: [...CRM_KEY, "follow-ups", query],
    queryFn: () =>
      api.get<{ today: string; total: number; counts: DueCounts; items: FollowUp[] }>(
        `/crm/follow-ups${toQueryString(query)}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useAppointments(query: { from: string; to: string; status?: string }) {
  return useQuery({
    queryKey: [...CRM_KEY, "appointments", query],
    queryFn: () => api.get<{ items: Appointment[] }>(`/crm/appointments${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useFeedbackList(query: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: [...CRM_KEY, "feedback", query],
    queryFn: () => api.get<FeedbackList>(`/crm/feedback${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function usePkList(status?: PkStatus) {
  return useQuery({
    queryKey: [...CRM_KEY, "pk", status],
    queryFn: () => api.get<{ today: string; items: PkContest[] }>(`/crm/pk${toQueryString({ status })}`),
  });
}

/** The wall screen refreshes itself every 30 s. */
export function usePkBoard(id: string) {
  return useQuery({
    queryKey: [...CRM_KEY, "pk", id],
    queryFn: () => api.get<PkBoard>(`/crm/pk/${id}`),
    refetchInterval: 30_000,
    refetchIntervalInBackground: true,
  });
}

export function useTargets(query: { from?: string; to?: string }) {
  return useQuery({
    queryKey: [...CRM_KEY, "targets", query],
    queryFn: () => api.get<TargetsView>(`/crm/targets${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useCampaignsReport(query: { from?: string; to?: string }) {
  return useQuery({
    queryKey: [...CRM_KEY, "campaigns-report", query],
    queryFn: () => api.get<CampaignsReport>(`/crm/campaigns-report${toQueryString(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useDailyReports(query: { from?: string; to?: string }) {
  return useQuery({
    queryKey: [...CRM_KEY, "daily-reports", query],
    queryFn: () =>
      api.get<{ today: string; items: DailyReportSummary[] }>(`/crm/daily-reports${toQueryString(query)}`),
  });
}

export function useDailyReport(date: string | null) {
  return useQuery({
    queryKey: [...CRM_KEY, "daily-report", date],
    queryFn: () => api.get<DailyReport>(`/crm/daily-reports/${date}`),
    enabled: Boolean(date),
    retry: false,
  });
}

/** Leads the caller may work, for the appointment and revisit pickers (crm-leads' list). */
export async function searchLeads(q: string) {
  const page = await api.get<{ items: { id: string; name: string; phoneMasked: string; stage: string }[] }>(
    `/crm/leads${toQueryString({ q, pageSize: 20 })}`,
  );
  return page.items;
}

/** A mutation that refreshes every CRM engagement query when it succeeds. */
export function useCrmMutation<TInput, TResult>(run: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: CRM_KEY }),
  });
}

export const crmApi = {
  scheduleFollowUp: (body: { leadId: string; dueOn: string; note?: string | null }) =>
    api.post<FollowUp>("/crm/follow-ups", body),
  closeFollowUp: ({ id, ...body }: { id: string; status: "done" | "cancelled"; note?: string | null }) =>
    api.post<FollowUp>(`/crm/follow-ups/${id}/close`, body),
  bookAppointment: (body: {
    leadId: string;
    startsAt: string;
    place: string;
    withUserId?: string | null;
    withName?: string | null;
    note?: string | null;
  }) => api.post<Appointment>("/crm/appointments", body),
  setAppointmentStatus: ({
    id,
    ...body
  }: {
    id: string;
    status: "done" | "no-show" | "cancelled";
    outcome?: string | null;
  }) => api.post<Appointment>(`/crm/appointments/${id}/status`, body),
  rescheduleAppointment: ({ id, ...body }: { id: string; startsAt: string; place?: string | null }) =>
    api.post<Appointment>(`/crm/appointments/${id}/reschedule`, body),
  createFeedback: (body: Record<string, unknown>) => api.post<Feedback>("/crm/feedback", body),
  moveFeedback: ({ id, ...body }: { id: string; status: FeedbackStatus; outcome?: string | null }) =>
    api.post<Feedback>(`/crm/feedback/${id}/status`, body),
  assignFeedback: ({ id, ownerId }: { id: string; ownerId: string }) =>
    api.post<Feedback>(`/crm/feedback/${id}/assign`, { ownerId }),
  createPk: (body: Record<string, unknown>) => api.post<PkContest>("/crm/pk", body),
  finalizePk: (id: string) => api.post<PkBoard>(`/crm/pk/${id}/finalize`, {}),
  cancelPk: (id: string) => api.post<PkContest>(`/crm/pk/${id}/cancel`, {}),
  setTarget: (body: { teamId: string; month: string; target: string; note?: string | null }) =>
    api.post<unknown>("/crm/targets", body),
  generateReport: (date: string) => api.post<{ date: string }>("/crm/daily-reports", { date }),
};
