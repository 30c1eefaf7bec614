// 待审批: every restructuring and write-off waiting for someone, with the loan it concerns and what
// the caller may do with it — risk co-signs, the committee votes, repayments.approve decides write-offs.
// The services refuse the proposer whatever this list says; the flags only spare a pointless click.
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import { can, type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import { visibleUserIds } from "../../platform/auth/scope.ts";
import type { Queryable } from "../../platform/db.ts";
import { type Fen, formatAmount } from "../../platform/money.ts";
import { selectCustomers } from "../customers/customer-view.ts";
import { customers } from "../customers/customers.schema.ts";
import { getBusinessDate } from "./business-date.ts";
import { currentDpd } from "./cob/as-of.ts";
import type { LoanRow } from "./loan-state.ts";
import { loans } from "./loans.schema.ts";
import { committeeInfo, restructuringView, votesFor } from "./restructuring-queries.ts";
import { loanRestructurings, loanWriteOffs } from "./workout.schema.ts";
import { writeOffEstimate, writeOffView } from "./write-off.service.ts";

function loanSummary(loan: LoanRow, customerName: string | null, businessDate: string) {
  return {
    id: loan.id,
    loanNo: loan.loanNo,
    customerName,
    principalOutstanding: formatAmount(loan.principalOutstanding),
    dpd: currentDpd(loan, businessDate),
    bucket: loan.bucket,
    classification: loan.classification,
    annualRate: loan.annualRate,
    method: loan.method,
    maturityDate: loan.maturityDate,
  };
}

export async function pendingApprovals(db: Queryable, ctx: RequestContext) {
  requirePermission(ctx, "loans.read");
  const visible = await visibleUserIds(db, ctx.actor);
  const inScope: SQL | undefined =
    visible === null
      ? undefined
      : inArray(loans.officerId, visible.length ? visible : [ctx.actor.userId ?? ""]);
  const restructurings = await db
    .select({ r: loanRestructurings, loan: loans })
    .from(loanRestructurings)
    .innerJoin(loans, eq(loans.id, loanRestructurings.loanId))
    .where(and(inArray(loanRestructurings.status, ["pending-cosign", "pending-committee"]), inScope))
    .orderBy(asc(loanRestructurings.proposedAt));
  const writeOffs = await db
    .select({ w: loanWriteOffs, loan: loans })
    .from(loanWriteOffs)
    .innerJoin(loans, eq(loans.id, loanWriteOffs.loanId))
    .where(and(eq(loanWriteOffs.status, "pending"), inScope))
    .orderBy(asc(loanWriteOffs.proposedAt));
  const customerIds = [...new Set([...restructurings, ...writeOffs].map((x) => x.loan.customerId))];
  const names = new Map(
    (customerIds.length ? await selectCustomers(db, inArray(customers.id, customerIds)) : []).map((c) => [
      c.row.id,
      c.row.name,
    ]),
  );
  const businessDate = await getBusinessDate(db);
  const committee = await committeeInfo(db, businessDate);
  const seat = committee.roles.find((r) => ctx.actor.roles.includes(r)) ?? null;
  const cosigner = committee.cosignRoles.some((r) => ctx.actor.roles.includes(r));
  const me = ctx.actor.userId;

  const restructuringItems = [];
  for (const { r, loan } of restructurings) {
    const votes = (await votesFor(db, r.loanId, [r.id])).get(r.id) ?? [];
    const own = r.proposedBy === me;
    restructuringItems.push({
      ...restructuringView(r, votes),
      proposal: r.proposal,
      loan: loanSummary(loan, names.get(loan.customerId) ?? null, businessDate),
      youMay:
        r.status === "pending-cosign"
          ? cosigner && can(ctx.actor, "collections.work") && !own
            ? "cosign"
            : null
          : seat &&
              can(ctx.actor, "applications.vote") &&
              !own &&
              !votes.some((v) => v.voterId === me || v.seat === seat)
            ? "vote"
            : null,
      own,
    });
  }
  const writeOffItems = [];
  for (const { w, loan } of writeOffs)
    writeOffItems.push({
      ...writeOffView(w),
      loan: loanSummary(loan, names.get(loan.customerId) ?? null, businessDate),
      estimate: await writeOffEstimate(db, loan, w.requestedPrincipal as Fen | null),
      youMay: can(ctx.actor, "repayments.approve") && w.proposedBy !== me ? "decide" : null,
      own: w.proposedBy === me,
    });
  return { restructurings: restructuringItems, writeOffs: writeOffItems, committee, seat };
}
