// Repayment throughput through the real HTTP API: the Fastify app in-process on a port, signed in as
// finance, 16 concurrent clients each posting repayments (with an Idempotency-Key) to its own loans —
// throughput and p50/p99 latency — and, in the same run on the same PostgreSQL server, pgbench's
// TPC-B (`pgbench -i -s 10`, then `pgbench -c 16 -j 2 -T 20`). The ratio of the two is the figure
// to watch (target ≥ 35%): one repayment is a dozen statements in one transaction, a TPC-B one five.
// Run: npx tsx bench/repayments.bench.ts [--loans N] [--seconds S] [--clients C] [--full] [--write]
//   BENCH_DATABASE_URL=postgres://…/postgres  required (the bench creates mc_bench_repay and mc_pgbench;
//   without it the bench says it is skipped). BENCH_LOG_LEVEL=error shows the app's errors.
//   --full = 100,000 loans; --write updates "Repayments through the HTTP API" in docs/benchmarks.md.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { testConfig } from "../src/platform/config.ts";
import { type DbHandle, migrateDatabase, openDatabase } from "../src/platform/db.ts";
import { buildApp } from "../src/platform/http/app.ts";
import { DEMO_PASSWORD, seedDemoCompany } from "../src/platform/seed.ts";

const { values } = parseArgs({
  options: {
    loans: { type: "string" },
    seconds: { type: "string" },
    clients: { type: "string" },
    full: { type: "boolean" },
    write: { type: "boolean" },
  },
});
const LOANS = values.full ? 100_000 : Number(values.loans ?? 5_000);
const SECONDS = Number(values.seconds ?? 20);
const CLIENTS = Number(values.clients ?? 16);
const WARMUP_SECONDS = 3;
const BUSINESS_DATE = "2026-11-28";

const base = process.env.BENCH_DATABASE_URL;
if (!base) {
  // Without a real server there is no pgbench to compare with: say so and leave the other benches be.
  console.error(
    "repayments bench skipped: set BENCH_DATABASE_URL to a PostgreSQL server it may create databases on",
  );
  process.exit(0);
}

const withDatabase = (name: string) => {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
};

async function recreate(name: string): Promise<string> {
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  const version = (await admin.query("show server_version")).rows[0].server_version as string;
  await admin.end();
  return version;
}

// Current loans (nothing overdue, closed for the business date): 12-month 等额本金 started in the last
// four weeks, so a payment allocates interest then principal of the first installment, as most do.
async function generate(handle: DbHandle): Promise<void> {
  await handle.db.execute(sql`
    insert into loans (id, loan_no, customer_id, officer_id, principal_fen, annual_rate, penalty_rate, method, term_months,
      start_date, maturity_date, apr, status, principal_outstanding_fen, last_closed_date, disbursement_channel)
    select gen_random_uuid(), 'R' || lpad(g::text, 8, '0'), gen_random_uuid(), null, p.principal, '0.18', '0.27',
      'equal-principal', 12, p.start, (p.start + interval '12 months')::date, '18.00', 'active', p.principal,
      ${BUSINESS_DATE}::date, 'bank-transfer'
    from generate_series(1, ${LOANS}) g
    cross join lateral (select (2000000 + (g * 7919) % 28000000)::bigint as principal,
      (${BUSINESS_DATE}::date - (g % 28)) as start) p`);
  await handle.db.execute(sql`
    insert into installments (loan_id, period, due_date, principal_due_fen, interest_due_fen)
    select l.id, k, (l.start_date + make_interval(months => k))::date,
      case when k = 12 then l.principal_fen - round(l.principal_fen / 12.0)::bigint * 11 else round(l.principal_fen / 12.0)::bigint end,
      round((l.principal_fen - round(l.principal_fen / 12.0)::bigint * (k - 1)) * 0.18 / 12)::bigint
    from loans l cross join generate_series(1, 12) k`);
  await handle.db.execute(
    sql`insert into settings (key, value, effective_from, note) values ('business-date', ${JSON.stringify(BUSINESS_DATE)}::jsonb, ${BUSINESS_DATE}::date, 'bench')`,
  );
  await handle.db.execute(sql`analyze`);
}

