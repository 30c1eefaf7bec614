// Reading applications: the list (table and kanban), and one application with its timeline, time
// spent per stage (with a warning past the configured limit), the votes and who acts next.
import { and, asc, count, desc, eq, ilike, inArray, type SQL } from "drizzle-orm";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import { visibleUserIds } from "../../platform/auth/scope.ts";
import { todayInChina } from "../../platform/clock.ts";
import type { Db } from "../../platform/db.ts";
import { formatAmount } from "../../platform/money.ts";
import { customers } from "../customers/customers.schema.ts";
import { users } from "../identity/identity.schema.ts";
import { productVersions } from "../products/products.schema.ts";
import { getSetting } from "../settings/settings.service.ts";
import { type ApplicationRow, loadApplication } from "./application-store.ts";
import { votesOf } from "./committee.service.ts";
import { type ApplicationStatus, STEP_OF_STATUS, TERMINAL } from "./domain/state-machine.ts";
import { applicationEvents, applications } from "./origination.schema.ts";

export type ListQuery = {
  status?: ApplicationStatus[];
  search?: string;
  originatorId?: string;
  productId?: string;
  customerId?: string;
  page: number;
  pageSize: number;
};

const NEXT_ACTOR: Partial<Record<ApplicationStatus, { zh: string; en: string; role: string }>> = {
  submitted: {
    zh: "客户经理录入面谈记录",
    en: "Customer manager records the interview",
    role: "customer-manager",
  },
  interviewed: { zh: "风险评估师资格审查", en: "Risk reviews qualification", role: "risk" },
  qualified: { zh: "风险评估师信用评估", en: "Risk assesses credit", role: "risk" },
  assessed: { zh: "风险评估师制定风险方案", en: "Risk writes the risk plan", role: "risk" },
  "pending-committee": { zh: "贷审委员会表决", en: "Committee votes", role: "committee" },
  approved: { zh: "财务主管放款", en: "Finance disburses", role: "finance" },
};

type StageLimits = Record<string, number>;

async function stageLimits(db: Db): Promise<StageLimits> {
  return (await getSetting(db, "origination.stage-limit-hours", todayInChina())) as StageLimits;
}

/** Hours in the current stage (to one decimal) and whether that passes the stage's limit; null once ended. */
function currentStage(row: ApplicationRow, limits: StageLimits, now: number) {
  if (TERMINAL.includes(row.status)) return { hoursInStage: null, overLimit: false };
  const hours = Math.round(((now - row.statusChangedAt.getTime()) / 3_600_000) * 10) / 10;
  const limit = limits[row.status] ?? null;
  return { hoursInStage: hours, overLimit: limit !== null && hours > limit };
}

