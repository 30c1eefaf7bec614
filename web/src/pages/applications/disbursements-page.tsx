import { BankOutlined, FilePdfOutlined } from "@ant-design/icons";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Col, Drawer, Empty, Row, Statistic, Table, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import {
  type ApplicationDetail,
  type ApplicationSummary,
  downloadContract,
  fetchApplication,
  useApplications,
  useOriginationSettings,
} from "../../api/applications.ts";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import {
  fenToAmount,
  formatDate,
  formatDateTime,
  formatMoney,
  formatMoneyLong,
  formatPercent,
  formatRate,
  formatWan,
  todayInChina,
  toFen,
} from "../../format.ts";
import { isOriginator } from "./acting.ts";
import { DisbursementForm } from "./disbursement-form.tsx";
import { StageAge } from "./status.tsx";
import "../business.css";

const approvedAmount = (a: ApplicationDetail) => a.decision?.approvedAmount ?? a.riskPlan?.amount ?? a.amount;

/** 放款 (finance): approved applications with their approved terms, a payout form each, and recent payouts. */
export function DisbursementsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  useDocumentTitle(t("applications.disbursement.title"));
  const me = useMe().data;
  const settings = useOriginationSettings(hasPermission(me, "settings.read"));
  const [paying, setPaying] = useState<ApplicationDetail | null>(null);
  const approved = useApplications({ status: ["approved"], page: 1, pageSize: 100 });
  const recent = useApplications({ status: ["disbursed"], page: 1, pageSize: 10 });
  const details = useQueries({
    queries: (approved.data?.items ?? []).map((a) => ({
      queryKey: ["applications", "detail", a.id],
      queryFn: () => fetchApplication(a.id),
    })),
  });
  const rows = details.map((d) => d.data).filter((d): d is ApplicationDetail => Boolean(d));
  const totalFen = rows.reduce((sum, a) => sum + (toFen(approvedAmount(a)) ?? 0n), 0n);
  const today = todayInChina();
  const paidToday = (recent.data?.items ?? []).filter((a) => formatDate(a.statusChangedAt) === today);

  const contract = async (app: { id: string; appNo: string }) => {
    try {
      await downloadContract(app);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <div data-testid="disbursements-page">
      <PageHeader
        title={t("applications.disbursement.title")}
        subtitle={t("applications.disbursement.subtitle")}
      />
      <Row gutter={[16, 16]} className="section-gap">
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic
              title={t("applications.disbursement.kpiCount")}
              value={approved.data?.total ?? 0}
              suffix={t("applications.disbursement.unit")}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic
              title={t("applications.disbursement.kpiAmount")}
              value={formatMoney(fenToAmount(totalFen))}
            />
            <div className="muted small">{formatWan(fenToAmount(totalFen))}</div>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic
              title={t("applications.disbursement.kpiToday")}
              value={paidToday.length}
              suffix={t("applications.disbursement.unit")}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t("applications.disbursement.queue")} className="section-gap">
        <Table<ApplicationDetail>
          rowKey="id"
          size="middle"
          loading={approved.isFetching || details.some((d) => d.isPending)}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1150 }}
          locale={{
            emptyText: approved.isError ? (
              <Empty description={t("common.loadFailed", { message: errorMessage(approved.error) })} />
            ) : (
              <Empty description={t("applications.disbursement.empty")}>
                <div className="muted">{t("applications.disbursement.emptyHint")}</div>
              </Empty>
            ),
          }}
          columns={[
            {
              title: t("applications.columns.customer"),
              key: "customer",
              width: 210,
              render: (_: unknown, a) => (
                <div>
                  <Link to={`/applications/${a.id}`} className="strong-link">
                    {a.customerName}
                  </Link>
                  <div className="muted small mono-text">{a.appNo}</div>
                </div>
              ),
            },
            {
              title: t("applications.disbursement.approvedAmount"),
              key: "amount",
              align: "right",
              width: 190,
              render: (_: unknown, a) => (
                <strong className="num">{formatMoneyLong(approvedAmount(a))}</strong>
              ),
            },
            {
              title: t("applications.disbursement.terms"),
              key: "terms",
              width: 220,
              render: (_: unknown, a) =>
                a.riskPlan ? (
                  <div>
                    <span className="num">
                      {formatRate(a.decision?.approvedRate ?? a.riskPlan.annualRate)}
                    </span>{" "}
                    · {t("applications.months", { count: a.riskPlan.termMonths })} ·{" "}
                    {t(`calculator.methods.${a.riskPlan.method}`)}
                    <div className="muted small">
                      {t(`products.guarantees.${a.riskPlan.guarantee}`)} · {a.productName}
                    </div>
                  </div>
                ) : (
                  "—"
                ),
            },
            {
              title: "APR",
              key: "apr",
              align: "right",
              width: 90,
              render: (_: unknown, a) => (
                <strong className="num apr-inline">{formatPercent(a.riskPlan?.apr)}</strong>
              ),
            },
            {
              title: t("applications.disbursement.approvedAt"),
              key: "approvedAt",
              width: 150,
              render: (_: unknown, a) => (
                <div>
                  <span className="num">{formatDateTime(a.decision?.decidedAt)}</span>
                  <div>
                    <StageAge status={a.status} since={a.statusChangedAt} settings={settings} />
                  </div>
                </div>
              ),
            },
            {
              title: t("applications.disbursement.conditions"),
              key: "conditions",
              render: (_: unknown, a) => {
                const list = [a.riskPlan?.conditions, ...(a.decision?.conditions ?? [])].filter(Boolean);
                return list.length ? list.join("；") : <span className="muted">—</span>;
              },
            },
            {
              title: t("common.actions"),
              key: "actions",
              fixed: "right",
              width: 110,
              render: (_: unknown, a) =>
                isOriginator(me, a) ? (
                  <Tooltip title={t("applications.disbursement.ownApplication")}>
                    <Button disabled icon={<BankOutlined />}>
                      {t("applications.disbursement.pay")}
                    </Button>
                  </Tooltip>
                ) : (
                  <Button
                    type="primary"
                    icon={<BankOutlined />}
                    onClick={() => setPaying(a)}
                    data-testid="pay"
                  >
                    {t("applications.disbursement.pay")}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card title={t("applications.disbursement.recent")}>
        <Table<ApplicationSummary>
          rowKey="id"
          size="small"
          loading={recent.isFetching}
          dataSource={recent.data?.items ?? []}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t("applications.disbursement.noRecent")}
              />
            ),
          }}
          columns={[
            {
              title: t("applications.columns.customer"),
              dataIndex: "customerName",
              render: (v: string, a) => (
                <div>
                  <Link to={`/applications/${a.id}`}>{v}</Link>
                  <div className="muted small mono-text">{a.appNo}</div>
                </div>
              ),
            },
            { title: t("applications.columns.product"), dataIndex: "productName" },
            {
              title: t("applications.columns.amount"),
              dataIndex: "amount",
              align: "right",
              render: (v: string) => <span className="num">{formatMoneyLong(v)}</span>,
            },
            {
              title: t("applications.disbursement.disbursedAt"),
              dataIndex: "statusChangedAt",
              render: (v: string) => <span className="num">{formatDateTime(v)}</span>,
            },
            {
              title: t("applications.disbursement.contractColumn"),
              key: "contract",
              render: (_: unknown, a) => (
                <Button type="link" size="small" icon={<FilePdfOutlined />} onClick={() => void contract(a)}>
                  {t("applications.disbursement.contractShort")}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Drawer
        open={paying !== null}
        onClose={() => {
          setPaying(null);
          void queryClient.invalidateQueries({ queryKey: ["applications"] });
        }}
        size={600}
        destroyOnHidden
        title={
          paying
            ? t("applications.disbursement.drawerTitle", {
                customer: paying.customerName,
                appNo: paying.appNo,
              })
            : ""
        }
        data-testid="disbursement-drawer"
      >
        {paying ? <DisbursementForm app={paying} /> : null}
      </Drawer>
    </div>
  );
}
