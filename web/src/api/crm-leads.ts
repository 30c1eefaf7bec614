// Sales CRM, part 1 (src/modules/crm): leads and their timeline, the 撞单 check, assignment, merge,
// convert, calls and outcomes, call-record (CDR) imports with streamed progress, lead-list imports,
// campaigns.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { i18n } from "../i18n/setup.ts";
import { ApiError, api, failure, readCookie, toQueryString } from "./client.ts";
import { uploadForm } from "./files.ts";

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

// ---------------------------------------------------------------- calls and outcomes
export type Outcome = {
  code: string;
  nameZh: string;
  nameEn: string;
  connected: boolean;
  effective: boolean;
  intent: boolean;
  appointment: boolean;
  doNotCall: boolean;
  sortOrder: number;
  active: boolean;
};

export function useOutcomes(enabled = true) {
  return useQuery({
    queryKey: ["crm", "outcomes"],
    queryFn: () => api.get<Outcome[]>("/crm/call-outcomes"),
    staleTime: 60_000,
    enabled,
  });
}

export const outcomeApi = {
  create: (input: Outcome) => api.post<Outcome>("/crm/call-outcomes", input),
  update: (code: string, input: Partial<Omit<Outcome, "code">>) =>
    api.patch<Outcome>(`/crm/call-outcomes/${code}`, input),
  loadStandard: () => api.post<{ added: number }>("/crm/call-outcomes/standard", {}),
};

export type CallRecord = {
  id: string;
  leadId: string | null;
  leadName: string | null;
  agentId: string;
  agentName: string | null;
  direction: "outbound" | "inbound";
  caller: string | null;
  callee: string | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  talkSeconds: number;
  outcomeCode: string | null;
  outcomeZh: string | null;
  outcomeEn: string | null;
  vendorResult: string | null;
  connected: boolean;
  effective: boolean;
  intent: boolean;
  appointment: boolean;
  note: string | null;
  nextStep: string | null;
  recordingUrl: string | null;
  vendor: string | null;
  vendorCallId: string | null;
  importId: string | null;
};

export type CallFilters = {
  agentId?: string;
  leadId?: string;
  importId?: string;
  from?: string;
  to?: string;
  outcome?: string;
  connected?: boolean;
  effective?: boolean;
  origin?: "manual" | "import";
};

export type CallList = {
  items: CallRecord[];
  total: number;
  summary: { calls: number; connected: number; effective: number; talkSeconds: number };
};

export const callsPath = (filters: CallFilters & { page: number; pageSize: number }) =>
  `/crm/calls${toQueryString(filters)}`;

export function useCalls(filters: CallFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ["crm", "calls", filters],
    queryFn: () => api.get<CallList>(callsPath(filters)),
    placeholderData: keepPreviousData,
  });
}

// ---------------------------------------------------------------- imports
export type RowError = {
  row: number;
  column: string | null;
  code: string;
  message: string;
  params?: Record<string, string | number>;
};

export type CallImport = {
  id: string;
  fileName: string;
  vendor: string | null;
  status: "imported" | "rejected";
  totalRows: number;
  importedRows: number;
  duplicateRows: number;
  linkedRows: number;
  errorCount: number;
  errors?: RowError[];
  importedByName: string | null;
  startedAt: string;
  finishedAt: string | null;
};

