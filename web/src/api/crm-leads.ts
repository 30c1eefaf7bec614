// Sales CRM leads (src/modules/crm): leads and their timeline, the 撞单 check, assignment, merge,
// convert, logging a call on a lead, the agents leads are assigned to, and campaigns. Calls and
// outcomes are in crm-calls.ts, lead-list and call-record imports in crm-imports.ts.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, toQueryString } from "./client.ts";
import type { CallRecord } from "./crm-calls.ts";

export const LEAD_STAGES = [
  "new",
  "contacted",
  "intent",
  "appointment",
  "applied",
  "disbursed",
  "invalid",
] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];
export const OPEN_STAGES: LeadStage[] = ["new", "contacted", "intent", "appointment"];
export const LEAD_SOURCES = [
  "online",
  "partner",
  "referral",
  "event",
  "telemarketing-list",
  "walk-in",
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];
export const INTENT_LEVELS = ["A", "B", "C"] as const;
export type IntentLevel = (typeof INTENT_LEVELS)[number];
export const INVALID_REASONS = [
  "wrong-number",
  "unreachable",
  "no-need",
  "not-qualified",
  "student",
  "duplicate",
  "do-not-call",
  "other",
] as const;
export const FOLLOW_UP_FILTERS = ["overdue", "today", "week", "none"] as const;
export type FollowUpFilter = (typeof FOLLOW_UP_FILTERS)[number];

export type Lead = {
  id: string;
  name: string;
  phone: string;
  idNumber: string | null;
  source: LeadSource;
  referrer: string | null;
  campaignId: string | null;
  campaignName: string | null;
  stage: LeadStage;
  invalidReason: string | null;
  intentLevel: IntentLevel | null;
  ownerId: string | null;
  ownerName: string | null;
  wantedAmount: string | null;
  purpose: string | null;
  city: string | null;
  notes: string | null;
  nextFollowUpOn: string | null;
  lastContactAt: string | null;
  doNotCall: boolean;
  customerId: string | null;
  applicationId: string | null;
  stageChangedAt: string;
  createdAt: string;
  updatedAt: string;
};

export type DuplicateMatch = {
  kind: "lead" | "customer";
  id: string;
  name: string;
  matchedOn: ("phone" | "idNumber")[];
  ownerId: string | null;
  ownerName: string | null;
  stage: LeadStage | null;
  createdAt: string;
  visible?: boolean;
};

export type TimelineItem = {
  id: string;
  kind: string;
  at: string;
  actorName: string | null;
  fromValue: string | null;
  toValue: string | null;
  note: string | null;
  call?: {
    outcomeCode: string | null;
    outcomeZh: string | null;
    outcomeEn: string | null;
    direction: string;
    talkSeconds: number;
    connected: boolean;
    effective: boolean;
    nextStep: string | null;
    recordingUrl: string | null;
    imported: boolean;
  };
};

export type LeadDetail = Lead & {
  timeline: TimelineItem[];
  callCount: number;
  duplicates: DuplicateMatch[];
  mergedFrom: { id: string; name: string }[];
};

export type LeadList = { items: Lead[]; total: number; counts: Partial<Record<LeadStage, number>> };

export type LeadFilters = {
  q?: string;
  stage?: LeadStage[];
  intentLevel?: IntentLevel[];
  source?: LeadSource[];
  ownerId?: string;
  campaignId?: string;
  followUp?: FollowUpFilter;
};

const csv = (values?: string[]) => (values?.length ? values.join(",") : undefined);

export function leadsPath(filters: LeadFilters & { page: number; pageSize: number }): string {
  return `/crm/leads${toQueryString({
    q: filters.q,
    stage: csv(filters.stage),
    intentLevel: csv(filters.intentLevel),
    source: csv(filters.source),
    ownerId: filters.ownerId,
    campaignId: filters.campaignId,
    followUp: filters.followUp,
    page: filters.page,
    pageSize: filters.pageSize,
  })}`;
}

