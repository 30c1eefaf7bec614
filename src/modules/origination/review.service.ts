// Steps 2–5: interview (客户面谈), qualification review (资格审查), credit assessment (信用评估) and
// the risk plan (风险把控) sent to the committee. Each step is one transaction and one timeline entry.
import type { RequestContext } from "../../platform/auth/actor.ts";
import { todayInChina } from "../../platform/clock.ts";
import type { Db } from "../../platform/db.ts";
import { DomainError, invalid } from "../../platform/errors.ts";
import { Dec, type Fen, formatAmount, parseAmount } from "../../platform/money.ts";
import { getCustomerFacts } from "../customers/customers.service.ts";
import { netAssets } from "../ledger/net-assets.ts";
import { customerExposure } from "../loans/customer-exposure.ts";
import { scheduleApr } from "../loans/domain/apr.ts";
import { buildSchedule, type RepaymentMethod } from "../loans/domain/schedule.ts";
import { getSetting } from "../settings/settings.service.ts";
import { assertNotCreator, assertTransition, loadApplication, moveApplication } from "./application-store.ts";
import { ageOn, runQualificationChecks } from "./domain/qualification.ts";
import { type Scorecard, score } from "./domain/scorecard.ts";
import { currentProductTerms } from "./product-terms.ts";

export type InterviewInput = {
  notes: string;
  monthlyIncome?: Fen;
  monthlyDebt?: Fen;
  repaymentSource?: string;
  businessDescription?: string | null;
  premisesVisited?: boolean;
  interviewedAt?: string;
};

export async function recordInterview(db: Db, ctx: RequestContext, id: string, input: InterviewInput) {
  return db.transaction(async (tx) => {
    const app = await loadApplication(tx, ctx, id, { lock: true });
    assertTransition(ctx, app, "interview");
    const record = {
      ...input,
      monthlyIncome: input.monthlyIncome === undefined ? undefined : formatAmount(input.monthlyIncome),
      monthlyDebt: input.monthlyDebt === undefined ? undefined : formatAmount(input.monthlyDebt),
      by: ctx.actor.displayName,
      at: new Date().toISOString(),
    };
    await moveApplication(tx, ctx, {
      app,
      action: "interview",
      to: "interviewed",
      patch: { interview: record },
      comment: input.notes,
      auditAfter: record,
    });
    return { id, status: "interviewed" as const };
  });
}

function interviewFigures(app: { interview: unknown }): {
  monthlyIncome: Fen | null;
  monthlyDebt: Fen | null;
} {
  const interview = app.interview as { monthlyIncome?: string; monthlyDebt?: string } | null;
  const toFen = (v?: string) => (v === undefined ? null : parseAmount(v));
  return { monthlyIncome: toFen(interview?.monthlyIncome), monthlyDebt: toFen(interview?.monthlyDebt) };
}

/** The automatic checks, computed fresh: what risk sees before deciding. */
export async function qualificationChecks(db: Db, ctx: RequestContext, id: string) {
  const app = await loadApplication(db, ctx, id);
  const today = todayInChina();
  const [customer, product, exposure, assets, share] = await Promise.all([
    getCustomerFacts(db, ctx, app.customerId),
    currentProductTerms(db, app.productId, today),
    customerExposure(db, app.customerId),
    netAssets(db),
    getSetting(db, "limits.per-borrower-share", today),
  ]);
  if (!product) throw invalid({ productId: "unknown-product" });
  const figures = interviewFigures(app);
  return runQualificationChecks({
    idValid: customer.type === "business" || customer.birthDate !== null,
    age: customer.birthDate ? ageOn(customer.birthDate, today) : null,
    segment: customer.segment,
    blacklisted: customer.blacklisted,
    overdueLoansWithUs: exposure.overdueLoans,
    amount: app.amount as Fen,
    termMonths: app.termMonths,
    product: {
      minAmount: product.minAmount as Fen,
      maxAmount: product.maxAmount as Fen,
      termOptions: product.termOptions,
      eligibleSegments: product.eligibleSegments,
      // Age limits apply to people; a business borrower is checked through its representative offline.
      minAge: customer.type === "business" ? 0 : product.minAge,
      maxAge: customer.type === "business" ? 200 : product.maxAge,
      maxDebtToIncome: product.maxDebtToIncome === null ? null : Number(product.maxDebtToIncome),
    },
    monthlyIncome: figures.monthlyIncome,
    monthlyDebt: figures.monthlyDebt,
    borrowerOutstanding: exposure.outstandingPrincipal as Fen,
    perBorrowerLimit: new Dec(assets).times(share).floor().toNumber() as Fen,
  });
}

export async function decideQualification(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { decision: "pass" | "reject"; reason?: string | null },
) {
  const checks = await qualificationChecks(db, ctx, id);
  const failed = checks.filter((c) => !c.passed);
  if (input.decision === "pass") {
    // Students and blacklisted customers are never passed; other failed checks need a written reason.
    const hard = failed.find((c) => c.key === "segment-eligible" || c.key === "not-blacklisted");
    if (hard)
      throw new DomainError({ code: "qualification-hard-fail", status: 409, params: { check: hard.key } });
    if (failed.length > 0 && !input.reason?.trim()) throw invalid({ reason: "reason-required-for-override" });
  } else if (!input.reason?.trim()) {
    throw invalid({ reason: "required" });
  }
  return db.transaction(async (tx) => {
    const app = await loadApplication(tx, ctx, id, { lock: true });
    assertTransition(ctx, app, "qualify");
    assertNotCreator(ctx, app);
    const record = {
      decision: input.decision,
      reason: input.reason ?? null,
      checks,
      by: ctx.actor.displayName,
      at: new Date().toISOString(),
    };
    const to = input.decision === "pass" ? "qualified" : "rejected";
    await moveApplication(tx, ctx, {
      app,
      action: "qualify",
      to,
      patch: { qualification: record, ...(to === "rejected" ? { rejectReason: input.reason ?? null } : {}) },
      comment: input.reason ?? null,
      auditAfter: { decision: input.decision, failed: failed.map((c) => c.key) },
    });
    return { id, status: to, checks };
  });
}

