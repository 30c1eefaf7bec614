// The loan book the daily-batch benchmark closes: generated in SQL (generate_series, one statement per
// table), with the secondary indexes dropped during the load and rebuilt after it, and every loan's
// state (principal outstanding, DPD, bucket, class, provision, penalty to date, collection task)
// written as a running book would have it, so that the first timed night is an ordinary one.
// An opening journal entry carries the book's balances, so the sub-ledger check holds on it.
import { sql } from "drizzle-orm";
import type { Db } from "../src/platform/db.ts";

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** Drops the indexes of `tables` except primary keys, runs `load`, rebuilds them (in parallel-safe order). */
async function withoutIndexes(db: Db, tables: string[], load: () => Promise<void>): Promise<void> {
  const indexes = rowsOf<{ name: string; def: string }>(
    await db.execute(sql`
      select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = 'public' and i.tablename in (${sql.join(
        tables.map((t) => sql`${t}`),
        sql`, `,
      )})
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`),
  );
  for (const index of indexes) await db.execute(sql.raw(`drop index "${index.name}"`));
  await load();
  for (const index of indexes) await db.execute(sql.raw(index.def));
}

/**
 * A realistic mix: terms 6/12/12/18 months (12 installments on average), rates 12–20%, start dates
 * over the last year, 85% paying on time, 10% stopped paying after 0–5 installments (overdue, every
 * bucket), 5% paying until a month ago and the latest installment half paid. 等额本金 in SQL.
 */
