// Payroll run throughput: bulk-generate a sales org (one director, teams of a manager and five customer
// managers) and a month of loans (generate_series, not row by row), then time one payroll run — the
// org at month end, the loans summed per officer and term in SQL, the engine, every statement and
// line written — against, in the same run, `select sum(principal_fen) from loans` over the same rows.
// Run: npx tsx bench/payroll.bench.ts [--staff N] [--loans M] [--full] [--write]
//   BENCH_DATABASE_URL=postgres://…/postgres  a PostgreSQL server on which the bench creates its own
//   database (mc_bench_payroll) and drops it at the end; without it, in-process PGlite (and it says so).
//   --full = 10,000 staff and 1,000,000 loans; --write updates "Payroll run" in docs/benchmarks.md.
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { payPlans } from "../src/modules/compensation/compensation.schema.ts";
import { payrollFacts, runEngine } from "../src/modules/compensation/payroll-input.service.ts";
import { createRun } from "../src/modules/compensation/payroll-runs.service.ts";
import { createPlan, versionInForce } from "../src/modules/compensation/plans.service.ts";
import { systemContext } from "../src/platform/auth/actor.ts";
import { type DbHandle, migrateDatabase } from "../src/platform/db.ts";
import { openBenchDatabase } from "./bench-database.ts";

const { values } = parseArgs({
  options: {
    staff: { type: "string" },
    loans: { type: "string" },
    full: { type: "boolean" },
    write: { type: "boolean" },
  },
});
const STAFF = values.full ? 10_000 : Number(values.staff ?? 2_000);
const LOANS = values.full ? 1_000_000 : Number(values.loans ?? 100_000);
const MONTH = "2026-11";
const DB_NAME = "mc_bench_payroll";

