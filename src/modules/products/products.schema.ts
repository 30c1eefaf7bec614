import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

export type ProductStatus = "draft" | "active" | "retired";

// A product is its stable identity (id, code) plus versions: every edit writes a new version with the
// date it takes effect, so a loan can always be traced to the terms in force when it was offered.
export const products = pgTable("products", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  createdBy: uuid("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

// Money in 分 (bigint), rates as decimal strings ("0.18"), APR as the percent text the engine shows.
export const productVersions = pgTable(
  "product_versions",
  {
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    version: integer("version").notNull(),
    effectiveFrom: date("effective_from", { mode: "string" }).notNull(),
    status: text("status").$type<ProductStatus>().notNull(),
    name: text("name").notNull(),
    description: text("description"),
    method: text("method").notNull(),
    annualRate: text("annual_rate").notNull(),
    minAmount: bigint("min_amount_fen", { mode: "number" }).notNull(),
    maxAmount: bigint("max_amount_fen", { mode: "number" }).notNull(),
    termOptions: jsonb("term_options").$type<number[]>().notNull(),
    upfrontFeeRate: text("upfront_fee_rate"),
    upfrontFeeFixed: bigint("upfront_fee_fixed_fen", { mode: "number" }).notNull().default(0),
    monthlyFeeRate: text("monthly_fee_rate"),
    monthlyFeeFixed: bigint("monthly_fee_fixed_fen", { mode: "number" }).notNull().default(0),
    penaltyRate: text("penalty_rate").notNull(),
    prepaymentFeeRate: text("prepayment_fee_rate").notNull(),
    guaranteeTypes: jsonb("guarantee_types").$type<string[]>().notNull(),
    eligibleSegments: jsonb("eligible_segments").$type<string[]>().notNull(),
    minAge: integer("min_age").notNull(),
    maxAge: integer("max_age").notNull(),
    maxDebtToIncome: text("max_debt_to_income"),
    requiredDocuments: jsonb("required_documents").$type<string[]>().notNull(),
    rounding: text("rounding").notNull(),
    dayBasis: integer("day_basis").notNull(),
    apr: text("apr").notNull(),
    aprCompounded: text("apr_compounded").notNull(),
    // The highest APR over the offered amounts and terms: fixed and upfront fees weigh most on small, short loans.
    aprMax: text("apr_max").notNull(),
    rateFlags: jsonb("rate_flags").$type<string[]>().notNull(),
    note: text("note"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.version] }),
    index("product_versions_effective_idx").on(t.productId, t.effectiveFrom),
  ],
);
