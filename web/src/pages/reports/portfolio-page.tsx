// 经营概览 (reports.read): the book at a glance for the people who run the company — KPI cards with the
// change on last month, then the charts, then the tables behind them (UI.md's dashboard pattern).
import { DownloadOutlined, ReloadOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Progress,
  Row,
  Segmented,
  Skeleton,
  Statistic,
  Table,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import {
  type PortfolioMonth,
  type PortfolioReport,
  usePortfolio,
  useRefreshPortfolio,
} from "../../api/reports.ts";
import { downloadCsv } from "../../components/csv.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDateTime, formatMoney, formatMoneyLong, formatRate } from "../../format.ts";
import { Money, MoneyStatistic, money } from "../loans/money.tsx";
import { ClassificationTag } from "../loans/servicing-tags.tsx";
import { changeOnLastMonth } from "./portfolio-change.ts";
import { BucketChart, ClassificationChart, TrendChart } from "./portfolio-charts.tsx";
import { OfficersTable } from "./portfolio-officers-table.tsx";
import "../loans/servicing.css";

const MONTH_CHOICES = [6, 12, 24] as const;

export function PortfolioPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("portfolio.title"));
  const [months, setMonths] = useState<number>(12);
  const query = usePortfolio(months);
  const refresh = useRefreshPortfolio(months);
  const { message } = App.useApp();
  const report = query.data;
  return (
    <div data-testid="portfolio-page">
      <PageHeader
        title={t("portfolio.title")}
        subtitle={
          report
            ? t("portfolio.subtitle", {
                date: report.businessDate,
                scope: t(`portfolio.scope.${report.scope}`),
                at: formatDateTime(report.computedAt),
              })
            : undefined
        }
        extra={
          <>
            <Segmented
              value={months}
              onChange={(value) => setMonths(Number(value))}
              options={MONTH_CHOICES.map((n) => ({ value: n, label: t("portfolio.months", { count: n }) }))}
              data-testid="portfolio-months"
            />
            <Button
              icon={<ReloadOutlined />}
              loading={refresh.isPending}
              disabled={!report}
              onClick={() =>
                refresh.mutate(undefined, { onError: (error) => message.error(errorMessage(error)) })
              }
              data-testid="portfolio-refresh"
            >
              {t("common.refresh")}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              disabled={!report}
              onClick={() => report && exportReport(report, t)}
              data-testid="portfolio-export"
            >
              {t("portfolio.export")}
            </Button>
          </>
        }
      />
      {query.isError ? <Alert type="error" showIcon message={errorMessage(query.error)} /> : null}
      {!report ? (
        query.isPending ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : null
      ) : report.book.loans === 0 && report.months.every((m) => m.disbursedLoans === 0) ? (
        <Card>
          <Empty description={t("portfolio.empty")} />
        </Card>
      ) : (
        <PortfolioBody report={report} />
      )}
    </div>
  );
}

function PortfolioBody({ report }: { report: PortfolioReport }) {
  const { t } = useTranslation();
  return (
    <>
      <FlowKpis report={report} />
      <QualityKpis report={report} />
      <Row gutter={[16, 16]} className="section-gap">
        <Col xs={24} xl={15}>
          <TrendChart report={report} />
        </Col>
        <Col xs={24} xl={9}>
          <ClassificationChart report={report} />
        </Col>
      </Row>
      <Row gutter={[16, 16]} className="section-gap">
        <Col xs={24} xl={15}>
          <ClassificationTable report={report} />
        </Col>
        <Col xs={24} xl={9}>
          <BucketChart report={report} />
        </Col>
      </Row>
      <OfficersTable report={report} />
      <Card size="small" className="section-gap" title={t("portfolio.monthTable.title")}>
        <MonthTable months={report.months} />
        <div className="muted small section-gap-top">{t("portfolio.monthTable.hint")}</div>
        <div className="muted small" data-testid="portfolio-write-offs">
          {t("portfolio.writeOffs", {
            count: report.writeOffs.loans,
            principal: formatMoneyLong(report.writeOffs.principal),
            recovered: formatMoney(report.writeOffs.recovered),
          })}
        </div>
      </Card>
    </>
  );
}

