// The product catalogue (src/modules/products): versioned terms, each version priced with its APR.
import { useQuery } from "@tanstack/react-query";
import { api, toQueryString } from "./client.ts";
import type { Page, RepaymentMethod } from "./types.ts";

export type ProductStatus = "draft" | "active" | "retired";
export type Guarantee = "credit" | "guaranty" | "mortgage" | "pledge";
export const GUARANTEES: Guarantee[] = ["credit", "guaranty", "mortgage", "pledge"];
export const PRODUCT_SEGMENTS = ["individual", "sole-proprietor", "small-business"] as const;

export type Product = {
  id: string;
  code: string;
  version: number;
  effectiveFrom: string;
  status: ProductStatus;
  name: string;
  description: string | null;
  method: RepaymentMethod;
  annualRate: string;
  minAmount: string;
  maxAmount: string;
  termOptions: number[];
  /** IRR APR in percent ("18.00") of the representative loan (max amount, longest term). */
  apr: string;
  aprCompounded: string;
  /** The highest APR over the product's amounts and terms. */
  aprMax: string;
  representativeLoan: { amount: string; termMonths: number };
  rateFlags: string[];
  fees: {
    upfrontRate: string | null;
    upfrontFixed: string;
    monthlyRate: string | null;
    monthlyFixed: string;
  };
  penaltyRate: string;
  prepaymentFeeRate: string;
  guaranteeTypes: Guarantee[];
  eligibleSegments: string[];
  minAge: number;
  maxAge: number;
  maxDebtToIncome: string | null;
  requiredDocuments: string[];
  rounding: string;
  dayBasis: number;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
  upcoming: { version: number; effectiveFrom: string; status: ProductStatus } | null;
};

export type ProductInput = {
  code?: string;
  status?: "draft" | "active";
  name?: string;
  description?: string | null;
  method?: RepaymentMethod;
  annualRate?: string;
  minAmount?: string;
  maxAmount?: string;
  termOptions?: number[];
  fees?: {
    upfrontRate?: string | null;
    upfrontFixed?: string;
    monthlyRate?: string | null;
    monthlyFixed?: string;
  };
  penaltyRate?: string;
  prepaymentFeeRate?: string;
  guaranteeTypes?: Guarantee[];
  eligibleSegments?: string[];
  minAge?: number;
  maxAge?: number;
  maxDebtToIncome?: string | null;
  requiredDocuments?: string[];
  effectiveFrom?: string;
  note?: string | null;
};

type Saved = Product & { warnings: { code: string; field?: string; message: string }[] };

export function useProducts(filters: { status?: ProductStatus } = {}, enabled = true) {
  return useQuery({
    queryKey: ["products", "list", filters],
    queryFn: () => api.get<Page<Product>>(`/products${toQueryString(filters)}`),
    staleTime: 30_000,
    enabled,
  });
}

export function useProductVersions(id: string | undefined) {
  return useQuery({
    queryKey: ["products", "versions", id],
    queryFn: () => api.get<{ id: string; code: string; versions: Product[] }>(`/products/${id}/versions`),
    enabled: Boolean(id),
  });
}

export const createProduct = (input: ProductInput) => api.post<Saved>("/products", input);
export const updateProduct = (id: string, input: ProductInput) => api.patch<Saved>(`/products/${id}`, input);
export const activateProduct = (id: string, note?: string) =>
  api.post<Product>(`/products/${id}/activate`, { note: note || null });
export const retireProduct = (id: string, note?: string) =>
  api.post<Product>(`/products/${id}/retire`, { note: note || null });
