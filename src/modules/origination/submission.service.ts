// Step 1 客户申请: a customer manager submits an application for one of their customers.

import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import { todayInChina } from "../../platform/clock.ts";
import type { Db } from "../../platform/db.ts";
import { DomainError, invalid } from "../../platform/errors.ts";
import type { Fen } from "../../platform/money.ts";
import { getCustomerFacts } from "../customers/customers.service.ts";
import { nextApplicationNo } from "./application-store.ts";
import { applicationEvents, applications } from "./origination.schema.ts";
import { currentProductTerms } from "./product-terms.ts";

export type SubmitInput = {
  customerId: string;
  productId: string;
  amount: Fen;
  termMonths: number;
  purpose: string;
};

export async function submitApplication(
  db: Db,
  ctx: RequestContext,
  input: SubmitInput,
): Promise<{ id: string; status: "submitted"; appNo: string }> {
  requirePermission(ctx, "applications.create");
  const today = todayInChina();
  return db.transaction(async (tx) => {
    const customer = await getCustomerFacts(tx, ctx, input.customerId).catch((error: unknown) => {
      if (error instanceof DomainError && error.status === 404)
        throw invalid({ customerId: "unknown-customer" });
      throw error;
    });
    if (customer.blacklisted)
      throw new DomainError({
        code: "customer-blacklisted",
        status: 409,
        fields: { customerId: "customer-blacklisted" },
      });
    if (customer.segment === "student")
      throw new DomainError({
        code: "student-ineligible",
        status: 409,
        fields: { customerId: "student-ineligible" },
      });
    const product = await currentProductTerms(tx, input.productId, today);
    if (!product || product.status !== "active") throw invalid({ productId: "unknown-product" });
    const fields: Record<string, string> = {};
    if (input.amount < product.minAmount || input.amount > product.maxAmount)
      fields.amount = "amount-outside-product";
    if (!product.termOptions.includes(input.termMonths)) fields.termMonths = "term-not-offered";
    if (Object.keys(fields).length) throw invalid(fields);

    const appNo = await nextApplicationNo(tx, today);
    const [row] = await tx
      .insert(applications)
      .values({
        appNo,
        customerId: customer.id,
        productId: product.productId,
        productVersion: product.version,
        amount: input.amount,
        termMonths: input.termMonths,
        purpose: input.purpose,
        status: "submitted",
        // The customer's own manager is the originator even when a team manager keys it in.
        originatorId: customer.ownerId,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: applications.id });
    await tx.insert(applicationEvents).values({
      applicationId: row.id,
      action: "submit",
      fromStatus: null,
      toStatus: "submitted",
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      comment: input.purpose,
    });
    await recordAudit(tx, ctx, {
      action: "application.submit",
      entityType: "application",
      entityId: row.id,
      after: {
        appNo,
        customerId: customer.id,
        productId: product.productId,
        amount: input.amount,
        termMonths: input.termMonths,
      },
    });
    return { id: row.id, status: "submitted" as const, appNo };
  });
}
