// The blacklist (黑名单): a flag on the customer file with its reason, set and lifted as separate,
// audited actions. Origination's qualification review refuses blacklisted applicants.
import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db } from "../../platform/db.ts";
import { conflict } from "../../platform/errors.ts";
import { type CustomerView, customerView, loadVisibleCustomer } from "./customer-view.ts";
import { customers } from "./customers.schema.ts";

export async function setBlacklisted(
  db: Db,
  ctx: RequestContext,
  input: { customerId: string; blacklisted: boolean; reason: string },
): Promise<CustomerView> {
  requirePermission(ctx, "customers.write");
  await db.transaction(async (tx) => {
    const row = await loadVisibleCustomer(tx, ctx, input.customerId, { lock: true });
    if (row.blacklisted === input.blacklisted)
      throw conflict(input.blacklisted ? "already-blacklisted" : "not-blacklisted");
    const now = new Date();
    await tx
      .update(customers)
      .set(
        input.blacklisted
          ? {
              blacklisted: true,
              blacklistReason: input.reason,
              blacklistedAt: now,
              blacklistedBy: ctx.actor.userId,
              updatedAt: now,
            }
          : {
              blacklisted: false,
              blacklistReason: null,
              blacklistedAt: null,
              blacklistedBy: null,
              updatedAt: now,
            },
      )
      .where(eq(customers.id, input.customerId));
    await recordAudit(tx, ctx, {
      action: input.blacklisted ? "customer.blacklisted" : "customer.unblacklisted",
      entityType: "customer",
      entityId: input.customerId,
      before: { blacklisted: row.blacklisted, blacklistReason: row.blacklistReason },
      after: { blacklisted: input.blacklisted, reason: input.reason },
    });
  });
  return customerView(db, input.customerId);
}
