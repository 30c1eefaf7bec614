// Call record (CDR) import throughput: write a CSV of N calls by the 18-person floor (default 100,000;
// a tenth of the numbers belong to leads), then time the real import — streamed parse, row checks,
// blind index of every number, staging in chunks, in-file and already-imported duplicate checks, the
// link to leads and the insert, all in one transaction — against, in the same run, a plain INSERT of
// the same rows (already parsed, no checks) into a copy of the calls table with the same indexes.
// Also times importing the same file again (every row a duplicate) and samples peak memory.
// Run: npx tsx bench/call-import.bench.ts [--rows N] [--write]
//   BENCH_DATABASE_URL=postgres://…/postgres  a PostgreSQL server on which the bench creates its own
//   database (mc_bench_calls) and drops it at the end; without it, in-process PGlite (and it says so).
//   --write updates "Call record import" in docs/benchmarks.md.
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { importCallFile } from "../src/modules/crm/call-import.service.ts";
import { systemContext } from "../src/platform/auth/actor.ts";
import { type DbHandle, migrateDatabase } from "../src/platform/db.ts";
import { readSheetRows } from "../src/platform/import-rows.ts";
import { createPiiCipher, maskPhone } from "../src/platform/pii.ts";
import { openBenchDatabase } from "./bench-database.ts";

const { values } = parseArgs({ options: { rows: { type: "string" }, write: { type: "boolean" } } });
const ROWS = Number(values.rows ?? 100_000);
const AGENTS = 18;
const DB_NAME = "mc_bench_calls";
const pii = createPiiCipher(Buffer.alloc(32, 9));

const phoneOf = (i: number) => `13${5 + (i % 5)}${String((i * 7919) % 100_000_000).padStart(8, "0")}`;

