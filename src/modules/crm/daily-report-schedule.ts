// The end-of-day report on a timer, like the close of business: at the `crm.daily-report-time`
// setting (China time, after the 23:30 close by default) it produces the business date's report and
// any missing from the week before. Only `serve` starts it; several instances may fire, and a report
// already written is not written again (a race writes the same figures twice, the second replacing).
import { systemContext } from "../../platform/auth/actor.ts";
import type { Db } from "../../platform/db.ts";
import { msUntil } from "../loans/cob/cob-schedule.ts";
import { getSetting } from "../settings/settings.service.ts";
import { generateMissingReports } from "./daily-report.service.ts";
import { crmToday } from "./kpi-data.ts";

export function startDailyReportSchedule(db: Db, options: { log: (line: string) => void }): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const arm = async () => {
    if (stopped) return;
    const time = await getSetting(db, "crm.daily-report-time", await crmToday(db)).catch(() => "23:45");
    timer = setTimeout(async () => {
      try {
        const dates = await generateMissingReports(db, systemContext("crm-daily-report"));
        if (dates.length) options.log(`sales daily report: ${dates.join(", ")}`);
      } catch (error) {
        options.log(`sales daily report failed: ${(error as Error).message}`);
      }
      void arm();
    }, msUntil(time));
    timer.unref();
  };
  void arm();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
