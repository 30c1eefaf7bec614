// Reading loan accounts. Data scope (DOMAIN.md §1): a customer manager sees the loans they officer, a
// team manager their team's, others by loans.read; a loan outside the scope is "not found".
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import { canSeeOwner, visibleUserIds } from "../../platform/auth/scope.ts";
import type { Queryable } from "../../platform/db.ts";
import { notFound } from "../../platform/errors.ts";
import { formatAmount } from "../../platform/money.ts";
import { selectCustomers } from "../customers/customer-view.ts";
import { customers } from "../customers/customers.schema.ts";
import { users } from "../identity/identity.schema.ts";
import { journalEntries, journalLines } from "../ledger/ledger.schema.ts";
import { productView } from "../products/product-view.ts";
import { getBusinessDate } from "./business-date.ts";
import { asOfSql, currentDpd, penaltyToDateSql } from "./cob/as-of.ts";
import { type InstallmentRow, type LoanRow, loadInstallments, totalOf, unpaidOf } from "./loan-state.ts";
import { installments, loans } from "./loans.schema.ts";
import { loanTransactions, repaymentReversals } from "./servicing.schema.ts";

export async function loadVisibleLoan(db: Queryable, ctx: RequestContext, id: string): Promise<LoanRow> {
  requirePermission(ctx, "loans.read");
  const [loan] = await db.select().from(loans).where(eq(loans.id, id));
  if (!loan) throw notFound("loan");
  const visible = await visibleUserIds(db, ctx.actor);
  if (visible !== null && !(loan.officerId && canSeeOwner(visible, loan.officerId))) throw notFound("loan");
  return loan;
}

export type LoanListQuery = {
  status?: LoanRow["status"];
  bucket?: string;
  classification?: string;
  officerId?: string;
  customerId?: string;
  /** Part of the loan number or of the borrower's name. */
  search?: string;
  page: number;
  pageSize: number;
};

/** The earliest installment each loan still owes (overdue or next), for the list's "next due" column. */
async function nextDueOf(db: Queryable, loanIds: string[], businessDate: string) {
  if (loanIds.length === 0) return new Map<string, { period: number; dueDate: string; amount: string }>();
  const i = alias(installments, "i");
  const l = alias(loans, "l");
  // With the penalty to date (cob/as-of.ts), not only what the last catch-up wrote down.
  const penalty = penaltyToDateSql(asOfSql(sql`${businessDate}::date`));
  const owed = sql<number>`(i.principal_due_fen + i.interest_due_fen + i.fee_due_fen + ${penalty}
    - i.principal_paid_fen - i.interest_paid_fen - i.fee_paid_fen - i.penalty_paid_fen)`;
  const rows = await db
    .selectDistinctOn([i.loanId], {
      loanId: i.loanId,
      period: i.period,
      dueDate: i.dueDate,
      owed: owed.mapWith(Number),
    })
    .from(i)
    .innerJoin(l, eq(l.id, i.loanId))
    .where(and(inArray(i.loanId, loanIds), isNull(i.paidOffDate)))
    .orderBy(i.loanId, asc(i.dueDate), asc(i.period));
  return new Map(
    rows.map((r) => [r.loanId, { period: r.period, dueDate: r.dueDate, amount: formatAmount(r.owed) }]),
  );
}

async function namesOf(db: Queryable, customerIds: string[], officerIds: string[]) {
  const customerRows = customerIds.length
    ? await selectCustomers(db, inArray(customers.id, customerIds))
    : [];
  const officerRows = officerIds.length
    ? await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, officerIds))
    : [];
  return {
    customer: new Map(customerRows.map((c) => [c.row.id, c.row.name])),
    officer: new Map(officerRows.map((o) => [o.id, o.name])),
  };
}

