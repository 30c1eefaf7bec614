import { Alert, Card, Col, Empty, Progress, Row, Skeleton, Table, Tag } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import {
  type CapitalPosition,
  type Forecast,
  type FundingSource,
  useCapital,
  useFunding,
} from "../../api/servicing.ts";
import { type ChartOption, EChart } from "../../components/echart.tsx";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatMoney, formatMoneyLong, formatRate, formatWan, roundDecimal } from "../../format.ts";
import { Money, MoneyStatistic, money } from "./money.tsx";
import "./servicing.css";

export function CapitalPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("servicing.capital.title"));
  const capital = useCapital();
  const funding = useFunding();
  const data = capital.data;
  return (
    <div data-testid="capital-page">
      <PageHeader
        title={t("servicing.capital.title")}
        subtitle={t("servicing.capital.subtitle", { date: data?.businessDate ?? "—" })}
      />
      {capital.isError ? <Alert type="error" showIcon message={errorMessage(capital.error)} /> : null}
      {!data ? (
        capital.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : null
      ) : (
        <>
          <Kpis data={data} />
          <Row gutter={[16, 16]} className="section-gap">
            <Col xs={24} xl={14}>
              <Card
                size="small"
                title={t("servicing.capital.forecast")}
                extra={<span className="muted">{t("servicing.capital.forecastHint")}</span>}
              >
                <ForecastChart forecast={data.forecast} />
                <ForecastTable forecast={data.forecast} />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card size="small" title={t("servicing.capital.funding")} style={{ height: "100%" }}>
                <FundingTable rows={funding.data?.items ?? []} loading={funding.isFetching} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}

function Kpis({ data }: { data: CapitalPosition }) {
  const { t } = useTranslation();
  const leverage = data.leverage === null ? null : Number(data.leverage);
  const max = Number(data.leverageMax);
  const percent = leverage === null || !max ? 0 : Math.min(100, Math.round((leverage / max) * 100));
  return (
    <Row gutter={[16, 16]} data-testid="capital-kpis">
      <Col xs={12} lg={6}>
        <Card size="small" style={{ height: "100%" }}>
          <MoneyStatistic title={t("servicing.capital.available")} value={data.available} />
          <div className="muted kpi-foot">
            {t("servicing.capital.availableHint", {
              bank: formatWan(data.bank),
              cash: formatMoney(data.cash),
            })}
          </div>
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card size="small" style={{ height: "100%" }}>
          <MoneyStatistic title={t("servicing.capital.outstanding")} value={data.outstandingPrincipal} />
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card size="small" style={{ height: "100%" }}>
          <MoneyStatistic title={t("servicing.capital.netCapital")} value={data.netCapital} />
          <div className="muted kpi-foot">
            {t("servicing.capital.paidIn", { amount: formatMoneyLong(data.paidInCapital) })}
          </div>
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card size="small" style={{ height: "100%" }} data-testid="leverage">
          <MoneyStatistic title={t("servicing.capital.borrowings")} value={data.borrowings} />
          <div className="muted kpi-foot">{t("servicing.capital.leverage")}</div>
          <Progress
            percent={percent}
            size="small"
            status={percent >= 100 ? "exception" : "normal"}
            strokeColor={percent >= 90 ? "#fa8c16" : undefined}
            format={() =>
              leverage === null
                ? "—"
                : t("servicing.capital.leverageValue", {
                    value: roundDecimal(data.leverage ?? "0", 2),
                    max: data.leverageMax,
                  })
            }
          />
          <div className="muted kpi-foot">
            {leverage === null
              ? t("servicing.capital.leverageNone")
              : t("servicing.capital.headroom", { amount: formatMoneyLong(data.borrowingHeadroom) })}
          </div>
        </Card>
      </Col>
    </Row>
  );
}

function ForecastChart({ forecast }: { forecast: Forecast[] }) {
  const { t, i18n } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const compact = new Intl.NumberFormat(i18n.language, { notation: "compact", maximumFractionDigits: 1 });
    const f = (key: string) => t(`servicing.capital.forecastColumns.${key}`);
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
        data: forecast.map((x) => t("servicing.capital.forecastDays", { days: x.days })),
      },
      yAxis: { type: "value", axisLabel: { formatter: (v: number) => compact.format(v) } },
      series: (["principal", "interest", "fee"] as const).map((key) => ({
        type: "bar" as const,
        name: f(key),
        stack: "cash",
        barMaxWidth: 48,
        data: forecast.map((x) => Number(x[key])),
      })),
    };
  }, [forecast, t, i18n.language]);
  const f = (key: string) => t(`servicing.capital.forecastColumns.${key}`);
  return (
    <EChart
      option={option}
      ariaLabel={t("servicing.capital.forecastChart")}
      style={{ height: 280 }}
      data={{
        fileName: t("servicing.capital.forecast"),
        header: [f("horizon"), f("until"), f("principal"), f("interest"), f("fee"), f("total")],
        rows: forecast.map((x) => [
          t("servicing.capital.forecastDays", { days: x.days }),
          x.until,
          x.principal,
          x.interest,
          x.fee,
          x.total,
        ]),
      }}
    />
  );
}

function ForecastTable({ forecast }: { forecast: Forecast[] }) {
  const { t } = useTranslation();
  const f = (key: string) => t(`servicing.capital.forecastColumns.${key}`);
  return (
    <Table<Forecast>
      className="section-gap-top"
      rowKey="days"
      size="small"
      pagination={false}
      dataSource={forecast}
      data-testid="forecast-table"
      columns={[
        {
          title: f("horizon"),
          key: "horizon",
          render: (_, x) => (
            <>
              {t("servicing.capital.forecastDays", { days: x.days })}{" "}
              <span className="muted">{t("servicing.capital.forecastUntil", { date: x.until })}</span>
            </>
          ),
        },
        { title: f("principal"), dataIndex: "principal", align: "right", render: money },
        { title: f("interest"), dataIndex: "interest", align: "right", render: money },
        { title: f("fee"), dataIndex: "fee", align: "right", render: money },
        {
          title: f("total"),
          dataIndex: "total",
          align: "right",
          render: (v: string) => <strong>{money(v)}</strong>,
        },
      ]}
    />
  );
}

function FundingTable({ rows, loading }: { rows: FundingSource[]; loading: boolean }) {
  const { t } = useTranslation();
  const f = (key: string) => t(`servicing.capital.fundingColumns.${key}`);
  return (
    <Table<FundingSource>
      rowKey="id"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: <Empty description={t("servicing.capital.noFunding")} /> }}
      columns={[
        {
          title: f("source"),
          dataIndex: "source",
          render: (v: string, row) => (
            <>
              {v}
              <div>
                <Tag color={row.kind === "bank-borrowing" ? "orange" : "blue"}>
                  {t(`servicing.capital.fundingKind.${row.kind}`)}
                </Tag>
              </div>
            </>
          ),
        },
        {
          title: f("amount"),
          dataIndex: "amount",
          align: "right",
          width: 140,
          render: (v: string) => <Money value={v} />,
        },
        {
          title: `${f("date")} / ${f("rate")}`,
          dataIndex: "date",
          width: 110,
          render: (v: string, row) => (
            <span className="num">
              {v}
              <div className="muted">{formatRate(row.annualRate)}</div>
            </span>
          ),
        },
      ]}
    />
  );
}