function summary(
  row: ApplicationRow,
  names: { customer: string | null; product: string | null; originator: string | null },
  limits: StageLimits,
  now: number,
) {
  return {
    id: row.id,
    appNo: row.appNo,
    status: row.status,
    step: STEP_OF_STATUS[row.status],
    customerId: row.customerId,
    customerName: names.customer,
    productId: row.productId,
    productName: names.product,
    amount: formatAmount(row.amount),
    termMonths: row.termMonths,
    purpose: row.purpose,
    originatorId: row.originatorId,
    originatorName: names.originator,
    loanId: row.loanId,
    statusChangedAt: row.statusChangedAt.toISOString(),
    ...currentStage(row, limits, now),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listApplications(db: Db, ctx: RequestContext, query: ListQuery) {
  requirePermission(ctx, "applications.read");
  const visible = await visibleUserIds(db, ctx.actor);
  const conditions: SQL[] = [];
  if (visible) conditions.push(inArray(applications.originatorId, visible));
  if (query.status?.length) conditions.push(inArray(applications.status, query.status));
  if (query.originatorId) conditions.push(eq(applications.originatorId, query.originatorId));
  if (query.productId) conditions.push(eq(applications.productId, query.productId));
  if (query.customerId) conditions.push(eq(applications.customerId, query.customerId));
  if (query.search) {
    const like = `%${query.search.replace(/[%_\\]/g, "\\$&")}%`;
    conditions.push(
      inArray(
        applications.customerId,
        db.select({ id: customers.id }).from(customers).where(ilike(customers.name, like)),
      ),
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [{ total }] = await db.select({ total: count() }).from(applications).where(where);
  const byStatus = await db
    .select({ status: applications.status, n: count() })
    .from(applications)
    .where(where)
    .groupBy(applications.status);
  const rows = await db
    .select({ app: applications, customer: customers.name, originator: users.displayName })
    .from(applications)
    .leftJoin(customers, eq(customers.id, applications.customerId))
    .leftJoin(users, eq(users.id, applications.originatorId))
    .where(where)
    .orderBy(desc(applications.statusChangedAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const productNames = await productNamesOf(
    db,
    rows.map((r) => r.app),
  );
  const limits = await stageLimits(db);
  const now = Date.now();
  return {
    total,
    counts: Object.fromEntries(byStatus.map((s) => [s.status, s.n])),
    items: rows.map((r) =>
      summary(
        r.app,
        {
          customer: r.customer,
          originator: r.originator,
          product: productNames.get(`${r.app.productId}:${r.app.productVersion}`) ?? null,
        },
        limits,
        now,
      ),
    ),
  };
}

async function productNamesOf(db: Db, apps: ApplicationRow[]): Promise<Map<string, string>> {
  if (apps.length === 0) return new Map();
  const rows = await db
    .select({
      productId: productVersions.productId,
      version: productVersions.version,
      name: productVersions.name,
    })
    .from(productVersions)
    .where(inArray(productVersions.productId, [...new Set(apps.map((a) => a.productId))]));
  return new Map(rows.map((r) => [`${r.productId}:${r.version}`, r.name]));
}

export async function getApplication(db: Db, ctx: RequestContext, id: string) {
  requirePermission(ctx, "applications.read");
  const row = await loadApplication(db, ctx, id);
  const [customer] = await db
    .select({ name: customers.name })
    .from(customers)
    .where(eq(customers.id, row.customerId));
  const [originator] = await db
    .select({ name: users.displayName })
    .from(users)
    .where(eq(users.id, row.originatorId));
  const productNames = await productNamesOf(db, [row]);
  const events = await db
    .select()
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, id))
    .orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
  const limits = await stageLimits(db);
  const now = Date.now();
  // Stages are the status changes; votes that decide nothing yet stay on the timeline only.
  const changes = events.filter((e) => e.fromStatus !== e.toStatus);
  const stages = changes.map((e, i) => {
    const ended =
      changes[i + 1]?.at ?? (TERMINAL.includes(e.toStatus as ApplicationStatus) ? e.at : new Date(now));
    const hours = Math.round(((ended.getTime() - e.at.getTime()) / 3_600_000) * 10) / 10;
    const limit = limits[e.toStatus] ?? null;
    return {
      status: e.toStatus,
      enteredAt: e.at.toISOString(),
      hours,
      limitHours: limit,
      overLimit: limit !== null && hours > limit && !TERMINAL.includes(e.toStatus as ApplicationStatus),
    };
  });
  return {
    ...summary(
      row,
      {
        customer: customer?.name ?? null,
        originator: originator?.name ?? null,
        product: productNames.get(`${row.productId}:${row.productVersion}`) ?? null,
      },
      limits,
      now,
    ),
    productVersion: row.productVersion,
    interview: row.interview,
    qualification: row.qualification,
    assessment: row.assessment,
    riskPlan: row.riskPlan,
    decision: row.decision,
    rejectReason: row.rejectReason,
    hasContract: Boolean(row.contractFile),
    nextStep: NEXT_ACTOR[row.status] ?? null,
    votes: await votesOf(db, id),
    stages,
    // Only the stage the application is in now: an ended stage that ran long is history (stages[].overLimit).
    warnings: stages
      .filter((s, i) => s.overLimit && i === stages.length - 1)
      .map((s) => ({ code: "stage-over-limit", status: s.status, hours: s.hours, limitHours: s.limitHours })),
    timeline: events.map((e) => ({
      status: e.toStatus,
      action: e.action,
      actor: e.actorName,
      at: e.at.toISOString(),
      comment: e.comment,
    })),
  };
}
