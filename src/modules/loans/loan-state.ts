// What every money-moving use-case on a loan shares: lock it, refuse what cannot happen, bring it up to
// date with the batch's own per-loan close, read what is unpaid, write the allocation back, and keep
// DPD, bucket and classification current with the engine's delinquency functions.
import { and, asc, eq, sql } from "drizzle-orm";
import type { RequestContext } from "../../platform/auth/actor.ts";
import type { Queryable, Tx } from "../../platform/db.ts";
import { conflict, DomainError, invalid, notFound } from "../../platform/errors.ts";
import type { Fen } from "../../platform/money.ts";
import { collectionTasks } from "../collections/collections.schema.ts";
import type { PostingLine } from "../ledger/domain/chart.ts";
import { postJournal } from "../ledger/ledger.service.ts";
import { getSetting } from "../settings/settings.service.ts";
import { getBusinessDate } from "./business-date.ts";
import { closeLoans, loadCloseParams } from "./cob/close-loans.ts";
import type { AllocationLine, Component, Outstanding } from "./domain/allocation.ts";
import { bucketOf, classify, daysPastDue } from "./domain/delinquency.ts";
import { installments, loans } from "./loans.schema.ts";
import type { PaymentChannel } from "./servicing.schema.ts";

export type LoanRow = typeof loans.$inferSelect;
export type InstallmentRow = typeof installments.$inferSelect;

/** Cash and bank-like channels settle into these accounts; third-party wallets settle into the bank. */
export const CHANNEL_ACCOUNT: Record<PaymentChannel, string> = {
  cash: "1001",
  "bank-transfer": "1002",
  "wechat-pay": "1002",
  alipay: "1002",
};

export async function lockLoan(tx: Tx, loanId: string): Promise<LoanRow> {
  const [loan] = await tx.select().from(loans).where(eq(loans.id, loanId)).for("update");
  if (!loan) throw notFound("loan");
  return loan;
}

export async function loadInstallments(db: Queryable, loanId: string): Promise<InstallmentRow[]> {
  return db
    .select()
    .from(installments)
    .where(eq(installments.loanId, loanId))
    .orderBy(asc(installments.period));
}

export function unpaidOf(row: InstallmentRow): Outstanding {
  return {
    period: row.period,
    fee: (row.feeDue - row.feePaid) as Fen,
    penalty: (row.penaltyAccrued - row.penaltyPaid) as Fen,
    interest: (row.interestDue - row.interestPaid) as Fen,
    principal: (row.principalDue - row.principalPaid) as Fen,
  };
}

export const totalOf = (o: Record<Component, number>) => o.fee + o.penalty + o.interest + o.principal;

export type OpenedLoan = { loan: LoanRow; rows: InstallmentRow[]; businessDate: string };

/**
 * Locks an active loan for a payment dated `date` and brings it up to the business date first when
 * it is behind (the same close the batch runs, restricted to this loan, in this transaction).
 */
export async function openActiveLoan(
  tx: Tx,
  ctx: RequestContext,
  loanId: string,
  date: string,
): Promise<OpenedLoan> {
  const businessDate = await getBusinessDate(tx);
  let loan = await lockLoan(tx, loanId);
  if (loan.status !== "active") throw conflict("loan-not-active", { status: loan.status });
  if (date < loan.startDate) throw invalid({ date: "date-before-disbursement" });
  if (date > businessDate) throw invalid({ date: "date-after-business-date" });
  if (loan.lastClosedDate !== null && loan.lastClosedDate < businessDate) {
    const params = await loadCloseParams(tx, businessDate);
    await closeLoans(tx, ctx, { date: businessDate, scope: { loanId }, params });
    loan = await lockLoan(tx, loanId);
  }
  return { loan, rows: await loadInstallments(tx, loanId), businessDate };
}

