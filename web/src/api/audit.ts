import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, toQueryString } from "./client.ts";
import type { AuditEvent, ChainReport, Page } from "./types.ts";

export type AuditFilters = {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
};

export function useAudit(filters: AuditFilters, enabled = true) {
  return useQuery({
    queryKey: ["audit", filters],
    queryFn: () => api.get<Page<AuditEvent>>(`/audit${toQueryString(filters)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAuditChain(enabled = true) {
  return useQuery({
    queryKey: ["audit", "verify"],
    queryFn: () => api.get<ChainReport>("/audit/verify"),
    staleTime: 60_000,
    enabled,
  });
}
