// The daily close at config.cobTime (China time), started only by `serve`: tests and the CLI build the
// app without it, so no surprise batch runs there. Several instances may all fire; the batch lock lets
// one run and the others skip (runScheduledCob), and a date already closed is not closed again.
import { systemContext } from "../../../platform/auth/actor.ts";
import type { Db } from "../../../platform/db.ts";
import { runScheduledCob } from "./cob-jobs.ts";

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** Milliseconds from `now` until the next HH:MM in China time (always > 0). */
export function msUntil(time: string, now: Date = new Date()): number {
  const [hours, minutes] = time.split(":").map(Number);
  const china = now.getTime() + CHINA_OFFSET_MS;
  const dayStart = Math.floor(china / DAY_MS) * DAY_MS;
  let next = dayStart + (hours * 60 + minutes) * 60_000;
  if (next <= china) next += DAY_MS;
  return next - china;
}

export function startCobSchedule(db: Db, options: { time: string; log: (line: string) => void }): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const arm = () => {
    if (stopped) return;
    timer = setTimeout(async () => {
      try {
        const summary = await runScheduledCob(db, systemContext("cob-schedule"));
        if (summary)
          options.log(
            `close of business: ${summary.datesClosed} date(s) to ${summary.toDate}, ${summary.loansClosed} loans changed`,
          );
      } catch (error) {
        options.log(`close of business failed: ${(error as Error).message}`);
      }
      arm();
    }, msUntil(options.time));
    timer.unref();
  };
  arm();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
