import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import { Alert, Button, Card, Col, DatePicker, Empty, Row, Space, Table, Tag } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import {
  type Statement,
  type SubLedgerCheck,
  type TrialBalance,
  useBusinessDate,
  useStatement,
  useSubLedgerCheck,
  useTrialBalance,
} from "../../api/servicing.ts";
import { type ChartOption, EChart } from "../../components/echart.tsx";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatMoney } from "../../format.ts";
import { currentLanguage } from "../../i18n/setup.ts";
import { MoneyStatistic, money } from "./money.tsx";
import "./servicing.css";

type Account = TrialBalance["accounts"][number];
const nonZero = (value: string) => (Number(value) ? money(value) : <span className="muted">—</span>);

export function LedgerPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("servicing.ledger.title"));
  const businessDate = useBusinessDate().data?.businessDate;
  const [asOf, setAsOf] = useState<string | undefined>();
  const trial = useTrialBalance(asOf);
  const subLedger = useSubLedgerCheck();
  const [selected, setSelected] = useState<Account | null>(null);
  const [range, setRange] = useState<[string, string] | null>(null);
  const to = range?.[1] ?? asOf ?? businessDate ?? dayjs().format("YYYY-MM-DD");
  const from = range?.[0] ?? dayjs(to).subtract(1, "month").format("YYYY-MM-DD");
  const statement = useStatement(selected?.code ?? null, from, to);
  const name = (a: { name: string; nameEn: string }) => (currentLanguage() === "en-US" ? a.nameEn : a.name);
  const c = (key: string) => t(`servicing.ledger.columns.${key}`);
  const data = trial.data;

  return (
    <div data-testid="ledger-page">
      <PageHeader
        title={t("servicing.ledger.title")}
        subtitle={t("servicing.ledger.subtitle")}
        extra={
          <Space>
            <span>{t("servicing.ledger.asOf")}</span>
            <DatePicker
              value={asOf ? dayjs(asOf) : null}
              placeholder={t("servicing.ledger.asOfAll")}
              onChange={(d) => setAsOf(d ? d.format("YYYY-MM-DD") : undefined)}
              aria-label={t("servicing.ledger.asOf")}
            />
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={t("servicing.ledger.trialBalance")}
            extra={
              data ? (
                data.balanced ? (
                  <Tag color="green" icon={<CheckCircleFilled />} data-testid="balanced-badge">
                    {t("servicing.ledger.balanced")}
                  </Tag>
                ) : (
                  <Tag color="red" icon={<CloseCircleFilled />} data-testid="balanced-badge">
                    {t("servicing.ledger.unbalanced")}
                  </Tag>
                )
              ) : null
            }
          >
            {trial.isError ? <Alert type="error" message={errorMessage(trial.error)} /> : null}
            <div className="muted" style={{ marginBottom: 8 }}>
              {t("servicing.ledger.clickHint")}
            </div>
            <Table<Account>
              rowKey="code"
              size="small"
              loading={trial.isFetching}
              dataSource={data?.accounts ?? []}
              pagination={false}
              data-testid="trial-balance"
              rowClassName={(a) => `clickable-row${selected?.code === a.code ? " selected-row" : ""}`}
              onRow={(a) => ({ onClick: () => setSelected(a) })}
              columns={[
                {
                  title: c("code"),
                  dataIndex: "code",
                  width: 90,
                  render: (v: string) => <span className="mono">{v}</span>,
                },
                {
                  title: c("name"),
                  key: "name",
                  render: (_, a) => (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setSelected(a)}>
                      {name(a)}
                    </Button>
                  ),
                },
                {
                  title: c("type"),
                  dataIndex: "type",
                  width: 100,
                  render: (v: string) => t(`servicing.ledger.types.${v}`, { defaultValue: v }),
                },
                { title: c("debit"), dataIndex: "debit", align: "right", width: 150, render: nonZero },
                { title: c("credit"), dataIndex: "credit", align: "right", width: 150, render: nonZero },
              ]}
              summary={() =>
                data ? (
                  <Table.Summary fixed>
                    <Table.Summary.Row className="schedule-totals">
                      <Table.Summary.Cell index={0} colSpan={3} align="center">
                        <strong>{t("servicing.ledger.totals")}</strong>
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={3} align="right">
                        <strong>{money(data.totals.debit)}</strong>
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={4} align="right">
                        <strong>{money(data.totals.credit)}</strong>
                      </Table.Summary.Cell>
                    </Table.Summary.Row>
                  </Table.Summary>
                ) : null
              }
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <SubLedgerCard check={subLedger.data} loading={subLedger.isFetching} error={subLedger.error} />
        </Col>
      </Row>
      <Card
        size="small"
        className="section-gap"
        data-testid="statement"
        title={
          selected
            ? t("servicing.ledger.statement", { code: selected.code, name: name(selected) })
            : t("servicing.ledger.clickHint")
        }
        extra={
          selected ? (
            <Space>
              <span>{t("servicing.ledger.range")}</span>
              <DatePicker.RangePicker
                allowClear={false}
                value={[dayjs(from), dayjs(to)]}
                onChange={(v) => {
                  if (v?.[0] && v[1]) setRange([v[0].format("YYYY-MM-DD"), v[1].format("YYYY-MM-DD")]);
                }}
              />
            </Space>
          ) : null
        }
      >
        {!selected ? (
          <Empty description={t("servicing.ledger.clickHint")} />
        ) : statement.isError ? (
          <Alert type="error" message={errorMessage(statement.error)} />
        ) : (
          <StatementView statement={statement.data} loading={statement.isFetching} />
        )}
      </Card>
    </div>
  );
}

