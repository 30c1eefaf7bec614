// Sales CRM calls (src/modules/crm): call outcomes (the dispositions an agent picks) and the call
// list with its summary. Logging a call on a lead is leadApi.logCall in crm-leads.ts.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, toQueryString } from "./client.ts";

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
