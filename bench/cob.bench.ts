// Daily batch throughput: bulk-generate a loan book (generate_series, not row by row), then time one
// close-of-business date over it and, in the same run, a plain `select count(*) from installments`
// — the cost of merely reading the schedule table once. The ratio is the figure to watch (target ≤ 3×).
// Run: npx tsx bench/cob.bench.ts [--loans N] [--full] [--write]
//   BENCH_DATABASE_URL=postgres://…/postgres  a PostgreSQL server on which the bench creates its own
//   database (mc_bench); without it the bench falls back to in-process PGlite (and says so).
//   --full = 1,000,000 loans (≈ 12M installments); --write updates "Daily batch" in docs/benchmarks.md.
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { runCob } from "../src/modules/loans/cob/cob-runner.ts";
import { systemContext } from "../src/platform/auth/actor.ts";
import { type DbHandle, migrateDatabase, openDatabase } from "../src/platform/db.ts";

const { values } = parseArgs({
  options: { loans: { type: "string" }, full: { type: "boolean" }, write: { type: "boolean" } },
});
const LOANS = values.full ? 1_000_000 : Number(values.loans ?? 20_000);
const BUSINESS_DATE = "2026-11-28";
const NEXT_DATE = "2026-11-29";
const TIMED_DATE = "2026-11-30";

async function open(): Promise<{ handle: DbHandle; engine: string }> {
  const base = process.env.BENCH_DATABASE_URL;
  if (!base) {
    console.error(
      "note: BENCH_DATABASE_URL is not set; running on in-process PGlite (single connection, WASM), not PostgreSQL",
    );
    return {
      handle: await openDatabase({ databaseUrl: null, dataDir: null }),
      engine: "PGlite (in-process)",
    };
  }
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query("drop database if exists mc_bench with (force)");
  await admin.query("create database mc_bench");
  const version = (await admin.query("show server_version")).rows[0].server_version;
  await admin.end();
  const url = new URL(base);
  url.pathname = "/mc_bench";
  return {
    handle: await openDatabase({ databaseUrl: url.toString(), dataDir: null }),
    engine: `PostgreSQL ${version}`,
  };
}

