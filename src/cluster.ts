// `serve --workers N` (or WEB_CONCURRENCY): several app processes on one port through node:cluster.
// The app keeps no state of its own, so with PostgreSQL each worker is a whole server sharing the
// listening socket; one Node process is otherwise the limit on a many-core machine (docs/benchmarks.md).
// The primary applies migrations and the first start once, before any worker opens the database; only
// the first worker runs the daily schedules (the close of business also takes its own lock). PGlite is
// one process with its files, so it always runs a single server.
import cluster from "node:cluster";
import type { AppConfig } from "./platform/config.ts";
import { prepareDatabase, serve } from "./server.ts";

const SCHEDULES_ENV = "MC_WORKER_SCHEDULES";

export function workerCount(flag: string | undefined): number {
  const text = flag ?? process.env.WEB_CONCURRENCY ?? "1";
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new RangeError("workers must be a whole number 1–64");
  return n;
}

export async function serveWorkers(
  config: AppConfig,
  workers: number,
  log: (line: string) => void = console.log,
): Promise<() => Promise<void>> {
  if (cluster.isWorker) {
    // The worker running the schedules keeps its log (the close of business reports there).
    const schedules = process.env[SCHEDULES_ENV] === "1";
    return serve(config, schedules ? log : () => undefined, { prepared: true, schedules });
  }
  if (!config.databaseUrl) throw new RangeError("several workers need DATABASE_URL (PGlite is one process)");
  await prepareDatabase(config, log);
  let stopping = false;
  const killAll = () =>
    Promise.all(
      Object.values(cluster.workers ?? {}).map(
        (w) =>
          new Promise<void>((resolve) => {
            if (!w || w.isDead()) return resolve();
            w.once("exit", () => resolve());
            w.process.kill("SIGTERM");
          }),
      ),
    );
  // A worker that dies after it was serving is replaced; one that dies before it ever listened (port
  // taken, database unreachable: its message is on stderr) fails the start, or it would be replaced
  // for ever.
  const fork = (schedules: boolean) =>
    new Promise<void>((resolve, reject) => {
      const worker = cluster.fork({ [SCHEDULES_ENV]: schedules ? "1" : "0" });
      let listened = false;
      worker.once("listening", () => {
        listened = true;
        resolve();
      });
      worker.on("exit", (code, signal) => {
        if (stopping) return;
        if (!listened) {
          reject(new Error(`a worker could not start (exit ${signal ?? code}); see its message above`));
          return;
        }
        log(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
        fork(schedules).catch((error: Error) => log(error.message));
      });
    });
  try {
    await Promise.all(Array.from({ length: workers }, (_, i) => fork(i === 0)));
  } catch (error) {
    stopping = true;
    await killAll();
    throw error;
  }
  const shownHost = config.host === "0.0.0.0" ? "localhost" : config.host;
  log(
    `小贷通 MicroCredit is running at http://${shownHost}:${config.port}  (database: postgres, ${workers} workers)`,
  );
  return async () => {
    stopping = true;
    await killAll();
  };
}
