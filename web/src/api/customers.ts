// Customer files (src/modules/customers): list, profile, edit, blacklist, consents, documents and
// the audited unmasking of personal data.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, toQueryString } from "./client.ts";
import { downloadFile, uploadForm } from "./files.ts";
import type { JsonValue, Page } from "./types.ts";

export type CustomerType = "individual" | "business";
export type BusinessKind = "sole-proprietor" | "small-business";
export type Segment = "individual" | "student" | "sole-proprietor" | "small-business";
export type ConsentKind = "credit-inquiry" | "sensitive-data" | "third-party-sharing";
export type DocumentKind = "id-card-front" | "id-card-back" | "business-licence" | "bank-statement" | "other";
export type PiiField = "idNumber" | "phone" | "bankCard";

export const CUSTOMER_TYPES: CustomerType[] = ["individual", "business"];
export const BUSINESS_KINDS: BusinessKind[] = ["sole-proprietor", "small-business"];
export const SEGMENTS: Segment[] = ["individual", "student", "sole-proprietor", "small-business"];
export const CONSENT_KINDS: ConsentKind[] = ["credit-inquiry", "sensitive-data", "third-party-sharing"];
export const DOCUMENT_KINDS: DocumentKind[] = [
  "id-card-front",
  "id-card-back",
  "business-licence",
  "bank-statement",
  "other",
];

export type Customer = {
  id: string;
  type: CustomerType;
  name: string;
  businessKind: BusinessKind | null;
  legalRepresentative: string | null;
  segment: Segment;
  /** Masked: 110***********1234 */
  idNumber: string;
  /** Masked: 138****5678 */
  phone: string;
  creditCode: string | null;
  bankCard: string | null;
  bankName: string | null;
  age: number;
  gender: "male" | "female" | null;
  address: string | null;
  occupation: string | null;
  employer: string | null;
  monthlyIncome: string | null;
  businessYears: number | null;
  notes: string | null;
  ownerId: string;
  ownerName: string | null;
  blacklisted: boolean;
  blacklistReason: string | null;
  blacklistedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type Consent = {
  id: string;
  kind: ConsentKind;
  purpose: string;
  grantedAt: string;
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: string;
  active: boolean;
  revokedAt: string | null;
  revokeReason: string | null;
};

export type CustomerDocument = {
  id: string;
  kind: DocumentKind;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string | null;
  uploadedByName: string | null;
  uploadedAt: string;
};

export type HistoryEntry = {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  before: JsonValue;
  after: JsonValue;
};

export type CustomerDetail = Customer & {
  consents: Consent[];
  documents: CustomerDocument[];
  timeline: HistoryEntry[];
};

export type Warning = { code: string; field?: string; message: string };

export type CustomerFilters = {
  q?: string;
  type?: CustomerType;
  segment?: Segment;
  blacklisted?: boolean;
  ownerId?: string;
};

export function useCustomers(filters: CustomerFilters & { page: number; pageSize: number }, enabled = true) {
  return useQuery({
    queryKey: ["customers", "list", filters],
    queryFn: () => api.get<Page<Customer>>(`/customers${toQueryString(filters)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Every customer the filters match (the API pages at 200), for exports. */
export async function fetchAllCustomers(filters: CustomerFilters): Promise<Customer[]> {
  const items: Customer[] = [];
  for (let page = 1; page <= 100; page += 1) {
    const result = await api.get<Page<Customer>>(
      `/customers${toQueryString({ ...filters, page, pageSize: 200 })}`,
    );
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) break;
  }
  return items;
}

export function useCustomer(id: string | undefined) {
  return useQuery({
    queryKey: ["customers", "detail", id],
    queryFn: () => api.get<CustomerDetail>(`/customers/${id}`),
    enabled: Boolean(id),
  });
}

export type CustomerInput = {
  type?: CustomerType;
  name?: string;
  idNumber?: string;
  phone?: string;
  creditCode?: string | null;
  businessKind?: BusinessKind | null;
  legalRepresentative?: string | null;
  segment?: Segment;
  bankCard?: string | null;
  bankName?: string | null;
  address?: string | null;
  occupation?: string | null;
  employer?: string | null;
  monthlyIncome?: string | null;
  businessYears?: number | null;
  notes?: string | null;
  ownerId?: string;
};

type Saved = Customer & { warnings: Warning[] };

export const createCustomer = (input: CustomerInput) => api.post<Saved>("/customers", input);
export const updateCustomer = (id: string, input: CustomerInput) =>
  api.patch<Saved>(`/customers/${id}`, input);

export const blacklistCustomer = (id: string, reason: string) =>
  api.post<Customer>(`/customers/${id}/blacklist`, { reason });
export const unblacklistCustomer = (id: string, reason: string) =>
  api.delete<Customer>(`/customers/${id}/blacklist`, { reason });

export const unmaskField = (id: string, field: PiiField) =>
  api.get<{ field: PiiField; value: string | null }>(`/customers/${id}/pii${toQueryString({ field })}`);

export const recordConsent = (
  id: string,
  input: { kind: ConsentKind; purpose: string; grantedAt?: string },
) => api.post<Consent>(`/customers/${id}/consents`, input);
export const revokeConsent = (id: string, consentId: string, reason: string | null) =>
  api.post<Consent>(`/customers/${id}/consents/${consentId}/revoke`, { reason });

export function uploadDocument(id: string, kind: DocumentKind, file: File): Promise<CustomerDocument> {
  const form = new FormData();
  // The kind first, so the server knows it before the file streams in.
  form.append("kind", kind);
  form.append("file", file, file.name);
  return uploadForm<CustomerDocument>(`/customers/${id}/documents`, form);
}

export const downloadDocument = (customerId: string, document: CustomerDocument) =>
  downloadFile(`/customers/${customerId}/documents/${document.id}`, {
    fileName: document.fileName,
    serverName: true,
  });
