// 部分核销 (partial write-off): the approval of a write-off that names an amount of principal below
// what is outstanding. That principal leaves the books against its share of the provision
// (domain/write-off.ts), comes off the latest installments first, and the loan stays active: the
// remainder, its interest, fees and penalty are serviced as before. The memo row keeps the amount.
import { and, eq, sql } from "drizzle-orm";
import type { RequestContext } from "../../platform/auth/actor.ts";
import type { Tx } from "../../platform/db.ts";
import { conflict } from "../../platform/errors.ts";
import { type Fen, formatYuan } from "../../platform/money.ts";
import { postJournal } from "../ledger/ledger.service.ts";
import { partialWriteOffAmounts, principalCutsFromLatest, writeOffPosting } from "./domain/write-off.ts";
import { type InstallmentRow, type LoanRow, settleLoanState } from "./loan-state.ts";
import { installments } from "./loans.schema.ts";
import type { loanWriteOffs } from "./workout.schema.ts";

type WriteOffRow = typeof loanWriteOffs.$inferSelect;

export async function applyPartialWriteOff(
  tx: Tx,
  ctx: RequestContext,
  options: { loan: LoanRow; rows: readonly InstallmentRow[]; businessDate: string; request: WriteOffRow },
) {
  const { loan, rows, businessDate, request } = options;
  const principal = request.requestedPrincipal as Fen;
  // Payments since the proposal may have brought the principal down to (or below) the amount named.
  if (principal >= loan.principalOutstanding)
    throw conflict("write-off-above-principal", { outstanding: formatYuan(loan.principalOutstanding) });
  const amounts = partialWriteOffAmounts({
    principal,
    principalOutstanding: loan.principalOutstanding as Fen,
    provision: loan.provision as Fen,
  });
  const cuts = principalCutsFromLatest(rows, principal);
  for (const cut of cuts) {
    // Stamp the installment paid off when the cut leaves nothing owed on it (its interest already paid).
    const left = sql`(${installments.principalDue} - ${cut.principal} + ${installments.interestDue} + ${installments.feeDue} + ${installments.penaltyAccrued}
      - ${installments.principalPaid} - ${installments.interestPaid} - ${installments.feePaid} - ${installments.penaltyPaid})`;
    await tx
      .update(installments)
      .set({
        principalDue: sql`${installments.principalDue} - ${cut.principal}`,
        paidOffDate: sql`case when ${left} = 0 then coalesce(${installments.paidOffDate}, ${businessDate}::date) else ${installments.paidOffDate} end`,
      })
      .where(and(eq(installments.loanId, loan.id), eq(installments.period, cut.period)));
  }
  const journalEntryId = await postJournal(tx, ctx, {
    date: businessDate,
    kind: "write-off",
    description: `部分核销 ${loan.loanNo}:本金 ${formatYuan(principal)},${request.reason}`,
    loanId: loan.id,
    source: { type: "loan-write-off", id: request.id },
    lines: writeOffPosting(amounts),
  });
  // The provision left is the rest of what was held; the class's rate on the remaining principal
  // then sets it exactly (a provision entry for any 分 of difference).
  await settleLoanState(tx, ctx, {
    loan: { ...loan, provision: loan.provision - amounts.provisionUsed },
    principalDelta: -principal,
    creditDelta: 0,
    businessDate,
    date: businessDate,
  });
  return { amounts, journalEntryId, cuts };
}
