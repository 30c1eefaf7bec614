// Unmasking: a role with pii.unmask may see one clear value at a time, and every look is audited with
// the field it showed (never the value itself).

import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db } from "../../platform/db.ts";
import type { PiiCipher } from "../../platform/pii.ts";
import { loadVisibleCustomer } from "./customer-view.ts";
import type { PiiField } from "./customers.contracts.ts";

export async function unmaskPersonalData(
  deps: { db: Db; pii: PiiCipher },
  ctx: RequestContext,
  input: { customerId: string; field: PiiField },
): Promise<{ field: PiiField; value: string | null }> {
  requirePermission(ctx, "pii.unmask");
  return deps.db.transaction(async (tx) => {
    const row = await loadVisibleCustomer(tx, ctx, input.customerId);
    const sealed = { idNumber: row.idNumberEnc, phone: row.phoneEnc, bankCard: row.bankCardEnc }[input.field];
    const value = sealed ? deps.pii.decrypt(sealed) : null;
    await recordAudit(tx, ctx, {
      action: "customer.pii-unmasked",
      entityType: "customer",
      entityId: input.customerId,
      after: { field: input.field },
    });
    return { field: input.field, value };
  });
}
