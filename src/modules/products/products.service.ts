// The product catalogue (GM, products.manage). Every change writes a new version with the date it
// takes effect; a version is refused when its APR would exceed the cap in force on that date and
// flagged when above the LPR line (DOMAIN.md §3).
import { randomBytes } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import { todayInChina } from "../../platform/clock.ts";
import type { Db, Tx } from "../../platform/db.ts";
import { conflict, DomainError, invalid, notFound } from "../../platform/errors.ts";
import { type Fen, fen, parseAmount } from "../../platform/money.ts";
import type { Warning } from "../../platform/warnings.ts";
import type { DayBasis, RepaymentMethod } from "../loans/domain/schedule.ts";
import { getSetting } from "../settings/settings.service.ts";
import {
  checkTerms,
  defaultPenaltyRate,
  hasUpfrontFee,
  normalizeRate,
  type ProductTerms,
  productApr,
} from "./domain/product-terms.ts";
import { type ProductView, productView, type VersionRow } from "./product-view.ts";
import type { CreateProductInput, UpdateProductInput } from "./products.contracts.ts";
import { type ProductStatus, products, productVersions } from "./products.schema.ts";
import { reviewRate } from "./rate-review.ts";

type VersionValues = Omit<typeof productVersions.$inferInsert, "productId" | "version" | "createdAt">;
type TermsInput = Partial<Omit<CreateProductInput, "code" | "status">>;

const amount = (text: string): Fen => parseAmount(text) as Fen;
const rateOrNull = (v: string | null | undefined) =>
  v === null || v === undefined || Number(v) === 0 ? null : normalizeRate(v);

/** Merges an edit onto the previous version (or the defaults) into the values of a new version. */
function mergeTerms(
  previous: VersionRow | null,
  input: TermsInput,
): Omit<VersionValues, "effectiveFrom" | "status" | "apr" | "aprCompounded" | "aprMax" | "rateFlags"> {
  const annualRate =
    input.annualRate !== undefined ? normalizeRate(input.annualRate) : (previous?.annualRate as string);
  const rateChanged =
    previous !== null && input.annualRate !== undefined && previous.annualRate !== annualRate;
  // The penalty rate follows the contract rate unless it was set explicitly.
  const penaltyFollows =
    !previous || (rateChanged && previous.penaltyRate === defaultPenaltyRate(previous.annualRate));
  const fees = input.fees;
  return {
    name: input.name ?? (previous?.name as string),
    description: input.description !== undefined ? input.description : (previous?.description ?? null),
    method: input.method ?? (previous?.method as string),
    annualRate,
    minAmount: input.minAmount !== undefined ? amount(input.minAmount) : (previous?.minAmount as number),
    maxAmount: input.maxAmount !== undefined ? amount(input.maxAmount) : (previous?.maxAmount as number),
    termOptions: input.termOptions
      ? [...input.termOptions].sort((a, b) => a - b)
      : (previous?.termOptions as number[]),
    upfrontFeeRate:
      fees && "upfrontRate" in fees ? rateOrNull(fees.upfrontRate) : (previous?.upfrontFeeRate ?? null),
    upfrontFeeFixed:
      fees?.upfrontFixed !== undefined ? amount(fees.upfrontFixed) : (previous?.upfrontFeeFixed ?? 0),
    monthlyFeeRate:
      fees && "monthlyRate" in fees ? rateOrNull(fees.monthlyRate) : (previous?.monthlyFeeRate ?? null),
    monthlyFeeFixed:
      fees?.monthlyFixed !== undefined ? amount(fees.monthlyFixed) : (previous?.monthlyFeeFixed ?? 0),
    penaltyRate:
      input.penaltyRate !== undefined
        ? normalizeRate(input.penaltyRate)
        : penaltyFollows
          ? defaultPenaltyRate(annualRate)
          : (previous?.penaltyRate as string),
    prepaymentFeeRate:
      input.prepaymentFeeRate !== undefined
        ? normalizeRate(input.prepaymentFeeRate)
        : (previous?.prepaymentFeeRate ?? "0"),
    guaranteeTypes: input.guaranteeTypes ?? previous?.guaranteeTypes ?? ["credit"],
    eligibleSegments: input.eligibleSegments ??
      previous?.eligibleSegments ?? ["individual", "sole-proprietor", "small-business"],
    minAge: input.minAge ?? previous?.minAge ?? 18,
    maxAge: input.maxAge ?? previous?.maxAge ?? 65,
    maxDebtToIncome:
      input.maxDebtToIncome !== undefined ? input.maxDebtToIncome : (previous?.maxDebtToIncome ?? null),
    requiredDocuments: input.requiredDocuments ??
      previous?.requiredDocuments ?? ["id-card-front", "id-card-back"],
    rounding: input.rounding ?? previous?.rounding ?? "half-up",
    dayBasis: input.dayBasis ?? previous?.dayBasis ?? 360,
    note: input.note ?? null,
  };
}

