// Applications with no progress for the configured number of days expire (DOMAIN.md §5 is silent on
// the number; it is the `origination.expiry-days` setting). Run by the close of business for each date.
import { and, inArray, lt } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import type { RequestContext } from "../../platform/auth/actor.ts";
import type { Tx } from "../../platform/db.ts";
import { getSetting } from "../settings/settings.service.ts";
import { TRANSITIONS } from "./domain/state-machine.ts";
import { applicationEvents, applications } from "./origination.schema.ts";

export async function expireStaleApplications(
  tx: Tx,
  ctx: RequestContext,
  businessDate: string,
): Promise<number> {
  const days = await getSetting(tx, "origination.expiry-days", businessDate);
  // End of the business date in China time, minus the allowed idle days.
  const cutoff = new Date(Date.parse(`${businessDate}T16:00:00Z`) - days * 86_400_000);
  const stale = await tx
    .update(applications)
    .set({ status: "expired", statusChangedAt: new Date(), updatedAt: new Date() })
    .where(
      and(
        inArray(applications.status, [...TRANSITIONS.expire.from]),
        lt(applications.statusChangedAt, cutoff),
      ),
    )
    .returning({ id: applications.id, appNo: applications.appNo });
  if (stale.length === 0) return 0;
  await tx.insert(applicationEvents).values(
    stale.map((a) => ({
      applicationId: a.id,
      action: "expire",
      fromStatus: null,
      toStatus: "expired",
      actorId: null,
      actorName: "系统 System",
      comment: `${days} 天无进展自动失效`,
    })),
  );
  await recordAudit(tx, ctx, {
    action: "application.expired",
    entityType: "application",
    entityId: null,
    after: { businessDate, days, applications: stale.map((a) => a.appNo) },
  });
  return stale.length;
}
