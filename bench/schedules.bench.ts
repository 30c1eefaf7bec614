// Loan engine throughput: schedules built per second on one core (Node is single-threaded here),
// for 12- and 360-month loans of each method, next to baselines measured in the same run:
// a naive float loop doing the same per-row Math work (what the engine would cost with no
// exactness at all) and JSON.stringify of a same-size rows array.
// Run: npx tsx bench/schedules.bench.ts [--write]   (--write updates the "Loan engine" section of docs/benchmarks.md)
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import {
  buildSchedule,
  REPAYMENT_METHODS,
  type ScheduleInput,
} from "../src/modules/loans/domain/schedule.ts";
import { Dec, type Fen } from "../src/platform/money.ts";

const BUDGET_MS = 1000;
const RATES = ["0.049", "0.0725", "0.12", "0.18", "0.2399"].map((r) => new Dec(r));

function inputs(termMonths: number, method: ScheduleInput["method"]): ScheduleInput[] {
  // 1,024 different loans so nothing is served from a cache and branches stay honest.
  return Array.from({ length: 1024 }, (_, i) => ({
    principal: (1_000_000 + i * 7_919_317) as Fen,
    annualRate: RATES[i % RATES.length],
    termMonths,
    method,
    startDate: `2026-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
  }));
}

let sink = 0;

/** Runs `work(i)` in batches until the budget is spent; returns calls per second. */
function measure(work: (i: number) => number): number {
  for (let i = 0; i < 2000; i++) sink += work(i); // warm-up for the JIT
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < BUDGET_MS) {
    for (let j = 0; j < 256; j++) sink += work(calls + j);
    calls += 256;
    elapsed = performance.now() - start;
  }
  return (calls / elapsed) * 1000;
}

// Same loop shape as equal-installment, in plain doubles: pow once, then round/multiply per row.
function naiveFloat(input: ScheduleInput): number {
  const r = input.annualRate.toNumber() / 12;
  const n = input.termMonths;
  const f = (1 + r) ** n;
  const a = Math.round((input.principal * r * f) / (f - 1));
  let balance: number = input.principal;
  let total = 0;
  for (let k = 1; k <= n; k++) {
    const interest = Math.round(balance * r);
    const principal = k === n ? balance : a - interest;
    balance -= principal;
    total += interest;
  }
  return total;
}

// The installment alone through decimal.js pow: the cost the double fast path avoids.
function decimalInstallment(input: ScheduleInput): number {
  const r = input.annualRate.div(12);
  const f = r.plus(1).pow(input.termMonths);
  return new Dec(input.principal).times(r).times(f).div(f.minus(1)).toDecimalPlaces(0).toNumber();
}

type Row = { case: string; term: number; perSecond: number };
const rows: Row[] = [];

for (const term of [12, 360]) {
  for (const method of REPAYMENT_METHODS) {
    const pool = inputs(term, method);
    rows.push({
      case: `buildSchedule ${method}`,
      term,
      perSecond: measure((i) => buildSchedule(pool[i & 1023]).totals.interest),
    });
  }
  const pool = inputs(term, "equal-installment");
  const sample = pool.map((input) => buildSchedule(input).installments);
  rows.push({
    case: "baseline: naive float loop (no dates, not exact)",
    term,
    perSecond: measure((i) => naiveFloat(pool[i & 1023])),
  });
  rows.push({
    case: "baseline: JSON.stringify of the rows",
    term,
    perSecond: measure((i) => JSON.stringify(sample[i & 1023]).length),
  });
  rows.push({
    case: "reference: decimal.js installment only",
    term,
    perSecond: measure((i) => decimalInstallment(pool[i & 1023])),
  });
}

const format = (n: number) => Math.round(n).toLocaleString("en-US");
const stringifyRate = (term: number) =>
  rows.find((r) => r.term === term && r.case.startsWith("baseline: JSON"))?.perSecond ?? 1;
const lines = [
  "| case | months | schedules/s | µs each | × JSON.stringify baseline |",
  "|---|---:|---:|---:|---:|",
  ...rows.map(
    (r) =>
      `| ${r.case} | ${r.term} | ${format(r.perSecond)} | ${(1e6 / r.perSecond).toFixed(2)} | ${(r.perSecond / stringifyRate(r.term)).toFixed(2)} |`,
  ),
];
const table = lines.join("\n");
const twelve = rows.filter((r) => r.term === 12 && r.case.startsWith("buildSchedule"));
const slowest = Math.min(...twelve.map((r) => r.perSecond));
// The load average says whether other work shared the machine during the run (figures drop with it).
const machine = `Node ${process.version}, ${availableParallelism()} CPUs (nproc), ${process.platform}/${process.arch}; one core used; load average ${loadavg()[0].toFixed(2)} at the end`;
console.log(table);
console.log(`\n${machine}`);
console.log(
  `slowest 12-month method: ${format(slowest)} schedules/s (target ≥ 100,000: ${slowest >= 100_000 ? "met" : "NOT met"})`,
);
if (sink === 42) console.log(""); // keeps the measured work observable

if (process.argv.includes("--write")) {
  const path = new URL("../docs/benchmarks.md", import.meta.url);
  let doc = "# Benchmarks\n";
  try {
    doc = readFileSync(path, "utf8");
  } catch {}
  const section = [
    "## Loan engine",
    "",
    "Command: `npx tsx bench/schedules.bench.ts --write` (one run, 1 s per case).",
    `Machine: ${machine}. Measured ${new Date().toISOString().slice(0, 10)}.`,
    "",
    table,
    "",
    "Baselines, same run: the naive float loop is the same row loop in doubles without due dates or exact",
    "rounding (the price of exactness plus dates); JSON.stringify of the same rows is what serialising a",
    "schedule costs anyway; decimal.js for the installment alone is why annuity.ts uses doubles with an",
    "exact BigInt fallback (docs/loan-engine.md). Figures move with the load average: the machine is shared.",
    "",
    `Slowest 12-month method: ${format(slowest)} schedules/s (target ≥ 100,000).`,
    "",
  ].join("\n");
  const pattern = /## Loan engine\n[\s\S]*?(?=\n## |$)/;
  doc = pattern.test(doc) ? doc.replace(pattern, section) : `${doc.trimEnd()}\n\n${section}`;
  writeFileSync(path, doc);
  console.log("wrote docs/benchmarks.md");
}
