// Daily batch throughput: generate a loan book in bulk SQL (bench/cob-book.ts), then time the close of
// business of one date over it and, in the same run, a plain `select count(*) from installments` —
// the cost of merely reading the schedule table once. The ratio is the figure to watch (target ≤ 3×).
// Before each date the on-time borrowers pay what falls due that day (untimed: the day's business).
// Nine ordinary nights are timed, each followed by its count(*), so that both halves of a ratio see
// the same load on a shared machine: three straight after the day's payments, three with the last
// third of them after the day's vacuum and checkpoint, three with all of them before it (closeThrough);
// the night with the median ratio of each three is shown, the middle kind being the figure. Then three
// dates are missed and closed in one run (the catch-up), and the sub-ledger is checked.
// Run: npx tsx bench/cob.bench.ts [--loans N] [--full] [--keep] [--write]
//   BENCH_DATABASE_URL=postgres://…/postgres  a PostgreSQL server on which the bench creates its own
//   database (mc_bench_cob); without it the bench falls back to in-process PGlite (and says so).
//   --full = 1,000,000 loans (≈ 12M installments); --keep leaves the database for EXPLAIN;
//   --write puts the row for this size into the "Daily batch" table of docs/benchmarks.md.
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { subLedgerCheck } from "../src/modules/ledger/sub-ledger.ts";
import { shiftDate } from "../src/modules/loans/business-date.ts";
import { runCob } from "../src/modules/loans/cob/cob-runner.ts";
import { systemContext } from "../src/platform/auth/actor.ts";
import { migrateDatabase } from "../src/platform/db.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { generateBook, payDueInstallments } from "./cob-book.ts";

const { values } = parseArgs({
  options: {
    loans: { type: "string" },
    full: { type: "boolean" },
    keep: { type: "boolean" },
    write: { type: "boolean" },
  },
});
const LOANS = values.full ? 1_000_000 : Number(values.loans ?? 20_000);
const BUSINESS_DATE = "2026-11-28";
const DB_NAME = "mc_bench_cob";
const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

const { handle, engine, drop } = await openBenchDatabase(DB_NAME);
const db = handle.db;
const ctx = systemContext("bench");
await migrateDatabase(handle);
const gen = await timed(() => generateBook(db, { loans: LOANS, businessDate: BUSINESS_DATE }));
const [book] = rowsOf<{ installments: number; active: number; overdue: number }>(
  await db.execute(sql`select (select count(*) from installments)::int as installments,
    (select count(*) from loans where status = 'active')::int as active,
    (select count(*) from loans where status = 'active' and overdue_since is not null)::int as overdue`),
);

/** count(*) twice: the first warms the cache, the second is the baseline (the batch runs warm too). */
async function countInstallments(): Promise<number> {
  await db.execute(sql`select count(*) from installments`);
  return (await timed(() => db.execute(sql`select count(*) from installments`))).ms;
}

/**
 * Pays what falls due on each date up to `to`, then closes up to `to` in one run (timed). A server's day
 * also runs its background work between the payments and the night, which the bench compresses into
 * seconds: the statistics (autoanalyze, always modelled here), and with `maintained` the vacuum that
 * migration 0025's settings make autovacuum run once or twice a day on installments and loans, and the
 * checkpoint that writes the day's dirty pages (checkpoint_timeout, 5 minutes by default). Untimed,
 * like the payments; the time the vacuum took is reported.
 */
async function closeThrough(dates: string[], day: Day = "unmaintained") {
  let paid = 0;
  let vacuumMs = 0;
  const maintain = async () => {
    vacuumMs = (await timed(() => db.execute(sql`vacuum installments, loans`))).ms;
    await db.execute(sql`checkpoint`);
  };
  for (const date of dates) {
    if (day === "late-payments") {
      // Two thirds of the day's payers, the vacuum, then the last third: what autovacuum leaves for the
      // night when it last ran in the afternoon.
      paid += await payDueInstallments(db, date, { from: 154, to: 734 });
      await maintain();
      paid += await payDueInstallments(db, date, { from: 734, to: 1024 });
    } else paid += await payDueInstallments(db, date);
  }
  await db.execute(sql`analyze loans`);
  if (day === "maintained") await maintain();
  const run = await timed(() => runCob(db, ctx, { to: dates[dates.length - 1] }));
  return { ms: run.ms, paid, summary: run.value, load: loadavg()[0], vacuumMs, day };
}

/**
 * How the day before a night ends: "unmaintained", no vacuum since the payments; "late-payments", a
 * third of them after the day's vacuum; "maintained", all of them before it.
 */
type Day = "unmaintained" | "late-payments" | "maintained";
type Night = Awaited<ReturnType<typeof closeThrough>> & { count: number; ratio: number };
/** Closes the dates one night each, every night followed by its count(*); the night with the median ratio. */
async function timedNights(days: number[], day: Day): Promise<{ all: Night[]; median: Night }> {
  const all: Night[] = [];
  for (const k of days) {
    const closed = await closeThrough([shiftDate(BUSINESS_DATE, k)], day);
    const ms = await countInstallments();
    all.push({ ...closed, count: ms, ratio: closed.ms / ms });
  }
  return { all, median: [...all].sort((a, b) => a.ratio - b.ratio)[1] };
}

