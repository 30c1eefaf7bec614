// The general ledger: balanced postings written inside the transaction of the event that causes
// them (disbursement, repayment, accrual, write-off), a trial balance and account statements.
import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { Queryable, Tx } from "../../platform/db.ts";
import { DomainError } from "../../platform/errors.ts";
import { formatAmount } from "../../platform/money.ts";
import { CHART_OF_ACCOUNTS, checkPosting, type PostingLine } from "./domain/chart.ts";
import { journalEntries, journalLines, ledgerAccounts } from "./ledger.schema.ts";

export async function ensureChartOfAccounts(db: Queryable): Promise<void> {
  for (const [i, a] of CHART_OF_ACCOUNTS.entries())
    await db
      .insert(ledgerAccounts)
      .values({ ...a, sortOrder: i })
      .onConflictDoNothing();
}

const KNOWN = new Set(CHART_OF_ACCOUNTS.map((a) => a.code));

export type Posting = {
  date: string;
  kind: string;
  description: string;
  loanId?: string | null;
  source?: { type: string; id: string };
  reversalOf?: number;
  lines: PostingLine[];
};

/** Writes one balanced journal entry in the caller's transaction; an unbalanced posting is a bug, so it throws. */
export async function postJournal(tx: Tx, ctx: RequestContext, posting: Posting): Promise<number> {
  const problem = checkPosting(posting.lines, KNOWN);
  if (problem) throw new DomainError({ code: "ledger-posting-invalid", status: 500, params: { problem } });
  // The entry and its lines in one statement: a repayment posts one or two journals, and each round
  // trip inside its transaction counts (bench/repayments.bench.ts). The lines go as arrays whose
  // elements are account codes (digits) and whole 分, so the array literals need no quoting.
  const arrayOf = (values: readonly (string | number)[]) => `{${values.join(",")}}`;
  const [entry] = (
    (await tx.execute(sql`
      with entry as (
        insert into journal_entries (entry_date, kind, description, loan_id, source_type, source_id, reversal_of, created_by)
        values (${posting.date}::date, ${posting.kind}, ${posting.description}, ${posting.loanId ?? null}::uuid,
          ${posting.source?.type ?? null}, ${posting.source?.id ?? null}, ${posting.reversalOf ?? null}::bigint,
          ${ctx.actor.userId}::uuid)
        returning id, entry_date, loan_id
      ), lines as (
        insert into journal_lines (entry_id, line_no, account_code, debit_fen, credit_fen, loan_id, entry_date)
        select entry.id, l.line_no, l.account_code, l.debit, l.credit, entry.loan_id, entry.entry_date
        from entry, unnest(${arrayOf(posting.lines.map((l) => l.account))}::text[],
          ${arrayOf(posting.lines.map((l) => l.debit ?? 0))}::bigint[],
          ${arrayOf(posting.lines.map((l) => l.credit ?? 0))}::bigint[]) with ordinality as l(account_code, debit, credit, line_no)
      )
      select id::text from entry`)) as unknown as { rows: { id: string }[] }
  ).rows;
  return Number(entry.id);
}

export type TrialBalanceRow = {
  code: string;
  name: string;
  nameEn: string;
  type: string;
  debit: string;
  credit: string;
};

