// What the close of business (日终) does for staff on each date it closes: probations whose last day
// has passed without 通关 and the leader's approval fail (DOMAIN.md §6), and people whose recorded
// last day was the day before lose their sign-in. Runs inside the close's transaction for the date.
import { and, eq } from "drizzle-orm";
import { type AuditEntry, recordAudit } from "../../platform/audit.ts";
import type { RequestContext } from "../../platform/auth/actor.ts";
import type { Tx } from "../../platform/db.ts";
import { closeAccountOfLeaver } from "../identity/leavers.service.ts";
import { addDays } from "./domain/dates.ts";
import { failExpiredProbations } from "./probation.service.ts";
import { staffMembers } from "./staff.schema.ts";

export async function closeStaffDay(
  tx: Tx,
  ctx: RequestContext,
  date: string,
): Promise<{ probationsClosed: number; accountsClosed: number }> {
  const { entries, skipped } = await failExpiredProbations(tx, ctx, date);
  const audits: AuditEntry[] = [...entries];
  for (const s of skipped)
    audits.push({
      action: "probation.close-skipped",
      entityType: "staff",
      entityId: s.staffId,
      after: { date, error: s.error },
    });
  // A leaving recorded ahead of the last day: the sign-in ends once that day is over.
  const leavers = await tx
    .select({ id: staffMembers.id, userId: staffMembers.userId, leftOn: staffMembers.leftOn })
    .from(staffMembers)
    .where(and(eq(staffMembers.status, "left"), eq(staffMembers.leftOn, addDays(date, -1))));
  let accountsClosed = 0;
  for (const leaver of leavers) {
    if (!leaver.userId || !leaver.leftOn) continue;
    const account = { userId: leaver.userId, leftOn: leaver.leftOn, staffId: leaver.id };
    try {
      // A savepoint: the last active administrator's account stays open (and says why) without
      // stopping the close.
      const closed = await tx.transaction((sp) => closeAccountOfLeaver(sp, account));
      if (closed) {
        audits.push(closed);
        accountsClosed += 1;
      }
    } catch (error) {
      audits.push({
        action: "user.disable-skipped",
        entityType: "user",
        entityId: leaver.userId,
        after: { date, error: error instanceof Error ? error.message : String(error) },
      });
    }
  }
  for (const entry of audits) await recordAudit(tx, ctx, entry);
  return {
    probationsClosed: entries.filter((e) => e.action.startsWith("probation.")).length,
    accountsClosed: accountsClosed + entries.filter((e) => e.entityType === "user").length,
  };
}
