// Everything the matcher needs for a whole file, read in a handful of set queries (never one per
// row): loans named in memos, active loans by borrower name, accounts remembered from earlier
// imports, what each candidate owes, and references already posted on the channel.
import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { RequestContext } from "../../../platform/auth/actor.ts";
import { visibleUserIds } from "../../../platform/auth/scope.ts";
import type { Queryable } from "../../../platform/db.ts";
import { customers } from "../../customers/customers.schema.ts";
import { getBusinessDate } from "../business-date.ts";
import { installments, loans } from "../loans.schema.ts";
import { loanTransactions, type PaymentChannel } from "../servicing.schema.ts";
import { type CandidateLoan, loanNumbersIn, type MatchLookups, normaliseName } from "./domain/matching.ts";
import type { RowFields } from "./domain/row-fields.ts";
import { repaymentImportRows } from "./repayment-imports.schema.ts";

export type SharedLookups = Omit<MatchLookups, "chosen" | "excluded" | "accountKey"> & {
  loansById: ReadonlyMap<string, CandidateLoan>;
};

const CHUNK = 1000;

async function inChunks<T, R>(values: readonly T[], read: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(...(await read(values.slice(i, i + CHUNK))));
  return out;
}

async function readLoans(db: Queryable, visible: string[] | null, where: SQL): Promise<CandidateLoan[]> {
  const rows = await db
    .select({
      loanId: loans.id,
      loanNo: loans.loanNo,
      status: loans.status,
      startDate: loans.startDate,
      customerName: customers.name,
      card: customers.bankCardMasked,
    })
    .from(loans)
    .leftJoin(customers, eq(customers.id, loans.customerId))
    .where(visible === null ? where : and(where, inArray(loans.officerId, visible.length ? visible : [""])));
  return rows.map((r) => ({
    loanId: r.loanId,
    loanNo: r.loanNo,
    status: r.status,
    startDate: r.startDate,
    customerName: r.customerName,
    cardLast4: r.card && /\d{4}$/.test(r.card) ? r.card.slice(-4) : null,
    unpaid: [],
  }));
}

async function fillUnpaid(db: Queryable, byId: Map<string, CandidateLoan>): Promise<void> {
  const ids = [...byId.values()].filter((l) => l.status === "active").map((l) => l.loanId);
  const owed =
    sql<number>`(${installments.principalDue} + ${installments.interestDue} + ${installments.feeDue}
    + ${installments.penaltyAccrued} - ${installments.principalPaid} - ${installments.interestPaid}
    - ${installments.feePaid} - ${installments.penaltyPaid})::bigint`.mapWith(Number);
  const rows = await inChunks(ids, (chunk) =>
    db
      .select({ loanId: installments.loanId, dueDate: installments.dueDate, amount: owed })
      .from(installments)
      .where(and(inArray(installments.loanId, chunk), isNull(installments.paidOffDate)))
      .orderBy(asc(installments.loanId), asc(installments.period)),
  );
  for (const r of rows)
    if (r.amount > 0) byId.get(r.loanId)?.unpaid.push({ dueDate: r.dueDate, amount: r.amount });
}

export async function loadLookups(
  db: Queryable,
  ctx: RequestContext,
  options: {
    rows: readonly RowFields[];
    channel: PaymentChannel;
    chosenLoanIds: readonly string[];
    accountKey: (account: string) => string;
  },
): Promise<SharedLookups> {
  const visible = await visibleUserIds(db, ctx.actor);
  const numbers = [...new Set(options.rows.flatMap((r) => loanNumbersIn(r.memo)))];
  const names = [
    ...new Set(options.rows.map((r) => normaliseName(r.payerName)).filter((n): n is string => !!n)),
  ];
  const accounts = [
    ...new Set(
      options.rows
        .map((r) => (r.payerAccount ? options.accountKey(r.payerAccount) : null))
        .filter((a): a is string => !!a),
    ),
  ];
  const references = [...new Set(options.rows.map((r) => r.reference).filter((a): a is string => !!a))];

  const remembered = await inChunks(accounts, (chunk) =>
    db
      .selectDistinct({ account: repaymentImportRows.payerAccountIndex, loanId: repaymentImportRows.loanId })
      .from(repaymentImportRows)
      .where(
        and(eq(repaymentImportRows.status, "posted"), inArray(repaymentImportRows.payerAccountIndex, chunk)),
      ),
  );
  const byNo = await inChunks(numbers, (chunk) => readLoans(db, visible, inArray(loans.loanNo, chunk)));
  const byName = await inChunks(names, (chunk) =>
    readLoans(db, visible, and(eq(loans.status, "active"), inArray(customers.name, chunk)) as SQL),
  );
  const extraIds = [
    ...new Set([
      ...options.chosenLoanIds,
      ...remembered.map((r) => r.loanId).filter((id): id is string => !!id),
    ]),
  ];
  const byId = await inChunks(extraIds, (chunk) => readLoans(db, visible, inArray(loans.id, chunk)));

  const loansById = new Map<string, CandidateLoan>();
  for (const loan of [...byNo, ...byName, ...byId])
    if (!loansById.has(loan.loanId)) loansById.set(loan.loanId, loan);
  await fillUnpaid(db, loansById);

  const loansByName = new Map<string, CandidateLoan[]>();
  for (const loan of byName) {
    const key = normaliseName(loan.customerName) ?? "";
    const list = loansByName.get(key) ?? [];
    list.push(loansById.get(loan.loanId) as CandidateLoan);
    loansByName.set(key, list);
  }
  const loansByAccount = new Map<string, CandidateLoan[]>();
  for (const r of remembered) {
    const loan = r.loanId ? loansById.get(r.loanId) : undefined;
    if (!loan || !r.account) continue;
    loansByAccount.set(r.account, [...(loansByAccount.get(r.account) ?? []), loan]);
  }
  const posted = await inChunks(references, (chunk) =>
    db
      .selectDistinct({ reference: loanTransactions.reference })
      .from(loanTransactions)
      .where(
        and(
          eq(loanTransactions.channel, options.channel),
          inArray(loanTransactions.kind, ["repayment", "prepayment"]),
          isNull(loanTransactions.reversedBy),
          inArray(loanTransactions.reference, chunk),
        ),
      ),
  );
  return {
    businessDate: await getBusinessDate(db),
    loansByNo: new Map([...byNo].map((l) => [l.loanNo, loansById.get(l.loanId) as CandidateLoan])),
    loansByName,
    loansByAccount,
    loansById,
    postedReferences: new Set(posted.map((p) => p.reference as string)),
  };
}