type Run = { latencies: number[]; ok: number; failed: number; ms: number };

/** CLIENTS loops, each over its own loans round-robin, for `seconds`; latencies of answered requests. */
async function drive(
  url: string,
  cookie: string,
  loanIds: string[],
  seconds: number,
  tag: string,
): Promise<Run> {
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      const mine = loanIds.filter((_, i) => i % CLIENTS === client);
      for (let n = 0; performance.now() < deadline; n++) {
        const loanId = mine[n % mine.length];
        const t0 = performance.now();
        const res = await fetch(`${url}/api/v1/loans/${loanId}/repayments`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            cookie,
            "idempotency-key": `${tag}-${client}-${n}`,
          },
          body: JSON.stringify({
            amount: "100.00",
            date: BUSINESS_DATE,
            channel: "bank-transfer",
            reference: `${tag}-${client}-${n}`,
          }),
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status === 201) ok++;
        else {
          failed++;
          if (failed <= 3) console.error(`HTTP ${res.status}`);
        }
      }
    }),
  );
  return { latencies, ok, failed, ms: performance.now() - started };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function pgbench(url: string): number {
  execFileSync("pgbench", ["-i", "-s", "10", "-q", url], { stdio: ["ignore", "ignore", "pipe"] });
  const out = execFileSync("pgbench", ["-c", "16", "-j", "2", "-T", String(SECONDS), url], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out) ?? /tps = ([\d.]+)/.exec(out);
  if (!tps) throw new Error(`no tps in pgbench output:\n${out}`);
  return Number(tps[1]);
}

const version = await recreate("mc_bench_repay");
const handle = await openDatabase({ databaseUrl: withDatabase("mc_bench_repay"), dataDir: null });
await migrateDatabase(handle);
const config = testConfig({ logLevel: process.env.BENCH_LOG_LEVEL ?? "silent" });
await seedDemoCompany(handle.db, { dataKey: config.dataKey, depth: "essentials" });
await generate(handle);
const loanIds = (
  (await handle.db.execute(sql`select id from loans order by loan_no`)) as unknown as {
    rows: { id: string }[];
  }
).rows.map((r) => r.id);

const app = await buildApp({ db: handle.db, config, dbKind: "postgres" });
await app.listen({ port: 0, host: "127.0.0.1" });
const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const login = await fetch(`${url}/api/v1/auth/login`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ username: "finance", password: DEMO_PASSWORD }),
});
if (login.status !== 200) throw new Error(`sign-in failed: HTTP ${login.status}`);
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(";")[0])
  .join("; ");

await drive(url, cookie, loanIds, WARMUP_SECONDS, "warm");
// A profiling hook (bench/profile-queries.ts) counts statements only while this says "run".
(globalThis as { benchPhase?: string }).benchPhase = "run";
const cpuBefore = process.cpuUsage();
const run = await drive(url, cookie, loanIds, SECONDS, "run");
const cpu = process.cpuUsage(cpuBefore);
(globalThis as { benchPhase?: string }).benchPhase = "done";
// The app and the clients share this process: its CPU per repayment bounds what one Node process can do.
const cpuMsPerRepayment = (cpu.user + cpu.system) / 1000 / Math.max(1, run.ok);
await app.close();
const [{ n: posted }] = (
  (await handle.db.execute(
    sql`select count(*)::int as n from loan_transactions where reference like 'run-%'`,
  )) as unknown as { rows: { n: number }[] }
).rows;
await handle.close();

await recreate("mc_pgbench");
const tps = pgbench(withDatabase("mc_pgbench"));