export function useCallImports(page: number) {
  return useQuery({
    queryKey: ["crm", "call-imports", page],
    queryFn: () =>
      api.get<{ items: CallImport[]; total: number }>(
        `/crm/call-imports${toQueryString({ page, pageSize: 10 })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export type ImportProgress =
  | { stage: "uploading"; loaded: number; total: number }
  | { stage: "reading" | "writing" | "done"; rows: number; errors: number };

/**
 * Uploads a CDR file and follows the import: upload progress from the browser, then the server's
 * progress lines (application/x-ndjson) while it reads and writes, then the result. XMLHttpRequest,
 * because fetch reports no upload progress.
 */
export function importCallFile(
  file: File,
  vendor: string,
  onProgress: (progress: ImportProgress) => void,
): Promise<CallImport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    if (vendor.trim()) form.append("vendor", vendor.trim());
    form.append("file", file);
    xhr.open("POST", "/api/v1/crm/call-imports");
    xhr.setRequestHeader("Accept", "application/x-ndjson");
    xhr.setRequestHeader("Accept-Language", i18n.language);
    const csrf = readCookie("mc_csrf");
    if (csrf) xhr.setRequestHeader("x-csrf-token", csrf);
    xhr.upload.onprogress = (e) =>
      onProgress({ stage: "uploading", loaded: e.loaded, total: e.total || file.size });
    let seen = 0;
    let result: { code: number; body: unknown } | null = null;
    const readLines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf("\n");
      if (end < seen) return;
      for (const line of text.slice(seen, end).split("\n")) {
        if (!line.trim()) continue;
        const message = JSON.parse(line) as
          | { type: "progress"; phase: "reading" | "writing" | "done"; rows: number; errors: number }
          | { type: "result"; code: number; body: unknown };
        if (message.type === "progress")
          onProgress({ stage: message.phase, rows: message.rows, errors: message.errors });
        else result = message;
      }
      seen = end + 1;
    };
    xhr.onprogress = readLines;
    xhr.onerror = () =>
      reject(new ApiError({ status: 0, code: "network-error", message: i18n.t("errors.network") }));
    xhr.onload = () => {
      if (xhr.status !== 200) {
        let payload: unknown = null;
        try {
          payload = JSON.parse(xhr.responseText);
        } catch {
          payload = null;
        }
        reject(failure(xhr.status, payload));
        return;
      }
      readLines();
      const final = result as { code: number; body: unknown } | null;
      if (!final)
        reject(
          new ApiError({ status: 500, code: "http-error", message: i18n.t("errors.http", { status: 500 }) }),
        );
      else if (final.code === 201) resolve(final.body as CallImport);
      else if (final.code === 422) resolve((final.body as { import: CallImport }).import);
      else reject(failure(final.code, final.body));
    };
    xhr.send(form);
  });
}

export const fetchCallImport = (id: string) => api.get<CallImport>(`/crm/call-imports/${id}`);

export type LeadImportOptions = {
  mapping?: Record<string, string>;
  defaultSource?: LeadSource;
  campaignId?: string | null;
  ownerId?: string;
  groupLeaderId?: string;
  onDuplicate?: "skip" | "import";
};

export type LeadImportReport = {
  status: "preview" | "imported" | "rejected";
  fileName: string;
  headers: string[];
  mapping: Record<string, string | null>;
  totalRows: number;
  validRows: number;
  errorCount: number;
  errors: RowError[];
  duplicates: { row: number; name: string; phone: string; matches: DuplicateMatch[] }[];
  sample: {
    row: number;
    name: string;
    phone: string;
    source: LeadSource;
    city: string | null;
    wantedAmount: string | null;
    owner: string | null;
  }[];
  imported: number;
  skipped: number;
};

const leadImportForm = (file: File, options: LeadImportOptions) => {
  const form = new FormData();
  form.append("options", JSON.stringify(options));
  form.append("file", file);
  return form;
};

export const leadImportApi = {
  preview: (file: File, options: LeadImportOptions) =>
    uploadForm<LeadImportReport>("/crm/lead-imports/preview", leadImportForm(file, options)),
  /** A rejected file answers 422 with the report; that is a result here, not an error. */
  commit: async (file: File, options: LeadImportOptions): Promise<LeadImportReport> => {
    const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": i18n.language };
    const csrf = readCookie("mc_csrf");
    if (csrf) headers["x-csrf-token"] = csrf;
    let response: Response;
    try {
      response = await fetch("/api/v1/crm/lead-imports", {
        method: "POST",
        headers,
        credentials: "same-origin",
        body: leadImportForm(file, options),
      });
    } catch {
      throw new ApiError({ status: 0, code: "network-error", message: i18n.t("errors.network") });
    }
    let payload: unknown = null;
    try {
      payload = JSON.parse(await response.text());
    } catch {
      payload = null;
    }
    if (response.status === 422 && (payload as { report?: LeadImportReport })?.report)
      return (payload as { report: LeadImportReport }).report;
    if (!response.ok) throw failure(response.status, payload);
    return payload as LeadImportReport;
  },
};

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