function SubLedgerCard({
  check,
  loading,
  error,
}: {
  check: SubLedgerCheck | undefined;
  loading: boolean;
  error: Error | null;
}) {
  const { t } = useTranslation();
  const c = (key: string) => t(`servicing.ledger.subColumns.${key}`);
  return (
    <Card
      size="small"
      title={t("servicing.ledger.subLedger")}
      data-testid="sub-ledger"
      extra={
        check ? (
          <Tag
            color={check.ok ? "green" : "red"}
            icon={check.ok ? <CheckCircleFilled /> : <CloseCircleFilled />}
          >
            {check.ok ? t("servicing.ledger.subLedgerOk") : t("servicing.ledger.subLedgerBad")}
          </Tag>
        ) : null
      }
    >
      <div className="muted" style={{ marginBottom: 8 }}>
        {t("servicing.ledger.subLedgerHint")}
      </div>
      {error ? <Alert type="error" message={errorMessage(error)} /> : null}
      <Table
        rowKey="account"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={check?.checks ?? []}
        columns={[
          {
            title: c("account"),
            dataIndex: "account",
            render: (v: string) => <span className="mono">{v}</span>,
          },
          { title: c("ledger"), dataIndex: "ledger", align: "right", render: money },
          { title: c("subLedger"), dataIndex: "subLedger", align: "right", render: money },
          { title: c("difference"), dataIndex: "difference", align: "right", render: money },
          {
            title: c("result"),
            dataIndex: "ok",
            render: (ok: boolean) =>
              ok ? (
                <Tag color="green" icon={<CheckCircleFilled />}>
                  {t("servicing.ledger.match")}
                </Tag>
              ) : (
                <Tag color="red" icon={<CloseCircleFilled />}>
                  {t("servicing.ledger.mismatch")}
                </Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}

function StatementView({ statement, loading }: { statement: Statement | undefined; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const option = useMemo<ChartOption | null>(() => {
    if (!statement) return null;
    const compact = new Intl.NumberFormat(i18n.language, { notation: "compact", maximumFractionDigits: 1 });
    const points = [
      { date: statement.from, balance: statement.openingBalance },
      ...statement.dailyBalances.filter((d) => d.date !== statement.from),
    ];
    return {
      color: ["#1668dc"],
      tooltip: {
        trigger: "axis",
        valueFormatter: (value) =>
          formatMoney(String(typeof value === "number" ? value.toFixed(2) : (value ?? ""))),
      },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: points.map((p) => p.date) },
      yAxis: { type: "value", axisLabel: { formatter: (v: number) => compact.format(v) } },
      series: [
        {
          type: "line",
          step: "end",
          name: t("servicing.ledger.dailyChart"),
          data: points.map((p) => Number(p.balance)),
          areaStyle: { opacity: 0.08 },
          showSymbol: points.length <= 40,
        },
      ],
    };
  }, [statement, t, i18n.language]);
  if (!statement) return <Table loading={loading} dataSource={[]} />;
  const s = (key: string) => t(`servicing.ledger.statementColumns.${key}`);
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <MoneyStatistic title={t("servicing.ledger.opening")} value={statement.openingBalance} />
        </Col>
        <Col xs={12} md={6}>
          <MoneyStatistic title={t("servicing.ledger.closing")} value={statement.closingBalance} />
        </Col>
        <Col xs={24} md={12}>
          {option ? (
            <EChart
              option={option}
              ariaLabel={t("servicing.ledger.dailyChart")}
              style={{ height: 160 }}
              data={{
                fileName: `${t("servicing.ledger.dailyChart")}-${statement.from}-${statement.to}`,
                header: [s("date"), t("servicing.ledger.dailyChart")],
                rows: statement.dailyBalances.map((d) => [d.date, d.balance]),
              }}
            />
          ) : null}
        </Col>
      </Row>
      <Table
        className="section-gap-top"
        rowKey="key"
        size="small"
        loading={loading}
        dataSource={statement.lines.map((l, i) => ({ ...l, key: i }))}
        pagination={{ pageSize: 20, showTotal: (total) => t("servicing.ledger.lines", { count: total }) }}
        scroll={{ x: 900 }}
        columns={[
          { title: s("date"), dataIndex: "date", width: 104 },
          {
            title: s("entry"),
            dataIndex: "entryId",
            width: 80,
            render: (v: number) => <span className="num">#{v}</span>,
          },
          { title: s("description"), dataIndex: "description" },
          { title: s("debit"), dataIndex: "debit", align: "right", width: 140, render: nonZero },
          { title: s("credit"), dataIndex: "credit", align: "right", width: 140, render: nonZero },
          { title: s("balance"), dataIndex: "balance", align: "right", width: 150, render: money },
        ]}
      />
    </>
  );
}
