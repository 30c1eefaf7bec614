import type { TFunction } from "i18next";
import type { Schedule } from "../../api/types.ts";
import { downloadCsv } from "../../components/csv.ts";

/** The schedule as Excel opens it: one row per period and a totals row; amounts as exact decimals. */
export function exportSchedule(schedule: Schedule, t: TFunction): void {
  const c = (key: string) => t(`calculator.columns.${key}`);
  const rows = schedule.installments.map((row) => [
    row.period,
    row.dueDate,
    row.principal,
    row.interest,
    row.fee,
    row.total,
    row.remainingPrincipal,
  ]);
  rows.push([
    t("calculator.totalsRow"),
    "",
    schedule.totals.principal,
    schedule.totals.interest,
    schedule.totals.fee,
    schedule.totals.total,
    "",
  ]);
  rows.push([t("calculator.apr"), `${schedule.apr}%`, "", "", "", "", ""]);
  const method = t(`calculator.methods.${schedule.method}`);
  downloadCsv(
    `${t("calculator.export")}-${schedule.principal}-${schedule.termMonths}-${method}.csv`,
    [c("period"), c("dueDate"), c("principal"), c("interest"), c("fee"), c("total"), c("remaining")],
    rows,
  );
}