export function useLeads(filters: LeadFilters & { page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: ["crm", "leads", filters],
    queryFn: () => api.get<LeadList>(leadsPath(filters)),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Every lead the filters match (pages of 500), for the kanban and exports. */
export async function fetchAllLeads(filters: LeadFilters): Promise<LeadList> {
  const first = await api.get<LeadList>(leadsPath({ ...filters, page: 1, pageSize: 500 }));
  const items = [...first.items];
  for (let page = 2; items.length < first.total && page <= 20; page += 1)
    items.push(...(await api.get<LeadList>(leadsPath({ ...filters, page, pageSize: 500 }))).items);
  return { ...first, items };
}

export function useLead(id: string | undefined) {
  return useQuery({
    queryKey: ["crm", "lead", id],
    queryFn: () => api.get<LeadDetail>(`/crm/leads/${id}`),
    enabled: Boolean(id),
    retry: false,
  });
}

export type LeadInput = {
  name: string;
  phone: string;
  idNumber?: string | null;
  source: LeadSource;
  referrer?: string | null;
  campaignId?: string | null;
  intentLevel?: IntentLevel | null;
  wantedAmount?: string | null;
  purpose?: string | null;
  city?: string | null;
  notes?: string | null;
  nextFollowUpOn?: string | null;
};

export const leadApi = {
  create: (input: LeadInput & { ownerId?: string; groupLeaderId?: string; force?: boolean }) =>
    api.post<Lead & { duplicates: DuplicateMatch[] }>("/crm/leads", input),
  update: (id: string, input: Partial<LeadInput> & { doNotCall?: boolean }) =>
    api.patch<Lead>(`/crm/leads/${id}`, input),
  duplicates: (input: { phone?: string; idNumber?: string; excludeLeadId?: string }) =>
    api.post<{ duplicates: DuplicateMatch[] }>("/crm/leads/duplicate-check", input),
  stage: (id: string, input: { stage: LeadStage; invalidReason?: string; note?: string | null }) =>
    api.post<Lead>(`/crm/leads/${id}/stage`, input),
  merge: (id: string, otherId: string) => api.post<Lead>(`/crm/leads/${id}/merge`, { otherId }),
  convert: (
    id: string,
    input: {
      productId: string;
      amount: string;
      termMonths: number;
      purpose: string;
      idNumber?: string;
      segment?: "individual" | "student";
    },
  ) =>
    api.post<{ lead: Lead; customerId: string; applicationId: string; appNo: string }>(
      `/crm/leads/${id}/convert`,
      input,
    ),
  reassign: (input: { leadIds: string[]; ownerId?: string; groupLeaderId?: string; note?: string | null }) =>
    api.post<{ reassigned: number }>("/crm/leads/reassign", input),
  reveal: (id: string, field: "phone" | "idNumber") =>
    api.get<{ field: string; value: string | null }>(`/crm/leads/${id}/pii${toQueryString({ field })}`),
  logCall: (
    id: string,
    input: {
      outcomeCode: string;
      talkSeconds: number;
      note?: string | null;
      nextStep?: string | null;
      nextFollowUpOn?: string | null;
      intentLevel?: IntentLevel;
    },
  ) => api.post<{ call: CallRecord; lead: Lead }>(`/crm/leads/${id}/calls`, input),
};

// ---------------------------------------------------------------- agents (assignment)
export type Agent = {
  userId: string;
  username: string;
  displayName: string;
  managerId: string | null;
  managerName: string | null;
  openLeads: number;
  capacity: number;
  personalCap: number | null;
  away: boolean;
  awayReason: "disabled" | "left" | "away" | null;
  awayUntil: string | null;
  awayNote: string | null;
  lastAssignedAt: string | null;
};

export function useAgents(enabled = true) {
  return useQuery({
    queryKey: ["crm", "agents"],
    queryFn: () => api.get<Agent[]>("/crm/agents"),
    staleTime: 30_000,
    enabled,
  });
}

export const updateAgent = (
  id: string,
  input: { awayUntil?: string | null; awayNote?: string | null; maxOpenLeads?: number | null },
) => api.patch<Agent>(`/crm/agents/${id}`, input);

/** Group leaders in view: the managers of the sales people the caller sees. */
export function groupLeaders(agents: Agent[]): { id: string; name: string }[] {
  const byId = new Map<string, string>();
  for (const a of agents) if (a.managerId && a.managerName) byId.set(a.managerId, a.managerName);
  return [...byId.entries()].map(([id, name]) => ({ id, name }));
}

// ---------------------------------------------------------------- campaigns
export const CAMPAIGN_CHANNELS = ["online", "offline", "partner", "community", "media", "other"] as const;
export type Campaign = {
  id: string;
  name: string;
  channel: (typeof CAMPAIGN_CHANNELS)[number];
  startsOn: string;
  endsOn: string | null;
  cost: string;
  notes: string | null;
  leads: number;
  createdAt: string;
};
export type CampaignInput = Omit<Campaign, "id" | "leads" | "createdAt">;

export function useCampaigns(enabled = true) {
  return useQuery({
    queryKey: ["crm", "campaigns"],
    queryFn: () => api.get<Campaign[]>("/crm/campaigns"),
    staleTime: 60_000,
    enabled,
  });
}

export const campaignApi = {
  create: (input: CampaignInput) => api.post<Campaign>("/crm/campaigns", input),
  update: (id: string, input: Partial<CampaignInput>) => api.patch<Campaign>(`/crm/campaigns/${id}`, input),
  remove: (id: string) => api.delete<{ ok: true }>(`/crm/campaigns/${id}`),
};
