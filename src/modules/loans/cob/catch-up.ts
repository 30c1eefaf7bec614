// Bringing one loan up to date before an event changes it (a payment, prepayment, reversal,
// restructuring, write-off), inside that event's transaction, with the loan locked:
//   1. a loan closed on its own and behind the business date is closed for the missing dates, with
//      the batch's own statements restricted to it (it stays closed on its own; the next close of
//      business makes it ride with the company again);
//   2. what the batch leaves derived is written down (as-of.ts): the penalty since accrued_through is
//      added to its installments and posted (Dr 1303 / Cr 6012, one entry), installments already
//      counted as recognised get their recognised_date, and loans.dpd its value on the date. After
//      this the stored rows are exact, so the event may change the unpaid principal the derived
//      penalty is computed from.
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import type { RequestContext } from "../../../platform/auth/actor.ts";
import type { Tx } from "../../../platform/db.ts";
import { closeCollections } from "../../collections/cob-step.ts";
import { postJournal } from "../../ledger/ledger.service.ts";
import { loans } from "../loans.schema.ts";
import { asOfSql, closedThroughSql, currentDpdSql, penaltySinceSql } from "./as-of.ts";
import { queueReminders, recogniseDueInterest } from "./close-events.ts";
import { loadCloseParams } from "./close-loans.ts";
import { closeLoanStates } from "./close-state.ts";
import type { CloseWindow } from "./close-window.ts";
import { rowsOf } from "./sql-helpers.ts";

type LoanRow = typeof loans.$inferSelect;

/** Closes a loan that is behind on its own up to `date` (caller holds the loan's lock). */
export async function closeOneLoan(tx: Tx, ctx: RequestContext, loanId: string, date: string): Promise<void> {
  const params = await loadCloseParams(tx, date);
  const w: CloseWindow = { date, riders: null, individuals: { loanId } };
  await recogniseDueInterest(tx, ctx, w);
  await queueReminders(tx, w, params);
  await closeLoanStates(tx, ctx, w, { params, recomputeAll: false, individualsRide: false });
  await closeCollections(tx, { date, scope: { loanId } });
}

/** Writes the derived penalty and recognition of one loan; returns the penalty posted (分) and the loan as it now is. */
export async function materialiseLoan(
  tx: Tx,
  ctx: RequestContext,
  loan: LoanRow,
  businessDate: string,
): Promise<{ penalty: number; loan: LoanRow }> {
  const bd = sql`${businessDate}::date`;
  const asOf = asOfSql(bd);
  const [accrued] = rowsOf<{ amount: string; as_of: string }>(
    await tx.execute(sql`
    with acc as (
      select i.loan_id, i.period, ${penaltySinceSql(asOf)} as inc
      from loans l join installments i on i.loan_id = l.id
      where l.id = ${loan.id}::uuid and i.paid_off_date is null and i.due_date < ${asOf}
    ), upd as (
      update installments i set penalty_accrued_fen = i.penalty_accrued_fen + a.inc
      from acc a where i.loan_id = a.loan_id and i.period = a.period and a.inc > 0
      returning a.inc
    )
    select coalesce(sum(inc), 0)::text as amount, (select ${asOf} from loans l where l.id = ${loan.id}::uuid)::text as as_of
    from upd`),
  );
  await tx.execute(sql`
    update installments i set recognised_date = i.due_date from loans l
    where l.id = ${loan.id}::uuid and i.loan_id = l.id and i.recognised_date is null
      and i.due_date <= ${closedThroughSql(bd)}`);
  // The stored DPD is only written when a threshold is crossed; an event reads it exact. The row comes
  // back from the update itself (when it changed), so the caller need not read the loan again.
  const [updated] = await tx
    .update(loans)
    .set({ accruedThrough: sql`x.as_of`, dpd: sql`x.dpd` })
    .from(sql`(select l.id, ${asOf} as as_of, ${currentDpdSql(bd)} as dpd from loans l
      where l.id = ${loan.id}::uuid) x`)
    .where(
      and(
        eq(loans.id, sql`x.id`),
        sql`(${loans.accruedThrough} is distinct from x.as_of or ${loans.dpd} <> x.dpd)`,
      ),
    )
    .returning(getTableColumns(loans));
  const amount = Number(accrued.amount);
  if (amount > 0)
    await postJournal(tx, ctx, {
      date: accrued.as_of,
      kind: "penalty-accrual",
      description: `逾期罚息计提 ${loan.loanNo}`,
      loanId: loan.id,
      source: { type: "cob", id: accrued.as_of },
      lines: [
        { account: "1303", debit: amount },
        { account: "6012", credit: amount },
      ],
    });
  return { penalty: amount, loan: updated ?? loan };
}

/**
 * Brings a locked loan up to the business date (see the file comment) and returns it as it now is.
 * Loans that are not active are returned unchanged: nothing accrues on them.
 */
export async function catchUpLoan(
  tx: Tx,
  ctx: RequestContext,
  loan: LoanRow,
  businessDate: string,
): Promise<LoanRow> {
  if (loan.status !== "active") return loan;
  let current = loan;
  if (current.lastClosedDate !== null && current.lastClosedDate < businessDate) {
    await closeOneLoan(tx, ctx, loan.id, businessDate);
    [current] = await tx.select().from(loans).where(eq(loans.id, loan.id));
  }
  return (await materialiseLoan(tx, ctx, current, businessDate)).loan;
}
