// 活动效果: each campaign's cost → leads → intent → applications → disbursed, the cost per lead and per
// disbursed loan, with the funnel of all campaigns in the range as a chart.
import { DownloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, DatePicker, Table } from "antd";
import type { Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { type CampaignRow, type CampaignsReport, useCampaignsReport } from "../../api/crm-engagement.ts";
import { downloadCsv } from "../../components/csv.ts";
import { type ChartOption, EChart } from "../../components/echart.tsx";
import { formatMoney, formatMoneyLong } from "../../format.ts";

export function TargetsCampaigns() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const report = useCampaignsReport(
    range ? { from: range[0].format("YYYY-MM-DD"), to: range[1].format("YYYY-MM-DD") } : {},
  );
  const c = (key: string) => t(`crmKpi.targets.campaigns.columns.${key}`);
  const data = report.data;
  return (
    <>
      <Card size="small">
        <div className="filter-bar">
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)}
          />
          <span className="filter-bar-spacer" />
          {data ? (
            <Button icon={<DownloadOutlined />} onClick={() => exportCampaigns(data, t)}>
              {t("common.exportExcel")}
            </Button>
          ) : null}
        </div>
      </Card>
      {report.isError ? (
        <Alert type="error" showIcon className="section-gap-top" message={errorMessage(report.error)} />
      ) : null}
      {data && data.items.length > 0 ? (
        <Card size="small" title={t("crmKpi.targets.campaigns.funnel")} className="section-gap-top">
          <Funnel data={data} />
        </Card>
      ) : null}
      <Card size="small" title={t("crmKpi.targets.campaigns.title")} className="section-gap-top">
        <Table<CampaignRow>
          rowKey="id"
          size="small"
          loading={report.isFetching}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: 1040 }}
          data-testid="campaigns-table"
          locale={{ emptyText: t("crmKpi.targets.campaigns.empty") }}
          summary={() =>
            data && data.items.length > 1 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}>
                  <strong>{t("crmKpi.targets.total")}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {formatMoney(data.total.cost)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {data.total.leads}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  {data.total.intent}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right">
                  {data.total.applications}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={7} align="right">
                  {data.total.loans}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={8} align="right">
                  {formatMoneyLong(data.total.disbursed)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={9} align="right">
                  {formatMoney(data.total.costPerLead)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={10} align="right">
                  {formatMoney(data.total.costPerLoan)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
          columns={[
            { title: c("name"), dataIndex: "name", fixed: "left", width: 130 },
            { title: c("channel"), dataIndex: "channel", width: 80 },
            {
              title: c("period"),
              key: "period",
              width: 180,
              render: (_, r) => (
                <span className="num">
                  {t("crmKpi.common.range", { from: r.startsOn, to: r.endsOn ?? "—" })}
                </span>
              ),
            },
            {
              title: c("cost"),
              dataIndex: "cost",
              align: "right",
              width: 100,
              render: (v: string) => formatMoney(v),
            },
            {
              title: c("leads"),
              dataIndex: "leads",
              align: "right",
              width: 60,
              sorter: (a, b) => a.leads - b.leads,
            },
            { title: c("intent"), dataIndex: "intent", align: "right", width: 56 },
            { title: c("applications"), dataIndex: "applications", align: "right", width: 56 },
            { title: c("loans"), dataIndex: "loans", align: "right", width: 64 },
            {
              title: c("disbursed"),
              dataIndex: "disbursed",
              align: "right",
              width: 120,
              render: (v: string) => formatMoneyLong(v),
            },
            {
              title: c("costPerLead"),
              dataIndex: "costPerLead",
              align: "right",
              width: 96,
              render: (v: string | null) => formatMoney(v),
            },
            {
              title: c("costPerLoan"),
              dataIndex: "costPerLoan",
              align: "right",
              width: 96,
              render: (v: string | null) => formatMoney(v),
            },
          ]}
        />
      </Card>
    </>
  );
}

function Funnel({ data }: { data: CampaignsReport }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const steps = ["leads", "intent", "applications", "loans"] as const;
    return {
      color: ["#1668dc"],
      tooltip: { trigger: "axis" },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: {
        type: "category",
        inverse: true,
        data: steps.map((s) => t(`crmKpi.targets.campaigns.columns.${s}`)),
      },
      series: [
        {
          type: "bar",
          data: steps.map((s) => data.total[s]),
          barMaxWidth: 28,
          label: { show: true, position: "right" },
        },
      ],
    };
  }, [data, t]);
  const steps = ["leads", "intent", "applications", "loans"] as const;
  return (
    <EChart
      option={option}
      ariaLabel={t("crmKpi.targets.campaigns.funnel")}
      style={{ height: 200 }}
      data={{
        fileName: t("crmKpi.targets.campaigns.funnel"),
        header: [t("crmKpi.targets.campaigns.funnel"), t("crmKpi.common.count")],
        rows: steps.map((s) => [t(`crmKpi.targets.campaigns.columns.${s}`), data.total[s]]),
      }}
    />
  );
}

function exportCampaigns(data: CampaignsReport, t: (key: string) => string) {
  const keys = [
    "name",
    "channel",
    "cost",
    "leads",
    "intent",
    "applications",
    "loans",
    "disbursed",
    "costPerLead",
    "costPerLoan",
  ] as const;
  downloadCsv(
    `${t("crmKpi.targets.campaigns.export")}.csv`,
    keys.map((k) => t(`crmKpi.targets.campaigns.columns.${k}`)),
    data.items.map((r) => keys.map((k) => r[k])),
  );
}
