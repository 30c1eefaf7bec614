// The portfolio overview (GET /reports/portfolio) on a large book, computed fresh (its cache bypassed):
// how long the GM's view (all loans) and a customer manager's (4% of them) take, for 12 months (the
// page and the workbench card) and 2 months, against one `select count(*) from installments` in the
// same run. The book is bench/cob-book.ts's, with a repayment row for every paid installment (the
// book itself has none) and 4% of the loans given to one officer.
// Run: npx tsx bench/portfolio.bench.ts [--loans N] [--full] [--keep]
//   BENCH_DATABASE_URL=postgres://…/postgres  a PostgreSQL server on which the bench creates its own
//   database (mc_bench_portfolio); without it the bench runs on in-process PGlite (and says so).
import { availableParallelism, cpus, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { portfolioReport } from "../src/modules/reports/portfolio.service.ts";
import { type RequestContext, systemContext } from "../src/platform/auth/actor.ts";
import type { Permission } from "../src/platform/auth/permissions.ts";
import { migrateDatabase } from "../src/platform/db.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { generateBook } from "./cob-book.ts";

const { values } = parseArgs({
  options: { loans: { type: "string" }, full: { type: "boolean" }, keep: { type: "boolean" } },
});
const LOANS = values.full ? 1_000_000 : Number(values.loans ?? 20_000);
const BUSINESS_DATE = "2026-11-28";
const DB_NAME = "mc_bench_portfolio";
const OFFICER = "00000000-0000-4000-8000-00000000c0de";
const REPEATS = 3;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** The median of REPEATS runs after one warm-up. */
async function median(work: () => Promise<unknown>): Promise<number> {
  await work();
  const runs: number[] = [];
  for (let i = 0; i < REPEATS; i++) runs.push(await timed(work));
  return runs.sort((a, b) => a - b)[Math.floor(REPEATS / 2)];
}

const { handle, engine, drop } = await openBenchDatabase(DB_NAME);
const db = handle.db;
await migrateDatabase(handle);
const genMs = await timed(async () => {
  await generateBook(db, { loans: LOANS, businessDate: BUSINESS_DATE });
  // A repayment for every paid installment, on its due date; one officer with every 25th loan.
  await db.execute(sql`
    insert into loan_transactions (loan_id, kind, tx_date, amount_fen, channel, principal_fen, interest_fen, allocation)
    select loan_id, 'repayment', paid_off_date, principal_paid_fen + interest_paid_fen, 'bank-transfer',
      principal_paid_fen, interest_paid_fen, '[]'::jsonb
    from installments where paid_off_date is not null`);
  await db.execute(sql`
    insert into users (id, username, display_name, password_hash)
    values (${OFFICER}::uuid, 'bench-officer', '基准客户经理', 'x')`);
  await db.execute(sql`update loans set officer_id = ${OFFICER}::uuid where hashtext(loan_no) % 25 = 0`);
  await db.execute(sql`vacuum analyze`);
});
const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
const [size] = rowsOf<{ loans: number; installments: number; transactions: number; own: number }>(
  await db.execute(sql`select (select count(*) from loans)::int as loans,
    (select count(*) from installments)::int as installments,
    (select count(*) from loan_transactions)::int as transactions,
    (select count(*) from loans where officer_id = ${OFFICER}::uuid)::int as own`),
);

const all = systemContext("bench");
const own: RequestContext = {
  ...all,
  actor: { ...all.actor, userId: OFFICER, scope: "own", permissions: new Set<Permission>(["reports.read"]) },
};

const countMs = await median(() => db.execute(sql`select count(*) from installments`));
const figures = {
  "all loans, 12 months": await median(() => portfolioReport(db, all, { months: 12, fresh: true })),
  "all loans, 2 months": await median(() => portfolioReport(db, all, { months: 2, fresh: true })),
  "one officer (4%), 12 months": await median(() => portfolioReport(db, own, { months: 12, fresh: true })),
  "one officer (4%), 2 months": await median(() => portfolioReport(db, own, { months: 2, fresh: true })),
};

const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(
  `# portfolio overview — ${engine}; ${availableParallelism()} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
);
console.log(
  `book: ${size.loans.toLocaleString()} loans, ${size.installments.toLocaleString()} installments, ` +
    `${size.transactions.toLocaleString()} repayments (generated in ${(genMs / 1000).toFixed(1)} s); ` +
    `the officer has ${size.own.toLocaleString()}`,
);
console.log(`baseline select count(*) from installments: ${countMs.toFixed(0)} ms (median of ${REPEATS})`);
for (const [name, ms] of Object.entries(figures))
  console.log(`${name}: ${ms.toFixed(0)} ms = ${(ms / countMs).toFixed(2)}× count(*)`);

await handle.close();
if (!values.keep) await drop();
