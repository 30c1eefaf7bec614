// 催收概览 for managers: tasks by bucket, promises kept, what each collector did on a day, and the
// collectors the close of business assigns to (leads edit their queues, capacity and whether they work).
import { DownloadOutlined } from "@ant-design/icons";
import { Button, Card, Col, DatePicker, Empty, Result, Row, Skeleton, Statistic, Table } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import { type CollectionsSummary, useCollectionsSummary } from "../../api/collections.ts";
import { downloadCsv } from "../../components/csv.ts";
import { type ChartOption, EChart } from "../../components/echart.tsx";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatMoney, todayInChina } from "../../format.ts";
import { Money, MoneyStatistic } from "../loans/money.tsx";
import { BucketTag } from "../loans/servicing-tags.tsx";
import { CollectorsTable } from "./collectors-table.tsx";
import "../loans/servicing.css";
import "./collections.css";

export function CollectionsSummaryPage() {
  const { t } = useTranslation();
  const s = (key: string, params: Record<string, unknown> = {}) => t(`collections.summary.${key}`, params);
  useDocumentTitle(s("title"));
  const me = useMe().data;
  const [day, setDay] = useState<string | undefined>();
  const summary = useCollectionsSummary(day);
  if (summary.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (summary.isError || !summary.data)
    return <Result status="warning" title={errorMessage(summary.error)} />;
  const data = summary.data;
  const overdue = data.buckets.reduce((sum, b) => sum + Math.round(Number(b.overdue) * 100), 0);
  const unassigned = data.buckets.reduce((sum, b) => sum + b.unassigned, 0);
  const dayActions = data.collectors.reduce((sum, c) => sum + c.actions, 0);
  const dayUnanswered = data.collectors.reduce((sum, c) => sum + c.unanswered, 0);
  return (
    <div data-testid="collections-summary-page">
      <PageHeader
        title={s("title")}
        subtitle={s("subtitle", { date: data.businessDate, days: data.promises.windowDays })}
        extra={
          <>
            <span className="muted">{s("day")}</span>
            <DatePicker
              allowClear={false}
              value={dayjs(data.day)}
              disabledDate={(d) => d.format("YYYY-MM-DD") > todayInChina()}
              onChange={(d) => setDay(d ? d.format("YYYY-MM-DD") : undefined)}
              aria-label={s("day")}
            />
          </>
        }
      />
      <Row gutter={[16, 16]} className="section-gap" data-testid="summary-kpis">
        <Col flex="1 1 200px">
          <Card size="small">
            <Statistic title={s("kpi.open")} value={data.openTasks} valueStyle={{ fontSize: 22 }} />
            <div className="muted kpi-foot">{s("kpi.unassigned", { count: unassigned })}</div>
          </Card>
        </Col>
        <Col flex="1 1 200px">
          <Card size="small">
            <MoneyStatistic title={s("kpi.overdue")} value={(overdue / 100).toFixed(2)} />
          </Card>
        </Col>
        <Col flex="1 1 200px">
          <Card size="small">
            <Statistic
              title={s("kpi.keptRate")}
              value={data.promises.keptRate ? `${data.promises.keptRate}%` : "—"}
              valueStyle={{ fontSize: 22 }}
            />
            <div className="muted kpi-foot">
              {s("kpi.keptDetail", { kept: data.promises.kept, broken: data.promises.broken })}
            </div>
          </Card>
        </Col>
        <Col flex="1 1 200px">
          <Card size="small">
            <Statistic title={s("kpi.pending")} value={data.promises.pending} valueStyle={{ fontSize: 22 }} />
            <div className="muted kpi-foot">
              {s("kpi.pendingAmount", { amount: formatMoney(data.promises.pendingAmount) })}
            </div>
          </Card>
        </Col>
        <Col flex="1 1 200px">
          <Card size="small">
            <Statistic title={s("kpi.actions")} value={dayActions} valueStyle={{ fontSize: 22 }} />
            <div className="muted kpi-foot">{s("kpi.actionsDetail", { count: dayUnanswered })}</div>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} className="section-gap">
        <Col xs={24} xl={12}>
          <BucketCard data={data} />
        </Col>
        <Col xs={24} xl={12}>
          <DailyCard data={data} />
          <Card size="small" className="section-gap" title={`${s("collectors")} · ${data.day}`}>
            <Table
              rowKey="userId"
              size="small"
              pagination={false}
              dataSource={data.collectors}
              data-testid="summary-collectors"
              locale={{ emptyText: <Empty description={s("noActivity")} /> }}
              columns={[
                { title: s("collectorColumns.name"), dataIndex: "name" },
                ...(["openTasks", "actions", "calls", "unanswered", "promises"] as const).map((key) => ({
                  title: s(`collectorColumns.${key}`),
                  dataIndex: key,
                  align: "right" as const,
                })),
                { title: s("collectorColumns.week"), dataIndex: "actionsWeek", align: "right" as const },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {hasPermission(me, "collections.manage") ? <CollectorsTable /> : null}
    </div>
  );
}

function BucketCard({ data }: { data: CollectionsSummary }) {
  const { t } = useTranslation();
  const s = (key: string) => t(`collections.summary.${key}`);
  const option = useMemo<ChartOption>(() => {
    const label = (key: string) => t(`collections.summary.${key}`);
    return {
      tooltip: { trigger: "axis" },
      legend: { top: 0, data: [label("tasks"), label("overdue")] },
      grid: { left: 48, right: 64, top: 56, bottom: 28 },
      xAxis: { type: "category", data: data.buckets.map((b) => b.bucket) },
      yAxis: [
        { type: "value", name: label("tasks"), minInterval: 1 },
        { type: "value", name: "¥", axisLabel: { formatter: (v: number) => `${(v / 10_000).toFixed(0)}万` } },
      ],
      series: [
        {
          name: label("tasks"),
          type: "bar",
          data: data.buckets.map((b) => b.tasks),
          itemStyle: { color: "#1677ff" },
        },
        {
          name: label("overdue"),
          type: "line",
          yAxisIndex: 1,
          data: data.buckets.map((b) => Number(b.overdue)),
          itemStyle: { color: "#cf1322" },
        },
      ],
    };
  }, [data, t]);
  const download = () =>
    downloadCsv(
      `${s("byBucket")}-${data.businessDate}.csv`,
      ["bucket", s("tasks"), s("overdue"), s("unassigned"), s("high")],
      data.buckets.map((b) => [b.bucket, b.tasks, b.overdue, b.unassigned, b.high]),
    );
  return (
    <Card
      size="small"
      title={s("byBucket")}
      extra={
        <Button size="small" icon={<DownloadOutlined />} onClick={download}>
          {s("downloadData")}
        </Button>
      }
    >
      <EChart option={option} ariaLabel={s("byBucketChart")} style={{ height: 260 }} />
      <Table
        rowKey="bucket"
        size="small"
        pagination={false}
        dataSource={data.buckets}
        columns={[
          { title: "", dataIndex: "bucket", render: (v) => <BucketTag value={v} /> },
          { title: s("tasks"), dataIndex: "tasks", align: "right" },
          {
            title: s("overdue"),
            dataIndex: "overdue",
            align: "right",
            render: (v: string) => <Money value={v} />,
          },
          { title: s("unassigned"), dataIndex: "unassigned", align: "right" },
          { title: s("high"), dataIndex: "high", align: "right" },
        ]}
      />
    </Card>
  );
}

function DailyCard({ data }: { data: CollectionsSummary }) {
  const { t } = useTranslation();
  const s = (key: string) => t(`collections.summary.${key}`);
  const option = useMemo<ChartOption>(() => {
    const label = (key: string) => t(`collections.summary.${key}`);
    return {
      tooltip: { trigger: "axis" },
      legend: { top: 0, data: [label("actions"), label("unansweredSeries"), label("promisesSeries")] },
      grid: { left: 40, right: 16, top: 40, bottom: 28 },
      xAxis: { type: "category", data: data.daily.map((d) => d.day.slice(5)) },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        {
          name: label("actions"),
          type: "bar",
          data: data.daily.map((d) => d.actions),
          itemStyle: { color: "#1677ff" },
        },
        {
          name: label("unansweredSeries"),
          type: "bar",
          data: data.daily.map((d) => d.unanswered),
          itemStyle: { color: "#bfbfbf" },
        },
        {
          name: label("promisesSeries"),
          type: "line",
          data: data.daily.map((d) => d.promises),
          itemStyle: { color: "#389e0d" },
        },
      ],
    };
  }, [data, t]);
  const download = () =>
    downloadCsv(
      `${s("daily")}-${data.day}.csv`,
      ["day", s("actions"), s("unansweredSeries"), s("promisesSeries")],
      data.daily.map((d) => [d.day, d.actions, d.unanswered, d.promises]),
    );
  return (
    <Card
      size="small"
      title={s("daily")}
      extra={
        <Button size="small" icon={<DownloadOutlined />} onClick={download}>
          {s("downloadData")}
        </Button>
      }
    >
      <EChart option={option} ariaLabel={s("daily")} style={{ height: 260 }} />
    </Card>
  );
}
