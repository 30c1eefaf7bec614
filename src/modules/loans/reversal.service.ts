// 冲正 (repayment reversal), maker–checker: one person proposes with a reason, another person with
// repayments.approve approves. Approval writes a reversing transaction and a reversing journal entry
// and takes the amounts back off the installments; nothing is deleted. Only the loan's latest
// standing money transaction can be reversed, so no later payment rests on the one being undone.
// A recovery after write-off is reversed through the same requests (recovery-reversal.ts).
import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Tx } from "../../platform/db.ts";
import { conflict, notFound } from "../../platform/errors.ts";
import { formatAmount } from "../../platform/money.ts";
import type { PostingLine } from "../ledger/domain/chart.ts";
import { postJournal } from "../ledger/ledger.service.ts";
import { getBusinessDate } from "./business-date.ts";
import { catchUpLoan } from "./cob/catch-up.ts";
import type { AllocationLine } from "./domain/allocation.ts";
import {
  applyToInstallments,
  CHANNEL_ACCOUNT,
  loadInstallments,
  lockLoan,
  settleLoanState,
} from "./loan-state.ts";
import { approveRecoveryReversal, proposeRecoveryReversal } from "./recovery-reversal.ts";
import type { DueAdjustment } from "./repayment-plan.ts";
import { rewriteDues } from "./repayments.service.ts";
import { restructuredSince } from "./restructuring-queries.ts";
import { loanTransactions, repaymentReversals } from "./servicing.schema.ts";

async function loadTransaction(tx: Tx, loanId: string, txId: string) {
  const [row] = await tx
    .select()
    .from(loanTransactions)
    .where(and(eq(loanTransactions.loanId, loanId), eq(loanTransactions.id, txId)));
  if (!row) throw notFound("transaction");
  return row;
}

async function pendingRequest(tx: Tx, loanId: string, txId: string) {
  const [row] = await tx
    .select()
    .from(repaymentReversals)
    .where(
      and(
        eq(repaymentReversals.loanId, loanId),
        eq(repaymentReversals.transactionId, txId),
        eq(repaymentReversals.status, "pending"),
      ),
    );
  return row ?? null;
}

export async function proposeReversal(
  db: Db,
  ctx: RequestContext,
  loanId: string,
  txId: string,
  input: { reason: string },
) {
  requirePermission(ctx, "repayments.post");
  return db.transaction(async (tx) => {
    const loan = await lockLoan(tx, loanId);
    const original = await loadTransaction(tx, loanId, txId);
    if (original.kind === "recovery")
      return proposeRecoveryReversal(tx, ctx, {
        loan,
        recovery: original,
        reason: input.reason,
        pending: Boolean(await pendingRequest(tx, loanId, txId)),
      });
    if (loan.status === "written-off") throw conflict("loan-not-active", { status: loan.status });
    if (original.kind !== "repayment") throw conflict("reversal-not-supported", { kind: original.kind });
    if (original.reversedBy) throw conflict("already-reversed");
    if (await restructuredSince(tx, loanId, original.createdAt))
      throw conflict("reversal-before-restructuring");
    if (await pendingRequest(tx, loanId, txId)) throw conflict("reversal-pending");
    const [request] = await tx
      .insert(repaymentReversals)
      .values({ loanId, transactionId: txId, reason: input.reason, proposedBy: ctx.actor.userId })
      .returning();
    await recordAudit(tx, ctx, {
      action: "loan.reversal-proposed",
      entityType: "loan",
      entityId: loanId,
      after: {
        requestId: request.id,
        transactionId: txId,
        amount: formatAmount(original.amount),
        reason: input.reason,
      },
    });
    return { id: request.id, transactionId: txId, status: request.status };
  });
}

export async function rejectReversal(db: Db, ctx: RequestContext, loanId: string, txId: string) {
  requirePermission(ctx, "repayments.approve");
  return db.transaction(async (tx) => {
    await lockLoan(tx, loanId);
    const request = await pendingRequest(tx, loanId, txId);
    if (!request) throw notFound("reversal");
    await tx
      .update(repaymentReversals)
      .set({ status: "rejected", decidedBy: ctx.actor.userId, decidedAt: new Date() })
      .where(and(eq(repaymentReversals.loanId, loanId), eq(repaymentReversals.id, request.id)));
    await recordAudit(tx, ctx, {
      action: "loan.reversal-rejected",
      entityType: "loan",
      entityId: loanId,
      after: { requestId: request.id, transactionId: txId },
    });
    return { id: request.id, transactionId: txId, status: "rejected" as const };
  });
}

