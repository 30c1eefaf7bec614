import { Table } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { ScheduleRow } from "../../api/servicing.ts";
import { type ChartOption, EChart } from "../../components/echart.tsx";
import { fenToAmount, formatMoney, toFen } from "../../format.ts";
import { money } from "./money.tsx";
import { InstallmentStateTag } from "./servicing-tags.tsx";

function sum(rows: ScheduleRow[], pick: (r: ScheduleRow) => string): string {
  return fenToAmount(rows.reduce((s, r) => s + (toFen(pick(r)) ?? 0n), 0n));
}

function DuePaid({ due, paid, strong }: { due: string; paid: string; strong?: boolean }) {
  const done = (toFen(due) ?? 0n) > 0n && toFen(due) === toFen(paid);
  return (
    <span className="num">
      {strong ? <strong>{formatMoney(due)}</strong> : formatMoney(due)}
      <div className={done ? "schedule-paid-full" : "muted"}>{formatMoney(paid)}</div>
    </span>
  );
}

/** Every installment at once (no paging, no click): due, paid and state side by side. */
export function LoanScheduleTable({ rows }: { rows: ScheduleRow[] }) {
  const { t } = useTranslation();
  const c = (key: string) => t(`servicing.detail.scheduleColumns.${key}`);
  // Due on top, paid underneath (green when the component is fully paid): all columns fit at 1280.
  const pair = (key: "principal" | "interest" | "fee" | "penalty" | "total") => ({
    title: (
      <span>
        {c(key)}
        <div className="muted schedule-sub">
          {c("due")} / {c("paid")}
        </div>
      </span>
    ),
    key,
    align: "right" as const,
    width: key === "total" ? 120 : 110,
    render: (_: unknown, r: ScheduleRow) => (
      <DuePaid due={r[key]} paid={r.paid[key]} strong={key === "total"} />
    ),
  });
  const components = ["principal", "interest", "fee", "penalty", "total"] as const;
  return (
    <Table<ScheduleRow>
      rowKey="period"
      size="small"
      bordered
      dataSource={rows}
      pagination={false}
      scroll={{ x: 900 }}
      data-testid="loan-schedule"
      rowClassName={(r) => (r.state === "overdue" ? "schedule-row-overdue" : "")}
      columns={[
        { title: c("period"), dataIndex: "period", width: 52, align: "center", fixed: "left" },
        {
          title: c("dueDate"),
          dataIndex: "dueDate",
          width: 104,
          fixed: "left",
          render: (v: string) => <span className="num">{v}</span>,
        },
        ...components.map(pair),
        {
          title: c("outstanding"),
          dataIndex: "outstanding",
          align: "right",
          width: 110,
          render: (v: string) => <strong>{money(v)}</strong>,
        },
        {
          title: c("state"),
          dataIndex: "state",
          width: 110,
          fixed: "right",
          render: (v: ScheduleRow["state"]) => <InstallmentStateTag value={v} />,
        },
      ]}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row className="schedule-totals">
            <Table.Summary.Cell index={0} colSpan={2} align="center">
              <strong>{t("servicing.detail.totals")}</strong>
            </Table.Summary.Cell>
            {components.map((key, i) => (
              <Table.Summary.Cell key={key} index={2 + i} align="right">
                <DuePaid due={sum(rows, (r) => r[key])} paid={sum(rows, (r) => r.paid[key])} strong />
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={7} align="right">
              <strong>{money(sum(rows, (r) => r.outstanding))}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={8} />
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}

/** Due against paid per installment. */
export function PaidDueChart({ rows }: { rows: ScheduleRow[] }) {
  const { t, i18n } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const compact = new Intl.NumberFormat(i18n.language, { notation: "compact", maximumFractionDigits: 1 });
    return {
      color: ["#bfbfbf", "#52c41a"],
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (value) =>
          formatMoney(String(typeof value === "number" ? value.toFixed(2) : (value ?? ""))),
      },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: rows.map((r) => `${r.period}\n${r.dueDate.slice(2)}`) },
      yAxis: { type: "value", axisLabel: { formatter: (v: number) => compact.format(v) } },
      series: [
        {
          type: "bar",
          name: t("servicing.detail.chartDue"),
          data: rows.map((r) => Number(r.total)),
          barMaxWidth: 24,
        },
        {
          type: "bar",
          name: t("servicing.detail.chartPaid"),
          data: rows.map((r) => ({
            value: Number(r.paid.total),
            itemStyle: r.state === "overdue" ? { color: "#ff4d4f" } : undefined,
          })),
          barMaxWidth: 24,
        },
      ],
    };
  }, [rows, t, i18n.language]);
  return <EChart option={option} ariaLabel={t("servicing.detail.chartLabel")} style={{ height: 320 }} />;
}
