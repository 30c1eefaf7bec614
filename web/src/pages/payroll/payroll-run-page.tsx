import { ArrowLeftOutlined } from "@ant-design/icons";
import {
  Alert,
  Badge,
  Button,
  Card,
  Empty,
  Result,
  Spin,
  Statistic,
  Steps,
  Table,
  Tabs,
  Tag,
  Timeline,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import { RUN_STATUSES, type RunDetail, usePayrollRun } from "../../api/payroll.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDateTime, formatMoney } from "../../format.ts";
import { Money, MoneyStatistic } from "../loans/money.tsx";
import "../business.css";
import { DisputesPanel } from "./disputes-panel.tsx";
import { RunStatusTag, WarningsAlert } from "./payroll-parts.tsx";
import "./payroll.css";
import { RunActions } from "./run-actions.tsx";
import { StatementDrawer } from "./statement-drawer.tsx";
import { StatementsTable } from "./statements-table.tsx";

/**
 * One month's payroll run: where it stands (draft → reviewed → approved by someone else → locked),
 * the totals, every statement, the disputes, each computed version and what happened to it.
 */
export function PayrollRunPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const version = params.get("version") ? Number(params.get("version")) : undefined;
  const run = usePayrollRun(id, version);
  const data = run.data;
  useDocumentTitle(data ? t("payroll.run.title", { month: data.month }) : t("payroll.runs.title"));
  const [statementId, setStatementId] = useState<string | null>(null);
  const tab = params.get("tab") ?? "statements";
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  if (run.isPending) return <Spin />;
  if (run.isError || !data)
    return <Result status="warning" title={t("common.loadFailed", { message: errorMessage(run.error) })} />;
  const historic = data.version !== data.currentVersion;
  const openDisputes = data.disputes.filter((d) => d.status === "open").length;

  return (
    <div data-testid="payroll-run-page">
      <Link to="/payroll" className="back-link">
        <ArrowLeftOutlined /> {t("payroll.runs.title")}
      </Link>
      <PageHeader
        title={
          <span className="title-with-tags">
            {t("payroll.run.title", { month: data.month })}
            <RunStatusTag status={data.status} />
            <Tag>{t("payroll.run.versionOf", { version: data.version, current: data.currentVersion })}</Tag>
          </span>
        }
        subtitle={t("payroll.run.subtitle", {
          plan: data.plan.name,
          label: data.planVersion.label,
          month: data.planVersion.effectiveMonth,
        })}
        extra={<RunActions run={data} historic={historic} />}
      />
      {historic ? (
        <Alert
          type="info"
          showIcon
          className="section-gap"
          title={t("payroll.run.historic", { version: data.version, current: data.currentVersion })}
          action={
            <Button type="link" size="small" onClick={() => setParam("version", null)}>
              {t("payroll.run.toCurrent")}
            </Button>
          }
        />
      ) : null}
      <RunProgress run={data} />
      <WarningsAlert warnings={data.warnings} />
      {openDisputes && data.status !== "locked" ? (
        <Alert
          type="warning"
          showIcon
          className="section-gap"
          title={t("payroll.run.openDisputesBanner", { count: openDisputes })}
          action={
            <Button type="link" size="small" onClick={() => setParam("tab", "disputes")}>
              {t("payroll.run.toDisputes")}
            </Button>
          }
        />
      ) : null}
      <RunTotals run={data} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParam("tab", key)}
          items={[
            {
              key: "statements",
              label: t("payroll.run.tabs.statements", { count: data.statements.total }),
              children: <StatementsTable run={data} onOpen={setStatementId} />,
            },
            {
              key: "disputes",
              label: (
                <Badge count={openDisputes} size="small" offset={[8, -2]}>
                  {t("payroll.run.tabs.disputes", { count: data.disputes.length })}
                </Badge>
              ),
              children: <DisputesPanel run={data} onOpenStatement={setStatementId} />,
            },
            {
              key: "versions",
              label: t("payroll.run.tabs.versions", { count: data.versions.length }),
              children: <VersionsTable run={data} onShow={(v) => setParam("version", String(v))} />,
            },
            { key: "timeline", label: t("payroll.run.tabs.timeline"), children: <RunTimeline run={data} /> },
          ]}
        />
      </Card>
      <StatementDrawer id={statementId} onClose={() => setStatementId(null)} />
    </div>
  );
}

function RunProgress({ run }: { run: RunDetail }) {
  const { t } = useTranslation();
  const current = RUN_STATUSES.indexOf(run.status);
  const who = (name: string | null, at: string | null) =>
    name ? `${name}${at ? ` · ${formatDateTime(at)}` : ""}` : "";
  return (
    <Card size="small" className="section-gap steps-card">
      <Steps
        size="small"
        current={current}
        status={run.status === "locked" ? "finish" : "process"}
        items={[
          {
            title: t("payroll.runStatus.draft"),
            content: t("payroll.run.preparedBy", { name: run.preparedByName }),
          },
          {
            title: t("payroll.runStatus.reviewed"),
            content: who(run.reviewedByName, run.reviewedAt) || t("payroll.run.byHr"),
          },
          {
            title: t("payroll.runStatus.approved"),
            content: who(run.approvedByName, run.approvedAt) || t("payroll.run.bySomeoneElse"),
          },
          {
            title: t("payroll.runStatus.locked"),
            content: who(run.lockedByName, run.lockedAt) || t("payroll.run.final"),
          },
        ]}
      />
    </Card>
  );
}

