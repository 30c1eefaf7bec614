// 核销后收回: money received on a written-off loan. It is income (Dr cash / Cr 6031 recoveries after
// write-off), not a repayment — the receivables are already off the books — and is counted against
// the written-off amount in the memo, never beyond it. The route takes an Idempotency-Key; the loan
// is locked so two recoveries cannot both pass the "not beyond" check.
import { and, eq, isNull, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { conflict, invalid } from "../../platform/errors.ts";
import { idempotentTransaction } from "../../platform/idempotency-claim.ts";
import { formatAmount, formatYuan } from "../../platform/money.ts";
import { postJournal } from "../ledger/ledger.service.ts";
import { getBusinessDate } from "./business-date.ts";
import { loadVisibleLoan } from "./loan-queries.service.ts";
import { CHANNEL_ACCOUNT, lockLoan } from "./loan-state.ts";
import { parsePositiveAmount } from "./repayments.service.ts";
import { loanTransactions, type PaymentChannel } from "./servicing.schema.ts";
import { loanWriteOffs } from "./workout.schema.ts";
import { getWriteOff, writtenOffTotal } from "./write-off.service.ts";

export type RecoveryInput = {
  amount: string;
  date: string;
  channel: PaymentChannel;
  reference?: string | null;
};

export async function postRecovery(db: Db, ctx: RequestContext, loanId: string, input: RecoveryInput) {
  requirePermission(ctx, "repayments.post");
  const amount = parsePositiveAmount(input.amount);
  await loadVisibleLoan(db, ctx, loanId);
  return idempotentTransaction(db, ctx, async (tx) => {
    const loan = await lockLoan(tx, loanId);
    if (loan.status !== "written-off") throw conflict("loan-not-written-off");
    const [writeOff] = await tx
      .select()
      .from(loanWriteOffs)
      .where(
        and(
          eq(loanWriteOffs.loanId, loanId),
          eq(loanWriteOffs.status, "approved"),
          isNull(loanWriteOffs.requestedPrincipal),
        ),
      );
    if (!writeOff) throw conflict("loan-not-written-off");
    const businessDate = await getBusinessDate(tx);
    if (input.date > businessDate) throw invalid({ date: "date-after-business-date" });
    if (writeOff.writtenOffOn && input.date < writeOff.writtenOffOn)
      throw invalid({ date: "date-before-write-off" });
    const remaining = writtenOffTotal(writeOff) - writeOff.recovered;
    if (amount > remaining)
      throw conflict("recovery-exceeds-written-off", { remaining: formatYuan(remaining) });

    const journalEntryId = await postJournal(tx, ctx, {
      date: input.date,
      kind: "recovery",
      description: `核销后收回 ${loan.loanNo}${input.reference ? ` ${input.reference}` : ""}`,
      loanId,
      source: { type: "loan-write-off", id: writeOff.id },
      lines: [
        { account: CHANNEL_ACCOUNT[input.channel], debit: amount },
        { account: "6031", credit: amount },
      ],
    });
    const [row] = await tx
      .insert(loanTransactions)
      .values({
        loanId,
        kind: "recovery",
        txDate: input.date,
        amount,
        channel: input.channel,
        reference: input.reference ?? null,
        allocation: {
          writeOffId: writeOff.id,
          recoveredBefore: writeOff.recovered,
          remainingAfter: remaining - amount,
        },
        journalEntryId,
        createdBy: ctx.actor.userId,
        createdAt: sql`clock_timestamp()`,
      })
      .returning({ id: loanTransactions.id });
    await tx
      .update(loanWriteOffs)
      .set({ recovered: sql`${loanWriteOffs.recovered} + ${amount}` })
      .where(and(eq(loanWriteOffs.loanId, loanId), eq(loanWriteOffs.id, writeOff.id)));
    const result = {
      id: row.id,
      writeOffId: writeOff.id,
      amount: formatAmount(amount),
      date: input.date,
      channel: input.channel,
      reference: input.reference ?? null,
      recovered: formatAmount(writeOff.recovered + amount),
      remaining: formatAmount(remaining - amount),
      writtenOff: formatAmount(writtenOffTotal(writeOff)),
    };
    await recordAudit(tx, ctx, {
      action: "loan.recovery-posted",
      entityType: "loan",
      entityId: loanId,
      after: result,
    });
    return result;
  });
}

/** The recoveries on a loan, with the write-off they count against. */
export async function listRecoveries(db: Queryable, ctx: RequestContext, loanId: string) {
  const { current, recoveries } = await getWriteOff(db, ctx, loanId);
  return { writeOff: current, items: recoveries };
}