const d1 = shiftDate(BUSINESS_DATE, 1);
const first = await closeThrough([d1]);
// Three nights straight after the day's payments (as if autovacuum had not come by since), three with
// the day's last third of payments after its vacuum, three after all of them: from what the payments
// leave to a clean start. A production night lies between the first and the last, near the second.
const raw = await timedNights([2, 3, 4], "unmaintained");
const late = await timedNights([5, 6, 7], "late-payments");
const kept = await timedNights([8, 9, 10], "maintained");
const nights = [...raw.all, ...late.all, ...kept.all];
const night = late.median;
const count = night.count;
const catchUpDates = [11, 12, 13].map((n) => shiftDate(BUSINESS_DATE, n));
const catchUp = await closeThrough(catchUpDates);
const countAfter = await countInstallments();
const check = await subLedgerCheck(db, ctx);
const [after] = rowsOf<{ overdue: number }>(
  await db.execute(
    sql`select count(*)::int as overdue from loans where status = 'active' and overdue_since is not null`,
  ),
);
await handle.close();
if (!values.keep) await drop();

const ratio = night.ratio;
const machine = `${cpus()[0]?.model ?? "cpu"}, ${availableParallelism()} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0].toFixed(2)}`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const n = (x: number) => x.toLocaleString("en");
console.log(`engine: ${engine}\nmachine: ${machine}`);
console.log(
  `loans ${n(LOANS)} (active ${n(book.active)}, overdue ${n(book.overdue)} → ${n(after.overdue)}), installments ${n(book.installments)}; generated in ${s(gen.ms)}`,
);
console.log(
  `close of ${d1} (first): ${s(first.ms)}, ${n(first.paid)} installments paid that day, summary ${JSON.stringify(first.summary.totals)}`,
);
const dayText: Record<Day, (x: Night) => string> = {
  unmaintained: () => "straight after the payments",
  "late-payments": (x) =>
    `a third of the payments after the day's vacuum of ${s(x.vacuumMs)} and a checkpoint`,
  maintained: (x) => `after the day's vacuum of ${s(x.vacuumMs)} and a checkpoint`,
};
for (const x of nights)
  console.log(
    `close of ${x.summary.toDate} (timed, ${dayText[x.day](x)}): ${s(x.ms)}, ${n(x.paid)} paid that day, count(*) ${x.count.toFixed(0)} ms, ratio ${x.ratio.toFixed(2)}×, load ${x.load.toFixed(2)}, summary ${JSON.stringify(x.summary.totals)}`,
  );
console.log(`select count(*) from installments after the catch-up: ${countAfter.toFixed(0)} ms`);
for (const [label, m] of [
  ["straight after the payments", raw.median],
  ["a third of the payments after the day's vacuum (target ≤ 3×)", late.median],
  ["all payments before the day's vacuum", kept.median],
] as const)
  console.log(
    `median night, ${label}: ${m.summary.toDate}, ${s(m.ms)} / ${m.count.toFixed(0)} ms = ${m.ratio.toFixed(2)}×`,
  );
console.log(
  `catch-up of ${catchUpDates.length} missed dates (${catchUpDates[0]} … ${catchUpDates[2]}) in one run: ${s(catchUp.ms)}, ${(catchUp.ms / count).toFixed(2)}× count(*)`,
);
console.log(`sub-ledger = GL after the nights: ${check.ok ? "yes" : JSON.stringify(check.checks)}`);

if (values.write) {
  const file = "docs/benchmarks.md";
  const text = readFileSync(file, "utf8");
  const brief = (m: Night) => `${s(m.ms)} / ${m.count.toFixed(0)} ms = ${m.ratio.toFixed(2)}×`;
  const row = `| ${engine} | ${n(LOANS)} | ${n(book.active)} | ${n(book.installments)} | ${s(gen.ms)} | ${brief(raw.median)} | ${s(night.ms)} | ${count.toFixed(0)} ms | **${ratio.toFixed(2)}×** | ${brief(kept.median)} | ${s(catchUp.ms)} | ${night.load.toFixed(1)} |`;
  const key = `| ${engine} | ${n(LOANS)} |`;
  const lines = text.split("\n");
  const header = lines.findIndex((l) => l.startsWith("| engine | loans | active |"));
  if (header < 0) throw new Error(`no Daily batch table in ${file}`);
  let end = header + 2;
  while (lines[end]?.startsWith("|")) end++;
  // Only this table's rows: other tables of the file start with the same engine and a 1,000,000 too.
  const at = lines.slice(header, end).findIndex((l) => l.startsWith(key));
  if (at >= 0) lines[header + at] = row;
  else lines.splice(end, 0, row);
  writeFileSync(file, lines.join("\n"));
  console.log(`wrote the ${n(LOANS)}-loan row of ${file}`);
}
