// 溢缴款退还: paying back a credit balance (an overpayment) to the borrower. Finance only, by the
// same permission as posting a repayment; the journal is Dr 2241 customer credit / Cr cash or bank.
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Db } from "../../platform/db.ts";
import { conflict, invalid } from "../../platform/errors.ts";
import { idempotentTransaction } from "../../platform/idempotency-claim.ts";
import { formatAmount } from "../../platform/money.ts";
import { postJournal } from "../ledger/ledger.service.ts";
import { getBusinessDate } from "./business-date.ts";
import { CHANNEL_ACCOUNT, lockLoan } from "./loan-state.ts";
import { loans } from "./loans.schema.ts";
import { parsePositiveAmount } from "./repayments.service.ts";
import { loanTransactions, type PaymentChannel } from "./servicing.schema.ts";

export type RefundInput = {
  amount: string;
  date: string;
  channel: PaymentChannel;
  reference?: string | null;
};

export async function refundCredit(db: Db, ctx: RequestContext, loanId: string, input: RefundInput) {
  requirePermission(ctx, "repayments.post");
  const amount = parsePositiveAmount(input.amount);
  return idempotentTransaction(db, ctx, async (tx) => {
    const businessDate = await getBusinessDate(tx);
    const loan = await lockLoan(tx, loanId);
    if (input.date < loan.startDate) throw invalid({ date: "date-before-disbursement" });
    if (input.date > businessDate) throw invalid({ date: "date-after-business-date" });
    if (amount > loan.creditBalance)
      throw conflict("refund-exceeds-credit", { credit: formatAmount(loan.creditBalance) });
    const journalId = await postJournal(tx, ctx, {
      date: input.date,
      kind: "refund",
      description: `溢缴款退还 ${loan.loanNo}`,
      loanId,
      source: { type: "loan", id: loanId },
      lines: [
        { account: "2241", debit: amount },
        { account: CHANNEL_ACCOUNT[input.channel], credit: amount },
      ],
    });
    const [row] = await tx
      .insert(loanTransactions)
      .values({
        loanId,
        kind: "refund",
        txDate: input.date,
        amount,
        channel: input.channel,
        reference: input.reference ?? null,
        credit: -amount,
        allocation: { lines: [] },
        journalEntryId: journalId,
        createdBy: ctx.actor.userId,
        createdAt: sql`clock_timestamp()`,
      })
      .returning({ id: loanTransactions.id });
    await tx
      .update(loans)
      .set({ creditBalance: loan.creditBalance - amount })
      .where(eq(loans.id, loanId));
    await recordAudit(tx, ctx, {
      action: "loan.credit-refunded",
      entityType: "loan",
      entityId: loanId,
      after: {
        transactionId: row.id,
        amount: formatAmount(amount),
        date: input.date,
        channel: input.channel,
      },
    });
    return {
      id: row.id,
      amount: formatAmount(amount),
      creditBalance: formatAmount(loan.creditBalance - amount),
    };
  });
}