/** 18 agents, 2,000 leads on numbers the file calls, and the CSV itself (China time). */
async function prepare(handle: DbHandle, file: string): Promise<void> {
  await handle.db.execute(sql`
    insert into users (id, username, display_name, password_hash)
    select md5('agent' || g)::uuid, 'agent' || g, '坐席' || g, 'x' from generate_series(1, ${AGENTS}) g`);
  const leads = Array.from({ length: 2000 }, (_, i) => {
    const phone = phoneOf(i * 10);
    return { i, index: pii.blindIndex("phone", phone), masked: maskPhone(phone), enc: pii.encrypt(phone) };
  });
  await handle.db.execute(sql`
    insert into crm_leads (name, phone_enc, phone_index, phone_masked, source, owner_id)
    select '线索' || x.i, x.enc, x.index, x.masked, 'telemarketing-list', md5('agent' || (1 + x.i % ${AGENTS}))::uuid
    from json_to_recordset(${JSON.stringify(leads)}::json) as x(i int, index text, masked text, enc text)`);
  const lines = ["通话ID,方向,坐席,主叫,被叫,开始时间,接通时间,结束时间,通话时长,结果,录音地址,供应商"];
  const day0 = Date.parse("2026-09-01T09:00:00+08:00");
  for (let i = 0; i < ROWS; i++) {
    const start = day0 + Math.floor(i / AGENTS) * 20_000;
    const connected = i % 5 < 2;
    const talk = connected ? 10 + ((i * 37) % 400) : 0;
    const fmt = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
    lines.push(
      [
        `C${i}`,
        "呼出",
        `agent${1 + (i % AGENTS)}`,
        "057188880000",
        phoneOf(i),
        fmt(start),
        connected ? fmt(start + 8000) : "",
        fmt(start + 8000 + talk * 1000),
        String(talk),
        connected ? "ANSWERED" : "NO ANSWER",
        connected ? `https://rec.example/${i}.mp3` : "",
        "bench-pbx",
      ].join(","),
    );
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
}

/** The baseline: the same rows, parsed without any check, inserted in the same chunks into a copy of crm_calls. */
async function plainInsert(handle: DbHandle, file: string): Promise<void> {
  await handle.db.execute(sql`create table crm_calls_plain (like crm_calls including all)`);
  let chunk: unknown[] = [];
  const flush = async () => {
    await handle.db.execute(sql`
      insert into crm_calls_plain (agent_id, direction, caller_masked, callee_masked, started_at, answered_at, ended_at,
        talk_seconds, vendor_result, connected, effective, recording_url, vendor, vendor_call_id)
      select md5(x.a)::uuid, 'outbound', x.cm, x.em, x.s, x.an, x.en, x.t, x.r, x.t > 0, x.t >= 30, x.u, x.v, x.c
      from json_to_recordset(${JSON.stringify(chunk)}::json) as x(a text, cm text, em text, s timestamptz,
        an timestamptz, en timestamptz, t int, r text, u text, v text, c text)`);
    chunk = [];
  };
  let header = true;
  for await (const { cells } of readSheetRows(createReadStream(file), "csv")) {
    if (header) {
      header = false;
      continue;
    }
    const at = (text: string) => (text ? `${text.replace(" ", "T")}+08:00` : null);
    chunk.push({
      a: cells[2],
      cm: cells[3],
      em: cells[4],
      s: at(cells[5]),
      an: at(cells[6]),
      en: at(cells[7]),
      t: Number(cells[8]),
      r: cells[9],
      u: cells[10] || null,
      v: cells[11],
      c: cells[0],
    });
    if (chunk.length >= 5000) await flush();
  }
  if (chunk.length) await flush();
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const start = performance.now();
  try {
    const value = await work();
    return { ms: performance.now() - start, value, peakRss };
  } finally {
    clearInterval(sampler);
  }
}

const dir = mkdtempSync(path.join(tmpdir(), "mc-bench-calls-"));
const file = path.join(dir, "cdr.csv");
const { handle, engine, drop } = await openBenchDatabase(DB_NAME);
try {
  await migrateDatabase(handle);
  await prepare(handle, file);
  const sizeMiB = statSync(file).size / 2 ** 20;
  const ctx = systemContext("bench");
  const run = () =>
    importCallFile({ db: handle.db, pii }, ctx, {
      fileName: "cdr.csv",
      kind: "csv",
      open: () => createReadStream(file),
    });
  // The import first, so its peak memory is its own; the baseline runs last, on a warm cache.
  const first = await timed(run);
  const again = await timed(run);
  const baseline = await timed(() => plainInsert(handle, file));
  if (first.value.status !== "imported")
    throw new Error(`import rejected: ${JSON.stringify(first.value.errors.slice(0, 3))}`);
  const ratio = first.ms / baseline.ms;
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  const machine = `${cpus()[0]?.model ?? "cpu"}, ${availableParallelism()} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg()[0].toFixed(2)}`;
  const command = `npx tsx bench/call-import.bench.ts --rows ${ROWS}${process.env.BENCH_DATABASE_URL ? " (BENCH_DATABASE_URL=PostgreSQL)" : ""}`;
  console.log(`engine: ${engine}\nmachine: ${machine}\nfile: ${ROWS} rows, ${sizeMiB.toFixed(1)} MiB`);
  console.log(
    `import ${(first.ms / 1000).toFixed(2)} s (${Math.round(ROWS / (first.ms / 1000)).toLocaleString("en")} rows/s; ${first.value.importedRows} imported, ${first.value.linkedRows} linked to leads; peak RSS ${mib(first.peakRss)} MiB); again (all duplicates) ${(again.ms / 1000).toFixed(2)} s (${again.value.duplicateRows} duplicates); plain INSERT baseline ${(baseline.ms / 1000).toFixed(2)} s; ratio ${ratio.toFixed(2)}× (target: import ≤ 20 s)`,
  );
  if (values.write) {
    const doc = "docs/benchmarks.md";
    const text = readFileSync(doc, "utf8");
    const header = "## Call record import";
    const section = `${header}

Command: \`${command}\`. Machine: ${machine}. Measured ${new Date().toISOString().slice(0, 10)}.
One CSV of ${ROWS.toLocaleString("en")} call records (${sizeMiB.toFixed(1)} MiB, 18 agents, 40% connected, a tenth of
the numbers belonging to 2,000 leads) imported all-or-nothing through \`importCallFile\` — the same code as
\`microcredit import calls\` and the console: streamed parse, every row checked, a blind index per number,
staging in chunks of 5,000, in-file and already-imported duplicate checks, the link to leads and one
INSERT … SELECT, in one transaction. Baseline, same run: the same rows parsed without checks and inserted in
the same chunks into a copy of \`crm_calls\` with its indexes. Peak RSS is the whole process, sampled.

| engine | rows | import | rows/s | peak RSS | import again (all duplicates) | plain INSERT baseline | ratio |
|---|---:|---:|---:|---:|---:|---:|---:|
| ${engine} | ${ROWS.toLocaleString("en")} | ${(first.ms / 1000).toFixed(2)} s | ${Math.round(ROWS / (first.ms / 1000)).toLocaleString("en")} | ${mib(first.peakRss)} MiB | ${(again.ms / 1000).toFixed(2)} s | ${(baseline.ms / 1000).toFixed(2)} s | ${ratio.toFixed(1)}× |

Target: 100,000 rows in ≤ 20 s on PostgreSQL — ${first.ms <= 20_000 ? "met" : "**not met**"}.
`;
    const start = text.indexOf(header);
    const next = start < 0 ? -1 : text.indexOf("\n## ", start + header.length);
    const updated =
      start < 0
        ? `${text.trimEnd()}\n\n${section}`
        : `${text.slice(0, start)}${section}${next < 0 ? "" : text.slice(next)}`;
    writeFileSync(doc, updated);
    console.log(`wrote ${doc}`);
  }
} finally {
  await handle.close();
  await drop();
  rmSync(dir, { recursive: true, force: true });
}
