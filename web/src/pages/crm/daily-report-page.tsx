// 电销日报: the stored end-of-day reports — the list of days on the left, the chosen day on the right
// (the floor against target, the month so far, groups, people, teams, appointments, revisits,
// feedback, PKs), exported to Excel; a manager produces a missing day or redoes one.
import { DownloadOutlined, FileSyncOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  List,
  Popconfirm,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import {
  crmApi,
  type DailyReport,
  type Figures,
  type ReportPerson,
  type ReportUnit,
  useCrmMutation,
  useDailyReport,
  useDailyReports,
} from "../../api/crm-engagement.ts";
import { downloadFile } from "../../api/files.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDateTime } from "../../format.ts";
import { BehindTag, KpiCards, KpiCell, PositionName } from "./kpi-parts.tsx";

const COLUMNS: (keyof Figures)[] = [
  "calls",
  "effective",
  "intent",
  "revisits",
  "nextDayAppointments",
  "appointments",
];

export function DailyReportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("crmKpi.reports.title"));
  const { message } = App.useApp();
  const me = useMe();
  const canGenerate = hasPermission(me.data, "crm.manage");
  const [params, setParams] = useSearchParams();
  const list = useDailyReports({});
  const date = params.get("date") ?? list.data?.items[0]?.date ?? list.data?.today ?? null;
  const report = useDailyReport(date);
  const generate = useCrmMutation(crmApi.generateReport);
  const [exporting, setExporting] = useState(false);
  const exists = Boolean(report.data);

  const produce = async (day: string) => {
    try {
      await generate.mutateAsync(day);
      message.success(t("crmKpi.reports.generated", { date: day }));
      setParams({ date: day }, { replace: true });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const exportXlsx = async () => {
    if (!date) return;
    setExporting(true);
    try {
      await downloadFile(`/crm/daily-reports/${date}/export.xlsx`, { fileName: `电销日报-${date}.xlsx` });
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div data-testid="daily-report-page">
      <PageHeader
        title={t("crmKpi.reports.title")}
        subtitle={t("crmKpi.reports.subtitle")}
        extra={
          <Space wrap>
            <DatePicker
              value={date ? dayjs(date) : null}
              onChange={(d) => d && setParams({ date: d.format("YYYY-MM-DD") }, { replace: true })}
              disabledDate={(d) => Boolean(list.data) && d.format("YYYY-MM-DD") > (list.data?.today ?? "")}
              allowClear={false}
              aria-label={t("crmKpi.common.date")}
            />
            <Button
              icon={<DownloadOutlined />}
              disabled={!exists}
              loading={exporting}
              onClick={() => void exportXlsx()}
              data-testid="report-export"
            >
              {t("crmKpi.reports.export")}
            </Button>
            {canGenerate && date ? (
              exists ? (
                <Popconfirm
                  title={t("crmKpi.reports.generateConfirm", { date })}
                  onConfirm={() => produce(date)}
                >
                  <Button icon={<FileSyncOutlined />} loading={generate.isPending}>
                    {t("crmKpi.reports.regenerate")}
                  </Button>
                </Popconfirm>
              ) : (
                <Button
                  type="primary"
                  icon={<FileSyncOutlined />}
                  loading={generate.isPending}
                  onClick={() => produce(date)}
                >
                  {t("crmKpi.reports.generate")}
                </Button>
              )
            ) : null}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={6}>
          <Card size="small" title={t("crmKpi.reports.list")}>
            {list.isError ? <Alert type="error" message={errorMessage(list.error)} /> : null}
            <List
              size="small"
              loading={list.isPending}
              dataSource={list.data?.items ?? []}
              locale={{ emptyText: t("crmKpi.reports.empty") }}
              renderItem={(r) => (
                <List.Item
                  onClick={() => setParams({ date: r.date }, { replace: true })}
                  style={{
                    cursor: "pointer",
                    background: r.date === date ? "#e6f4ff" : undefined,
                    paddingInline: 8,
                  }}
                  data-testid="report-day"
                >
                  <Space direction="vertical" size={0} style={{ width: "100%" }}>
                    <Space style={{ justifyContent: "space-between", width: "100%" }}>
                      <strong className="num">{r.date}</strong>
                      <span className="num">
                        {t("crmKpi.metrics.calls")} {r.figures.calls}
                      </span>
                    </Space>
                    <span className="muted" style={{ fontSize: 12 }}>
                      {t("crmKpi.metrics.effective")} {r.figures.effective} · {t("crmKpi.metrics.intent")}{" "}
                      {r.figures.intent} ·{" "}
                      {t(`crmKpi.reports.trigger.${r.trigger}`, { defaultValue: r.trigger })}
                    </span>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={18}>
          {report.isPending && date ? <Skeleton active /> : null}
          {report.isError && date ? <Empty description={t("crmKpi.reports.missing", { date })} /> : null}
          {report.data ? <ReportView report={report.data} /> : null}
        </Col>
      </Row>
    </div>
  );
}

function ReportView({ report }: { report: DailyReport }) {
  const { t } = useTranslation();
  const c = report.content;
  const metricColumns = COLUMNS.map((m) => ({
    title: t(`crmKpi.metrics.${m}`),
    key: m,
    width: 110,
    render: (_: unknown, row: ReportPerson | ReportUnit) => <KpiCell tally={row} metric={m} />,
  }));
  return (
    <div data-testid="report-view">
      <Card
        size="small"
        title={`${t("crmKpi.reports.floor")} · ${c.date}`}
        extra={
          <span className="muted">
            <Tag>{t(`crmKpi.reports.trigger.${report.trigger}`, { defaultValue: report.trigger })}</Tag>
            {t("crmKpi.reports.generatedBy", {
              name: report.generatedByName,
              time: formatDateTime(report.generatedAt),
            })}
          </span>
        }
      >
        <KpiCards tally={c.floor} prefix="report" />
      </Card>
      <Card
        size="small"
        className="section-gap-top"
        title={t("crmKpi.reports.monthToDate", { from: c.monthToDate.from, to: c.monthToDate.to })}
      >
        <KpiCards tally={c.monthToDate} prefix="report-month" />
      </Card>
      <Row gutter={[16, 16]} className="section-gap-top">
        <Col xs={24} md={8}>
          <Card size="small" title={t("crmKpi.reports.appointments")} style={{ height: "100%" }}>
            {t("crmKpi.reports.appointmentsLine", c.appointments)}
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" title={t("crmKpi.reports.followUps")} style={{ height: "100%" }}>
            {t("crmKpi.reports.followUpsLine", c.followUps)}
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" title={t("crmKpi.reports.feedback")} style={{ height: "100%" }}>
            {t("crmKpi.reports.feedbackLine", c.feedback)}
          </Card>
        </Col>
      </Row>
      {c.groups.length ? (
        <Card size="small" title={t("crmKpi.reports.groups")} className="section-gap-top">
          <Table<ReportUnit>
            rowKey="unitId"
            size="small"
            pagination={false}
            dataSource={c.groups}
            scroll={{ x: 900 }}
            columns={[
              {
                title: t("crmKpi.board.columns.group"),
                dataIndex: "name",
                width: 120,
                render: (n: string, g) => (
                  <>
                    {n} <span className="muted">{t("common.people", { count: g.members })}</span>
                  </>
                ),
              },
              ...metricColumns,
            ]}
          />
        </Card>
      ) : null}
      <Card size="small" title={t("crmKpi.reports.people")} className="section-gap-top">
        <Table<ReportPerson>
          rowKey={(p) => `${p.userId}:${p.unitId}`}
          size="small"
          dataSource={c.people}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
          data-testid="report-people"
          rowClassName={(p) => (p.behind ? "row-warning" : "")}
          columns={[
            {
              title: t("crmKpi.board.columns.name"),
              dataIndex: "name",
              fixed: "left",
              width: 120,
              render: (n: string, p) => (
                <>
                  {n}
                  <div className="muted" style={{ fontSize: 12 }}>
                    <PositionName position={p.position} />
                  </div>
                </>
              ),
            },
            {
              title: t("crmKpi.board.columns.group"),
              dataIndex: "unitName",
              width: 90,
              render: (v: string | null) => v ?? "—",
            },
            ...metricColumns,
            {
              title: t("crmKpi.board.columns.status"),
              key: "behind",
              width: 90,
              render: (_, p) => <BehindTag behind={p.behind} />,
            },
          ]}
        />
      </Card>
      {c.teams.length ? (
        <Card size="small" title={t("crmKpi.reports.teams")} className="section-gap-top">
          <Table<ReportUnit>
            rowKey="unitId"
            size="small"
            pagination={false}
            dataSource={c.teams}
            scroll={{ x: 900 }}
            columns={[
              { title: t("crmKpi.targets.columns.team"), dataIndex: "name", width: 120 },
              ...metricColumns,
            ]}
          />
        </Card>
      ) : null}
      <Card size="small" title={t("crmKpi.reports.pk")} className="section-gap-top">
        {c.pk.length === 0 ? (
          <span className="muted">{t("crmKpi.reports.noPk")}</span>
        ) : (
          c.pk.map((p) => (
            <div key={p.id} style={{ marginBottom: 6 }}>
              <strong>{p.name}</strong>{" "}
              {p.standings.map((s) => (
                <Tag key={s.unitName} color={s.rank === 1 ? "gold" : undefined}>
                  {s.rank}. {s.unitName} {s.score}
                </Tag>
              ))}
            </div>
          ))
        )}
      </Card>
    </div>
  );
}
