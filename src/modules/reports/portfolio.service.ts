// 经营概览 (reports.read): the loan book at a glance, within the actor's data scope (DOMAIN.md §1) —
// a team manager sees their team's loans, the sales director the sales organisation's, the GM,
// finance, risk and compliance all of it.
//
// The book (outstanding, five-level classes, buckets, provisions) is the loans' state as the last close
// of business left it, the same figures the loan list shows. The monthly flows are exact sums over
// the transactions and schedules, so they can be read for any past month:
//   - disbursed: loans opened in the month (principal);
//   - collected (回款): repayments and prepayments dated in the month, less their reversals;
//   - recovery rate (回收率, DOMAIN.md §4): of the installments that fell due in the month (up to the day
//     before the business date, while the borrower can still pay today's), the share paid so far;
//   - written off (核销) and recovered after write-off.
import { type SQL, sql } from "drizzle-orm";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import type { DataScope } from "../../platform/auth/permissions.ts";
import { visibleUserIds } from "../../platform/auth/scope.ts";
import type { Queryable } from "../../platform/db.ts";
import { formatAmount } from "../../platform/money.ts";
import { getBusinessDate } from "../loans/business-date.ts";
import { rowsOf } from "../loans/cob/sql-helpers.ts";
import { getSetting } from "../settings/settings.service.ts";
import {
  type BookRow,
  BUCKETS,
  CLASSIFICATIONS,
  monthsEndingAt,
  NON_PERFORMING,
  PAR_DAYS,
  ratio,
  sameDayLastMonth,
} from "./portfolio-figures.ts";
import { portfolioByOfficer } from "./portfolio-officers.ts";
import { ReportCache } from "./report-cache.ts";

export type PortfolioQuery = { months: number; fresh?: boolean };

/** How long an answer is kept (report-cache.ts); the page shows when it was computed and can refresh. */
const CACHE_TTL_MS = 5 * 60_000;