export async function generateBook(db: Db, options: { loans: number; businessDate: string }): Promise<void> {
  const bd = sql`${options.businessDate}::date`;
  await db.execute(sql`set synchronous_commit = off`);
  await db.execute(sql`set work_mem = '256MB'`);
  await db.execute(sql`set maintenance_work_mem = '512MB'`);
  await db.execute(sql`drop table if exists bench_book`);
  await db.execute(sql`
    create unlogged table bench_book as
    select g, gen_random_uuid() as id, 'B' || lpad(g::text, 8, '0') as loan_no,
      (2000000 + (g * 7919) % 28000000)::bigint as principal,
      (array['0.12', '0.15', '0.18', '0.2'])[1 + g % 4] as rate,
      (array[6, 12, 12, 18])[1 + (g / 4) % 4] as term,
      (${bd} - 1 - ((g * 37) % 365)::int) as start,
      hashtext('B' || lpad(g::text, 8, '0')) & 1023 as h
    from generate_series(1::bigint, ${options.loans}::bigint) g`);
  await withoutIndexes(db, ["installments", "loans"], async () => {
    await db.execute(sql`alter table installments drop constraint installments_loan_id_period_pk`);
    await db.execute(sql`
      insert into installments (loan_id, period, due_date, principal_due_fen, interest_due_fen, penalty_accrued_fen,
        principal_paid_fen, interest_paid_fen, paid_off_date, recognised_date)
      select b.id, k, d.due, d.principal, d.interest,
        case when d.overdue then round((d.principal - d.principal_paid)::numeric * b.rate::numeric * 1.5 * (${bd} - d.due) / 360)::bigint else 0 end,
        d.principal_paid, case when d.paid or d.half then d.interest else 0 end,
        case when d.paid then d.due end,
        case when d.due <= ${bd} then d.due end
      from bench_book b
      cross join lateral generate_series(1, b.term) k
      cross join lateral (select round(b.principal::numeric / b.term)::bigint as part) c
      cross join lateral (select
        (b.start + make_interval(months => k))::date as due,
        case when k = b.term then b.principal - c.part * (b.term - 1) else c.part end as principal,
        round((b.principal - c.part * (k - 1))::numeric * b.rate::numeric / 12)::bigint as interest) d0
      cross join lateral (select
        d0.due <= ${bd} and (b.h >= 154 or k < 1 + b.h % 6) and not (b.h < 51 and d0.due > ${bd} - 31) as paid,
        b.h < 51 and d0.due <= ${bd} and d0.due > ${bd} - 31 as half) p
      cross join lateral (select d0.*, p.*,
        case when p.paid then d0.principal when p.half then d0.principal / 2 else 0 end as principal_paid,
        d0.due < ${bd} and not p.paid as overdue) d`);
    await db.execute(
      sql`alter table installments add constraint installments_loan_id_period_pk primary key (loan_id, period)`,
    );
    await db.execute(sql`
      insert into loans (id, loan_no, customer_id, principal_fen, annual_rate, penalty_rate, method, term_months,
        start_date, maturity_date, apr, status, principal_outstanding_fen, dpd, bucket, classification, provision_fen,
        last_closed_date, overdue_since, accrued_through, disbursement_channel)
      select b.id, b.loan_no, gen_random_uuid(), b.principal, b.rate, (b.rate::numeric * 1.5)::text, 'equal-principal', b.term,
        b.start, (b.start + make_interval(months => b.term))::date, '18.00', s.status, s.outstanding, s.dpd,
        case when s.dpd <= 0 then 'M0' else 'M' || least(7, ceil(s.dpd / 30.0)::int) end, s.class,
        round(s.outstanding * (case s.class when 'loss' then 1 when 'doubtful' then 0.5 when 'substandard' then 0.25
          when 'special-mention' then 0.02 else 0.01 end))::bigint * (s.status = 'active')::int,
        -- Riding the company close (last_closed_date null), penalty written down to the business date.
        case when s.status = 'closed' then ${bd} end, case when s.dpd > 0 then ${bd} - s.dpd end, ${bd}, 'bank-transfer'
      from bench_book b
      join (select loan_id, sum(principal_due_fen - principal_paid_fen)::bigint as outstanding,
              case when bool_and(paid_off_date is not null) then 'closed' else 'active' end as status,
              coalesce(${bd} - min(due_date) filter (where due_date <= ${bd} and paid_off_date is null), 0) as dpd
            from installments group by loan_id) a on a.loan_id = b.id
      cross join lateral (select a.outstanding, a.status, greatest(a.dpd, 0) as dpd,
        case when a.dpd >= 361 then 'loss' when a.dpd >= 271 then 'doubtful' when a.dpd >= 91 then 'substandard'
             when a.dpd >= 1 then 'special-mention' else 'normal' end as class) s`);
  });
  await db.execute(sql`
    insert into collection_tasks (loan_id, bucket, dpd, opened_on)
    select id, bucket, dpd, ${bd} - dpd + 1 from loans where status = 'active' and dpd > 0`);
  await postOpeningBalances(db, options.businessDate);
  await db.execute(sql`drop table bench_book`);
  await db.execute(
    sql`insert into settings (key, value, effective_from, note) values ('business-date', ${JSON.stringify(options.businessDate)}::jsonb, ${bd}, 'bench')`,
  );
  await db.execute(sql`vacuum analyze`);
}

/** One journal entry with the book's balances against capital, so that sub-ledger = GL from the start. */
async function postOpeningBalances(db: Db, businessDate: string): Promise<void> {
  await db.execute(sql`
    with sub as (
      select (select sum(principal_outstanding_fen) from loans)::bigint as principal,
        (select sum(provision_fen) from loans)::bigint as provision,
        sum(interest_due_fen - interest_paid_fen) filter (where recognised_date is not null)::bigint as interest,
        sum(penalty_accrued_fen - penalty_paid_fen)::bigint as penalty
      from installments
    ), entry as (
      insert into journal_entries (entry_date, kind, description, source_type, source_id)
      values (${businessDate}::date, 'opening', '基准测试期初余额', 'bench', 'opening') returning id
    )
    insert into journal_lines (entry_id, line_no, account_code, debit_fen, credit_fen, entry_date)
    select entry.id, v.n, v.account, v.debit, v.credit, ${businessDate}::date
    from entry, sub cross join lateral (values
      (1, '1301', sub.principal, 0::bigint), (2, '1302', sub.interest, 0::bigint), (3, '1303', sub.penalty, 0::bigint),
      (4, '1309', 0::bigint, sub.provision),
      (5, '4001', 0::bigint, sub.principal + sub.interest + sub.penalty - sub.provision)) v(n, account, debit, credit)`);
}

