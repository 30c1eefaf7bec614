import { BranchesOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Result, Segmented, Spin, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import { type PayPlanSummary, type PlanVersion, usePayPlan, usePayPlans } from "../../api/payroll.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDateTime } from "../../format.ts";
import "../business.css";
import { WarningsAlert } from "./payroll-parts.tsx";
import "./payroll.css";
import { PlanCreateDrawer, PlanVersionDrawer } from "./plan-drawers.tsx";
import { PlanView } from "./plan-view.tsx";

/** 薪酬方案: every plan with its versions; a version is in force from its month until the next one. */
export function PayPlansPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("payroll.plans.title"));
  const me = useMe().data;
  const canPrepare = hasPermission(me, "payroll.prepare");
  const plans = usePayPlans();
  const [creating, setCreating] = useState(false);
  return (
    <div data-testid="pay-plans-page">
      <PageHeader
        title={t("payroll.plans.title")}
        subtitle={t("payroll.plans.subtitle")}
        extra={
          canPrepare ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t("payroll.plans.create")}
            </Button>
          ) : null
        }
      />
      {plans.isPending ? (
        <Spin />
      ) : plans.isError ? (
        <Result status="warning" title={t("common.loadFailed", { message: errorMessage(plans.error) })} />
      ) : plans.data.items.length === 0 ? (
        <Card>
          <Empty description={t("payroll.plans.empty")}>
            <div className="muted">
              {canPrepare ? t("payroll.plans.emptyHintPrepare") : t("payroll.plans.emptyHint")}
            </div>
          </Empty>
        </Card>
      ) : (
        plans.data.items.map((plan) => <PlanCard key={plan.id} summary={plan} canPrepare={canPrepare} />)
      )}
      <PlanCreateDrawer open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

function PlanCard({ summary, canPrepare }: { summary: PayPlanSummary; canPrepare: boolean }) {
  const { t } = useTranslation();
  const detail = usePayPlan(summary.id);
  const versions = detail.data?.versions ?? [];
  const [chosen, setChosen] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const shown = versions.find((v) => v.version === chosen) ?? versions[0] ?? summary.latest;
  const latest = versions[0];
  return (
    <Card
      className="section-gap"
      data-testid="plan-card"
      title={
        <span className="title-with-tags">
          {summary.name} <span className="mono muted">{summary.code}</span>
          <Tag>{t("payroll.plans.versionCount", { count: summary.versions })}</Tag>
        </span>
      }
      extra={
        canPrepare && latest && detail.data ? (
          <Button icon={<BranchesOutlined />} onClick={() => setAdding(true)} data-testid="new-plan-version">
            {t("payroll.plans.newVersion")}
          </Button>
        ) : null
      }
    >
      {versions.length > 1 ? (
        <Segmented
          className="section-gap"
          value={shown?.version}
          onChange={(v) => setChosen(Number(v))}
          options={versions.map((v) => ({
            value: v.version,
            label: `${v.label} · ${t("payroll.plans.from", { month: v.effectiveMonth })}`,
          }))}
        />
      ) : null}
      {shown ? <VersionBody version={shown} /> : <Spin />}
      {versions.length ? (
        <>
          <Typography.Title level={5} className="section-gap-top">
            {t("payroll.plans.history")}
          </Typography.Title>
          <Table<PlanVersion>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={versions}
            columns={[
              {
                title: t("payroll.plans.version"),
                dataIndex: "label",
                width: 160,
                render: (v) => <span className="mono">{v}</span>,
              },
              { title: t("payroll.plans.effectiveMonth"), dataIndex: "effectiveMonth", width: 110 },
              { title: t("payroll.plans.note"), dataIndex: "note", render: (v: string | null) => v ?? "—" },
              { title: t("payroll.plans.createdBy"), dataIndex: "createdByName", width: 110 },
              {
                title: t("payroll.plans.createdAt"),
                dataIndex: "createdAt",
                width: 150,
                render: (v: string) => <span className="num">{formatDateTime(v)}</span>,
              },
              {
                title: t("payroll.plans.warnings"),
                dataIndex: "warnings",
                width: 110,
                render: (w: PlanVersion["warnings"]) =>
                  w.length ? (
                    <Tag color="gold">{t("payroll.plans.warningCount", { count: w.length })}</Tag>
                  ) : (
                    "—"
                  ),
              },
            ]}
          />
        </>
      ) : null}
      {adding && detail.data && latest ? (
        <PlanVersionDrawer plan={detail.data} latest={latest} onClose={() => setAdding(false)} />
      ) : null}
    </Card>
  );
}

function VersionBody({ version }: { version: PlanVersion }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="muted section-gap">
        {t("payroll.plans.versionMeta", {
          label: version.label,
          month: version.effectiveMonth,
          by: version.createdByName,
          at: formatDateTime(version.createdAt),
        })}
        {version.note ? ` · ${version.note}` : ""}
      </div>
      <WarningsAlert warnings={version.warnings} />
      <PlanView plan={version.plan} />
    </>
  );
}
