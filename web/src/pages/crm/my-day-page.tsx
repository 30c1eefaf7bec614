// 我的今日: a telemarketer's day at a glance — today's calls against target, the week and the month so
// far, who to call back today (and who is overdue), tomorrow's appointments, and the way to the leads.
// A leader opens a member's day with ?userId=.
import {
  CalendarOutlined,
  PhoneOutlined,
  ReloadOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from "@ant-design/icons";
import { Alert, Button, Card, Col, Empty, Row, Skeleton, Tabs, Tag } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import {
  type Appointment,
  type FollowUp,
  type MyDay,
  TARGET_METRICS,
  useMyDay,
} from "../../api/crm-engagement.ts";
import { type ChartOption, EChart } from "../../components/echart.tsx";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDate, formatDateTime } from "../../format.ts";
import { dailyFigures, IntentTag, KpiCards, KpiCell, LeadLink } from "./kpi-parts.tsx";

export function MyDayPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("crmKpi.myDay.title"));
  const [params] = useSearchParams();
  const userId = params.get("userId") ?? undefined;
  const me = useMe();
  const day = useMyDay({ userId });
  const data = day.data;
  const viewingOther = Boolean(userId && userId !== me.data?.user.id);
  return (
    <div data-testid="my-day-page">
      <PageHeader
        title={t("crmKpi.myDay.title")}
        subtitle={data ? t("crmKpi.myDay.subtitle", { date: data.date, name: data.person.name }) : null}
        extra={
          <Button icon={<ReloadOutlined />} loading={day.isFetching} onClick={() => void day.refetch()}>
            {t("common.refresh")}
          </Button>
        }
      />
      {viewingOther && data ? (
        <Alert
          type="info"
          showIcon
          className="section-gap"
          message={t("crmKpi.myDay.viewing", { name: data.person.name })}
        />
      ) : null}
      {day.isError ? <Alert type="error" showIcon message={errorMessage(day.error)} /> : null}
      {!data ? (
        day.isPending ? (
          <Skeleton active paragraph={{ rows: 10 }} />
        ) : null
      ) : (
        <MyDayBody data={data} canSeeLeads={hasPermission(me.data, "crm.leads")} />
      )}
    </div>
  );
}

function MyDayBody({ data, canSeeLeads }: { data: MyDay; canSeeLeads: boolean }) {
  const { t } = useTranslation();
  const restDay = TARGET_METRICS.every((m) => data.day.target[m] === 0);
  return (
    <>
      <Card
        size="small"
        title={
          <span>
            {t("crmKpi.myDay.progressTitle")} <span className="muted">{data.date}</span>
          </span>
        }
        extra={restDay ? <Tag>{t("crmKpi.common.restDay")}</Tag> : null}
        data-testid="my-day-today"
      >
        <KpiCards tally={data.day} prefix="today" />
      </Card>
      <Row gutter={[16, 16]} className="section-gap-top">
        <Col xs={24} xl={15}>
          {canSeeLeads ? (
            <Callbacks data={data} />
          ) : (
            <Alert type="info" message={t("crmKpi.common.noLeadsAccess")} />
          )}
        </Col>
        <Col xs={24} xl={9}>
          <Appointments
            title={t("crmKpi.myDay.appointmentsTomorrow")}
            items={data.appointments.tomorrow}
            testId="appointments-tomorrow"
          />
          <div className="section-gap-top" />
          <Appointments
            title={t("crmKpi.myDay.appointmentsToday")}
            items={data.appointments.today}
            testId="appointments-today"
          />
          <Card size="small" title={t("crmKpi.myDay.quickLinks")} className="section-gap-top">
            <div className="kpi-links">
              <Link to="/crm/leads">
                <Button icon={<PhoneOutlined />}>{t("crmKpi.myDay.myLeads")}</Button>
              </Link>
              <Link to="/crm/leads?stage=intent">
                <Button icon={<TeamOutlined />}>{t("crmKpi.myDay.intentLeads")}</Button>
              </Link>
              <Link to="/crm/follow-ups">
                <Button icon={<UnorderedListOutlined />}>{t("crmKpi.myDay.allFollowUps")}</Button>
              </Link>
              <Link to="/crm/appointments">
                <Button icon={<CalendarOutlined />}>{t("crmKpi.myDay.calendar")}</Button>
              </Link>
            </div>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} className="section-gap-top">
        <Col xs={24} lg={12}>
          <PeriodCard
            title={t("crmKpi.myDay.weekTitle")}
            tally={data.week}
            range={t("crmKpi.common.range", { from: data.week.from, to: data.week.to })}
          />
        </Col>
        <Col xs={24} lg={12}>
          <PeriodCard
            title={t("crmKpi.myDay.monthTitle")}
            tally={data.month}
            range={t("crmKpi.common.workingDays", {
              done: data.month.elapsedWorkingDays,
              total: data.month.workingDays,
            })}
          />
        </Col>
      </Row>
      <Card size="small" title={t("crmKpi.myDay.trend")} className="section-gap-top">
        <MonthChart data={data} />
      </Card>
    </>
  );
}