const sorted = [...run.latencies].sort((a, b) => a - b);
const throughput = run.ok / (run.ms / 1000);
const p50 = percentile(sorted, 50);
const p99 = percentile(sorted, 99);
const ratio = throughput / tps;
const machine = `${cpus()[0]?.model ?? "cpu"}, ${availableParallelism()} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0].toFixed(2)}`;
console.log(`engine: PostgreSQL ${version}\nmachine: ${machine}`);
console.log(
  `repayments: ${run.ok} posted (${posted} in the table), ${run.failed} failed in ${(run.ms / 1000).toFixed(1)} s with ${CLIENTS} clients over ${LOANS} loans → ${throughput.toFixed(1)}/s, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`,
);
console.log(`Node CPU per repayment (app + clients, one process): ${cpuMsPerRepayment.toFixed(2)} ms`);
console.log(
  `pgbench TPC-B (-s 10 -c 16 -j 2 -T ${SECONDS}): ${tps.toFixed(1)} tps; ratio ${(ratio * 100).toFixed(1)}% (target ≥ 35%)`,
);

if (values.write) {
  const file = "docs/benchmarks.md";
  const text = readFileSync(file, "utf8");
  const header = "## Repayments through the HTTP API";
  const command = `BENCH_DATABASE_URL=… npx tsx bench/repayments.bench.ts ${values.full ? "--full" : `--loans ${LOANS}`} --seconds ${SECONDS}`;
  const section = `${header}

Command: \`${command} --write\`. Machine: ${machine}. Measured ${new Date().toISOString().slice(0, 10)}.
The app runs in-process on a port against PostgreSQL ${version} (pool of ${process.env.DB_POOL_MAX || 20}); ${CLIENTS} clients
signed in as finance each post \`POST /loans/{id}/repayments\` (¥100.00, Idempotency-Key, reference) round-robin over
their own share of ${LOANS.toLocaleString("en")} current loans, after a ${WARMUP_SECONDS} s warm-up. In the same run, on the same server,
\`pgbench -i -s 10\` on a scratch database and \`pgbench -c 16 -j 2 -T ${SECONDS}\` (TPC-B).

| repayments | failed | seconds | repayments/s | p50 | p99 | Node CPU / repayment | pgbench tps | ratio (target ≥ 35%) |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|
| ${run.ok.toLocaleString("en")} | ${run.failed} | ${(run.ms / 1000).toFixed(1)} | ${throughput.toFixed(1)} | ${p50.toFixed(1)} ms | ${p99.toFixed(1)} ms | ${cpuMsPerRepayment.toFixed(2)} ms | ${tps.toFixed(1)} | ${(ratio * 100).toFixed(1)}% |

Where the time goes (profiled 2026-11-29 with \`node --import tsx --import ./bench/profile-queries.ts
bench/repayments.bench.ts --clients 1\` and \`node --cpu-prof\`): one repayment sends about 30 statements, a TPC-B
transaction 7. Outside the transaction 5 (session, user and roles for the sign-in check; the Idempotency-Key claim and
its stored answer); inside about 25: 6 settings reads (the business date more than once, the allocation order, the
class thresholds and other servicing settings), the loan locked and read again after its catch-up, the schedule read twice, the
per-loan catch-up (advisory lock, accrual CTE, recognition update, accrued-through update), the allocation update, one or two
journal entries (two inserts each), the transaction row, the loan update and three statements for the audit chain
(lock, last hash, insert). The Node process (app and clients) is busy about 96% of the run and spends its CPU on one
socket write per statement (~22%), Drizzle building queries (~15%), garbage collection (~7%) and protocol parsing
(~6%); PostgreSQL meanwhile serves pgbench far faster. So the single app process, not the database, is the limit, and
the lever is fewer statements per payment: settings read once per transaction (6 → 2), one joined sign-in query or a
short session cache (3 → 1), the audit append as one statement (3 → 1), no second read of the loan and schedule when
the catch-up changed nothing (4 → 2) — about 30 → 18 statements — plus prepared hot statements and more app processes
(the app keeps no state, so instances scale out behind a load balancer). Not changed in this run: the repayment path
(loan-state.ts, cob/catch-up.ts) was being reworked at the same time for the per-loan close of business, and the
sign-in, settings and audit code is shared platform code; the figures above also come from a machine shared with
several builds and test runs (see the load average), which hurts the one-threaded app more than pgbench.
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
