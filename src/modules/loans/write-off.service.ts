// 核销 (write-off), maker–checker: finance or a loan-admin proposes it for a loan past the write-off
// DPD threshold; someone else with repayments.approve approves it. Approval takes the loan's
// receivables off the balance sheet against its provision (domain/write-off.ts), marks the loan
// written-off, closes its collection task and keeps the amounts off balance in the memo, where
// recoveries are later counted (recoveries.service.ts). Nothing owed is forgiven: the installments
// keep the claim (账销案存). A proposal may name an amount of principal instead (部分核销,
// partial-write-off.ts): only that leaves the books and the loan stays active.
import { and, asc, desc, eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { can, type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable, Tx } from "../../platform/db.ts";
import { conflict, DomainError, forbidden, invalid } from "../../platform/errors.ts";
import { type Fen, formatAmount, formatYuan } from "../../platform/money.ts";
import { collectionTasks } from "../collections/collections.schema.ts";
import { postJournal } from "../ledger/ledger.service.ts";
import { getSetting } from "../settings/settings.service.ts";
import { getBusinessDate } from "./business-date.ts";
import { currentDpd } from "./cob/as-of.ts";
import {
  partialWriteOffAmounts,
  type WriteOffAmounts,
  writeOffAmounts,
  writeOffPosting,
} from "./domain/write-off.ts";
import { loadVisibleLoan } from "./loan-queries.service.ts";
import { type LoanRow, loadInstallments, lockLoan, openActiveLoan } from "./loan-state.ts";
import { loans } from "./loans.schema.ts";
import { applyPartialWriteOff } from "./partial-write-off.ts";
import { parsePositiveAmount } from "./repayments.service.ts";
import { assertNothingPending } from "./restructuring.service.ts";
import { loanTransactions } from "./servicing.schema.ts";
import { loanWriteOffs } from "./workout.schema.ts";

type WriteOffRow = typeof loanWriteOffs.$inferSelect;

export const writtenOffTotal = (w: WriteOffRow) => w.principal + w.interest + w.penalty + w.fee;

export function writeOffView(w: WriteOffRow) {
  const total = writtenOffTotal(w);
  return {
    id: w.id,
    loanId: w.loanId,
    status: w.status,
    scope: w.requestedPrincipal === null ? ("full" as const) : ("partial" as const),
    requestedPrincipal: w.requestedPrincipal === null ? null : formatAmount(w.requestedPrincipal),
    reason: w.reason,
    dpdAtProposal: w.dpdAtProposal,
    proposedBy: { id: w.proposedBy, name: w.proposedByName },
    proposedAt: w.proposedAt.toISOString(),
    decidedBy: w.decidedBy ? { id: w.decidedBy, name: w.decidedByName } : null,
    decidedAt: w.decidedAt?.toISOString() ?? null,
    decisionComment: w.decisionComment,
    writtenOffOn: w.writtenOffOn,
    principal: formatAmount(w.principal),
    interest: formatAmount(w.interest),
    penalty: formatAmount(w.penalty),
    fee: formatAmount(w.fee),
    total: formatAmount(total),
    provisionUsed: formatAmount(w.provisionUsed),
    expense: formatAmount(w.expense),
    recovered: formatAmount(w.recovered),
    remaining: formatAmount(w.status === "approved" ? total - w.recovered : 0),
  };
}

/**
 * What a write-off would take off the books today, and whether the loan qualifies; with `principal`
 * below the outstanding principal, what that partial write-off would take.
 */
export async function writeOffEstimate(db: Queryable, loan: LoanRow, principal: Fen | null = null) {
  const businessDate = await getBusinessDate(db);
  const minDpd = await getSetting(db, "write-off.min-dpd", businessDate);
  const partial = principal !== null && principal < loan.principalOutstanding;
  const a = partial
    ? partialWriteOffAmounts({
        principal,
        principalOutstanding: loan.principalOutstanding as Fen,
        provision: loan.provision as Fen,
      })
    : writeOffAmounts({
        rows: await loadInstallments(db, loan.id),
        principalOutstanding: loan.principalOutstanding as Fen,
        provision: loan.provision as Fen,
      });
  const dpd = currentDpd(loan, businessDate);
  return {
    dpd,
    minDpd,
    scope: partial ? ("partial" as const) : ("full" as const),
    principalOutstanding: formatAmount(loan.principalOutstanding),
    eligible: loan.status === "active" && dpd >= minDpd && loan.creditBalance === 0,
    principal: formatAmount(a.principal),
    interest: formatAmount(a.interest),
    penalty: formatAmount(a.penalty),
    fee: formatAmount(a.fee),
    total: formatAmount(a.total),
    provision: formatAmount(a.provisionUsed),
    expense: formatAmount(a.expense),
  };
}

export async function getWriteOff(
  db: Queryable,
  ctx: RequestContext,
  loanId: string,
  options: { principal?: string } = {},
) {
  const principal =
    options.principal === undefined ? null : parsePositiveAmount(options.principal, "principal");
  const loan = await loadVisibleLoan(db, ctx, loanId);
  const rows = await db
    .select()
    .from(loanWriteOffs)
    .where(eq(loanWriteOffs.loanId, loanId))
    .orderBy(desc(loanWriteOffs.proposedAt));
  const recoveries = await db
    .select()
    .from(loanTransactions)
    .where(and(eq(loanTransactions.loanId, loanId), eq(loanTransactions.kind, "recovery")))
    .orderBy(asc(loanTransactions.createdAt));
  // The write-off in flight, or the full one the loan is kept under; approved partial ones are history.
  const current =
    rows.find((w) => w.status === "pending" || (w.status === "approved" && w.requestedPrincipal === null)) ??
    null;
  return {
    loanId,
    loanStatus: loan.status,
    current: current ? writeOffView(current) : null,
    history: rows.map(writeOffView),
    estimate: loan.status === "active" ? await writeOffEstimate(db, loan, principal) : null,
    recoveries: recoveries.map((t) => ({
      id: t.id,
      date: t.txDate,
      amount: formatAmount(t.amount),
      channel: t.channel,
      reference: t.reference,
      // 冲正: the reversal transaction that undid it (recovery-reversal.ts), or null.
      reversedBy: t.reversedBy,
      createdAt: t.createdAt.toISOString(),
    })),
  };
}

async function pendingWriteOff(tx: Tx, loanId: string): Promise<WriteOffRow> {
  const [row] = await tx
    .select()
    .from(loanWriteOffs)
    .where(and(eq(loanWriteOffs.loanId, loanId), eq(loanWriteOffs.status, "pending")));
  if (!row) throw conflict("write-off-none-pending");
  return row;
}

async function assertQualifies(tx: Tx, loan: LoanRow, businessDate: string): Promise<void> {
  const minDpd = await getSetting(tx, "write-off.min-dpd", businessDate);
  if (loan.dpd < minDpd) throw conflict("write-off-dpd-too-low", { dpd: loan.dpd, min: minDpd });
  if (loan.creditBalance > 0)
    throw conflict("write-off-credit-balance", { credit: formatYuan(loan.creditBalance) });
}

export async function proposeWriteOff(
  db: Db,
  ctx: RequestContext,
  loanId: string,
  input: { reason: string; principal?: string },
) {
  const named = input.principal === undefined ? null : parsePositiveAmount(input.principal, "principal");
  // Finance (who books it) or a loan-admin (who collects it) may propose.
  if (!can(ctx.actor, "repayments.post") && !can(ctx.actor, "collections.work")) throw forbidden();
  await loadVisibleLoan(db, ctx, loanId);
  return db.transaction(async (tx) => {
    const { loan, businessDate } = await openActiveLoan(tx, ctx, loanId, await getBusinessDate(tx));
    await assertNothingPending(tx, loanId);
    await assertQualifies(tx, loan, businessDate);
    if (named !== null && named > loan.principalOutstanding)
      throw invalid({ principal: "above-principal-outstanding" });
    // Naming the whole principal is the full write-off.
    const requestedPrincipal = named !== null && named < loan.principalOutstanding ? named : null;
    const [row] = await tx
      .insert(loanWriteOffs)
      .values({
        loanId,
        reason: input.reason,
        requestedPrincipal,
        dpdAtProposal: loan.dpd,
        proposedBy: ctx.actor.userId,
        proposedByName: ctx.actor.displayName,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: "loan.write-off-proposed",
      entityType: "loan",
      entityId: loanId,
      after: {
        writeOffId: row.id,
        dpd: loan.dpd,
        reason: input.reason,
        scope: requestedPrincipal === null ? "full" : "partial",
        principal: requestedPrincipal === null ? null : formatAmount(requestedPrincipal),
      },
    });
    return writeOffView(row);
  });
}

export async function approveWriteOff(
  db: Db,
  ctx: RequestContext,
  loanId: string,
  input: { comment?: string | null },
) {
  requirePermission(ctx, "repayments.approve");
  await loadVisibleLoan(db, ctx, loanId);
  return db.transaction(async (tx) => {
    await lockLoan(tx, loanId);
    const request = await pendingWriteOff(tx, loanId);
    if (request.proposedBy === ctx.actor.userId) throw conflict("write-off-own-proposal");
    const { loan, rows, businessDate } = await openActiveLoan(tx, ctx, loanId, await getBusinessDate(tx));
    await assertQualifies(tx, loan, businessDate);
    if (request.requestedPrincipal !== null) {
      const partial = await applyPartialWriteOff(tx, ctx, { loan, rows, businessDate, request });
      return decide(tx, ctx, {
        loan,
        request,
        comment: input.comment,
        businessDate,
        amounts: partial.amounts,
        journalEntryId: partial.journalEntryId,
      });
    }
    const amounts = writeOffAmounts({
      rows,
      principalOutstanding: loan.principalOutstanding as Fen,
      provision: loan.provision as Fen,
    });
    const journalEntryId = await postJournal(tx, ctx, {
      date: businessDate,
      kind: "write-off",
      description: `核销 ${loan.loanNo}:${request.reason}`,
      loanId,
      source: { type: "loan-write-off", id: request.id },
      lines: writeOffPosting(amounts),
    });
    // Off the books: no principal or provision left on balance; DPD and bucket stay as they were.
    await tx
      .update(loans)
      .set({ status: "written-off", principalOutstanding: 0, provision: 0, classification: "loss" })
      .where(eq(loans.id, loanId));
    await tx
      .update(collectionTasks)
      .set({ status: "resolved", resolvedOn: businessDate })
      .where(and(eq(collectionTasks.loanId, loanId), eq(collectionTasks.status, "open")));
    return decide(tx, ctx, { loan, request, comment: input.comment, businessDate, amounts, journalEntryId });
  });
}

/** Marks the request approved with what left the books, and audits it. */
async function decide(
  tx: Tx,
  ctx: RequestContext,
  options: {
    loan: LoanRow;
    request: WriteOffRow;
    comment?: string | null;
    businessDate: string;
    amounts: WriteOffAmounts;
    journalEntryId: number;
  },
) {
  const { loan, request, amounts } = options;
  const [row] = await tx
    .update(loanWriteOffs)
    .set({
      status: "approved",
      decidedBy: ctx.actor.userId,
      decidedByName: ctx.actor.displayName,
      decidedAt: new Date(),
      decisionComment: options.comment ?? null,
      writtenOffOn: options.businessDate,
      principal: amounts.principal,
      interest: amounts.interest,
      penalty: amounts.penalty,
      fee: amounts.fee,
      provisionUsed: amounts.provisionUsed,
      expense: amounts.expense,
      journalEntryId: options.journalEntryId,
    })
    .where(and(eq(loanWriteOffs.loanId, loan.id), eq(loanWriteOffs.id, request.id)))
    .returning();
  await recordAudit(tx, ctx, {
    action: "loan.written-off",
    entityType: "loan",
    entityId: loan.id,
    before: { status: loan.status, principalOutstanding: formatAmount(loan.principalOutstanding) },
    after: { ...writeOffView(row), proposedBy: request.proposedBy },
  });
  return writeOffView(row);
}

async function closeRequest(
  db: Db,
  ctx: RequestContext,
  loanId: string,
  options: { status: "rejected" | "withdrawn"; comment?: string | null },
) {
  await loadVisibleLoan(db, ctx, loanId);
  return db.transaction(async (tx) => {
    await lockLoan(tx, loanId);
    const request = await pendingWriteOff(tx, loanId);
    const own = request.proposedBy === ctx.actor.userId;
    if (options.status === "rejected" && own) throw conflict("write-off-own-proposal");
    if (options.status === "withdrawn" && !own) throw new DomainError({ code: "not-proposer", status: 403 });
    const [row] = await tx
      .update(loanWriteOffs)
      .set({
        status: options.status,
        decidedBy: ctx.actor.userId,
        decidedByName: ctx.actor.displayName,
        decidedAt: new Date(),
        decisionComment: options.comment ?? null,
      })
      .where(and(eq(loanWriteOffs.loanId, loanId), eq(loanWriteOffs.id, request.id)))
      .returning();
    await recordAudit(tx, ctx, {
      action: `loan.write-off-${options.status}`,
      entityType: "loan",
      entityId: loanId,
      after: { writeOffId: request.id, comment: options.comment ?? null },
    });
    return writeOffView(row);
  });
}

export async function rejectWriteOff(
  db: Db,
  ctx: RequestContext,
  loanId: string,
  input: { comment?: string | null },
) {
  requirePermission(ctx, "repayments.approve");
  return closeRequest(db, ctx, loanId, { status: "rejected", comment: input.comment });
}

export async function withdrawWriteOff(db: Db, ctx: RequestContext, loanId: string) {
  if (!can(ctx.actor, "repayments.post") && !can(ctx.actor, "collections.work")) throw forbidden();
  return closeRequest(db, ctx, loanId, { status: "withdrawn" });
}