function PeriodCard({ title, tally, range }: { title: string; tally: MyDay["week"]; range: string }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={title}
      extra={<span className="muted">{range}</span>}
      style={{ height: "100%" }}
    >
      <Row gutter={[12, 12]}>
        {TARGET_METRICS.map((m) => (
          <Col key={m} xs={12} sm={8}>
            <div className="muted">{t(`crmKpi.metrics.${m}`)}</div>
            <KpiCell tally={tally} metric={m} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function Callbacks({ data }: { data: MyDay }) {
  const { t } = useTranslation();
  const list = (items: FollowUp[], empty: string) =>
    items.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
    ) : (
      <div className="kpi-list">
        {items.map((f) => (
          <div key={f.id} className="kpi-list-item" data-testid="callback-item">
            <div className="kpi-list-item-main">
              <span className="kpi-list-item-title">
                <LeadLink id={f.leadId} name={f.leadName} /> <IntentTag level={f.intentLevel} />
              </span>
              <span className="muted">
                {f.phoneMasked} · {t(`crmLeads.stage.${f.stage}`, { defaultValue: f.stage })} ·{" "}
                {t(`crmKpi.followUps.source.${f.source}`)}
                {f.note ? ` · ${f.note}` : ""}
              </span>
            </div>
            <div style={{ textAlign: "right" }}>
              {f.overdue ? (
                <Tag color="red">{formatDate(f.dueOn)}</Tag>
              ) : (
                <Tag color="blue">{formatDate(f.dueOn)}</Tag>
              )}
              <div className="muted" style={{ fontSize: 12 }}>
                {f.lastContactAt ? formatDateTime(f.lastContactAt) : "—"}
              </div>
            </div>
          </div>
        ))}
      </div>
    );
  return (
    <Card
      size="small"
      title={t("crmKpi.myDay.callbacks")}
      data-testid="callbacks"
      extra={<Link to="/crm/follow-ups">{t("common.viewAll")}</Link>}
    >
      <Tabs
        size="small"
        items={[
          {
            key: "today",
            label: `${t("crmKpi.followUps.tabs.today")} ${data.callbacks.counts?.today ?? data.callbacks.dueToday.length}`,
            children: list(data.callbacks.dueToday, t("crmKpi.myDay.noCallbacks")),
          },
          {
            key: "overdue",
            label: (
              <span>
                {t("crmKpi.followUps.tabs.overdue")}{" "}
                <Tag color={data.callbacks.overdue.length ? "red" : undefined}>
                  {data.callbacks.counts?.overdue ?? data.callbacks.overdue.length}
                </Tag>
              </span>
            ),
            children: list(data.callbacks.overdue, t("crmKpi.myDay.noOverdue")),
          },
        ]}
      />
    </Card>
  );
}

function Appointments({ title, items, testId }: { title: string; items: Appointment[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={`${title} ${items.length}`} data-testid={testId}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("crmKpi.myDay.noAppointments")} />
      ) : (
        <div className="kpi-list">
          {items.map((a) => (
            <div key={a.id} className="kpi-list-item">
              <div className="kpi-list-item-main">
                <span className="kpi-list-item-title">
                  <span className="num">{formatDateTime(a.startsAt).slice(11)}</span>{" "}
                  <LeadLink id={a.leadId} name={a.leadName} />
                </span>
                <span className="muted">
                  {a.place}
                  {a.withUserName || a.withName
                    ? ` · ${t("crmKpi.appointments.withName", { name: a.withUserName ?? a.withName })}`
                    : ""}
                </span>
              </div>
              <Tag>{t(`crmKpi.appointments.status.${a.status}`)}</Tag>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

function MonthChart({ data }: { data: MyDay }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      color: ["#1668dc", "#52c41a", "#fa8c16"],
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: data.daily.map((d) => d.day.slice(5)) },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        {
          type: "bar",
          name: t("crmKpi.metrics.calls"),
          data: data.daily.map((d) => d.figures.calls),
          barMaxWidth: 18,
        },
        {
          type: "bar",
          name: t("crmKpi.metrics.effective"),
          data: data.daily.map((d) => d.figures.effective),
          barMaxWidth: 18,
        },
        {
          type: "line",
          name: t("crmKpi.metrics.intent"),
          data: data.daily.map((d) => d.figures.intent),
          smooth: true,
        },
      ],
    }),
    [data, t],
  );
  return (
    <EChart
      option={option}
      ariaLabel={t("crmKpi.myDay.trend")}
      style={{ height: 260 }}
      data={dailyFigures(data.daily, ["calls", "effective", "intent"], t)}
    />
  );
}
