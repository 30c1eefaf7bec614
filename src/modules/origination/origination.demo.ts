// Demo applications at every step of the seven, spread over the customer managers, so the kanban,
// the committee page and the disbursement queue all have work in them on a first start. They go
// through the same services as real ones; afterwards their timestamps are spread over recent weeks.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { RequestContext } from "../../platform/auth/actor.ts";
import type { Db } from "../../platform/db.ts";
import type { Fen } from "../../platform/money.ts";
import type { DemoSeeder } from "../../platform/seed.ts";
import { customers } from "../customers/customers.schema.ts";
import { users } from "../identity/identity.schema.ts";
import { loadActorForUser } from "../identity/sessions.ts";
import { products } from "../products/products.schema.ts";
import { castVote } from "./committee.service.ts";
import { applicationEvents, applications } from "./origination.schema.ts";
import {
  assessCredit,
  decideQualification,
  recordInterview,
  rejectApplication,
  submitRiskPlan,
  withdrawApplication,
} from "./review.service.ts";
import { submitApplication } from "./submission.service.ts";

type Target =
  | "submitted"
  | "interviewed"
  | "qualified"
  | "assessed"
  | "pending-committee"
  | "voting"
  | "approved"
  | "rejected"
  | "withdrawn";

// How many demo applications end at each step; together they fill every column of the kanban.
const PLAN: Target[] = [
  ...Array<Target>(4).fill("submitted"),
  ...Array<Target>(3).fill("interviewed"),
  ...Array<Target>(3).fill("qualified"),
  ...Array<Target>(2).fill("assessed"),
  ...Array<Target>(2).fill("pending-committee"),
  ...Array<Target>(2).fill("voting"),
  ...Array<Target>(3).fill("approved"),
  ...Array<Target>(3).fill("rejected"),
  ...Array<Target>(2).fill("withdrawn"),
];

const PURPOSES = ["进货周转", "店面装修", "购置设备", "支付货款", "扩大经营", "季节性备货", "租金周转"];

async function contextFor(db: Db, username: string): Promise<RequestContext> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  const actor = await loadActorForUser(db, user.id);
  if (!actor) throw new Error(`demo user ${username} missing`);
  return { actor, requestId: "demo-seed", ip: null };
}

export async function seedDemoApplications(db: Db): Promise<void> {
  const productRows = await db.select({ id: products.id, code: products.code }).from(products);
  const businessProduct = productRows.find((p) => p.code === "JYZZ-01");
  if (!businessProduct) return;
  const eligible = await db
    .select({ id: customers.id, ownerId: customers.ownerId })
    .from(customers)
    .where(
      and(
        inArray(customers.segment, ["sole-proprietor", "small-business"]),
        eq(customers.blacklisted, false),
      ),
    )
    .orderBy(customers.createdAt);
  if (eligible.length === 0) return;
  const [risk, gm, finance] = await Promise.all(["risk", "gm", "finance"].map((u) => contextFor(db, u)));
  const owners = new Map<string, RequestContext>();

  for (const [i, target] of PLAN.entries()) {
    const customer = eligible[i % eligible.length];
    if (!owners.has(customer.ownerId)) {
      const actor = await loadActorForUser(db, customer.ownerId);
      if (!actor) continue;
      owners.set(customer.ownerId, { actor, requestId: "demo-seed", ip: null });
    }
    const cm = owners.get(customer.ownerId) as RequestContext;
    const amount = (50_000 + ((i * 37_000) % 250_000)) * 100;
    const term = [6, 12, 18, 24, 36][i % 5];
    const { id } = await submitApplication(db, cm, {
      customerId: customer.id,
      productId: businessProduct.id,
      amount: amount as Fen,
      termMonths: term,
      purpose: PURPOSES[i % PURPOSES.length],
    });
    if (target === "submitted") continue;
    if (target === "withdrawn") {
      await withdrawApplication(db, cm, id, { reason: "客户资金需求已通过其他渠道解决" });
      continue;
    }
    const income = (15_000 + (i % 6) * 6_000) * 100;
    await recordInterview(db, cm, id, {
      notes: "实地走访经营场所,了解经营情况和还款来源。",
      monthlyIncome: income as Fen,
      monthlyDebt: ((i % 4) * 2_500 * 100) as Fen,
      repaymentSource: "经营收入",
      premisesVisited: true,
    });
    if (target === "interviewed") continue;
    if (target === "rejected" && i % 2 === 0) {
      await rejectApplication(db, risk, id, {
        reasonCode: "insufficient-income",
        comment: "经营流水不足以覆盖月供",
      });
      continue;
    }
    await decideQualification(db, risk, id, { decision: "pass", reason: "资料齐全,经风险评估师复核" });
    if (target === "qualified") continue;
    await assessCredit(db, risk, id, {
      monthlyIncome: income as Fen,
      monthlyDebt: ((i % 4) * 2_500 * 100) as Fen,
      businessYears: 1 + (i % 7),
      overdueCount24m: i % 3 === 0 ? 1 : 0,
      hasCollateral: i % 4 === 0,
    });
    if (target === "assessed") continue;
    await submitRiskPlan(db, risk, id, {
      amount: amount as Fen,
      annualRate: "0.18",
      termMonths: term,
      method: "equal-installment",
      guarantee: i % 3 === 0 ? "guaranty" : "credit",
      conditions: "放款前核实营业执照原件",
    });
    if (target === "pending-committee") continue;
    await castVote(db, gm, id, { decision: "approve", comment: "同意" });
    if (target === "voting") continue;
    if (target === "rejected") {
      await castVote(db, risk, id, { decision: "reject", comment: "行业下行,负债偏高" });
      continue;
    }
    await castVote(db, risk, id, { decision: "approve", comment: "同意,按方案执行" });
    await castVote(db, finance, id, { decision: "approve", comment: "资金充足" });
  }
  await spreadOverRecentWeeks(db);
}

// The services stamp "now"; a demo reads better when applications arrived over the past weeks and
// some stages have run past their limit.
async function spreadOverRecentWeeks(db: Db): Promise<void> {
  const rows = await db
    .select({ id: applications.id, appNo: applications.appNo })
    .from(applications)
    .orderBy(applications.appNo);
  for (const [i, row] of rows.entries()) {
    const daysAgo = 8 + ((rows.length - i) % 20);
    const shift = sql.raw(`interval '${daysAgo} days'`);
    await db
      .update(applications)
      .set({
        createdAt: sql`${applications.createdAt} - ${shift}`,
        statusChangedAt: sql`${applications.statusChangedAt} - ${shift}`,
        updatedAt: sql`${applications.updatedAt} - ${shift}`,
      })
      .where(eq(applications.id, row.id));
    await db.execute(sql`
      update application_events e set at = e.at - ${shift} + (ordinal * interval '11 hours')
      from (select id, row_number() over (order by at, id) - 1 as ordinal from application_events where application_id = ${row.id}) o
      where e.id = o.id`);
  }
  // Keep each application's status time in line with its last event.
  await db.execute(sql`
    update applications a set status_changed_at = last.at
    from (select application_id, max(at) as at from ${applicationEvents} group by application_id) last
    where last.application_id = a.id`);
}

export const originationDemoSeeder: DemoSeeder = {
  name: "applications",
  run: (db) => seedDemoApplications(db),
};
