// Profiling aid for the benches: counts and times every SQL statement node-postgres sends while
// `globalThis.benchPhase === "run"`, and prints them per statement when the process exits.
// Use: BENCH_DATABASE_URL=… node --import tsx --import ./bench/profile-queries.ts bench/repayments.bench.ts --clients 1
import pg from "pg";

type Stat = { n: number; ms: number };
const stats = new Map<string, Stat>();
const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;

function record(key: string, started: number): void {
  const s = stats.get(key) ?? { n: 0, ms: 0 };
  s.n++;
  s.ms += performance.now() - started;
  stats.set(key, s);
}

(pg.Client.prototype as unknown as { query: unknown }).query = function query(
  this: unknown,
  ...args: unknown[]
) {
  if ((globalThis as { benchPhase?: string }).benchPhase !== "run") return original.apply(this, args);
  const first = args[0] as string | { text?: string } | undefined;
  const text = typeof first === "string" ? first : (first?.text ?? "?");
  const key = text.replace(/\s+/g, " ").trim().slice(0, 100);
  const started = performance.now();
  // pg.Pool calls with a callback; transactions (drizzle) await the returned promise.
  const last = args.length - 1;
  if (typeof args[last] === "function") {
    const callback = args[last] as (...a: unknown[]) => void;
    args[last] = (...a: unknown[]) => {
      record(key, started);
      callback(...a);
    };
    return original.apply(this, args);
  }
  const result = original.apply(this, args) as Promise<unknown> | undefined;
  result?.then?.(
    () => record(key, started),
    () => record(key, started),
  );
  return result;
};

process.on("exit", () => {
  const rows = [...stats.entries()].sort((a, b) => b[1].n - a[1].n);
  const total = rows.reduce((s, [, v]) => s + v.n, 0);
  console.log(`statements during the run: ${total}`);
  console.log("   count  avg ms  statement");
  for (const [key, v] of rows.slice(0, 40))
    console.log(`${String(v.n).padStart(8)} ${(v.ms / v.n).toFixed(1).padStart(7)}  ${key}`);
});
