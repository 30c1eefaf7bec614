import { CalculatorOutlined, ExperimentOutlined, WarningOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Badge, Button, Card, DatePicker, Empty, Popconfirm, Select, Space, Table, Tag } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import {
  createPayrollRun,
  RUN_STATUSES,
  type RunStatus,
  type RunSummary,
  usePayPlans,
  usePayrollRuns,
} from "../../api/payroll.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDateTime } from "../../format.ts";
import { Money } from "../loans/money.tsx";
import "../business.css";
import { RunStatusTag } from "./payroll-parts.tsx";
import "./payroll.css";

/** 工资核算: one run per month with its status; HR computes a month, which opens it. */
export function PayrollRunsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useDocumentTitle(t("payroll.runs.title"));
  const me = useMe().data;
  const canPrepare = hasPermission(me, "payroll.prepare");
  const runs = usePayrollRuns();
  // With several plans a run names the one it uses.
  const plans = usePayPlans();
  const [planId, setPlanId] = useState<string | undefined>();
  const planList = plans.data?.items ?? [];
  const planChoice = planList.length > 1 ? (planId ?? planList[0]?.id) : undefined;
  const [status, setStatus] = useState<RunStatus | undefined>();
  const [month, setMonth] = useState<Dayjs>(dayjs().startOf("month"));
  const [creating, setCreating] = useState(false);
  const items = (runs.data?.items ?? []).filter((r) => !status || r.status === status);
  const exists = runs.data?.items.some((r) => r.month === month.format("YYYY-MM"));

  const create = async () => {
    setCreating(true);
    try {
      const run = await createPayrollRun(month.format("YYYY-MM"), planChoice);
      message.success(t("payroll.runs.created", { month: run.month, count: run.headcount }));
      void queryClient.invalidateQueries({ queryKey: ["payroll"] });
      navigate(`/payroll/${run.id}`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setCreating(false);
    }
  };

  const c = (key: string) => t(`payroll.runs.columns.${key}`);
  return (
    <div data-testid="payroll-runs-page">
      <PageHeader
        title={t("payroll.runs.title")}
        subtitle={t("payroll.runs.subtitle")}
        extra={
          <Space wrap>
            <Link to="/payroll/simulator">
              <Button icon={<ExperimentOutlined />}>{t("payroll.nav.simulator")}</Button>
            </Link>
            {canPrepare ? (
              <>
                <DatePicker
                  picker="month"
                  allowClear={false}
                  value={month}
                  onChange={(v) => v && setMonth(v)}
                  aria-label={t("payroll.runs.month")}
                  data-testid="run-month"
                />
                {planList.length > 1 ? (
                  <Select
                    value={planChoice}
                    onChange={setPlanId}
                    style={{ width: 220 }}
                    aria-label={t("payroll.runs.plan")}
                    options={planList.map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }))}
                  />
                ) : null}
                <Popconfirm
                  title={t("payroll.runs.createConfirm", { month: month.format("YYYY-MM") })}
                  description={<div style={{ maxWidth: 300 }}>{t("payroll.runs.createNote")}</div>}
                  onConfirm={create}
                  disabled={exists}
                >
                  <Button
                    type="primary"
                    icon={<CalculatorOutlined />}
                    loading={creating}
                    disabled={exists}
                    title={exists ? t("payroll.runs.exists") : undefined}
                    data-testid="create-run"
                  >
                    {t("payroll.runs.create")}
                  </Button>
                </Popconfirm>
              </>
            ) : null}
          </Space>
        }
      />
      <Card>
        <div className="filter-bar">
          <Select
            allowClear
            placeholder={t("payroll.runs.statusPlaceholder")}
            aria-label={c("status")}
            value={status}
            onChange={setStatus}
            options={RUN_STATUSES.map((s) => ({ value: s, label: t(`payroll.runStatus.${s}`) }))}
            style={{ width: 140 }}
          />
        </div>
        <Table<RunSummary>
          rowKey="id"
          size="middle"
          loading={runs.isFetching}
          dataSource={items}
          scroll={{ x: 940 }}
          data-testid="runs-table"
          rowClassName={() => "clickable-row"}
          onRow={(row) => ({ onClick: () => navigate(`/payroll/${row.id}`) })}
          pagination={{
            pageSize: 24,
            hideOnSinglePage: true,
            showTotal: (total) => t("common.total", { total }),
          }}
          locale={{
            emptyText: runs.isError ? (
              <Empty description={t("common.loadFailed", { message: errorMessage(runs.error) })} />
            ) : (
              <Empty description={t("payroll.runs.empty")}>
                <div className="muted">
                  {canPrepare ? t("payroll.runs.emptyHintPrepare") : t("payroll.runs.emptyHint")}
                </div>
              </Empty>
            ),
          }}
          columns={[
            {
              title: c("month"),
              dataIndex: "month",
              width: 100,
              render: (v: string, row) => (
                <Link
                  to={`/payroll/${row.id}`}
                  className="strong-link num"
                  onClick={(e) => e.stopPropagation()}
                >
                  {v}
                </Link>
              ),
            },
            {
              title: c("status"),
              dataIndex: "status",
              width: 110,
              render: (v: RunStatus) => <RunStatusTag status={v} />,
            },
            {
              title: c("version"),
              dataIndex: "version",
              width: 80,
              render: (v: number) => t("payroll.run.versionShort", { version: v }),
            },
            {
              title: c("plan"),
              dataIndex: "planCode",
              width: 110,
              render: (v: string) => <span className="mono">{v}</span>,
            },
            { title: c("headcount"), dataIndex: "headcount", width: 60, align: "right" },
            {
              title: c("total"),
              dataIndex: "total",
              width: 140,
              align: "right",
              render: (v: string) => <Money value={v} />,
            },
            {
              title: c("attention"),
              key: "attention",
              width: 150,
              render: (_, row) => (
                <span className="tag-list">
                  {row.openDisputes ? (
                    <Badge count={row.openDisputes} size="small">
                      <Tag color="gold">{t("payroll.runs.openDisputes")}</Tag>
                    </Badge>
                  ) : null}
                  {row.warnings ? (
                    <Tag color="gold" icon={<WarningOutlined />}>
                      {t("payroll.runs.warnings", { count: row.warnings })}
                    </Tag>
                  ) : null}
                  {!row.openDisputes && !row.warnings ? <span className="muted">—</span> : null}
                </span>
              ),
            },
            { title: c("preparedBy"), dataIndex: "preparedByName", width: 80 },
            {
              title: c("approvedBy"),
              key: "approved",
              width: 150,
              render: (_, row) => (
                <>
                  {row.approvedByName ?? "—"}
                  {row.lockedAt ? <div className="muted num">{formatDateTime(row.lockedAt)}</div> : null}
                </>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