/** Five cards: people, performance, base less deductions, commissions, and what is paid out. */
function RunTotals({ run }: { run: RunDetail }) {
  const { t } = useTranslation();
  const k = (key: string) => t(`payroll.run.kpi.${key}`);
  const { totals } = run;
  const big = { fontSize: 20 };
  return (
    <div className="kpi-strip section-gap" data-testid="run-totals">
      <Card size="small" className="kpi-card">
        <Statistic title={k("headcount")} value={totals.headcount} valueStyle={big} />
        <div className="muted kpi-foot">{t("payroll.run.loans", { count: totals.loanCount })}</div>
      </Card>
      <Card size="small" className="kpi-card">
        <MoneyStatistic
          title={k("annualizedPerformance")}
          value={totals.annualizedPerformance}
          valueStyle={big}
        />
      </Card>
      <Card size="small" className="kpi-card">
        <MoneyStatistic title={k("baseSalary")} value={totals.baseSalary} valueStyle={big} />
        <div className="kpi-foot">
          {k("deduction")} <span className="num negative">−{formatMoney(totals.deduction)}</span>
        </div>
      </Card>
      <Card size="small" className="kpi-card">
        <MoneyStatistic title={k("commission")} value={totals.commission} valueStyle={big} />
        <div className="kpi-foot">
          {k("managementCommission")} <span className="num">{formatMoney(totals.managementCommission)}</span>
        </div>
      </Card>
      <Card size="small" className="kpi-card kpi-card-total">
        <MoneyStatistic
          title={k("total")}
          value={totals.total}
          valueStyle={{ ...big, color: "#1668dc", fontWeight: 700 }}
        />
      </Card>
    </div>
  );
}

function VersionsTable({ run, onShow }: { run: RunDetail; onShow: (version: number) => void }) {
  const { t } = useTranslation();
  const c = (key: string) => t(`payroll.run.versionColumns.${key}`);
  return (
    <Table
      rowKey="version"
      size="small"
      pagination={false}
      dataSource={[...run.versions].reverse()}
      data-testid="run-versions"
      rowClassName={(row) => (row.version === run.version ? "clickable-row selected-row" : "clickable-row")}
      onRow={(row) => ({ onClick: () => onShow(row.version) })}
      columns={[
        {
          title: c("version"),
          dataIndex: "version",
          width: 120,
          render: (v: number) => (
            <>
              {t("payroll.run.versionShort", { version: v })}
              {v === run.currentVersion ? (
                <Tag color="blue" style={{ marginInlineStart: 6 }}>
                  {t("payroll.run.current")}
                </Tag>
              ) : null}
            </>
          ),
        },
        {
          title: c("reason"),
          dataIndex: "reason",
          render: (v: string | null) => v ?? t("payroll.run.firstComputation"),
        },
        { title: c("by"), dataIndex: "computedByName", width: 110 },
        {
          title: c("at"),
          dataIndex: "computedAt",
          width: 150,
          render: (v: string) => <span className="num">{formatDateTime(v)}</span>,
        },
        { title: c("headcount"), dataIndex: "headcount", width: 80, align: "right" },
        {
          title: c("total"),
          dataIndex: "total",
          width: 140,
          align: "right",
          render: (v: string) => <Money value={v} />,
        },
      ]}
    />
  );
}

function RunTimeline({ run }: { run: RunDetail }) {
  const { t } = useTranslation();
  if (!run.timeline.length) return <Empty />;
  return (
    <Timeline
      items={run.timeline.map((e) => {
        const after = (e.after ?? {}) as Record<string, unknown>;
        const detail = [after.comment, after.reason, after.answer].find((v) => typeof v === "string") as
          | string
          | undefined;
        return {
          key: e.id,
          color: e.action.includes("return") || e.action.includes("rejected") ? "red" : "blue",
          content: (
            <div>
              <div className="timeline-head">
                <span className="num muted timeline-time">{formatDateTime(e.at)}</span>
                <Tag className="timeline-action">
                  {t(`payroll.timelineActions.${e.action.replace(/\./g, "_")}`, { defaultValue: e.action })}
                </Tag>
                <span className="timeline-actor">{e.actorName ?? "—"}</span>
                {typeof after.total === "string" ? (
                  <span className="num muted">{formatMoney(after.total)}</span>
                ) : null}
              </div>
              {detail ? <div className="timeline-comment">{detail}</div> : null}
            </div>
          ),
        };
      })}
    />
  );
}