/** Adds (sign 1) or takes back (sign −1) allocated amounts on the installments; stamps paid-off dates. */
export async function applyToInstallments(
  tx: Tx,
  options: { loanId: string; lines: readonly AllocationLine[]; sign: 1 | -1; date: string },
): Promise<void> {
  for (const line of options.lines) {
    if (line.total === 0) continue;
    const s = options.sign;
    // SET expressions see the row as it was, so "left after this line" is the old unpaid minus the line.
    const left = sql`(${installments.principalDue} + ${installments.interestDue} + ${installments.feeDue} + ${installments.penaltyAccrued}
      - ${installments.principalPaid} - ${installments.interestPaid} - ${installments.feePaid} - ${installments.penaltyPaid} - ${s * line.total})`;
    const [row] = await tx
      .update(installments)
      .set({
        feePaid: sql`${installments.feePaid} + ${s * line.fee}`,
        penaltyPaid: sql`${installments.penaltyPaid} + ${s * line.penalty}`,
        interestPaid: sql`${installments.interestPaid} + ${s * line.interest}`,
        principalPaid: sql`${installments.principalPaid} + ${s * line.principal}`,
        paidOffDate: sql`case when ${left} = 0 then coalesce(${installments.paidOffDate}, ${options.date}::date) else null end`,
      })
      .where(and(eq(installments.loanId, options.loanId), eq(installments.period, line.period)))
      .returning();
    const unpaid = unpaidOf(row);
    // Paying more of a component than is owed, or taking back more than was paid, is a bug: roll back.
    if (
      unpaid.fee < 0 ||
      unpaid.penalty < 0 ||
      unpaid.interest < 0 ||
      unpaid.principal < 0 ||
      row.principalPaid < 0 ||
      row.interestPaid < 0
    )
      throw new DomainError({ code: "allocation-mismatch", status: 500 });
  }
}

/** The ledger side of an allocation: receivables where the batch has recognised them, income where not. */
export function allocationCredits(
  lines: readonly AllocationLine[],
  rows: readonly InstallmentRow[],
): PostingLine[] {
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const sums = new Map<string, number>();
  const add = (account: string, amount: number) => {
    if (amount !== 0) sums.set(account, (sums.get(account) ?? 0) + amount);
  };
  for (const line of lines) {
    const recognised = byPeriod.get(line.period)?.recognisedDate != null;
    add("1301", line.principal);
    add(recognised ? "1302" : "6011", line.interest);
    add(recognised ? "1304" : "6021", line.fee);
    add("1303", line.penalty);
  }
  return [...sums.entries()].map(([account, credit]) => ({ account, credit }));
}

/** Sums of an allocation by component. */
export function componentTotals(lines: readonly AllocationLine[]): Record<Component, number> {
  const t = { fee: 0, penalty: 0, interest: 0, principal: 0 };
  for (const l of lines) {
    t.fee += l.fee;
    t.penalty += l.penalty;
    t.interest += l.interest;
    t.principal += l.principal;
  }
  return t;
}

/**
 * After money moved: principal outstanding, credit balance, closed when nothing is owed (its
 * provision released), and DPD / bucket / classification as of the business date.
 */
export async function settleLoanState(
  tx: Tx,
  ctx: RequestContext,
  options: { loan: LoanRow; principalDelta: number; creditDelta: number; businessDate: string; date: string },
): Promise<{ status: LoanRow["status"]; dpd: number }> {
  const { loan, businessDate } = options;
  const rows = await loadInstallments(tx, loan.id);
  const owed = rows.reduce((s, r) => s + totalOf(unpaidOf(r)), 0);
  const oldest = rows.find((r) => r.dueDate <= businessDate && totalOf(unpaidOf(r)) > 0)?.dueDate ?? null;
  const dpd = owed === 0 ? 0 : daysPastDue({ businessDate, oldestUnpaidDueDate: oldest });
  const thresholds = await getSetting(tx, "servicing.classification-thresholds", businessDate);
  const status = owed === 0 ? "closed" : "active";
  const releaseProvision = status === "closed" && loan.provision !== 0;
  await tx
    .update(loans)
    .set({
      principalOutstanding: sql`${loans.principalOutstanding} + ${options.principalDelta}`,
      creditBalance: sql`${loans.creditBalance} + ${options.creditDelta}`,
      status,
      closedAt: status === "closed" ? new Date() : null,
      dpd,
      bucket: bucketOf(dpd),
      classification: classify(dpd, thresholds),
      ...(releaseProvision ? { provision: 0 } : {}),
    })
    .where(eq(loans.id, loan.id));
  if (releaseProvision)
    await postJournal(tx, ctx, {
      date: options.date,
      kind: "provision",
      description: `结清释放贷款损失准备 ${loan.loanNo}`,
      loanId: loan.id,
      source: { type: "loan", id: loan.id },
      lines:
        loan.provision > 0
          ? [
              { account: "1309", debit: loan.provision },
              { account: "6701", credit: loan.provision },
            ]
          : [
              { account: "6701", debit: -loan.provision },
              { account: "1309", credit: -loan.provision },
            ],
    });
  if (dpd === 0 && loan.dpd > 0)
    await tx
      .update(collectionTasks)
      .set({ status: "resolved", resolvedOn: businessDate })
      .where(and(eq(collectionTasks.loanId, loan.id), eq(collectionTasks.status, "open")));
  return { status, dpd };
}