export async function listLoans(db: Queryable, ctx: RequestContext, query: LoanListQuery) {
  requirePermission(ctx, "loans.read");
  const conditions: SQL[] = [];
  const visible = await visibleUserIds(db, ctx.actor);
  if (visible !== null)
    conditions.push(
      visible.length
        ? inArray(loans.officerId, visible)
        : eq(loans.id, "00000000-0000-0000-0000-000000000000"),
    );
  if (query.status) conditions.push(eq(loans.status, query.status));
  if (query.bucket) conditions.push(eq(loans.bucket, query.bucket));
  if (query.classification) conditions.push(eq(loans.classification, query.classification));
  if (query.officerId) conditions.push(eq(loans.officerId, query.officerId));
  if (query.customerId) conditions.push(eq(loans.customerId, query.customerId));
  if (query.search) {
    const like = `%${query.search.replace(/[%_\\]/g, "\\$&")}%`;
    const byName = db.select({ id: customers.id }).from(customers).where(ilike(customers.name, like));
    conditions.push(or(ilike(loans.loanNo, like), inArray(loans.customerId, byName)) as SQL);
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [{ total }] = await db.select({ total: count() }).from(loans).where(where);
  const businessDate = await getBusinessDate(db);
  const rows = await db
    .select()
    .from(loans)
    .where(where)
    .orderBy(desc(loans.startDate), asc(loans.loanNo))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const names = await namesOf(
    db,
    [...new Set(rows.map((r) => r.customerId))],
    [...new Set(rows.flatMap((r) => (r.officerId ? [r.officerId] : [])))],
  );
  const nextDue = await nextDueOf(
    db,
    rows.map((r) => r.id),
    businessDate,
  );
  return {
    total,
    items: rows.map((l) => ({
      id: l.id,
      loanNo: l.loanNo,
      status: l.status,
      customer: { id: l.customerId, name: names.customer.get(l.customerId) ?? null },
      officer: l.officerId ? { id: l.officerId, name: names.officer.get(l.officerId) ?? null } : null,
      method: l.method,
      rate: l.annualRate,
      apr: l.apr,
      principal: formatAmount(l.principal),
      principalOutstanding: formatAmount(l.principalOutstanding),
      dpd: currentDpd(l, businessDate),
      bucket: l.bucket,
      classification: l.classification,
      startDate: l.startDate,
      maturityDate: l.maturityDate,
      nextDue: nextDue.get(l.id) ?? null,
    })),
  };
}

type InstallmentState = "paid" | "partly-paid" | "overdue" | "due" | "future";

function installmentState(
  row: InstallmentRow,
  businessDate: string,
  nextDue: number | null,
): InstallmentState {
  const left = totalOf(unpaidOf(row));
  if (left === 0) return "paid";
  if (row.dueDate < businessDate) return "overdue";
  if (row.principalPaid + row.interestPaid + row.feePaid + row.penaltyPaid > 0) return "partly-paid";
  return row.period === nextDue ? "due" : "future";
}

function scheduleView(rows: InstallmentRow[], businessDate: string) {
  const nextDue = rows.find((r) => r.dueDate >= businessDate && totalOf(unpaidOf(r)) > 0)?.period ?? null;
  return rows.map((r) => {
    const paid = r.principalPaid + r.interestPaid + r.feePaid + r.penaltyPaid;
    const due = r.principalDue + r.interestDue + r.feeDue + r.penaltyAccrued;
    return {
      period: r.period,
      dueDate: r.dueDate,
      principal: formatAmount(r.principalDue),
      interest: formatAmount(r.interestDue),
      fee: formatAmount(r.feeDue),
      penalty: formatAmount(r.penaltyAccrued),
      total: formatAmount(due),
      paid: {
        principal: formatAmount(r.principalPaid),
        interest: formatAmount(r.interestPaid),
        fee: formatAmount(r.feePaid),
        penalty: formatAmount(r.penaltyPaid),
        total: formatAmount(paid),
      },
      outstanding: formatAmount(due - paid),
      state: installmentState(r, businessDate, nextDue),
      paidOffDate: r.paidOffDate,
    };
  });
}

async function postingsOf(db: Queryable, loanId: string) {
  const lines = await db
    .select({
      entryId: journalEntries.id,
      date: journalEntries.entryDate,
      kind: journalEntries.kind,
      description: journalEntries.description,
      reversalOf: journalEntries.reversalOf,
      lineNo: journalLines.lineNo,
      account: journalLines.accountCode,
      debit: journalLines.debit,
      credit: journalLines.credit,
    })
    .from(journalEntries)
    .innerJoin(journalLines, eq(journalLines.entryId, journalEntries.id))
    .where(eq(journalEntries.loanId, loanId))
    .orderBy(asc(journalEntries.id), asc(journalLines.lineNo));
  const entries = new Map<
    number,
    {
      entryId: number;
      date: string;
      kind: string;
      description: string;
      reversalOf: number | null;
      lines: { account: string; debit: string; credit: string }[];
    }
  >();
  for (const l of lines) {
    const entry = entries.get(l.entryId) ?? {
      entryId: l.entryId,
      date: l.date,
      kind: l.kind,
      description: l.description,
      reversalOf: l.reversalOf,
      lines: [],
    };
    entry.lines.push({ account: l.account, debit: formatAmount(l.debit), credit: formatAmount(l.credit) });
    entries.set(l.entryId, entry);
  }
  return [...entries.values()];
}

export async function getLoanDetail(db: Queryable, ctx: RequestContext, id: string) {
  const loan = await loadVisibleLoan(db, ctx, id);
  const [businessDate, rows, txs, reversals] = await Promise.all([
    getBusinessDate(db),
    loadInstallments(db, id),
    db
      .select()
      .from(loanTransactions)
      .where(eq(loanTransactions.loanId, id))
      .orderBy(asc(loanTransactions.createdAt)),
    db
      .select()
      .from(repaymentReversals)
      .where(eq(repaymentReversals.loanId, id))
      .orderBy(asc(repaymentReversals.proposedAt)),
  ]);
  const names = await namesOf(db, [loan.customerId], loan.officerId ? [loan.officerId] : []);
  const product = loan.productId
    ? await productView(db, loan.productId, loan.startDate).catch(() => null)
    : null;
  const dueRows = rows.filter((r) => r.dueDate <= businessDate);
  const sum = (list: InstallmentRow[], pick: (r: InstallmentRow) => number) =>
    list.reduce((s, r) => s + pick(r), 0);
  const overdueRows = rows.filter((r) => r.dueDate < businessDate);
  return {
    id: loan.id,
    loanNo: loan.loanNo,
    status: loan.status,
    principalOutstanding: formatAmount(loan.principalOutstanding),
    dpd: currentDpd(loan, businessDate),
    classification: loan.classification,
    bucket: loan.bucket,
    customer: { id: loan.customerId, name: names.customer.get(loan.customerId) ?? null },
    product: product ? { id: product.id, code: product.code, name: product.name } : null,
    officer: loan.officerId ? { id: loan.officerId, name: names.officer.get(loan.officerId) ?? null } : null,
    applicationId: loan.applicationId,
    method: loan.method,
    rate: loan.annualRate,
    penaltyRate: loan.penaltyRate,
    apr: loan.apr,
    principal: formatAmount(loan.principal),
    termMonths: loan.termMonths,
    dayBasis: loan.dayBasis,
    startDate: loan.startDate,
    maturityDate: loan.maturityDate,
    // Closed with the company (null) means closed through the business date.
    lastClosedDate: loan.status === "active" ? (loan.lastClosedDate ?? businessDate) : loan.lastClosedDate,
    businessDate,
    // 展期/重组 (restructuring.service.ts): the schedule version and the class floor it set.
    scheduleVersion: loan.scheduleVersion,
    restructuredOn: loan.restructuredOn,
    classificationFloor: loan.classificationFloor,
    classificationFloorUntil: loan.classificationFloorUntil,
    balances: {
      principal: formatAmount(loan.principalOutstanding),
      interest: formatAmount(sum(dueRows, (r) => r.interestDue - r.interestPaid)),
      penalty: formatAmount(sum(rows, (r) => r.penaltyAccrued - r.penaltyPaid)),
      fees: formatAmount(sum(dueRows, (r) => r.feeDue - r.feePaid)),
      credit: formatAmount(loan.creditBalance),
      overdue: formatAmount(sum(overdueRows, (r) => totalOf(unpaidOf(r)))),
      provision: formatAmount(loan.provision),
    },
    schedule: scheduleView(rows, businessDate),
    transactions: txs.map((t) => ({
      id: t.id,
      kind: t.kind,
      date: t.txDate,
      amount: formatAmount(t.amount),
      channel: t.channel,
      reference: t.reference,
      principal: formatAmount(t.principal),
      interest: formatAmount(t.interest),
      fee: formatAmount(t.fee),
      penalty: formatAmount(t.penalty),
      credit: formatAmount(t.credit),
      settlement: t.settlement,
      reversalOf: t.reversalOf,
      reversedBy: t.reversedBy,
      createdAt: t.createdAt.toISOString(),
    })),
    reversals: reversals.map((r) => ({
      id: r.id,
      transactionId: r.transactionId,
      reason: r.reason,
      status: r.status,
      proposedBy: r.proposedBy,
      decidedBy: r.decidedBy,
      proposedAt: r.proposedAt.toISOString(),
    })),
    postings: await postingsOf(db, id),
  };
}