export type AssessmentInput = {
  monthlyIncome: Fen;
  monthlyDebt: Fen;
  businessYears: number;
  overdueCount24m: number;
  hasCollateral: boolean;
  notes?: string | null;
};

export async function assessCredit(db: Db, ctx: RequestContext, id: string, input: AssessmentInput) {
  return db.transaction(async (tx) => {
    const app = await loadApplication(tx, ctx, id, { lock: true });
    assertTransition(ctx, app, "assess");
    assertNotCreator(ctx, app);
    const today = todayInChina();
    const product = await currentProductTerms(tx, app.productId, today);
    if (!product) throw invalid({ productId: "unknown-product" });
    const card = (await getSetting(tx, "origination.scorecard", today)) as Scorecard;
    const result = score({ input, card, productMax: product.maxAmount as Fen });
    const view = {
      score: result.score,
      maxScore: result.maxScore,
      grade: result.grade,
      recommendedLimit: formatAmount(result.recommendedLimit),
      factors: result.factors,
      scorecardVersion: card.version,
    };
    const record = {
      input: {
        ...input,
        monthlyIncome: formatAmount(input.monthlyIncome),
        monthlyDebt: formatAmount(input.monthlyDebt),
      },
      result: view,
      by: ctx.actor.displayName,
      at: new Date().toISOString(),
    };
    await moveApplication(tx, ctx, {
      app,
      action: "assess",
      to: "assessed",
      patch: { assessment: record },
      comment: input.notes ?? `评分 ${result.score},等级 ${result.grade}`,
      auditAfter: view,
    });
    return { ...view, status: "assessed" as const };
  });
}

export type RiskPlanInput = {
  amount: Fen;
  annualRate: string;
  termMonths: number;
  method: RepaymentMethod;
  guarantee: "credit" | "guaranty" | "mortgage" | "pledge";
  conditions?: string | null;
};

export async function submitRiskPlan(db: Db, ctx: RequestContext, id: string, input: RiskPlanInput) {
  return db.transaction(async (tx) => {
    const app = await loadApplication(tx, ctx, id, { lock: true });
    assertTransition(ctx, app, "risk-plan");
    assertNotCreator(ctx, app);
    const today = todayInChina();
    const product = await currentProductTerms(tx, app.productId, today);
    if (!product) throw invalid({ productId: "unknown-product" });
    const fields: Record<string, string> = {};
    if (input.amount < product.minAmount || input.amount > product.maxAmount)
      fields.amount = "amount-outside-product";
    if (!product.termOptions.includes(input.termMonths)) fields.termMonths = "term-not-offered";
    if (!product.guaranteeTypes.includes(input.guarantee)) fields.guarantee = "guarantee-not-offered";
    if (Object.keys(fields).length) throw invalid(fields);
    const apr = planApr(input, today);
    const cap = await getSetting(tx, "rates.apr-cap", today);
    if (new Dec(apr).div(100).gt(cap))
      throw new DomainError({
        code: "apr-above-cap",
        status: 409,
        params: { apr, cap: new Dec(cap).times(100).toFixed(2) },
        fields: { annualRate: "apr-above-cap" },
      });
    const record = {
      ...input,
      amount: formatAmount(input.amount),
      apr,
      by: ctx.actor.displayName,
      at: new Date().toISOString(),
    };
    await moveApplication(tx, ctx, {
      app,
      action: "risk-plan",
      to: "pending-committee",
      patch: { riskPlan: record },
      comment: input.conditions ?? null,
      auditAfter: record,
    });
    return { id, status: "pending-committee" as const, apr };
  });
}

export function planApr(
  input: Pick<RiskPlanInput, "amount" | "annualRate" | "termMonths" | "method">,
  startDate: string,
): string {
  const schedule = buildSchedule({
    principal: input.amount,
    annualRate: new Dec(input.annualRate),
    termMonths: input.termMonths,
    method: input.method,
    startDate,
  });
  return scheduleApr({ principal: input.amount, startDate, installments: schedule.installments }).percent;
}

export async function rejectApplication(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { reasonCode: string; comment?: string | null },
) {
  return db.transaction(async (tx) => {
    const app = await loadApplication(tx, ctx, id, { lock: true });
    assertTransition(ctx, app, "reject");
    assertNotCreator(ctx, app);
    await moveApplication(tx, ctx, {
      app,
      action: "reject",
      to: "rejected",
      patch: { rejectReason: input.reasonCode },
      comment: input.comment ?? input.reasonCode,
      auditAfter: input,
    });
    return { id, status: "rejected" as const };
  });
}

export async function withdrawApplication(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { reason: string },
) {
  return db.transaction(async (tx) => {
    const app = await loadApplication(tx, ctx, id, { lock: true });
    assertTransition(ctx, app, "withdraw");
    await moveApplication(tx, ctx, {
      app,
      action: "withdraw",
      to: "withdrawn",
      comment: input.reason,
      auditAfter: input,
    });
    return { id, status: "withdrawn" as const };
  });
}
