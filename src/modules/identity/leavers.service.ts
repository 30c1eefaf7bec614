// Someone who has left the company signs in no more: HR's record of the leaving disables the account
// and ends its sessions in the same transaction (or the close of business does, on the day after a
// last day that was recorded in advance). The audit entry goes back to the caller, who writes it last.

import { eq } from "drizzle-orm";
import type { AuditEntry } from "../../platform/audit.ts";
import type { Tx } from "../../platform/db.ts";
import { users } from "./identity.schema.ts";
import { deleteSessionsOfUsers } from "./sessions.ts";
import { assertAnActiveAdminRemains } from "./users.service.ts";

export async function closeAccountOfLeaver(
  tx: Tx,
  options: { userId: string; leftOn: string; staffId: string },
): Promise<AuditEntry | null> {
  const [user] = await tx.select().from(users).where(eq(users.id, options.userId)).for("update");
  if (!user) return null;
  // Sessions end even when an administrator disabled the account before.
  await deleteSessionsOfUsers(tx, [user.id]);
  if (user.status === "disabled") return null;
  await tx.update(users).set({ status: "disabled", updatedAt: new Date() }).where(eq(users.id, user.id));
  // The last active administrator cannot be signed out of the company this way either.
  await assertAnActiveAdminRemains(tx);
  return {
    action: "user.disabled-on-leaving",
    entityType: "user",
    entityId: user.id,
    before: { status: user.status },
    after: { status: "disabled", leftOn: options.leftOn, staffId: options.staffId },
  };
}
