// The demo catalogue: one active product per repayment method (API.md), realistic names and terms,
// every APR under the cap. Created through the service, so each has its APR and audit record.
import { systemContext } from "../../platform/auth/actor.ts";
import type { Db } from "../../platform/db.ts";
import type { DemoSeeder } from "../../platform/seed.ts";
import type { CreateProductInput } from "./products.contracts.ts";
import { createProduct } from "./products.service.ts";

const SINCE = "2026-01-01";
const IDS = ["id-card-front", "id-card-back"] as const;
const BUSINESS_DOCS = [...IDS, "business-licence", "bank-statement"] as const;

export const DEMO_PRODUCTS: CreateProductInput[] = [
  {
    code: "JYZZ-01",
    name: "经营周转贷",
    description: "面向个体工商户和小微企业的流动资金贷款,等额本息按月还款。",
    method: "equal-installment",
    annualRate: "0.18",
    minAmount: "10000",
    maxAmount: "300000",
    termOptions: [6, 12, 18, 24, 36],
    guaranteeTypes: ["credit", "guaranty"],
    eligibleSegments: ["sole-proprietor", "small-business"],
    minAge: 22,
    maxAge: 60,
    maxDebtToIncome: "0.5",
    requiredDocuments: [...BUSINESS_DOCS],
    prepaymentFeeRate: "0.01",
  },
  {
    code: "XWAJ-01",
    name: "小微按揭贷",
    description: "以经营用房或住房抵押的中长期贷款,等额本金,月供逐月递减。",
    method: "equal-principal",
    annualRate: "0.12",
    minAmount: "50000",
    maxAmount: "1000000",
    termOptions: [12, 24, 36, 60],
    guaranteeTypes: ["mortgage"],
    eligibleSegments: ["individual", "sole-proprietor", "small-business"],
    minAge: 22,
    maxAge: 65,
    maxDebtToIncome: "0.55",
    requiredDocuments: [...BUSINESS_DOCS],
  },
  {
    code: "XXHB-01",
    name: "先息后本短期贷",
    description: "按月付息、到期还本,适合备货、账期等短期资金需求。",
    method: "interest-only",
    annualRate: "0.15",
    minAmount: "20000",
    maxAmount: "500000",
    termOptions: [3, 6, 12],
    guaranteeTypes: ["guaranty", "pledge"],
    eligibleSegments: ["sole-proprietor", "small-business"],
    minAge: 22,
    maxAge: 60,
    maxDebtToIncome: "0.5",
    requiredDocuments: [...BUSINESS_DOCS],
  },
  {
    code: "GQD-01",
    name: "过桥周转贷",
    description: "一次性还本付息的过桥贷款,用于续贷、工程款回笼前的短期过渡。",
    method: "bullet",
    annualRate: "0.2",
    minAmount: "50000",
    maxAmount: "2000000",
    termOptions: [1, 2, 3],
    guaranteeTypes: ["mortgage", "pledge"],
    eligibleSegments: ["small-business"],
    minAge: 25,
    maxAge: 60,
    requiredDocuments: [...BUSINESS_DOCS],
  },
  {
    code: "AXXF-01",
    name: "安心消费贷",
    description: "面向有稳定收入的个人的消费贷款,等本等息,每月还款额固定。",
    method: "flat",
    annualRate: "0.1",
    minAmount: "5000",
    maxAmount: "100000",
    termOptions: [6, 12, 24],
    guaranteeTypes: ["credit"],
    eligibleSegments: ["individual"],
    minAge: 22,
    maxAge: 55,
    maxDebtToIncome: "0.4",
    requiredDocuments: [...IDS],
  },
];

export async function seedDemoProducts(db: Db): Promise<void> {
  const ctx = systemContext();
  for (const product of DEMO_PRODUCTS) await createProduct(db, ctx, { ...product, effectiveFrom: SINCE });
}

export const productsDemoSeeder: DemoSeeder = {
  name: "products",
  run: (db) => seedDemoProducts(db),
  essential: true,
};