export async function trialBalance(db: Queryable, ctx: RequestContext, asOf: string | null) {
  requirePermission(ctx, "ledger.read");
  const totals = await db
    .select({
      code: journalLines.accountCode,
      debit: sql<string>`coalesce(sum(${journalLines.debit}), 0)::text`,
      credit: sql<string>`coalesce(sum(${journalLines.credit}), 0)::text`,
    })
    .from(journalLines)
    .where(asOf ? lte(journalLines.entryDate, asOf) : undefined)
    .groupBy(journalLines.accountCode);
  const accounts = await db.select().from(ledgerAccounts).orderBy(asc(ledgerAccounts.sortOrder));
  let debitTotal = 0;
  let creditTotal = 0;
  const rows: TrialBalanceRow[] = accounts.map((a) => {
    const t = totals.find((x) => x.code === a.code);
    // Each account shows its net balance on one side, as a trial balance does.
    const net = Number(t?.debit ?? 0) - Number(t?.credit ?? 0);
    const debit = net > 0 ? net : 0;
    const credit = net < 0 ? -net : 0;
    debitTotal += debit;
    creditTotal += credit;
    return {
      code: a.code,
      name: a.nameZh,
      nameEn: a.nameEn,
      type: a.type,
      debit: formatAmount(debit),
      credit: formatAmount(credit),
    };
  });
  return {
    asOf,
    accounts: rows,
    totals: { debit: formatAmount(debitTotal), credit: formatAmount(creditTotal) },
    balanced: debitTotal === creditTotal,
  };
}

export async function accountStatement(
  db: Queryable,
  ctx: RequestContext,
  query: { code: string; from: string; to: string },
) {
  requirePermission(ctx, "ledger.read");
  const [account] = await db.select().from(ledgerAccounts).where(eq(ledgerAccounts.code, query.code));
  if (!account) throw new DomainError({ code: "not-found", status: 404, params: { entity: "account" } });
  const sign = account.normalSide === "debit" ? 1 : -1;
  const [opening] = await db
    .select({ net: sql<string>`coalesce(sum(${journalLines.debit} - ${journalLines.credit}), 0)::text` })
    .from(journalLines)
    .where(and(eq(journalLines.accountCode, query.code), sql`${journalLines.entryDate} < ${query.from}`));
  const lines = await db
    .select({
      entryId: journalLines.entryId,
      date: journalLines.entryDate,
      debit: journalLines.debit,
      credit: journalLines.credit,
      loanId: journalLines.loanId,
      kind: journalEntries.kind,
      description: journalEntries.description,
    })
    .from(journalLines)
    .innerJoin(journalEntries, eq(journalEntries.id, journalLines.entryId))
    .where(
      and(
        eq(journalLines.accountCode, query.code),
        gte(journalLines.entryDate, query.from),
        lte(journalLines.entryDate, query.to),
      ),
    )
    .orderBy(asc(journalLines.entryDate), asc(journalLines.entryId))
    .limit(5000);
  let balance = sign * Number(opening.net);
  const openingBalance = balance;
  const daily = new Map<string, number>();
  const items = lines.map((l) => {
    balance += sign * (Number(l.debit) - Number(l.credit));
    daily.set(l.date, balance);
    return {
      ...l,
      debit: formatAmount(Number(l.debit)),
      credit: formatAmount(Number(l.credit)),
      balance: formatAmount(balance),
    };
  });
  return {
    account: {
      code: account.code,
      name: account.nameZh,
      nameEn: account.nameEn,
      normalSide: account.normalSide,
    },
    from: query.from,
    to: query.to,
    openingBalance: formatAmount(openingBalance),
    closingBalance: formatAmount(balance),
    lines: items,
    dailyBalances: [...daily.entries()].map(([date, value]) => ({ date, balance: formatAmount(value) })),
  };
}

/** Net balance of an account on its normal side, for the capital pool and the sub-ledger check. */
export async function accountBalance(db: Queryable, code: string): Promise<number> {
  const [account] = await db.select().from(ledgerAccounts).where(eq(ledgerAccounts.code, code));
  const [row] = await db
    .select({ net: sql<string>`coalesce(sum(${journalLines.debit} - ${journalLines.credit}), 0)::text` })
    .from(journalLines)
    .where(eq(journalLines.accountCode, code));
  return (account?.normalSide === "credit" ? -1 : 1) * Number(row.net);
}

export async function listAccounts(db: Queryable) {
  return db.select().from(ledgerAccounts).orderBy(asc(ledgerAccounts.sortOrder));
}
