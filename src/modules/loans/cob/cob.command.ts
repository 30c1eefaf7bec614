// `microcredit cob --date YYYY-MM-DD`: the close of business up to a date, in the foreground, with a
// progress bar on stderr and a one-line summary on stdout. The same job rows and lock as the API.
import { Presets, SingleBar } from "cli-progress";
import { systemContext } from "../../../platform/auth/actor.ts";
import type { Db } from "../../../platform/db.ts";
import { DomainError } from "../../../platform/errors.ts";
import { messageFor } from "../../../platform/messages.ts";
import { runCobCommandJob } from "./cob-jobs.ts";

export type CobCommandIo = { stdout: (s: string) => void; stderr: (s: string) => void; progress?: boolean };

/** 0 done; 1 the batch failed or another runner holds it; 2 a bad date (the caller turns it into usage). */
export async function runCobCommand(
  db: Db,
  date: string,
  io: CobCommandIo,
): Promise<{ code: number; usage?: string }> {
  const bar =
    io.progress === false
      ? null
      : new SingleBar(
          {
            stream: process.stderr,
            format: "日终 close of business |{bar}| {percentage}% | {date}",
            hideCursor: true,
          },
          Presets.shades_classic,
        );
  bar?.start(100, 0, { date: "" });
  try {
    const { jobId, summary } = await runCobCommandJob(db, systemContext("cli-cob"), {
      to: date,
      onProgress: (p) => bar?.update(p.percent, { date: p.currentDate ?? p.toDate }),
    });
    bar?.update(100);
    bar?.stop();
    if (!summary) return { code: 1 };
    io.stdout(
      summary.datesClosed === 0
        ? `business date already ${date}; nothing to close (job ${jobId})`
        : `closed ${summary.datesClosed} business date(s) ${summary.fromDate} → ${summary.toDate}: ${summary.loansClosed} loans changed, ${summary.totals.recognised} installments fell due, ${summary.totals.reminders} reminders, ${summary.totals.tasks} new collection tasks (job ${jobId})`,
    );
    return { code: 0 };
  } catch (error) {
    bar?.stop();
    if (error instanceof DomainError) {
      const message = messageFor(error.code, "en-US", error.params);
      if (error.status === 400) return { code: 2, usage: message };
      io.stderr(`microcredit: ${message}`);
      return { code: 1 };
    }
    throw error;
  }
}
