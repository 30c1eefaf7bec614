import type { TFunction } from "i18next";
import { downloadFile } from "../../api/files.ts";
import type { Schedule, ScheduleRequest } from "../../api/types.ts";

/**
 * The schedule as a real Excel workbook, built by the server from the same request
 * (POST /calculator/schedule.xlsx, public): one row per period, totals and the APR, amounts as numbers.
 */
export function exportSchedule(request: ScheduleRequest, schedule: Schedule, t: TFunction): Promise<string> {
  const method = t(`calculator.methods.${schedule.method}`);
  return downloadFile("/calculator/schedule.xlsx", {
    method: "POST",
    body: request,
    fileName: `${t("calculator.export")}-${schedule.principal}-${schedule.termMonths}-${method}.xlsx`,
    quietUnauthorized: true,
  });
}