// A realistic mix: terms 6/12/12/18 months (12 installments on average), start dates over the last
// year, 85% paying on time, 10% stopped paying at some installment (overdue, every bucket), 5% with
// the latest installment half paid. 等额本金 figures computed in SQL.
async function generate(handle: DbHandle): Promise<void> {
  const db = handle.db;
  await db.execute(sql`
    insert into loans (id, loan_no, customer_id, officer_id, principal_fen, annual_rate, penalty_rate, method, term_months,
      start_date, maturity_date, apr, status, principal_outstanding_fen, last_closed_date, disbursement_channel)
    select gen_random_uuid(), 'B' || lpad(g::text, 8, '0'), gen_random_uuid(), null, p.principal, p.rate, (p.rate::numeric * 1.5)::text,
      'equal-principal', p.term, p.start, (p.start + make_interval(months => p.term))::date, '18.00', 'active', p.principal,
      ${BUSINESS_DATE}::date, 'bank-transfer'
    from generate_series(1, ${LOANS}) g
    cross join lateral (select
      (2000000 + (g * 7919) % 28000000)::bigint as principal,
      (array['0.12', '0.15', '0.18', '0.2'])[1 + g % 4] as rate,
      (array[6, 12, 12, 18])[1 + (g / 4) % 4] as term,
      (${BUSINESS_DATE}::date - 1 - (g * 37) % 365) as start) p`);
  await db.execute(sql`
    insert into installments (loan_id, period, due_date, principal_due_fen, interest_due_fen, principal_paid_fen, interest_paid_fen,
      paid_off_date, recognised_date)
    select l.id, k, d.due, d.principal, d.interest,
      case when d.paid then d.principal when d.half then d.principal / 2 else 0 end,
      case when d.paid or d.half then d.interest else 0 end,
      case when d.paid then d.due end,
      case when d.due <= ${BUSINESS_DATE}::date then d.due end
    from loans l
    cross join lateral generate_series(1, l.term_months) k
    cross join lateral (select round(l.principal_fen::numeric / l.term_months)::bigint as part,
      (hashtext(l.loan_no) & 1023) as h) c
    cross join lateral (select
      (l.start_date + make_interval(months => k))::date as due,
      case when k = l.term_months then l.principal_fen - c.part * (l.term_months - 1) else c.part end as principal,
      round((l.principal_fen - c.part * (k - 1))::numeric * l.annual_rate::numeric / 12)::bigint as interest) d0
    cross join lateral (select d0.*,
      d0.due <= ${BUSINESS_DATE}::date and (c.h >= 154 or k < 1 + c.h % 6) and not (c.h < 51 and d0.due > ${BUSINESS_DATE}::date - 31) as paid,
      c.h < 51 and d0.due <= ${BUSINESS_DATE}::date and d0.due > ${BUSINESS_DATE}::date - 31 as half) d`);
  await db.execute(sql`
    update loans l set principal_outstanding_fen = l.principal_fen - s.paid,
      status = case when s.paid = l.principal_fen then 'closed' else 'active' end
    from (select loan_id, sum(principal_paid_fen) as paid from installments group by loan_id) s where s.loan_id = l.id`);
  await db.execute(
    sql`insert into settings (key, value, effective_from, note) values ('business-date', ${JSON.stringify(BUSINESS_DATE)}::jsonb, ${BUSINESS_DATE}::date, 'bench')`,
  );
  await db.execute(sql`analyze`);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

const { handle, engine } = await open();
await migrateDatabase(handle);
const gen = await timed(() => generate(handle));
const [{ n: installmentsCount }] = rowsOf<{ n: number }>(
  await handle.db.execute(sql`select count(*)::int as n from installments`),
);
const [{ n: active }] = rowsOf<{ n: number }>(
  await handle.db.execute(sql`select count(*)::int as n from loans where status = 'active'`),
);
// count(*) twice: the first warms the cache, the second is the baseline (the batch runs warm too).
await handle.db.execute(sql`select count(*) from installments`);
const count = await timed(() => handle.db.execute(sql`select count(*) from installments`));
// The first close after generating sets every loan's DPD, class and opening provision (one journal entry
// per loan); the timed date is the next one, a steady-state night.
const first = await timed(() => runCob(handle.db, systemContext("bench"), { to: NEXT_DATE }));
await handle.db.execute(sql`analyze`);
const cob = await timed(() => runCob(handle.db, systemContext("bench"), { to: TIMED_DATE }));
const ratio = cob.ms / count.ms;
const [dist] = rowsOf<{ overdue: number; penalty: string }>(
  await handle.db.execute(
    sql`select count(*) filter (where dpd > 0)::int as overdue, (select sum(penalty_accrued_fen) from installments)::text as penalty from loans`,
  ),
);
await handle.close();

const machine = `${cpus()[0]?.model ?? "cpu"}, ${availableParallelism()} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0].toFixed(2)}`;
const command = `npx tsx bench/cob.bench.ts ${values.full ? "--full" : `--loans ${LOANS}`}${process.env.BENCH_DATABASE_URL ? " (BENCH_DATABASE_URL=PostgreSQL)" : ""}`;
const lines = [
  `| ${engine} | ${LOANS.toLocaleString("en")} | ${active.toLocaleString("en")} | ${installmentsCount.toLocaleString("en")} | ${(gen.ms / 1000).toFixed(1)} s | ${(first.ms / 1000).toFixed(2)} s | ${(cob.ms / 1000).toFixed(2)} s | ${count.ms.toFixed(0)} ms | ${ratio.toFixed(1)}× |`,
];
console.log(
  `engine: ${engine}\nmachine: ${machine}\nloans ${LOANS} (active ${active}), installments ${installmentsCount}, overdue after the close ${dist.overdue}`,
);
console.log(
  `generate ${(gen.ms / 1000).toFixed(1)} s; first close ${(first.ms / 1000).toFixed(2)} s; close of business ${TIMED_DATE}: ${(cob.ms / 1000).toFixed(2)} s (${cob.value.loansClosed} loans); select count(*) from installments: ${count.ms.toFixed(1)} ms; ratio ${ratio.toFixed(2)}× (target ≤ 3×)`,
);

if (values.write) {
  const file = "docs/benchmarks.md";
  const text = readFileSync(file, "utf8");
  const header = "## Daily batch";
  const section = `${header}

Command: \`${command}\`. Machine: ${machine}. Measured ${new Date().toISOString().slice(0, 10)}.
One close-of-business date over a generated book (generate_series; terms 6/12/12/18 months, start dates
over a year, 85% paying on time, 10% stopped paying, 5% half-paid), chunks of 5,000 loans, against
\`select count(*) from installments\` in the same run (warm). The batch is set-based SQL per chunk:
interest recognition, penalty accrual, reminders, DPD/bucket/class/provision and last_closed_date.

| engine | loans | active | installments | generate | first close (opening provisions) | close of business (timed) | count(*) | ratio |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${lines.join("\n")}
`;
  const start = text.indexOf(header);
  const next = start < 0 ? -1 : text.indexOf("\n## ", start + header.length);
  const updated =
    start < 0
      ? `${text.trimEnd()}\n\n${section}`
      : `${text.slice(0, start)}${section}${next < 0 ? "" : text.slice(next)}`;
  writeFileSync(file, updated);
  console.log(`wrote ${file}`);
}