function officerScope(visible: string[] | null): SQL {
  if (visible === null) return sql`true`;
  if (visible.length === 0) return sql`false`;
  return sql`l.officer_id in (${sql.join(
    visible.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

/**
 * The rows of loans in scope, as a filter on a loan id column. For the whole book it is no filter at
 * all (no join with loans: at 1,000,000 loans the join alone costs more than the sums).
 */
function loanScope(visible: string[] | null, loanId: SQL): SQL {
  if (visible === null) return sql`true`;
  return sql`${loanId} in (select l.id from loans l where ${officerScope(visible)})`;
}

type MonthRow = { month: string; loans?: number; amount: string; paid?: string };

async function readBook(db: Queryable, scope: SQL) {
  return rowsOf<BookRow>(
    await db.execute(sql`
    select l.officer_id, l.classification, l.bucket, l.dpd > ${PAR_DAYS} as par, count(*)::int as loans,
      sum(l.principal_outstanding_fen)::text as principal, sum(l.provision_fen)::text as provision
    from loans l
    where l.status = 'active' and ${scope}
    group by 1, 2, 3, 4`),
  );
}

/** Loans opened from `from` to `to` (inclusive), by month. */
async function readDisbursed(db: Queryable, visible: string[] | null, from: string, to: string) {
  return rowsOf<MonthRow>(
    await db.execute(sql`
    select to_char(l.start_date, 'YYYY-MM') as month, count(*)::int as loans, sum(l.principal_fen)::text as amount
    from loans l
    where l.start_date >= ${from}::date and l.start_date <= ${to}::date and ${officerScope(visible)}
    group by 1`),
  );
}

/**
 * Money received from `from` to `to` (inclusive), by month: repayments (with prepayments) and
 * recoveries after write-off. A reversal is a positive row pointing at what it undoes: it counts,
 * negated, with the kind it undoes. Reversals are few, so the original is looked up by its key rather
 * than joined to every row.
 */
async function readReceived(db: Queryable, visible: string[] | null, from: string, to: string) {
  const dated = (column: SQL) => sql`${column} >= ${from}::date and ${column} <= ${to}::date`;
  return rowsOf<MonthRow & { kind: "repayment" | "recovery" }>(
    await db.execute(sql`
    select month, kind, sum(amount)::text as amount from (
      select to_char(t.tx_date, 'YYYY-MM') as month,
        case when t.kind = 'recovery' then 'recovery' else 'repayment' end as kind, t.amount_fen as amount
      from loan_transactions t
      where t.kind in ('repayment', 'prepayment', 'recovery') and ${dated(sql`t.tx_date`)}
        and ${loanScope(visible, sql`t.loan_id`)}
      union all
      select to_char(t.tx_date, 'YYYY-MM'),
        case when o.kind = 'recovery' then 'recovery' else 'repayment' end, -t.amount_fen
      from loan_transactions t
      join loan_transactions o on o.loan_id = t.loan_id and o.id = t.reversal_of
      where t.kind = 'reversal' and o.kind in ('repayment', 'prepayment', 'recovery') and ${dated(sql`t.tx_date`)}
        and ${loanScope(visible, sql`t.loan_id`)}
    ) x
    group by 1, 2`),
  );
}

async function readFlows(db: Queryable, visible: string[] | null, from: string, businessDate: string) {
  const disbursed = await readDisbursed(db, visible, from, businessDate);
  const received = await readReceived(db, visible, from, businessDate);
  const due = rowsOf<MonthRow>(
    await db.execute(sql`
    select to_char(i.due_date, 'YYYY-MM') as month,
      sum(i.principal_due_fen + i.interest_due_fen + i.fee_due_fen)::text as amount,
      sum(i.principal_paid_fen + i.interest_paid_fen + i.fee_paid_fen)::text as paid
    from installments i
    where i.due_date >= ${from}::date and i.due_date < ${businessDate}::date
      and ${loanScope(visible, sql`i.loan_id`)}
    group by 1`),
  );
  const writtenOff = rowsOf<MonthRow>(
    await db.execute(sql`
    select to_char(w.written_off_on, 'YYYY-MM') as month, count(*)::int as loans, sum(w.principal_fen)::text as amount
    from loan_write_offs w
    where w.status = 'approved' and w.written_off_on >= ${from}::date
      and ${loanScope(visible, sql`w.loan_id`)}
    group by 1`),
  );
  return { disbursed, received, due, writtenOff };
}

function byMonth<T extends { month: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.month, r]));
}

const cache = new ReportCache<PortfolioReport>({ ttlMs: CACHE_TTL_MS, maxEntries: 500 });

/** GET /reports/portfolio: the answer kept for CACHE_TTL_MS per scope, or computed now with `fresh`. */
export async function portfolioReport(db: Queryable, ctx: RequestContext, query: PortfolioQuery) {
  requirePermission(ctx, "reports.read");
  const visible = await visibleUserIds(db, ctx.actor);
  const businessDate = await getBusinessDate(db);
  const who = visible === null ? "all" : [...visible].sort().join(",");
  return cache.get(
    `${businessDate}|${query.months}|${who}`,
    () => computePortfolio(db, { visible, scope: ctx.actor.scope, businessDate, months: query.months }),
    query.fresh,
  );
}

async function computePortfolio(
  db: Queryable,
  input: { visible: string[] | null; scope: DataScope; businessDate: string; months: number },
) {
  const { visible, businessDate } = input;
  const computedAt = new Date().toISOString();
  const months = monthsEndingAt(businessDate.slice(0, 7), input.months);
  const from = `${months[0]}-01`;
  const [bookRows, flows, recoveryGoal, totals] = [
    await readBook(db, officerScope(visible)),
    await readFlows(db, visible, from, businessDate),
    await getSetting(db, "servicing.recovery-rate-goal", businessDate),
    rowsOf<{ loans: number; principal: string; recovered: string }>(
      await db.execute(sql`
      select count(*)::int as loans, coalesce(sum(w.principal_fen), 0)::text as principal,
        coalesce(sum(w.recovered_fen), 0)::text as recovered
      from loan_write_offs w
      where w.status = 'approved' and ${loanScope(visible, sql`w.loan_id`)}`),
    )[0],
  ];
  // This month so far is compared with the same days of last month, not with the whole of it.
  const lastMonthUntil = sameDayLastMonth(businessDate);
  const lastMonthFrom = `${lastMonthUntil.slice(0, 7)}-01`;
  const [lastDisbursed] = await readDisbursed(db, visible, lastMonthFrom, lastMonthUntil);
  const lastReceived = await readReceived(db, visible, lastMonthFrom, lastMonthUntil);
  const officers = await portfolioByOfficer(db, {
    book: bookRows,
    scope: officerScope(visible),
    monthStart: `${businessDate.slice(0, 7)}-01`,
    businessDate,
  });

  const sum = (rows: BookRow[], pick: (r: BookRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
  const principalOf = (r: BookRow) => Number(r.principal);
  const outstanding = sum(bookRows, principalOf);
  const provision = sum(bookRows, (r) => Number(r.provision));
  const npl = bookRows.filter((r) => NON_PERFORMING.has(r.classification));
  const overdue = bookRows.filter((r) => r.bucket !== "M0");
  const par = bookRows.filter((r) => r.par);
  const nplPrincipal = sum(npl, principalOf);
  const parPrincipal = sum(par, principalOf);
  const overduePrincipal = sum(overdue, principalOf);

  const group = <K extends string>(keys: readonly K[], keyOf: (r: BookRow) => string) =>
    keys.map((key) => {
      const rows = bookRows.filter((r) => keyOf(r) === key);
      const principal = sum(rows, principalOf);
      return {
        key,
        loans: sum(rows, (r) => r.loans),
        principal: formatAmount(principal),
        provision: formatAmount(sum(rows, (r) => Number(r.provision))),
        share: ratio(principal, outstanding),
      };
    });

  const disbursed = byMonth(flows.disbursed);
  const repaid = byMonth(flows.received.filter((r) => r.kind === "repayment"));
  const recovered = byMonth(flows.received.filter((r) => r.kind === "recovery"));
  const due = byMonth(flows.due);
  const writtenOff = byMonth(flows.writtenOff);
  const amount = (row: MonthRow | undefined) => Number(row?.amount ?? 0);

  return {
    businessDate,
    computedAt,
    scope: input.scope,
    recoveryGoal,
    book: {
      loans: sum(bookRows, (r) => r.loans),
      principalOutstanding: formatAmount(outstanding),
      overdueLoans: sum(overdue, (r) => r.loans),
      overduePrincipal: formatAmount(overduePrincipal),
      nplLoans: sum(npl, (r) => r.loans),
      nplPrincipal: formatAmount(nplPrincipal),
      nplRatio: ratio(nplPrincipal, outstanding),
      par30Principal: formatAmount(parPrincipal),
      par30Ratio: ratio(parPrincipal, outstanding),
      provision: formatAmount(provision),
      /** 拨备覆盖率: provisions held / non-performing principal. */
      provisionCoverage: ratio(provision, nplPrincipal),
    },
    byClassification: group(CLASSIFICATIONS, (r) => r.classification).map(({ key, ...rest }) => ({
      classification: key,
      ...rest,
    })),
    byBucket: group(BUCKETS, (r) => r.bucket).map(({ key, provision: _, ...rest }) => ({
      bucket: key,
      ...rest,
    })),
    months: months.map((month) => {
      const d = due.get(month);
      return {
        month,
        disbursedLoans: disbursed.get(month)?.loans ?? 0,
        disbursed: formatAmount(amount(disbursed.get(month))),
        collected: formatAmount(amount(repaid.get(month))),
        due: formatAmount(amount(d)),
        paidAgainstDue: formatAmount(Number(d?.paid ?? 0)),
        recoveryRate: ratio(Number(d?.paid ?? 0), amount(d)),
        writtenOffLoans: writtenOff.get(month)?.loans ?? 0,
        writtenOff: formatAmount(amount(writtenOff.get(month))),
        recovered: formatAmount(amount(recovered.get(month))),
      };
    }),
    /** Last month from its first day to the business date's day of month, to compare this month with. */
    lastMonthToDate: {
      until: lastMonthUntil,
      disbursedLoans: lastDisbursed?.loans ?? 0,
      disbursed: formatAmount(Number(lastDisbursed?.amount ?? 0)),
      collected: formatAmount(Number(lastReceived.find((r) => r.kind === "repayment")?.amount ?? 0)),
    },
    byOfficer: officers,
    writeOffs: {
      loans: totals.loans,
      principal: formatAmount(Number(totals.principal)),
      recovered: formatAmount(Number(totals.recovered)),
    },
  };
}

export type PortfolioReport = Awaited<ReturnType<typeof computePortfolio>>;