function asTerms(v: ReturnType<typeof mergeTerms>): ProductTerms {
  return {
    method: v.method as RepaymentMethod,
    annualRate: v.annualRate,
    minAmount: fen(v.minAmount),
    maxAmount: fen(v.maxAmount),
    termOptions: v.termOptions,
    fees: {
      upfrontRate: v.upfrontFeeRate ?? null,
      upfrontFixed: fen(v.upfrontFeeFixed ?? 0),
      monthlyRate: v.monthlyFeeRate ?? null,
      monthlyFixed: fen(v.monthlyFeeFixed ?? 0),
    },
    penaltyRate: v.penaltyRate,
    prepaymentFeeRate: v.prepaymentFeeRate,
    eligibleSegments: v.eligibleSegments,
    minAge: v.minAge,
    maxAge: v.maxAge,
    rounding: v.rounding as ProductTerms["rounding"],
    dayBasis: v.dayBasis as DayBasis,
  };
}

/** Checks the terms, prices them with the loan engine and applies the rate ceilings in force on the date. */
async function priceVersion(
  tx: Tx,
  merged: ReturnType<typeof mergeTerms>,
  effectiveFrom: string,
): Promise<{ values: Omit<VersionValues, "status">; warnings: Warning[] }> {
  const terms = asTerms(merged);
  const errors = checkTerms(terms);
  if (Object.keys(errors).length) throw invalid(errors);
  if (hasUpfrontFee(terms.fees) && !(await getSetting(tx, "fees.upfront-allowed", effectiveFrom)))
    throw new DomainError({
      code: "upfront-fee-not-allowed",
      status: 409,
      fields: { fees: "upfront-fee-not-allowed" },
    });
  const priced = productApr(terms, effectiveFrom);
  if (!priced.ok) throw invalid(priced.fields);
  const review = await reviewRate(tx, { apr: priced.value.highest, date: effectiveFrom });
  return {
    values: {
      ...merged,
      effectiveFrom,
      apr: priced.value.representative.percent,
      aprCompounded: priced.value.representative.compoundedPercent,
      aprMax: priced.value.highest.percent,
      rateFlags: review.flags,
    },
    warnings: review.warnings,
  };
}

// People cannot rewrite terms already in force; the system itself (demo seed, imports) may date a
// version in the past to reproduce a catalogue's history.
function checkEffectiveFrom(ctx: RequestContext, effectiveFrom: string, latest: string | null): void {
  if (ctx.actor.userId !== null && effectiveFrom < todayInChina())
    throw invalid({ effectiveFrom: "effective-from-past" });
  if (latest && effectiveFrom < latest)
    throw new DomainError({
      code: "effective-before-latest",
      status: 400,
      params: { latest },
      fields: { effectiveFrom: "effective-before-latest" },
    });
}