/** "较上月同期 +12.3%" in green or red, or a quiet note when that period had nothing. */
function Change({ current, previous, until }: { current: string; previous: string; until: string }) {
  const { t } = useTranslation();
  const change = changeOnLastMonth(current, previous);
  const period = t("portfolio.kpi.samePeriod", { until: until.slice(5) });
  if (change === null)
    return (
      <div className="muted kpi-foot" title={period}>
        {t("portfolio.kpi.noPrevious")}
      </div>
    );
  const color = change.startsWith("-") ? "#cf1322" : "#389e0d";
  return (
    <div className="kpi-foot num" style={{ color }} title={period}>
      {t("portfolio.kpi.vsLast", { change })}
    </div>
  );
}

function FlowKpis({ report }: { report: PortfolioReport }) {
  const { t } = useTranslation();
  const now = report.months[report.months.length - 1];
  const rate = now.recoveryRate === null ? null : Number(now.recoveryRate);
  const goal = Number(report.recoveryGoal);
  return (
    <Row gutter={[16, 16]} data-testid="portfolio-kpis">
      <Col xs={12} lg={6}>
        <Card size="small" style={{ height: "100%" }} data-testid="kpi-outstanding">
          <MoneyStatistic title={t("portfolio.kpi.outstanding")} value={report.book.principalOutstanding} />
          <div className="muted kpi-foot">{t("portfolio.kpi.loans", { count: report.book.loans })}</div>
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card size="small" style={{ height: "100%" }} data-testid="kpi-disbursed">
          <MoneyStatistic title={t("portfolio.kpi.disbursed")} value={now.disbursed} />
          <div className="muted kpi-foot">
            {t("portfolio.kpi.disbursedLoans", { count: now.disbursedLoans })}
          </div>
          <Change
            current={now.disbursed}
            previous={report.lastMonthToDate.disbursed}
            until={report.lastMonthToDate.until}
          />
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card size="small" style={{ height: "100%" }} data-testid="kpi-collected">
          <MoneyStatistic title={t("portfolio.kpi.collected")} value={now.collected} />
          <div className="muted kpi-foot">{t("portfolio.kpi.collectedFoot")}</div>
          <Change
            current={now.collected}
            previous={report.lastMonthToDate.collected}
            until={report.lastMonthToDate.until}
          />
        </Card>
      </Col>
      <Col xs={12} lg={6}>
        <Card size="small" style={{ height: "100%" }} data-testid="kpi-recovery">
          <Statistic
            title={t("portfolio.kpi.recoveryRate")}
            value={formatRate(now.recoveryRate)}
            valueStyle={{ fontSize: 22 }}
          />
          <Progress
            percent={rate === null ? 0 : Math.min(100, Math.round(rate * 1000) / 10)}
            size="small"
            showInfo={false}
            strokeColor={rate !== null && rate >= goal ? "#52c41a" : "#faad14"}
            aria-label={t("portfolio.kpi.recoveryRate")}
          />
          <div className="muted kpi-foot">
            {t("portfolio.kpi.goal", { goal: formatRate(report.recoveryGoal) })}
          </div>
        </Card>
      </Col>
    </Row>
  );
}

