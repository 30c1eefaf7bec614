// Reading products: the version in force on a date (latest effective_from not after it), the whole
// history, and the answer shape with money as yuan strings and the APR in percent.
import { asc, eq, inArray } from "drizzle-orm";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import { todayInChina } from "../../platform/clock.ts";
import type { Queryable } from "../../platform/db.ts";
import { notFound } from "../../platform/errors.ts";
import { formatAmount } from "../../platform/money.ts";
import { type ProductStatus, products, productVersions } from "./products.schema.ts";

export type VersionRow = typeof productVersions.$inferSelect;

export type ProductView = ReturnType<typeof toProductView>;

export function toProductView(code: string, v: VersionRow, upcoming: VersionRow | null = null) {
  return {
    id: v.productId,
    code,
    version: v.version,
    effectiveFrom: v.effectiveFrom,
    status: v.status,
    name: v.name,
    description: v.description,
    method: v.method,
    annualRate: v.annualRate,
    minAmount: formatAmount(v.minAmount),
    maxAmount: formatAmount(v.maxAmount),
    termOptions: v.termOptions,
    /** IRR-method APR in percent ("18.00") of the representative loan: maxAmount over the longest term. */
    apr: v.apr,
    aprCompounded: v.aprCompounded,
    aprMax: v.aprMax,
    representativeLoan: { amount: formatAmount(v.maxAmount), termMonths: Math.max(...v.termOptions) },
    rateFlags: v.rateFlags,
    fees: {
      upfrontRate: v.upfrontFeeRate,
      upfrontFixed: formatAmount(v.upfrontFeeFixed),
      monthlyRate: v.monthlyFeeRate,
      monthlyFixed: formatAmount(v.monthlyFeeFixed),
    },
    penaltyRate: v.penaltyRate,
    prepaymentFeeRate: v.prepaymentFeeRate,
    guaranteeTypes: v.guaranteeTypes,
    eligibleSegments: v.eligibleSegments,
    minAge: v.minAge,
    maxAge: v.maxAge,
    maxDebtToIncome: v.maxDebtToIncome,
    requiredDocuments: v.requiredDocuments,
    rounding: v.rounding,
    dayBasis: v.dayBasis,
    note: v.note,
    createdBy: v.createdBy,
    createdAt: v.createdAt.toISOString(),
    upcoming: upcoming
      ? { version: upcoming.version, effectiveFrom: upcoming.effectiveFrom, status: upcoming.status }
      : null,
  };
}

/** The version in force on `asOf`; a product whose first version is still to come shows that one. */
export function pickVersion(
  versions: VersionRow[],
  asOf: string,
): { current: VersionRow; upcoming: VersionRow | null } | null {
  const sorted = [...versions].sort((a, b) =>
    a.effectiveFrom === b.effectiveFrom ? a.version - b.version : a.effectiveFrom < b.effectiveFrom ? -1 : 1,
  );
  const inForce = sorted.filter((v) => v.effectiveFrom <= asOf);
  const later = sorted.filter((v) => v.effectiveFrom > asOf);
  const current = inForce.at(-1) ?? later[0];
  if (!current) return null;
  return { current, upcoming: later.find((v) => v !== current) ?? null };
}

async function versionsOf(db: Queryable, ids: string[]): Promise<Map<string, VersionRow[]>> {
  const rows = ids.length
    ? await db.select().from(productVersions).where(inArray(productVersions.productId, ids))
    : [];
  const byProduct = new Map<string, VersionRow[]>();
  for (const row of rows) byProduct.set(row.productId, [...(byProduct.get(row.productId) ?? []), row]);
  return byProduct;
}

export async function productView(
  db: Queryable,
  id: string,
  asOf: string = todayInChina(),
): Promise<ProductView> {
  const [product] = await db.select().from(products).where(eq(products.id, id));
  if (!product) throw notFound("product");
  const picked = pickVersion((await versionsOf(db, [id])).get(id) ?? [], asOf);
  if (!picked) throw notFound("product");
  return toProductView(product.code, picked.current, picked.upcoming);
}

export async function getProduct(
  db: Queryable,
  ctx: RequestContext,
  id: string,
  asOf?: string,
): Promise<ProductView> {
  requirePermission(ctx, "products.read");
  return productView(db, id, asOf);
}

export async function listProducts(
  db: Queryable,
  ctx: RequestContext,
  query: { status?: ProductStatus; method?: string; asOf?: string },
): Promise<{ items: ProductView[]; total: number }> {
  requirePermission(ctx, "products.read");
  const asOf = query.asOf ?? todayInChina();
  const all = await db.select().from(products).orderBy(asc(products.code));
  const versions = await versionsOf(
    db,
    all.map((p) => p.id),
  );
  const items: ProductView[] = [];
  for (const p of all) {
    const picked = pickVersion(versions.get(p.id) ?? [], asOf);
    if (!picked) continue;
    if (query.status && picked.current.status !== query.status) continue;
    if (query.method && picked.current.method !== query.method) continue;
    items.push(toProductView(p.code, picked.current, picked.upcoming));
  }
  return { items, total: items.length };
}

export async function productHistory(db: Queryable, ctx: RequestContext, id: string) {
  requirePermission(ctx, "products.read");
  const [product] = await db.select().from(products).where(eq(products.id, id));
  if (!product) throw notFound("product");
  const rows = await db
    .select()
    .from(productVersions)
    .where(eq(productVersions.productId, id))
    .orderBy(asc(productVersions.version));
  return { id, code: product.code, versions: rows.map((v) => toProductView(product.code, v)) };
}

/**
 * The terms in force on a date exactly as stored (amounts in 分), or null when none is: what origination
 * checks an application against and prices a contract with. Callers have already checked access.
 */
export async function productTermsOn(
  db: Queryable,
  productId: string,
  asOf: string,
): Promise<(VersionRow & { code: string }) | null> {
  const [product] = await db.select().from(products).where(eq(products.id, productId));
  if (!product) return null;
  const versions = (await versionsOf(db, [productId])).get(productId) ?? [];
  const inForce = versions.filter((v) => v.effectiveFrom <= asOf);
  const current = pickVersion(inForce, asOf)?.current;
  return current ? { ...current, code: product.code } : null;
}