export async function createProduct(
  db: Db,
  ctx: RequestContext,
  input: CreateProductInput,
): Promise<{ product: ProductView; warnings: Warning[] }> {
  requirePermission(ctx, "products.manage");
  const effectiveFrom = input.effectiveFrom ?? todayInChina();
  checkEffectiveFrom(ctx, effectiveFrom, null);
  const code = (input.code ?? `P-${randomBytes(3).toString("hex")}`).toUpperCase();
  const { id, warnings } = await db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: products.id }).from(products).where(eq(products.code, code));
    if (taken)
      throw new DomainError({
        code: "product-code-taken",
        status: 409,
        fields: { code: "product-code-taken" },
      });
    const { values, warnings } = await priceVersion(tx, mergeTerms(null, input), effectiveFrom);
    const [product] = await tx
      .insert(products)
      .values({ code, createdBy: ctx.actor.userId })
      .returning({ id: products.id });
    await tx.insert(productVersions).values({
      ...values,
      productId: product.id,
      version: 1,
      status: input.status ?? "active",
      createdBy: ctx.actor.userId,
    });
    const after = await productView(tx, product.id, effectiveFrom);
    await recordAudit(tx, ctx, {
      action: "product.created",
      entityType: "product",
      entityId: product.id,
      after,
    });
    return { id: product.id, warnings };
  });
  return { product: await productView(db, id, effectiveFrom), warnings };
}

async function latestVersion(tx: Tx, id: string): Promise<VersionRow> {
  // Locking the product row serialises version numbers per product.
  const [product] = await tx
    .select({ id: products.id })
    .from(products)
    .where(eq(products.id, id))
    .for("update");
  if (!product) throw notFound("product");
  const [latest] = await tx
    .select()
    .from(productVersions)
    .where(eq(productVersions.productId, id))
    .orderBy(desc(productVersions.version))
    .limit(1);
  return latest;
}

export async function updateProduct(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: UpdateProductInput,
): Promise<{ product: ProductView; warnings: Warning[] }> {
  requirePermission(ctx, "products.manage");
  const { effectiveFrom: given, note, ...changes } = input;
  if (Object.keys(changes).length === 0) throw invalid({ body: "nothing-to-change" }, "nothing-to-change");
  const effectiveFrom = given ?? todayInChina();
  const warnings = await db.transaction(async (tx) => {
    const latest = await latestVersion(tx, id);
    if (latest.status === "retired") throw conflict("product-retired");
    checkEffectiveFrom(ctx, effectiveFrom, latest.effectiveFrom);
    const before = await productView(tx, id, latest.effectiveFrom);
    const priced = await priceVersion(tx, mergeTerms(latest, { ...changes, note }), effectiveFrom);
    await tx.insert(productVersions).values({
      ...priced.values,
      productId: id,
      version: latest.version + 1,
      status: latest.status,
      createdBy: ctx.actor.userId,
    });
    const after = await productView(tx, id, effectiveFrom);
    await recordAudit(tx, ctx, {
      action: "product.updated",
      entityType: "product",
      entityId: id,
      before,
      after,
    });
    return priced.warnings;
  });
  return { product: await productView(db, id, effectiveFrom), warnings };
}

// Lifecycle: a draft goes live or is dropped; a live product is retired; retired is final.
const TRANSITIONS: Record<ProductStatus, ProductStatus[]> = {
  draft: ["active", "retired"],
  active: ["retired"],
  retired: [],
};

export async function changeProductStatus(
  db: Db,
  ctx: RequestContext,
  input: { id: string; to: ProductStatus; effectiveFrom?: string; note?: string | null },
): Promise<ProductView> {
  requirePermission(ctx, "products.manage");
  const effectiveFrom = input.effectiveFrom ?? todayInChina();
  await db.transaction(async (tx) => {
    const latest = await latestVersion(tx, input.id);
    if (!TRANSITIONS[latest.status].includes(input.to))
      throw conflict("invalid-transition", { from: latest.status, to: input.to });
    checkEffectiveFrom(ctx, effectiveFrom, latest.effectiveFrom);
    const { productId: _p, version, createdAt: _c, createdBy: _b, ...terms } = latest;
    await tx.insert(productVersions).values({
      ...terms,
      productId: input.id,
      version: version + 1,
      status: input.to,
      effectiveFrom,
      note: input.note ?? null,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: input.to === "active" ? "product.activated" : "product.retired",
      entityType: "product",
      entityId: input.id,
      before: { status: latest.status, version },
      after: { status: input.to, version: version + 1, effectiveFrom },
    });
  });
  return productView(db, input.id, effectiveFrom);
}