// Staff number g: 1 is the director; from 2 on, every sixth is a team manager over the next five.
// Ids are md5-derived so that a manager's id is computable from its number.
async function generate(handle: DbHandle): Promise<void> {
  const db = handle.db;
  await db.execute(sql`insert into departments (code, name_zh, name_en) values ('BENCH', '营销部', 'Sales')`);
  await db.execute(sql`
    insert into users (id, username, display_name, password_hash)
    select md5('u' || g)::uuid, 'bench' || g, '员工' || g, 'x' from generate_series(1, ${STAFF}) g`);
  await db.execute(sql`
    insert into staff_members (id, user_id, employee_no, name, position, status, joined_on)
    select md5('s' || g)::uuid, md5('u' || g)::uuid, 'B' || lpad(g::text, 6, '0'), '员工' || g,
      case when g = 1 then 'sales-director' when (g - 2) % 6 = 0 then 'team-manager' else 'customer-manager' end,
      'formal', date '2025-01-01' + (g % 300)
    from generate_series(1, ${STAFF}) g`);
  await db.execute(sql`
    insert into staff_assignments (staff_id, department_id, manager_id, position, valid_from, reason)
    select md5('s' || g)::uuid, (select id from departments where code = 'BENCH'),
      case when g = 1 then null when (g - 2) % 6 = 0 then md5('s1')::uuid else md5('s' || (g - (g - 2) % 6))::uuid end,
      case when g = 1 then 'sales-director' when (g - 2) % 6 = 0 then 'team-manager' else 'customer-manager' end,
      date '2025-01-01' + (g % 300), 'hire'
    from generate_series(1, ${STAFF}) g`);
  // Loans of the month over everyone but the director: principal 10,000–500,000, terms 3–36 months.
  await db.execute(sql`
    insert into loans (loan_no, customer_id, officer_id, principal_fen, annual_rate, penalty_rate, method, term_months,
      start_date, maturity_date, apr, principal_outstanding_fen, disbursement_channel)
    select 'P' || lpad(i::text, 8, '0'), gen_random_uuid(), md5('u' || (2 + (i::bigint * 7919) % (${STAFF} - 1)))::uuid,
      p.principal, '0.18', '0.27', 'equal-installment', p.term, p.start, p.start + 365, '18.00', p.principal, 'bank-transfer'
    from generate_series(1, ${LOANS}) i
    cross join lateral (select (1000000 + (i::bigint * 104729) % 49000001)::bigint as principal,
      (array[3, 6, 9, 12, 18, 24, 36])[1 + i % 7] as term,
      date '2026-11-01' + (i % 30) as start) p`);
  await db.execute(
    sql`insert into settings (key, value, effective_from, note) values ('business-date', '"2026-11-30"'::jsonb, '2026-11-30', 'bench')`,
  );
  await createPlan(db, systemContext("bench"), {
    code: "BENCH",
    name: "Bench plan",
    effectiveMonth: "2026-01",
    plan: { managementRate: { "team-manager": "0.005", "sales-director": "0.003" } },
  });
  await db.execute(sql`analyze`);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

const { handle, engine, drop } = await openBenchDatabase(DB_NAME);
await migrateDatabase(handle);
const gen = await timed(() => generate(handle));
// The baseline twice: the first warms the cache; the run is timed warm too.
await handle.db.execute(sql`select sum(principal_fen) from loans`);
const baseline = await timed(() => handle.db.execute(sql`select sum(principal_fen) from loans`));
// The parts on their own (no writes), then the whole run as HR would start it.
const facts = await timed(() => payrollFacts(handle.db, MONTH));
const [plan] = await handle.db.select({ id: payPlans.id }).from(payPlans);
const version = await versionInForce(handle.db, plan.id, MONTH);
runEngine(facts.value, version!.plan); // warm-up, as in a running server
const compute = await timed(async () => runEngine(facts.value, version!.plan));
const run = await timed(() => createRun(handle.db, systemContext("bench"), { month: MONTH }));
const rows = (q: string) =>
  handle.db.execute(sql.raw(q)).then((r) => (r as { rows: { n: number }[] }).rows[0].n);
const [statements, lines] = [
  await rows("select count(*)::int as n from payroll_statements"),
  await rows("select count(*)::int as n from payroll_lines"),
];
await handle.close();
await drop();

const ratio = run.ms / baseline.ms;
const machine = `${cpus()[0]?.model ?? "cpu"}, ${availableParallelism()} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0].toFixed(2)}`;
const command = `npx tsx bench/payroll.bench.ts ${values.full ? "--full" : `--staff ${STAFF} --loans ${LOANS}`}${process.env.BENCH_DATABASE_URL ? " (BENCH_DATABASE_URL=PostgreSQL)" : ""}`;
console.log(`engine: ${engine}\nmachine: ${machine}`);
console.log(
  `staff ${STAFF}, loans ${LOANS}: generate ${(gen.ms / 1000).toFixed(1)} s; payroll run ${(run.ms / 1000).toFixed(2)} s ` +
    `(facts ${(facts.ms / 1000).toFixed(2)} s: ${facts.value.loanGroups.length} officer×term groups; engine ${(compute.ms / 1000).toFixed(2)} s; ` +
    `${statements} statements, ${lines} lines, total ${run.value.total}); select sum(principal_fen): ${baseline.ms.toFixed(0)} ms; ratio ${ratio.toFixed(1)}× (target: run ≤ 10 s)`,
);

if (values.write) {
  const file = "docs/benchmarks.md";
  const text = readFileSync(file, "utf8");
  const header = "## Payroll run";
  const row = `| ${engine} | ${STAFF.toLocaleString("en")} | ${LOANS.toLocaleString("en")} | ${facts.value.loanGroups.length.toLocaleString("en")} | ${(facts.ms / 1000).toFixed(2)} s | ${(compute.ms / 1000).toFixed(2)} s | **${(run.ms / 1000).toFixed(2)} s** | ${baseline.ms.toFixed(0)} ms | ${ratio.toFixed(1)}× |`;
  const section = `${header}

Command: \`${command}\`. Machine: ${machine}. Measured ${new Date().toISOString().slice(0, 10)}.
One payroll run (\`createRun\`, one transaction) over a generated sales org (a director, teams of a manager
and five customer managers) and a month of loans (principal 10,000–500,000, terms 3–36 months), against
\`select sum(principal_fen) from loans\` over the same rows in the same run (warm). The run reads the org
at month end, sums the loans per officer and term in SQL (GROUP BY; 年化业绩 rounded loan by loan), runs
the engine (\`computePayroll\`) and writes a statement and four explained lines per person. Target: ≤ 10 s.
"facts" is the org and loan-sum queries alone, "engine" the computation alone, warm (both also inside the run).
The machine is shared with other work: figures move with the load average printed above.

| engine | staff | loans | officer×term groups | facts | engine | payroll run | sum(principal) | ratio |
|---|---:|---:|---:|---:|---:|---:|---:|---:|
${row}
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
