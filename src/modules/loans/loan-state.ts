// What every money-moving use-case on a loan shares: lock it, refuse what cannot happen, bring it up to
// date (cob/catch-up.ts: the batch's own close for a loan behind, then what the batch leaves derived
// written down), read what is unpaid, write the allocation back, and keep DPD, bucket, classification
// and provision current with the engine's delinquency functions.
import { and, asc, eq, getTableColumns, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { RequestContext } from "../../platform/auth/actor.ts";
import type { Queryable, Tx } from "../../platform/db.ts";
import { conflict, DomainError, invalid, notFound } from "../../platform/errors.ts";
import { Dec, type Fen } from "../../platform/money.ts";
import { collectionTasks } from "../collections/collections.schema.ts";
import type { PostingLine } from "../ledger/domain/chart.ts";
import { postJournal } from "../ledger/ledger.service.ts";
import { getSetting, prefetchSettings } from "../settings/settings.service.ts";
import { getBusinessDate } from "./business-date.ts";
import { asOfSql, closedThroughSql, penaltyToDateSql, recognisedSql } from "./cob/as-of.ts";
import { catchUpLoan } from "./cob/catch-up.ts";
import { waitForCloseChunk } from "./cob/cob-lock.ts";
import type { AllocationLine, Component, Outstanding } from "./domain/allocation.ts";
import { withFloor } from "./domain/classification-floor.ts";
import { bucketOf, type Classification, classify, daysPastDue, provisionFor } from "./domain/delinquency.ts";
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
  // Not while a chunk of the close of business is running (it does not lock the loans it reads).
  await waitForCloseChunk(tx, loanId);
  const [loan] = await tx.select().from(loans).where(eq(loans.id, loanId)).for("update");
  if (!loan) throw notFound("loan");
  return loan;
}

/**
 * A loan's installments as of the business date: the penalty to date and the recognised state are
 * derived where the close of business has not written them (cob/as-of.ts); after a catch-up they are
 * the stored values.
 */
