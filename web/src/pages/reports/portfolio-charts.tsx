// The portfolio overview's charts (UI.md: every chart can be downloaded as data): monthly disbursements
// and collections with the recovery rate against its goal, and the book by class and by bucket.
import { Card } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { PortfolioReport } from "../../api/reports.ts";
import { type ChartData, type ChartOption, EChart } from "../../components/echart.tsx";
import { formatMoney, formatRate } from "../../format.ts";

// UI.md's status colours: 正常 green, 关注 gold, 次级 orange, 可疑 red, 损失 magenta.
const CLASS_COLORS = ["#52c41a", "#faad14", "#fa8c16", "#f5222d", "#eb2f96"];
const BUCKET_COLORS = [
  "#52c41a",
  "#fadb14",
  "#faad14",
  "#fa8c16",
  "#fa541c",
  "#f5222d",
  "#cf1322",
  "#a8071a",
];

const yuan = (value: unknown) =>
  formatMoney(typeof value === "number" ? value.toFixed(2) : String(value ?? ""));
const percentOf = (rate: string | null) => (rate === null ? null : Number(rate) * 100);

function useCompact() {
  const { i18n } = useTranslation();
  return useMemo(
    () => new Intl.NumberFormat(i18n.language, { notation: "compact", maximumFractionDigits: 1 }),
    [i18n.language],
  );
}

function ChartCard({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <Card size="small" title={title} data-testid={testId} style={{ height: "100%" }}>
      {children}
    </Card>
  );
}

export function TrendChart({ report }: { report: PortfolioReport }) {
  const { t } = useTranslation();
  const compact = useCompact();
  const c = (key: string) => t(`portfolio.charts.${key}`);
  const goal = Number(report.recoveryGoal) * 100;
  const option = useMemo<ChartOption>(() => {
    const name = (key: string) => t(`portfolio.charts.${key}`);
    return {
      color: ["#1668dc", "#13c2c2", "#722ed1", "#bfbfbf"],
      tooltip: {
        trigger: "axis",
        // The two bars are ¥, the two lines percent.
        formatter: (params) => {
          const rows = (Array.isArray(params) ? params : [params]).map((p) => {
            const isRate = p.seriesIndex !== undefined && p.seriesIndex >= 2;
            const value = p.value as number | null;
            const shown = value === null ? "—" : isRate ? `${value.toFixed(2)}%` : yuan(value);
            return `${p.marker}${p.seriesName}: ${shown}`;
          });
          const first = Array.isArray(params) ? params[0] : params;
          return [first?.name ?? "", ...rows].join("<br/>");
        },
      },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: report.months.map((m) => m.month) },
      yAxis: [
        { type: "value", axisLabel: { formatter: (v: number) => compact.format(v) } },
        {
          type: "value",
          min: 0,
          max: 100,
          axisLabel: { formatter: "{value}%" },
          splitLine: { show: false },
        },
      ],
      series: [
        {
          type: "bar",
          name: name("disbursed"),
          barMaxWidth: 28,
          data: report.months.map((m) => Number(m.disbursed)),
        },
        {
          type: "bar",
          name: name("collected"),
          barMaxWidth: 28,
          data: report.months.map((m) => Number(m.collected)),
        },
        {
          type: "line",
          name: name("recoveryRate"),
          yAxisIndex: 1,
          connectNulls: false,
          data: report.months.map((m) => percentOf(m.recoveryRate)),
        },
        {
          type: "line",
          name: name("goal"),
          yAxisIndex: 1,
          symbol: "none",
          lineStyle: { type: "dashed", width: 1 },
          data: report.months.map(() => goal),
        },
      ],
    };
  }, [report, t, compact, goal]);
  const data: ChartData = {
    fileName: `${t("portfolio.exportFile")}-${c("trend")}`,
    header: [t("portfolio.monthTable.month"), c("disbursed"), c("collected"), c("recoveryRate")],
    rows: report.months.map((m) => [m.month, m.disbursed, m.collected, m.recoveryRate ?? ""]),
  };
  return (
    <ChartCard title={c("trend")} testId="portfolio-trend">
      <EChart option={option} ariaLabel={c("trendLabel")} data={data} style={{ height: 300 }} />
    </ChartCard>
  );
}