function QualityKpis({ report }: { report: PortfolioReport }) {
  const { t } = useTranslation();
  const { book } = report;
  const cards = [
    {
      key: "npl",
      value: formatRate(book.nplRatio),
      foot: t("portfolio.kpi.nplFoot", { count: book.nplLoans, amount: formatMoneyLong(book.nplPrincipal) }),
      warn: Number(book.nplRatio ?? 0) > 0,
    },
    {
      key: "par30",
      value: formatRate(book.par30Ratio),
      foot: t("portfolio.kpi.par30Foot", { amount: formatMoneyLong(book.par30Principal) }),
      warn: Number(book.par30Ratio ?? 0) > 0,
    },
    {
      key: "coverage",
      value:
        book.provisionCoverage === null
          ? t("portfolio.kpi.coverageNone")
          : formatRate(book.provisionCoverage),
      foot: t("portfolio.kpi.coverageFoot", { amount: formatMoneyLong(book.provision) }),
      warn: false,
    },
    {
      key: "overdue",
      value: String(book.overdueLoans),
      foot: t("portfolio.kpi.overdueFoot", {
        count: book.overdueLoans,
        amount: formatMoneyLong(book.overduePrincipal),
      }),
      warn: book.overdueLoans > 0,
    },
  ];
  return (
    <Row gutter={[16, 16]} className="section-gap" data-testid="portfolio-quality">
      {cards.map((card) => (
        <Col xs={12} lg={6} key={card.key}>
          <Card size="small" style={{ height: "100%" }} data-testid={`kpi-${card.key}`}>
            <Statistic
              title={t(`portfolio.kpi.${card.key}`)}
              value={card.value}
              valueStyle={{ fontSize: 22, color: card.warn ? "#d46b08" : undefined }}
            />
            <div className="muted kpi-foot">{card.foot}</div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

type ClassRow = PortfolioReport["byClassification"][number];

function ClassificationTable({ report }: { report: PortfolioReport }) {
  const { t } = useTranslation();
  const f = (key: string) => t(`portfolio.classTable.${key}`);
  return (
    <Card size="small" title={f("title")} style={{ height: "100%" }}>
      <Table<ClassRow>
        rowKey="classification"
        size="small"
        pagination={false}
        dataSource={report.byClassification}
        data-testid="portfolio-class-table"
        columns={[
          {
            title: f("classification"),
            dataIndex: "classification",
            render: (value: ClassRow["classification"]) => <ClassificationTag value={value} />,
          },
          { title: f("loans"), dataIndex: "loans", align: "right" },
          {
            title: f("principal"),
            dataIndex: "principal",
            align: "right",
            render: (v: string) => <Money value={v} />,
          },
          {
            title: f("share"),
            dataIndex: "share",
            align: "right",
            render: (v: string | null) => formatRate(v),
          },
          { title: f("provision"), dataIndex: "provision", align: "right", render: money },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{f("total")}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong>{report.book.loans}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <strong>{money(report.book.principalOutstanding)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              {report.book.loans ? "100.00%" : "—"}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              <strong>{money(report.book.provision)}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

function MonthTable({ months }: { months: PortfolioMonth[] }) {
  const { t } = useTranslation();
  const f = (key: string) => t(`portfolio.monthTable.${key}`);
  return (
    <Table<PortfolioMonth>
      rowKey="month"
      size="small"
      pagination={false}
      scroll={{ x: 960 }}
      dataSource={[...months].reverse()}
      data-testid="portfolio-month-table"
      columns={[
        { title: f("month"), dataIndex: "month", fixed: "left" },
        { title: f("disbursedLoans"), dataIndex: "disbursedLoans", align: "right" },
        { title: f("disbursed"), dataIndex: "disbursed", align: "right", render: money },
        { title: f("collected"), dataIndex: "collected", align: "right", render: money },
        { title: f("due"), dataIndex: "due", align: "right", render: money },
        { title: f("paidAgainstDue"), dataIndex: "paidAgainstDue", align: "right", render: money },
        {
          title: f("recoveryRate"),
          dataIndex: "recoveryRate",
          align: "right",
          render: (v: string | null) => <span className="num">{formatRate(v)}</span>,
        },
        { title: f("writtenOff"), dataIndex: "writtenOff", align: "right", render: money },
        { title: f("recovered"), dataIndex: "recovered", align: "right", render: money },
      ]}
    />
  );
}

function exportReport(report: PortfolioReport, t: (key: string) => string) {
  const f = (key: string) => t(`portfolio.monthTable.${key}`);
  downloadCsv(
    `${t("portfolio.exportFile")}-${report.businessDate}`,
    [
      f("month"),
      f("disbursedLoans"),
      f("disbursed"),
      f("collected"),
      f("due"),
      f("paidAgainstDue"),
      f("recoveryRate"),
      f("writtenOff"),
      f("recovered"),
    ],
    report.months.map((m) => [
      m.month,
      m.disbursedLoans,
      m.disbursed,
      m.collected,
      m.due,
      m.paidAgainstDue,
      m.recoveryRate ?? "",
      m.writtenOff,
      m.recovered,
    ]),
  );
}
