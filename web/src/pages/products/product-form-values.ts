// The product form's values: percent strings and ¥ amounts in the form, rates and 分 at the API, and
// the mapping between them (only what changed goes out on an edit).
import dayjs, { type Dayjs } from "dayjs";
import type { Guarantee, Product, ProductInput } from "../../api/products.ts";
import type { RepaymentMethod } from "../../api/types.ts";
import { BUSINESS_TZ, shiftDecimal } from "../../format.ts";

export type FormValues = {
  code?: string;
  status?: "active" | "draft";
  name: string;
  description?: string;
  method: RepaymentMethod;
  annualRatePercent: string;
  minAmount: string;
  maxAmount: string;
  termOptions: string[];
  guaranteeTypes: Guarantee[];
  eligibleSegments: string[];
  minAge: number;
  maxAge: number;
  maxDtiPercent?: string;
  penaltyRatePercent?: string;
  prepaymentFeePercent?: string;
  requiredDocuments: string[];
  effectiveFrom: Dayjs;
  note?: string;
};

export const COMMON_TERMS = [1, 2, 3, 6, 9, 12, 18, 24, 36, 48, 60];
const PERCENT = /^\d{1,3}(\.\d{1,4})?$/;
export const toRate = (percent: string | undefined) =>
  percent ? (shiftDecimal(percent, -2) ?? undefined) : undefined;
const toPercent = (rate: string | null | undefined) =>
  rate ? (shiftDecimal(rate, 2) ?? undefined) : undefined;

export function percentError(value: string | undefined, optional: boolean): boolean {
  if (!value) return !optional;
  if (!PERCENT.test(value)) return true;
  const rate = shiftDecimal(value, -2);
  return rate === null || !(/^0(\.\d+)?$/.test(rate) || rate === "1");
}

export function fromProduct(p: Product): FormValues {
  return {
    name: p.name,
    description: p.description ?? undefined,
    method: p.method,
    annualRatePercent: toPercent(p.annualRate) ?? "",
    minAmount: p.minAmount,
    maxAmount: p.maxAmount,
    termOptions: p.termOptions.map(String),
    guaranteeTypes: p.guaranteeTypes,
    eligibleSegments: p.eligibleSegments,
    minAge: p.minAge,
    maxAge: p.maxAge,
    maxDtiPercent: toPercent(p.maxDebtToIncome),
    penaltyRatePercent: toPercent(p.penaltyRate),
    prepaymentFeePercent: toPercent(p.prepaymentFeeRate === "0" ? null : p.prepaymentFeeRate),
    requiredDocuments: p.requiredDocuments,
    effectiveFrom: dayjs().tz(BUSINESS_TZ),
  };
}

export const DEFAULTS: Partial<FormValues> = {
  status: "active",
  method: "equal-installment",
  annualRatePercent: "18",
  termOptions: ["6", "12", "24"],
  guaranteeTypes: ["credit"],
  eligibleSegments: ["individual", "sole-proprietor", "small-business"],
  minAge: 18,
  maxAge: 65,
  requiredDocuments: ["id-card-front", "id-card-back"],
};

export function toInput(values: FormValues): ProductInput {
  return {
    name: values.name.trim(),
    description: values.description?.trim() || null,
    method: values.method,
    annualRate: toRate(values.annualRatePercent),
    minAmount: values.minAmount,
    maxAmount: values.maxAmount,
    termOptions: [...new Set(values.termOptions.map(Number))].sort((a, b) => a - b),
    guaranteeTypes: values.guaranteeTypes,
    eligibleSegments: values.eligibleSegments,
    minAge: values.minAge,
    maxAge: values.maxAge,
    maxDebtToIncome: values.maxDtiPercent ? (toRate(values.maxDtiPercent) ?? null) : null,
    ...(values.penaltyRatePercent ? { penaltyRate: toRate(values.penaltyRatePercent) } : {}),
    prepaymentFeeRate: toRate(values.prepaymentFeePercent) ?? "0",
    requiredDocuments: values.requiredDocuments,
    effectiveFrom: values.effectiveFrom.format("YYYY-MM-DD"),
    note: values.note?.trim() || null,
  };
}

/** On edit only what changed goes to the API, which writes it as a new version. */
export function changedOnly(input: ProductInput, product: Product): ProductInput {
  const before = toInput(fromProduct(product));
  const out: ProductInput = { effectiveFrom: input.effectiveFrom, note: input.note };
  for (const key of Object.keys(input) as (keyof ProductInput)[]) {
    if (key === "effectiveFrom" || key === "note") continue;
    if (JSON.stringify(input[key]) !== JSON.stringify(before[key])) Object.assign(out, { [key]: input[key] });
  }
  return out;
}

// Server field names → the form's.
export const FIELD_MAP: Record<string, string> = {
  annualRate: "annualRatePercent",
  maxDebtToIncome: "maxDtiPercent",
  penaltyRate: "penaltyRatePercent",
  prepaymentFeeRate: "prepaymentFeePercent",
};
