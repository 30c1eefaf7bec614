// One click from lead to business: register the customer (customers service) and submit the
// application (origination service) — step 1 of the seven, the first status an application has —
// and move the lead to 已申请, all in one transaction. Students are refused before anything is
// written (DOMAIN.md §8). The caller needs the permissions those services check (customers.write,
// applications.create); a telemarketer hands the lead to a customer manager instead.
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { conflict, DomainError, invalid } from "../../platform/errors.ts";
import { type Fen, parseAmount } from "../../platform/money.ts";
import { createCustomer, getCustomerFacts } from "../customers/customers.service.ts";
import { submitApplication } from "../origination/submission.service.ts";
import { leads } from "./crm.schema.ts";
import { isOpenStage } from "./domain/lead-rules.ts";
import { addLeadEvents, hasIntentEvent, type LeadEventInput } from "./lead-events.ts";
import { type LeadView, leadView, loadVisibleLead } from "./lead-view.ts";
import type { ConvertInput } from "./leads.contracts.ts";
import type { LeadDeps } from "./leads.service.ts";

export type ConvertResult = { lead: LeadView; customerId: string; applicationId: string; appNo: string };

/** Whether a user may own customer files (a customer or team manager), so the customer stays with them. */
async function holdsCustomers(db: Queryable, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  const result = await db.execute(sql`
    select 1 from users u join user_roles ur on ur.user_id = u.id join roles r on r.key = ur.role_key
    where u.id = ${userId} and u.status = 'active' and r.permissions @> '["customers.write"]'::jsonb limit 1`);
  return (result as unknown as { rows: unknown[] }).rows.length > 0;
}

export async function convertLead(
  deps: LeadDeps,
  ctx: RequestContext,
  leadId: string,
  input: ConvertInput,
): Promise<ConvertResult> {
  requirePermission(ctx, "crm.leads");
  requirePermission(ctx, "customers.write");
  requirePermission(ctx, "applications.create");
  if (input.segment === "student")
    throw new DomainError({ code: "lead-student", status: 409, fields: { segment: "lead-student" } });
  const result = await deps.db.transaction(async (tx) => {
    const lead = await loadVisibleLead(tx, ctx, leadId, { lock: true });
    if (lead.invalidReason === "student") throw new DomainError({ code: "lead-student", status: 409 });
    if (!isOpenStage(lead.stage)) throw conflict("lead-not-convertible", { stage: lead.stage });
    // The services open their own transactions; given ours, they run as savepoints inside it, so a
    // refusal anywhere (duplicate customer, product limits) leaves nothing behind.
    const inner = tx as unknown as Db;
    let customerId = input.customerId;
    if (customerId) {
      await getCustomerFacts(tx, ctx, customerId);
    } else {
      const idNumber =
        input.idNumber?.trim() || (lead.idNumberEnc ? deps.pii.decrypt(lead.idNumberEnc) : null);
      if (!idNumber) throw invalid({ idNumber: "required" });
      const ownerId = (await holdsCustomers(tx, lead.ownerId)) ? (lead.ownerId as string) : undefined;
      const created = await createCustomer({ db: inner, pii: deps.pii }, ctx, {
        type: "individual",
        name: lead.name,
        idNumber,
        phone: deps.pii.decrypt(lead.phoneEnc),
        segment: "individual",
        ownerId,
        notes: lead.notes ?? undefined,
      });
      customerId = created.customer.id;
    }
    const application = await submitApplication(inner, ctx, {
      customerId,
      productId: input.productId,
      amount: parseAmount(input.amount) as Fen,
      termMonths: input.termMonths,
      purpose: input.purpose,
    });
    await tx
      .update(leads)
      .set({
        stage: "applied",
        customerId,
        applicationId: application.id,
        stageChangedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(leads.id, lead.id));
    const events: LeadEventInput[] = [
      { leadId: lead.id, kind: "converted", toValue: application.appNo, ownerId: lead.ownerId },
      { leadId: lead.id, kind: "stage", fromValue: lead.stage, toValue: "applied", ownerId: lead.ownerId },
    ];
    // An applicant was an intent customer even if nobody marked it on the way.
    if (!(await hasIntentEvent(tx, lead.id)))
      events.unshift({ leadId: lead.id, kind: "intent", toValue: "applied", ownerId: lead.ownerId });
    await addLeadEvents(tx, ctx, events);
    await recordAudit(tx, ctx, {
      action: "lead.converted",
      entityType: "lead",
      entityId: lead.id,
      before: { stage: lead.stage },
      after: { stage: "applied", customerId, applicationId: application.id, appNo: application.appNo },
    });
    return { customerId, applicationId: application.id, appNo: application.appNo };
  });
  return { ...result, lead: await leadView(deps.db, leadId) };
}