export async function loadInstallments(db: Queryable, loanId: string): Promise<InstallmentRow[]> {
  const bd = sql`${await getBusinessDate(db)}::date`;
  const i = alias(installments, "i");
  const l = alias(loans, "l");
  return db
    .select({
      ...getTableColumns(i),
      penaltyAccrued: sql<number>`${penaltyToDateSql(asOfSql(bd))}`.mapWith(Number),
      recognisedDate: sql<
        string | null
      >`(case when ${recognisedSql(bd)} then coalesce(i.recognised_date, i.due_date) end)::text`,
    })
    .from(i)
    .innerJoin(l, eq(l.id, i.loanId))
    .where(eq(i.loanId, loanId))
    .orderBy(asc(i.period));
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
 * Locks an active loan for a payment dated `date` and brings it up to the business date first
 * (cob/catch-up.ts, in this transaction), so that its stored rows are exact before money moves.
 */
export async function openActiveLoan(
  tx: Tx,
  ctx: RequestContext,
  loanId: string,
  date: string,
): Promise<OpenedLoan> {
  const businessDate = await getBusinessDate(tx);
  let loan = await lockLoan(tx, loanId);
  // Money on a written-off loan is a recovery (recoveries.service.ts), never a repayment.
  if (loan.status === "written-off") throw conflict("loan-written-off");
  if (loan.status !== "active") throw conflict("loan-not-active", { status: loan.status });
  if (date < loan.startDate) throw invalid({ date: "date-before-disbursement" });
  if (loan.restructuredOn !== null && date < loan.restructuredOn)
    throw invalid({ date: "date-before-restructuring" });
  if (date > businessDate) throw invalid({ date: "date-after-business-date" });
  // The settings every servicing path reads next, in one statement: the allocation order as of the
  // money's date, the classification and provision the loan's state is settled with (settleLoanState).
  await prefetchSettings(tx, [
    ["servicing.allocation-order", date],
    ["servicing.classification-thresholds", businessDate],
    ["servicing.provision-rates", businessDate],
  ]);
  loan = await catchUpLoan(tx, ctx, loan, businessDate);
  return { loan, rows: await loadInstallments(tx, loanId), businessDate };
}

/**
 * Adds (sign 1) or takes back (sign −1) allocated amounts on the installments; stamps paid-off dates.
 * Returns the rows it changed, as stored.
 */
export async function applyToInstallments(
  tx: Tx,
  options: { loanId: string; lines: readonly AllocationLine[]; sign: 1 | -1; date: string },
): Promise<InstallmentRow[]> {
  const changed: InstallmentRow[] = [];
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
    changed.push(row);
  }
  return changed;
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
 * After money moved: principal outstanding, credit balance, closed when nothing is owed, DPD /
 * overdue date / bucket / classification as of the business date, and the provision for the new
 * principal and class (Dr 6701 / Cr 1309 for the change; released in full when the loan closes). The
 * close of business only revisits a loan when its DPD crosses a threshold, so this is where a payment's
 * effect on them lands.
 */
export async function settleLoanState(
  tx: Tx,
  ctx: RequestContext,
  options: {
    loan: LoanRow;
    principalDelta: number;
    creditDelta: number;
    businessDate: string;
    date: string;
    /** The installments as they now are, when the caller knows them exactly (saves reading them again). */
    rows?: readonly InstallmentRow[];
  },
): Promise<{ status: LoanRow["status"]; dpd: number }> {
  const { loan, businessDate } = options;
  const rows = options.rows ?? (await loadInstallments(tx, loan.id));
  const owed = rows.reduce((s, r) => s + totalOf(unpaidOf(r)), 0);
  const oldest = rows.find((r) => r.dueDate <= businessDate && totalOf(unpaidOf(r)) > 0)?.dueDate ?? null;
  const dpd = owed === 0 ? 0 : daysPastDue({ businessDate, oldestUnpaidDueDate: oldest });
  const thresholds = await getSetting(tx, "servicing.classification-thresholds", businessDate);
  const status = owed === 0 ? "closed" : "active";
  const classification = withFloor({
    classification: classify(dpd, thresholds),
    floor: loan.classificationFloor,
    until: loan.classificationFloorUntil,
    date: businessDate,
  }) as Classification;
  const rates = await getSetting(tx, "servicing.provision-rates", businessDate);
  const provision =
    status === "closed"
      ? 0
      : provisionFor({
          outstandingPrincipal: (loan.principalOutstanding + options.principalDelta) as Fen,
          classification,
          rates: {
            normal: new Dec(rates.normal),
            "special-mention": new Dec(rates["special-mention"]),
            substandard: new Dec(rates.substandard),
            doubtful: new Dec(rates.doubtful),
            loss: new Dec(rates.loss),
          },
        });
  const provisionChange = provision - loan.provision;
  // A loan leaving the book keeps the date it was closed through, so a reversal reopening it knows
  // which dates it missed.
  const closedThrough =
    status === "closed" && loan.lastClosedDate === null
      ? await closedThroughOf(tx, loan.id, businessDate)
      : null;
  await tx
    .update(loans)
    .set({
      principalOutstanding: sql`${loans.principalOutstanding} + ${options.principalDelta}`,
      creditBalance: sql`${loans.creditBalance} + ${options.creditDelta}`,
      status,
      closedAt: status === "closed" ? new Date() : null,
      dpd,
      overdueSince: dpd > 0 ? oldest : null,
      bucket: bucketOf(dpd),
      classification,
      provision,
      ...(closedThrough ? { lastClosedDate: closedThrough } : {}),
    })
    .where(eq(loans.id, loan.id));
  if (provisionChange !== 0)
    await postJournal(tx, ctx, {
      date: options.date,
      kind: "provision",
      description:
        status === "closed" ? `结清释放贷款损失准备 ${loan.loanNo}` : `贷款损失准备调整 ${loan.loanNo}`,
      loanId: loan.id,
      source: { type: "loan", id: loan.id },
      lines:
        provisionChange < 0
          ? [
              { account: "1309", debit: -provisionChange },
              { account: "6701", credit: -provisionChange },
            ]
          : [
              { account: "6701", debit: provisionChange },
              { account: "1309", credit: provisionChange },
            ],
    });
  if (dpd === 0 && loan.dpd > 0)
    await tx
      .update(collectionTasks)
      .set({ status: "resolved", resolvedOn: businessDate })
      .where(and(eq(collectionTasks.loanId, loan.id), eq(collectionTasks.status, "open")));
  return { status, dpd };
}

/** The date a loan is closed through, counting the chunks of a close of business in progress. */
async function closedThroughOf(tx: Tx, loanId: string, businessDate: string): Promise<string> {
  const l = alias(loans, "l");
  const [row] = await tx
    .select({ date: sql<string>`(${closedThroughSql(sql`${businessDate}::date`)})::text` })
    .from(l)
    .where(eq(l.id, loanId));
  return row.date;
}
