// 冲正 of a recovery after write-off (核销后收回): the same maker–checker as a repayment reversal
// (reversal.service.ts: the same request table, endpoints and permissions — repayments.post proposes,
// someone else with repayments.approve approves), but nothing on the installments moves: a recovery
// was income against the off-balance memo. Approval posts the mirror entry (Dr 6031 / Cr cash or
// bank), writes a `reversal` transaction pointing at it and takes the amount back off the memo's
// `recovered`. Any recovery may be reversed, in any order: none rests on another.
import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import type { RequestContext } from "../../platform/auth/actor.ts";
import type { Tx } from "../../platform/db.ts";
import { conflict, DomainError } from "../../platform/errors.ts";
import { formatAmount } from "../../platform/money.ts";
import { postJournal } from "../ledger/ledger.service.ts";
import { getBusinessDate } from "./business-date.ts";
import { CHANNEL_ACCOUNT, type LoanRow } from "./loan-state.ts";
import { loanTransactions, repaymentReversals } from "./servicing.schema.ts";
import { loanWriteOffs } from "./workout.schema.ts";

type TransactionRow = typeof loanTransactions.$inferSelect;
type RequestRow = typeof repaymentReversals.$inferSelect;

const writeOffIdOf = (recovery: TransactionRow) => (recovery.allocation as { writeOffId: string }).writeOffId;

export async function proposeRecoveryReversal(
  tx: Tx,
  ctx: RequestContext,
  options: { loan: LoanRow; recovery: TransactionRow; reason: string; pending: boolean },
) {
  const { loan, recovery } = options;
  if (recovery.reversedBy) throw conflict("already-reversed");
  if (options.pending) throw conflict("reversal-pending");
  const [request] = await tx
    .insert(repaymentReversals)
    .values({
      loanId: loan.id,
      transactionId: recovery.id,
      reason: options.reason,
      proposedBy: ctx.actor.userId,
    })
    .returning();
  await recordAudit(tx, ctx, {
    action: "loan.recovery-reversal-proposed",
    entityType: "loan",
    entityId: loan.id,
    after: {
      requestId: request.id,
      transactionId: recovery.id,
      writeOffId: writeOffIdOf(recovery),
      amount: formatAmount(recovery.amount),
      reason: options.reason,
    },
  });
  return { id: request.id, transactionId: recovery.id, status: request.status };
}

export async function approveRecoveryReversal(
  tx: Tx,
  ctx: RequestContext,
  options: { loan: LoanRow; recovery: TransactionRow; request: RequestRow },
) {
  const { loan, recovery, request } = options;
  const writeOffId = writeOffIdOf(recovery);
  const date = await getBusinessDate(tx);
  const account = CHANNEL_ACCOUNT[recovery.channel ?? "bank-transfer"];
  const journalId = await postJournal(tx, ctx, {
    date,
    kind: "reversal",
    description: `冲正核销后收回 ${loan.loanNo}: ${request.reason}`,
    loanId: loan.id,
    source: { type: "loan-transaction", id: recovery.id },
    reversalOf: recovery.journalEntryId ?? undefined,
    lines: [
      { account: "6031", debit: recovery.amount },
      { account, credit: recovery.amount },
    ],
  });
  const [reversal] = await tx
    .insert(loanTransactions)
    .values({
      loanId: loan.id,
      kind: "reversal",
      txDate: date,
      amount: recovery.amount,
      channel: recovery.channel,
      reference: recovery.reference,
      allocation: { writeOffId, recovery: true },
      journalEntryId: journalId,
      reversalOf: recovery.id,
      createdBy: ctx.actor.userId,
      createdAt: sql`clock_timestamp()`,
    })
    .returning({ id: loanTransactions.id });
  await tx
    .update(loanTransactions)
    .set({ reversedBy: reversal.id })
    .where(and(eq(loanTransactions.loanId, loan.id), eq(loanTransactions.id, recovery.id)));
  const [memo] = await tx
    .update(loanWriteOffs)
    .set({ recovered: sql`${loanWriteOffs.recovered} - ${recovery.amount}` })
    .where(and(eq(loanWriteOffs.loanId, loan.id), eq(loanWriteOffs.id, writeOffId)))
    .returning({ recovered: loanWriteOffs.recovered });
  // The memo only ever counted this recovery once; going below zero would mean it never did.
  if (!memo || memo.recovered < 0) throw new DomainError({ code: "allocation-mismatch", status: 500 });
  await tx
    .update(repaymentReversals)
    .set({
      status: "approved",
      decidedBy: ctx.actor.userId,
      decidedAt: new Date(),
      reversalTransactionId: reversal.id,
    })
    .where(and(eq(repaymentReversals.loanId, loan.id), eq(repaymentReversals.id, request.id)));
  await recordAudit(tx, ctx, {
    action: "loan.recovery-reversal-approved",
    entityType: "loan",
    entityId: loan.id,
    before: { recovered: formatAmount(memo.recovered + recovery.amount) },
    after: {
      requestId: request.id,
      transactionId: recovery.id,
      reversalTransactionId: reversal.id,
      writeOffId,
      amount: formatAmount(recovery.amount),
      recovered: formatAmount(memo.recovered),
      proposedBy: request.proposedBy,
    },
  });
  return {
    id: request.id,
    transactionId: recovery.id,
    reversalTransactionId: reversal.id,
    status: "approved" as const,
    loanStatus: loan.status,
  };
}