/**
 * The day's payments before the close of `date`: the borrowers who pay on time (85%) pay the
 * installments falling due on it in full, as the repayment service would post them — principal down,
 * interest paid before it is recognised (income on receipt), the 1% provision following the principal,
 * a loan paid off closed — in bulk SQL with one journal entry, so the sub-ledger still equals the GL.
 * Not timed: it is the day's business, not the batch.
 */
export async function payDueInstallments(
  db: Db,
  date: string,
  /** Part of the on-time payers, by their loan number's hash (0–1023; 154 and up pay on time): the whole day by default. */
  payers: { from: number; to: number } = { from: 154, to: 1024 },
): Promise<number> {
  const d = sql`${date}::date`;
  const payer = sql`(hashtext(l.loan_no) & 1023) >= ${Math.max(154, payers.from)}::int and (hashtext(l.loan_no) & 1023) < ${payers.to}::int`;
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`
    with paid as (
      update installments i set principal_paid_fen = i.principal_due_fen, interest_paid_fen = i.interest_due_fen,
        fee_paid_fen = i.fee_due_fen, paid_off_date = ${d}
      from loans l
      where i.due_date = ${d} and l.id = i.loan_id and l.status = 'active' and l.last_closed_date is null
        and ${payer} and i.paid_off_date is null
        and i.principal_paid_fen = 0 and i.interest_paid_fen = 0 and i.fee_paid_fen = 0
      returning i.loan_id, i.principal_due_fen as principal, i.interest_due_fen + i.fee_due_fen as income
    ), per_loan as (
      select p.*, l.provision_fen as old_provision, l.principal_outstanding_fen - p.principal as left_fen,
        case when l.principal_outstanding_fen = p.principal then 0
          else round((l.principal_outstanding_fen - p.principal) * 0.01)::bigint end as provision
      from (select loan_id, sum(principal)::bigint as principal, sum(income)::bigint as income
            from paid group by loan_id) p
      join loans l on l.id = p.loan_id
    ), loans_after as (
      update loans l set principal_outstanding_fen = p.left_fen, provision_fen = p.provision,
        status = case when p.left_fen = 0 then 'closed' else 'active' end,
        last_closed_date = case when p.left_fen = 0 then ${d} - 1 end
      from per_loan p where l.id = p.loan_id
      returning 1
    ), totals as (
      select coalesce(sum(principal), 0)::bigint as principal, coalesce(sum(income), 0)::bigint as income,
        coalesce(sum(old_provision - provision), 0)::bigint as released, count(*)::int as n,
        (select count(*) from loans_after) as written
      from per_loan
    ), entry as (
      insert into journal_entries (entry_date, kind, description, source_type, source_id)
      select ${d} - 1, 'repayment', '基准测试：按期还款', 'bench', ${date} from totals where n > 0
      returning id
    ), lines as (
      insert into journal_lines (entry_id, line_no, account_code, debit_fen, credit_fen, entry_date)
      select entry.id, v.n, v.account, v.debit, v.credit, ${d} - 1
      from entry, totals t cross join lateral (values
        (1, '1002', t.principal + t.income, 0::bigint), (2, '1301', 0::bigint, t.principal),
        (3, '6011', 0::bigint, t.income), (4, '1309', greatest(t.released, 0), 0::bigint),
        (5, '6701', 0::bigint, greatest(t.released, 0)), (6, '6701', greatest(-t.released, 0), 0::bigint),
        (7, '1309', 0::bigint, greatest(-t.released, 0)))
        v(n, account, debit, credit)
      where v.debit + v.credit > 0
      returning 1
    )
    select n from totals`),
  );
  return row.n;
}