export function ClassificationChart({ report }: { report: PortfolioReport }) {
  const { t } = useTranslation();
  const c = (key: string) => t(`portfolio.charts.${key}`);
  const option = useMemo<ChartOption>(
    () => ({
      color: CLASS_COLORS,
      tooltip: {
        trigger: "item",
        formatter: (p) => {
          const item = Array.isArray(p) ? p[0] : p;
          return `${item.marker}${item.name}: ${yuan(item.value)} (${item.percent ?? 0}%)`;
        },
      },
      // Small classes would crowd slice labels: the shares go in the legend instead.
      legend: {
        bottom: 0,
        formatter: (name: string) => {
          const row = report.byClassification.find(
            (r) => t(`servicing.classification.${r.classification}`) === name,
          );
          return `${name} ${formatRate(row?.share ?? null)}`;
        },
      },
      series: [
        {
          type: "pie",
          radius: ["45%", "70%"],
          center: ["50%", "43%"],
          label: { show: false },
          data: report.byClassification.map((row) => ({
            name: t(`servicing.classification.${row.classification}`),
            value: Number(row.principal),
          })),
        },
      ],
    }),
    [report, t],
  );
  const data: ChartData = {
    fileName: `${t("portfolio.exportFile")}-${c("classification")}`,
    header: [
      t("portfolio.classTable.classification"),
      t("portfolio.classTable.loans"),
      t("portfolio.classTable.principal"),
      t("portfolio.classTable.share"),
      t("portfolio.classTable.provision"),
    ],
    rows: report.byClassification.map((row) => [
      t(`servicing.classification.${row.classification}`),
      row.loans,
      row.principal,
      row.share ?? "",
      row.provision,
    ]),
  };
  return (
    <ChartCard title={c("classification")} testId="portfolio-classification">
      <EChart option={option} ariaLabel={c("classificationLabel")} data={data} style={{ height: 300 }} />
    </ChartCard>
  );
}

export function BucketChart({ report }: { report: PortfolioReport }) {
  const { t } = useTranslation();
  const compact = useCompact();
  const c = (key: string) => t(`portfolio.charts.${key}`);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (value) => yuan(value),
      },
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: report.byBucket.map((b) => b.bucket) },
      yAxis: { type: "value", axisLabel: { formatter: (v: number) => compact.format(v) } },
      series: [
        {
          type: "bar",
          name: t("portfolio.bucketTable.principal"),
          barMaxWidth: 36,
          data: report.byBucket.map((b, i) => ({
            value: Number(b.principal),
            itemStyle: { color: BUCKET_COLORS[i] },
          })),
        },
      ],
    }),
    [report, t, compact],
  );
  const data: ChartData = {
    fileName: `${t("portfolio.exportFile")}-${c("buckets")}`,
    header: [
      t("portfolio.bucketTable.bucket"),
      t("portfolio.bucketTable.loans"),
      t("portfolio.bucketTable.principal"),
      t("portfolio.bucketTable.share"),
    ],
    rows: report.byBucket.map((b) => [b.bucket, b.loans, b.principal, b.share ?? ""]),
  };
  return (
    <ChartCard title={c("buckets")} testId="portfolio-buckets">
      <EChart option={option} ariaLabel={c("bucketsLabel")} data={data} style={{ height: 260 }} />
      <div className="muted small" style={{ textAlign: "center" }}>
        {report.byBucket
          .filter((b) => b.bucket !== "M0" && b.loans > 0)
          .map((b) => `${b.bucket} ${formatRate(b.share)}`)
          .join(" · ")}
      </div>
    </ChartCard>
  );
}