export async function approveReversal(db: Db, ctx: RequestContext, loanId: string, txId: string) {
  requirePermission(ctx, "repayments.approve");
  return db.transaction(async (tx) => {
    const loan = await lockLoan(tx, loanId);
    const request = await pendingRequest(tx, loanId, txId);
    if (!request) throw notFound("reversal");
    if (request.proposedBy === ctx.actor.userId) throw conflict("reversal-own-proposal");
    const original = await loadTransaction(tx, loanId, txId);
    if (original.reversedBy) throw conflict("already-reversed");
    if (original.kind === "recovery")
      return approveRecoveryReversal(tx, ctx, { loan, recovery: original, request });
    if (loan.status === "written-off") throw conflict("loan-not-active", { status: loan.status });
    // The schedule the payment was allocated to was replaced by a restructuring since.
    if (await restructuredSince(tx, loanId, original.createdAt))
      throw conflict("reversal-before-restructuring");
    const [latest] = await tx
      .select({ id: loanTransactions.id })
      .from(loanTransactions)
      .where(
        and(
          eq(loanTransactions.loanId, loanId),
          isNull(loanTransactions.reversedBy),
          ne(loanTransactions.kind, "reversal"),
        ),
      )
      .orderBy(desc(loanTransactions.createdAt))
      .limit(1);
    if (latest?.id !== txId) throw conflict("reversal-not-latest");
    if (loan.creditBalance < original.credit) throw conflict("reversal-credit-used");

    const date = await getBusinessDate(tx);
    // Write down the penalty to date before the principal it accrues on changes (cob/catch-up.ts).
    const caughtUp = await catchUpLoan(tx, ctx, loan, date);
    const lines = (original.allocation as { lines: AllocationLine[] }).lines;
    await applyToInstallments(tx, { loanId, lines, sign: -1, date });
    const adjustments = (original.scheduleBefore as DueAdjustment[] | null) ?? [];
    const rowsNow = await loadInstallments(tx, loanId);
    const restoreLines = await rewriteDues(tx, { loanId, rows: rowsNow, adjustments, direction: "restore" });
    // Debits mirror the payment's credits, by where each amount sits now (recognised or not).
    const recognised = new Map(rowsNow.map((r) => [r.period, r.recognisedDate != null]));
    const debits = new Map<string, number>();
    const add = (account: string, amount: number) =>
      amount && debits.set(account, (debits.get(account) ?? 0) + amount);
    for (const l of lines) {
      add("1301", l.principal);
      add(recognised.get(l.period) ? "1302" : "6011", l.interest);
      add(recognised.get(l.period) ? "1304" : "6021", l.fee);
      add("1303", l.penalty);
    }
    add("2241", original.credit);
    const journal: PostingLine[] = [
      ...[...debits.entries()].map(([account, debit]) => ({ account, debit })),
      { account: CHANNEL_ACCOUNT[original.channel ?? "bank-transfer"], credit: original.amount },
      ...restoreLines,
    ];
    const journalId = await postJournal(tx, ctx, {
      date,
      kind: "reversal",
      description: `冲正 ${loan.loanNo}: ${request.reason}`,
      loanId,
      source: { type: "loan-transaction", id: txId },
      reversalOf: original.journalEntryId ?? undefined,
      lines: journal,
    });
    const [reversal] = await tx
      .insert(loanTransactions)
      .values({
        loanId,
        kind: "reversal",
        txDate: date,
        amount: original.amount,
        channel: original.channel,
        reference: original.reference,
        principal: original.principal,
        interest: original.interest,
        fee: original.fee,
        penalty: original.penalty,
        credit: original.credit,
        allocation: original.allocation,
        scheduleBefore: original.scheduleBefore,
        journalEntryId: journalId,
        reversalOf: txId,
        createdBy: ctx.actor.userId,
        createdAt: sql`clock_timestamp()`,
      })
      .returning({ id: loanTransactions.id });
    await tx
      .update(loanTransactions)
      .set({ reversedBy: reversal.id })
      .where(and(eq(loanTransactions.loanId, loanId), eq(loanTransactions.id, txId)));
    await tx
      .update(repaymentReversals)
      .set({
        status: "approved",
        decidedBy: ctx.actor.userId,
        decidedAt: new Date(),
        reversalTransactionId: reversal.id,
      })
      .where(and(eq(repaymentReversals.loanId, loanId), eq(repaymentReversals.id, request.id)));
    const state = await settleLoanState(tx, ctx, {
      loan: caughtUp,
      principalDelta: original.principal,
      creditDelta: -original.credit,
      businessDate: date,
      date,
    });
    // A loan reopened by the reversal missed the closes since it was repaid: catch it up now.
    if (state.status === "active" && loan.status !== "active")
      await catchUpLoan(tx, ctx, await lockLoan(tx, loanId), date);
    await recordAudit(tx, ctx, {
      action: "loan.reversal-approved",
      entityType: "loan",
      entityId: loanId,
      after: {
        requestId: request.id,
        transactionId: txId,
        reversalTransactionId: reversal.id,
        amount: formatAmount(original.amount),
        proposedBy: request.proposedBy,
      },
    });
    return {
      id: request.id,
      transactionId: txId,
      reversalTransactionId: reversal.id,
      status: "approved" as const,
      loanStatus: state.status,
    };
  });
}
