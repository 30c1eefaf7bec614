// Collections (src/modules/collections) as the console reads them: the work queue, a task's file, the
// conduct check, logging attempts, contacts and consents, assignment, collectors and the summary.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  CONTACT_METHODS,
  CONTACT_OUTCOMES,
  CONTACT_PURPOSES,
  CONTACT_RELATIONS,
  type ContactMethod,
  type ContactOutcome,
  type ContactParty,
  type ContactPurpose,
  type ContactRelation,
  DEBT_PURPOSES,
  OUTCOMES_BY_METHOD,
  THIRD_PARTY_PURPOSES,
} from "../../../src/modules/collections/domain/contact-vocabulary.ts";
import { api, toQueryString } from "./client.ts";
import type { Bucket, Classification, LoanStatus } from "./servicing.ts";
import type { Page } from "./types.ts";

export type { ContactMethod, ContactOutcome, ContactParty, ContactPurpose, ContactRelation };
export {
  CONTACT_METHODS,
  CONTACT_OUTCOMES,
  CONTACT_PURPOSES,
  CONTACT_RELATIONS,
  DEBT_PURPOSES,
  OUTCOMES_BY_METHOD,
  THIRD_PARTY_PURPOSES,
};

export type Queue = "standard" | "senior" | "legal";
export const QUEUES: Queue[] = ["standard", "senior", "legal"];
export type Priority = "normal" | "high";
export type PromiseStatus = "pending" | "kept" | "broken" | "superseded";
export const TASK_BUCKETS: Bucket[] = ["M1", "M2", "M3", "M4", "M5", "M6", "M7"];

type Person = { id: string; name: string | null };

export type QueueItem = {
  id: string;
  loanId: string;
  loanNo: string;
  bucket: Bucket;
  dpd: number;
  status: "open" | "resolved";
  queue: Queue;
  priority: Priority;
  brokenPromises: number;
  assignedTo: string | null;
  assignee: Person | null;
  openedOn: string;
  resolvedOn: string | null;
  principalOutstanding: string;
  amountOverdue: string;
  borrower: { id: string; name: string | null; phone: string | null };
  lastAction: { at: string; method: ContactMethod; outcome: ContactOutcome } | null;
  nextActionDate: string | null;
  promise: { status: PromiseStatus; amount: string; date: string } | null;
};

export type QueueFilters = {
  status?: "open" | "resolved";
  bucket?: Bucket;
  queue?: Queue;
  assignee?: string;
  promise?: "pending" | "kept" | "broken" | "none";
  priority?: Priority;
  due?: "today";
  q?: string;
  sort?: "dpd" | "amountOverdue" | "nextActionDate" | "lastActionAt" | "openedOn";
  order?: "asc" | "desc";
};

export type CollectionAction = {
  id: string;
  taskId: string;
  contactId: string;
  contactName: string | null;
  party: ContactParty;
  method: ContactMethod;
  purpose: ContactPurpose;
  outcome: ContactOutcome;
  unanswered: boolean;
  note: string | null;
  occurredAt: string;
  promiseId: string | null;
  nextActionDate: string | null;
  actor: Person | null;
};

export type CollectionPromise = {
  id: string;
  taskId: string;
  actionId: string;
  amount: string;
  promisedDate: string;
  madeOn: string;
  status: PromiseStatus;
  paid: string;
  resolvedOn: string | null;
  createdBy: Person | null;
};

export type TaskEvent = {
  id: string;
  taskId: string;
  kind:
    | "assigned"
    | "unassigned"
    | "escalated"
    | "queue-changed"
    | "promise-kept"
    | "promise-broken"
    | "priority-raised";
  businessDate: string;
  at: string;
  actor: Person | null;
  detail: Record<string, string | number | null | undefined>;
};

export type CollectionContact = {
  id: string;
  party: Exclude<ContactParty, "borrower">;
  relation: ContactRelation;
  name: string;
  phone: string | null;
  address: string | null;
  active: boolean;
};

export type Consent = {
  id: string;
  contactId: string;
  contactName: string | null;
  windowStart: string;
  windowEnd: string;
  validFrom: string;
  validUntil: string | null;
  evidence: string;
  active: boolean;
  recordedBy: Person | null;
  recordedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
};

type Amounts = { principal: string; interest: string; fee: string; penalty: string; total: string };

export type TaskDetail = {
  businessDate: string;
  task: {
    id: string;
    loanId: string;
    status: "open" | "resolved";
    bucket: Bucket;
    queue: Queue;
    priority: Priority;
    brokenPromises: number;
    assignee: Person | null;
    assignedAt: string | null;
    openedOn: string;
    resolvedOn: string | null;
    escalatedOn: string | null;
    lastAction: { at: string; method: ContactMethod; outcome: ContactOutcome } | null;
    nextActionDate: string | null;
  };
  loan: {
    id: string;
    loanNo: string;
    status: LoanStatus;
    dpd: number;
    bucket: Bucket;
    classification: Classification;
    principal: string;
    principalOutstanding: string;
    startDate: string;
    maturityDate: string;
    termMonths: number;
  };
  borrower: { id: string | null; name: string | null; phone: string | null };
  arrears: {
    installments: (Amounts & { period: number; dueDate: string; daysOverdue: number })[];
    totals: Amounts;
    owedInAll: string;
    nextDue: { period: number; dueDate: string; amount: string } | null;
  };
  payments: { id: string; kind: string; date: string; amount: string; channel: string | null }[];
  tasks: { id: string; status: string; openedOn: string; resolvedOn: string | null }[];
  contacts: CollectionContact[];
  consents: Consent[];
  actions: CollectionAction[];
  promises: CollectionPromise[];
  events: TaskEvent[];
  rules: {
    quietHours: { start: string; end: string; methods: ContactMethod[] };
    maxUnansweredPerDay: number;
    backdateHours: number;
    promiseMaxDaysAhead: number;
    thirdParty: { methods: ContactMethod[]; purposes: ContactPurpose[]; message: string };
  };
  can: { work: boolean; manage: boolean };
};

