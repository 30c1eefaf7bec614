// One task as the collector works it: the loan's arrears, the borrower, the collection file and the
// rules in force (so the form can explain them); and a loan's collection history for the loan page.
import { and, desc, eq, isNull } from "drizzle-orm";
import { can, type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Queryable } from "../../platform/db.ts";
import { formatAmount } from "../../platform/money.ts";
import { users } from "../identity/identity.schema.ts";
import { getBusinessDate } from "../loans/business-date.ts";
import { currentDpd } from "../loans/cob/as-of.ts";
import { loadVisibleLoan } from "../loans/loan-queries.service.ts";
import { loadInstallments, totalOf, unpaidOf } from "../loans/loan-state.ts";
import { loans } from "../loans/loans.schema.ts";
import { loanTransactions } from "../loans/servicing.schema.ts";
import { loadVisibleTask, type TaskRow } from "./access.ts";
import { borrowerOf } from "./actions.service.ts";
import { loadConductRules } from "./contact-rules.ts";
import { thirdPartyMessage } from "./domain/conduct.ts";
import { collectionFile } from "./history.ts";

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

async function arrearsOf(db: Queryable, loanId: string, businessDate: string) {
  const rows = await loadInstallments(db, loanId);
  const overdue = rows
    .filter((r) => r.dueDate < businessDate && totalOf(unpaidOf(r)) > 0)
    .map((r) => {
      const u = unpaidOf(r);
      return {
        period: r.period,
        dueDate: r.dueDate,
        daysOverdue: daysBetween(r.dueDate, businessDate),
        principal: u.principal,
        interest: u.interest,
        fee: u.fee,
        penalty: u.penalty,
        total: totalOf(u),
      };
    });
  const sum = (key: "principal" | "interest" | "fee" | "penalty" | "total") =>
    formatAmount(overdue.reduce((s, r) => s + r[key], 0));
  const next = rows.find((r) => r.dueDate >= businessDate && totalOf(unpaidOf(r)) > 0);
  return {
    installments: overdue.map((r) => ({
      ...r,
      principal: formatAmount(r.principal),
      interest: formatAmount(r.interest),
      fee: formatAmount(r.fee),
      penalty: formatAmount(r.penalty),
      total: formatAmount(r.total),
    })),
    totals: {
      principal: sum("principal"),
      interest: sum("interest"),
      fee: sum("fee"),
      penalty: sum("penalty"),
      total: sum("total"),
    },
    owedInAll: formatAmount(rows.reduce((s, r) => s + totalOf(unpaidOf(r)), 0)),
    nextDue: next
      ? { period: next.period, dueDate: next.dueDate, amount: formatAmount(totalOf(unpaidOf(next))) }
      : null,
  };
}

async function lastPayments(db: Queryable, loanId: string) {
  const rows = await db
    .select()
    .from(loanTransactions)
    .where(and(eq(loanTransactions.loanId, loanId), isNull(loanTransactions.reversedBy)))
    .orderBy(desc(loanTransactions.txDate), desc(loanTransactions.createdAt))
    .limit(5);
  return rows
    .filter((t) => t.kind === "repayment" || t.kind === "prepayment")
    .map((t) => ({
      id: t.id,
      kind: t.kind,
      date: t.txDate,
      amount: formatAmount(t.amount),
      channel: t.channel,
    }));
}

async function taskView(db: Queryable, task: TaskRow) {
  const [assignee] = task.assignedTo
    ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, task.assignedTo))
    : [];
  return {
    id: task.id,
    loanId: task.loanId,
    status: task.status,
    bucket: task.bucket,
    queue: task.queue,
    priority: task.priority,
    brokenPromises: task.brokenPromises,
    assignee: task.assignedTo ? { id: task.assignedTo, name: assignee?.name ?? null } : null,
    assignedAt: task.assignedAt?.toISOString() ?? null,
    openedOn: task.openedOn,
    resolvedOn: task.resolvedOn,
    escalatedOn: task.escalatedOn,
    lastAction: task.lastActionAt
      ? {
          at: task.lastActionAt.toISOString(),
          method: task.lastActionMethod,
          outcome: task.lastActionOutcome,
        }
      : null,
    nextActionDate: task.nextActionDate,
  };
}

export async function getTaskDetail(db: Queryable, ctx: RequestContext, taskId: string) {
  const task = await loadVisibleTask(db, ctx, taskId);
  const businessDate = await getBusinessDate(db);
  const [loan] = await db.select().from(loans).where(eq(loans.id, task.loanId));
  const borrower = await borrowerOf(db, task.loanId);
  const rules = await loadConductRules(db, businessDate);
  return {
    businessDate,
    task: await taskView(db, task),
    loan: {
      id: loan.id,
      loanNo: loan.loanNo,
      status: loan.status,
      dpd: currentDpd(loan, businessDate),
      bucket: loan.bucket,
      classification: loan.classification,
      principal: formatAmount(loan.principal),
      principalOutstanding: formatAmount(loan.principalOutstanding),
      startDate: loan.startDate,
      maturityDate: loan.maturityDate,
      termMonths: loan.termMonths,
    },
    borrower: { id: borrower.customerId, name: borrower.name, phone: borrower.phone },
    arrears: await arrearsOf(db, task.loanId, businessDate),
    payments: await lastPayments(db, task.loanId),
    ...(await collectionFile(db, task.loanId, task.id)),
    rules: {
      quietHours: rules.quietHours,
      maxUnansweredPerDay: rules.maxUnansweredPerDay,
      backdateHours: rules.backdateHours,
      promiseMaxDaysAhead: rules.promises.maxDaysAhead,
      thirdParty: {
        methods: rules.thirdParty.methods,
        purposes: rules.thirdParty.purposes,
        message: thirdPartyMessage(rules.thirdPartyTemplate, {
          debtor: borrower.name ?? "",
          collector: ctx.actor.displayName,
        }),
      },
    },
    can: {
      work: can(ctx.actor, "collections.work") && task.status === "open",
      manage: can(ctx.actor, "collections.manage"),
    },
  };
}

/** The loan page's 催收记录 tab: every task of the loan with its attempts, promises and history. */
export async function loanCollectionHistory(db: Queryable, ctx: RequestContext, loanId: string) {
  requirePermission(ctx, "loans.read");
  await loadVisibleLoan(db, ctx, loanId);
  const { contacts: _contacts, consents: _consents, ...file } = await collectionFile(db, loanId);
  return file;
}
