import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Schedule } from "../../api/types.ts";
import { type ChartOption, EChart } from "../../components/echart.tsx";
import { formatMoney } from "../../format.ts";

/** Principal and interest stacked per period, with the remaining principal as a line. */
export function ScheduleChart({ schedule }: { schedule: Schedule }) {
  const { t, i18n } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const rows = schedule.installments;
    // Numbers only to draw bars; every figure shown as text comes from the API's decimal strings.
    const plot = (value: string) => Number(value);
    const compact = new Intl.NumberFormat(i18n.language, { notation: "compact", maximumFractionDigits: 1 });
    const axisLabel = { formatter: (v: number) => compact.format(v) };
    return {
      color: ["#1668dc", "#fa8c16", "#13c2c2"],
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (value) =>
          formatMoney(String(typeof value === "number" ? value.toFixed(2) : (value ?? ""))),
      },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: {
        type: "category",
        data: rows.map((row) => String(row.period)),
      },
      yAxis: [
        { type: "value", axisLabel },
        {
          type: "value",
          splitLine: { show: false },
          axisLabel,
        },
      ],
      series: [
        {
          type: "bar",
          name: t("calculator.series.principal"),
          stack: "due",
          data: rows.map((r) => plot(r.principal)),
          barMaxWidth: 28,
        },
        {
          type: "bar",
          name: t("calculator.series.interest"),
          stack: "due",
          data: rows.map((r) => plot(r.interest)),
          barMaxWidth: 28,
        },
        {
          type: "line",
          name: t("calculator.series.remaining"),
          yAxisIndex: 1,
          data: rows.map((r) => plot(r.remainingPrincipal)),
          smooth: true,
          showSymbol: rows.length <= 36,
        },
      ],
    };
  }, [schedule, t, i18n.language]);
  return <EChart option={option} ariaLabel={t("calculator.chart")} style={{ height: 320 }} />;
}