export type ContactCheck = {
  allowed: boolean;
  refusals: { code: string; field: string; message: string }[];
  at: string;
  chinaTime: string;
  party: ContactParty;
  unansweredToday: number;
  maxUnansweredPerDay: number;
  consentOnFile: boolean;
};

export type ActionInput = {
  contactId: string;
  method: ContactMethod;
  purpose: ContactPurpose;
  outcome: ContactOutcome;
  note?: string;
  occurredAt?: string;
  promiseAmount?: string;
  promiseDate?: string;
  nextActionDate?: string;
};

export type LoanCollectionHistory = {
  tasks: {
    id: string;
    status: "open" | "resolved";
    bucket: Bucket;
    queue: Queue;
    priority: Priority;
    openedOn: string;
    resolvedOn: string | null;
    assignee: Person | null;
    brokenPromises: number;
  }[];
  actions: CollectionAction[];
  promises: CollectionPromise[];
  events: TaskEvent[];
};

export type Collector = {
  userId: string;
  username: string;
  name: string;
  userActive: boolean;
  collector: { queues: Queue[]; capacity: number | null; active: boolean } | null;
  capacity: number;
  openTasks: number;
  actionsToday: number;
};

export type CollectionsSummary = {
  businessDate: string;
  day: string;
  buckets: { bucket: Bucket; tasks: number; overdue: string; unassigned: number; high: number }[];
  queues: Partial<Record<Queue, number>>;
  openTasks: number;
  promises: {
    windowDays: number;
    made: number;
    kept: number;
    broken: number;
    pending: number;
    pendingAmount: string;
    keptAmount: string;
    keptRate: string | null;
  };
  collectors: {
    userId: string;
    name: string | null;
    openTasks: number;
    actions: number;
    unanswered: number;
    promises: number;
    calls: number;
    actionsWeek: number;
  }[];
  daily: { day: string; actions: number; unanswered: number; promises: number }[];
};

export function useCollectionQueue(filters: QueueFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ["collections", "queue", filters],
    queryFn: () =>
      api.get<Page<QueueItem> & { businessDate: string }>(`/collections/tasks${toQueryString(filters)}`),
    placeholderData: keepPreviousData,
  });
}

export async function fetchWholeQueue(filters: QueueFilters): Promise<QueueItem[]> {
  const items: QueueItem[] = [];
  for (let page = 1; page <= 100; page += 1) {
    const result = await api.get<Page<QueueItem>>(
      `/collections/tasks${toQueryString({ ...filters, page, pageSize: 200 })}`,
    );
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) break;
  }
  return items;
}

export function useCollectionTask(id: string | undefined) {
  return useQuery({
    queryKey: ["collections", "task", id],
    queryFn: () => api.get<TaskDetail>(`/collections/tasks/${id}`),
    enabled: Boolean(id),
  });
}

export const checkContact = (
  taskId: string,
  query: { contactId: string; method: ContactMethod; purpose?: ContactPurpose; at?: string },
) => api.get<ContactCheck>(`/collections/tasks/${taskId}/contact-check${toQueryString(query)}`);

export const logAction = (taskId: string, input: ActionInput) =>
  api.post<CollectionAction>(`/collections/tasks/${taskId}/actions`, input);

export const addContact = (
  taskId: string,
  input: {
    party: CollectionContact["party"];
    relation: ContactRelation;
    name: string;
    phone?: string;
    address?: string;
  },
) => api.post<CollectionContact>(`/collections/tasks/${taskId}/contacts`, input);

export const recordConsent = (
  taskId: string,
  input: {
    contactId: string;
    windowStart: string;
    windowEnd: string;
    validFrom: string;
    validUntil?: string;
    evidence: string;
  },
) => api.post<Consent>(`/collections/tasks/${taskId}/consents`, input);

export const revokeConsent = (taskId: string, consentId: string, reason: string) =>
  api.post<Consent>(`/collections/tasks/${taskId}/consents/${consentId}/revoke`, { reason });

export const assignTasks = (input: {
  taskIds: string[];
  assigneeId: string | null;
  queue?: Queue;
  note?: string;
}) => api.post<{ changed: number; taskIds: string[] }>("/collections/assignments", input);

export function useCollectors(enabled = true) {
  return useQuery({
    queryKey: ["collections", "collectors"],
    queryFn: () =>
      api.get<{ defaultCapacity: number; unassigned: number; items: Collector[] }>("/collections/collectors"),
    enabled,
  });
}

export const updateCollector = (
  userId: string,
  input: { queues: Queue[]; capacity: number | null; active: boolean },
) => api.patch<{ userId: string; released: number }>(`/collections/collectors/${userId}`, input);

export function useCollectionsSummary(day?: string) {
  return useQuery({
    queryKey: ["collections", "summary", day ?? "today"],
    queryFn: () => api.get<CollectionsSummary>(`/collections/summary${toQueryString({ day })}`),
  });
}

export function useLoanCollectionHistory(loanId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["collections", "loan", loanId],
    queryFn: () => api.get<LoanCollectionHistory>(`/loans/${loanId}/collection-history`),
    enabled,
  });
}
