import { ArrowLeftOutlined, DollarOutlined, FilePdfOutlined, FileSearchOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  Result,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import {
  approveReversal,
  type LoanDetail,
  type LoanTransaction,
  proposeReversal,
  type Reversal,
  receiptUrl,
  rejectReversal,
  useLoan,
} from "../../api/servicing.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDateTime, formatMoney, formatPercent, formatRate } from "../../format.ts";
import { LoanCollectionHistoryTab } from "../collections/loan-collection-history.tsx";
import { LoanScheduleTable, PaidDueChart } from "./loan-schedule.tsx";
import { MoneyStatistic, money } from "./money.tsx";
import { RepaymentDrawer } from "./repayment-drawer.tsx";
import { BucketTag, ClassificationTag, LoanStatusTag } from "./servicing-tags.tsx";
import "./servicing.css";
import { PostingsTable } from "./loan-postings-table.tsx";
import { PayoffModal } from "./payoff-modal.tsx";
import { LoanWorkoutActions } from "./workout/workout-actions.tsx";
import { LoanWorkoutPanel } from "./workout/workout-panel.tsx";

export function LoanDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const loan = useLoan(id);
  useDocumentTitle(
    loan.data ? `${loan.data.loanNo} · ${t("servicing.detail.title")}` : t("servicing.detail.title"),
  );
  if (loan.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (loan.isError || !loan.data)
    return (
      <Result
        status="404"
        title={loan.error ? errorMessage(loan.error) : t("servicing.detail.notFound")}
        extra={
          <Link to="/loans">
            <Button>{t("servicing.detail.back")}</Button>
          </Link>
        }
      />
    );
  return <LoanDetailView loan={loan.data} />;
}

function LoanDetailView({ loan }: { loan: LoanDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const canPost = hasPermission(me, "repayments.post");
  const canApprove = hasPermission(me, "repayments.approve");
  const [repaying, setRepaying] = useState<{ amount?: string } | null>(null);
  const [payoffOpen, setPayoffOpen] = useState(false);
  const [tab, setTab] = useState("transactions");
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ["loan", loan.id] });
    void queryClient.invalidateQueries({ queryKey: ["loans"] });
    // A reversal decided here may undo a recovery counted in the write-off memo.
    void queryClient.invalidateQueries({ queryKey: ["workout"] });
  };
  const active = loan.status === "active";
  const pending = loan.reversals.filter((r) => r.status === "pending");

  const propose = (tx: LoanTransaction) => {
    let reason = "";
    modal.confirm({
      title: `${t("servicing.detail.proposeReversal")} · ${formatMoney(tx.amount)} · ${tx.date}`,
      content: (
        <Input.TextArea
          rows={3}
          maxLength={500}
          aria-label={t("servicing.detail.reversalReason")}
          placeholder={t("servicing.detail.reversalReason")}
          onChange={(e) => {
            reason = e.target.value;
          }}
        />
      ),
      okText: t("servicing.detail.proposeReversal"),
      onOk: async () => {
        if (reason.trim().length < 2) {
          message.error(t("servicing.detail.reversalReasonRequired"));
          throw new Error("reason");
        }
        try {
          await proposeReversal(loan.id, tx.id, reason.trim());
          message.success(t("servicing.detail.reversalProposed"));
          refresh();
        } catch (error) {
          message.error(errorMessage(error));
          throw error;
        }
      },
    });
  };

  const decide = async (reversal: Reversal, approve: boolean) => {
    try {
      if (approve) await approveReversal(loan.id, reversal.transactionId);
      else await rejectReversal(loan.id, reversal.transactionId);
      message.success(t(approve ? "servicing.detail.reversalApproved" : "servicing.detail.reversalRejected"));
      refresh();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const d = (key: string) => t(`servicing.detail.${key}`);
  const tx = (key: string) => t(`servicing.detail.txColumns.${key}`);

  return (
    <div data-testid="loan-detail-page">
      <Link to="/loans" className="back-link">
        <ArrowLeftOutlined /> {d("back")}
      </Link>
      <PageHeader
        title={
          <span className="title-with-tags">
            <span className="mono-title">{loan.loanNo}</span>
            <span>{loan.customer.name ?? "—"}</span>
            <LoanStatusTag value={loan.status} />
            <ClassificationTag value={loan.classification} />
            <BucketTag value={loan.bucket} />
          </span>
        }
        subtitle={`${d("businessDate")} ${loan.businessDate}${loan.product ? ` · ${loan.product.name}` : ""}`}
        extra={
          <>
            <LoanWorkoutActions loan={loan} onChanged={refresh} />
            <Button icon={<FileSearchOutlined />} onClick={() => setPayoffOpen(true)} disabled={!active}>
              {d("payoff")}
            </Button>
            {canApprove && pending.length ? (
              <Button danger onClick={() => setTab("reversals")}>
                {d("approveReversal")} ({pending.length})
              </Button>
            ) : null}
            {canPost ? (
              <Button
                type="primary"
                icon={<DollarOutlined />}
                disabled={!active}
                onClick={() => setRepaying({})}
                data-testid="post-repayment"
              >
                {d("repay")}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small" className="section-gap">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: "principal", label: d("principal"), children: money(loan.principal) },
            { key: "rate", label: d("rate"), children: formatRate(loan.rate) },
            { key: "apr", label: d("apr"), children: formatPercent(loan.apr) },
            { key: "penaltyRate", label: d("penaltyRate"), children: formatRate(loan.penaltyRate) },
            { key: "method", label: d("method"), children: t(`calculator.methods.${loan.method}`) },
            {
              key: "term",
              label: d("term"),
              children: t("servicing.detail.termValue", { count: loan.termMonths }),
            },
            { key: "start", label: d("startDate"), children: loan.startDate },
            { key: "maturity", label: d("maturityDate"), children: loan.maturityDate },
            { key: "officer", label: d("officer"), children: loan.officer?.name ?? "—" },
            { key: "product", label: d("product"), children: loan.product?.name ?? "—" },
            { key: "lastClosed", label: d("lastClosed"), children: loan.lastClosedDate ?? "—" },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]} className="section-gap" data-testid="loan-kpis">
        <Col xs={12} lg={5}>
          <Card size="small">
            <MoneyStatistic title={d("kpi.principal")} value={loan.balances.principal} />
          </Card>
        </Col>
        <Col xs={12} lg={5}>
          <Card size="small">
            <MoneyStatistic title={d("kpi.interest")} value={loan.balances.interest} />
            <div className="muted kpi-foot">
              {t("servicing.detail.kpi.fees", { amount: formatMoney(loan.balances.fees) })}
            </div>
          </Card>
        </Col>
        <Col xs={12} lg={5}>
          <Card size="small">
            <MoneyStatistic
              title={d("kpi.penalty")}
              value={loan.balances.penalty}
              valueStyle={Number(loan.balances.penalty) > 0 ? { color: "#cf1322" } : undefined}
            />
            <div className="muted kpi-foot">
              {t("servicing.detail.kpi.provision", { amount: formatMoney(loan.balances.provision) })}
            </div>
          </Card>
        </Col>
        <Col xs={12} lg={4}>
          <Card size="small">
            <MoneyStatistic title={d("kpi.credit")} value={loan.balances.credit} />
          </Card>
        </Col>
        <Col xs={24} lg={5}>
          <Card size="small">
            <Statistic
              title={d("kpi.dpd")}
              value={loan.dpd}
              suffix={<BucketTag value={loan.bucket} />}
              valueStyle={
                loan.dpd > 0 ? { color: "#cf1322", fontSize: 22 } : { color: "#389e0d", fontSize: 22 }
              }
            />
            <div className="muted kpi-foot">
              {t("servicing.detail.kpi.overdue", { amount: formatMoney(loan.balances.overdue) })}
            </div>
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        className="section-gap"
        title={d("schedule")}
        extra={<span className="muted">{d("scheduleHint")}</span>}
      >
        <LoanScheduleTable rows={loan.schedule} />
      </Card>
      <LoanWorkoutPanel loan={loan} onChanged={refresh} />
      <Card size="small" className="section-gap">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: "transactions",
              label: `${d("tabs.transactions")} (${loan.transactions.length})`,
              children: (
                <Table<LoanTransaction>
                  rowKey="id"
                  size="small"
                  dataSource={[...loan.transactions].reverse()}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  scroll={{ x: 1000 }}
                  data-testid="loan-transactions"
                  locale={{ emptyText: <Empty description={d("noTransactions")} /> }}
                  columns={[
                    {
                      title: tx("date"),
                      dataIndex: "date",
                      width: 104,
                      render: (v: string) => <span className="num">{v}</span>,
                    },
                    {
                      title: tx("kind"),
                      dataIndex: "kind",
                      width: 150,
                      render: (v: LoanTransaction["kind"], row) => (
                        <Space size={4} wrap>
                          <Tag color={v === "reversal" ? "red" : v === "refund" ? "purple" : "blue"}>
                            {t(`servicing.txKind.${v}`)}
                          </Tag>
                          {row.settlement ? <Tag color="green">{d("settlement")}</Tag> : null}
                          {row.reversedBy ? <Tag>{d("reversed")}</Tag> : null}
                        </Space>
                      ),
                    },
                    {
                      title: tx("amount"),
                      dataIndex: "amount",
                      align: "right",
                      width: 130,
                      render: (v: string) => <strong>{money(v)}</strong>,
                    },
                    {
                      title: tx("channel"),
                      dataIndex: "channel",
                      width: 100,
                      render: (v: string | null) => (v ? t(`servicing.channel.${v}`) : "—"),
                    },
                    {
                      title: tx("reference"),
                      dataIndex: "reference",
                      width: 120,
                      render: (v: string | null) => v ?? "—",
                    },
                    {
                      title: tx("split"),
                      key: "split",
                      render: (_, row) => (
                        <span className="num muted">
                          {[row.principal, row.interest, row.fee, row.penalty, row.credit]
                            .map(formatMoney)
                            .join(" / ")}
                        </span>
                      ),
                    },
                    {
                      title: tx("actions"),
                      key: "actions",
                      width: 190,
                      fixed: "right",
                      render: (_, row) => {
                        const pendingHere = pending.some((r) => r.transactionId === row.id);
                        return (
                          <Space size={4} wrap>
                            {row.kind === "repayment" ||
                            row.kind === "prepayment" ||
                            row.kind === "recovery" ? (
                              <a href={receiptUrl(loan.id, row.id)} target="_blank" rel="noreferrer">
                                <FilePdfOutlined /> {d("receipt")}
                              </a>
                            ) : null}
                            {pendingHere ? <Tag color="gold">{d("pendingReversal")}</Tag> : null}
                            {canPost &&
                            !row.reversedBy &&
                            !pendingHere &&
                            // A recovery after write-off is reversed the same way (recovery-reversal.ts).
                            (row.kind === "recovery" ||
                              (row.kind === "repayment" &&
                                loan.status !== "written-off" &&
                                // A payment on a schedule a restructuring replaced cannot be reversed.
                                !(loan.restructuredOn && row.date <= loan.restructuredOn))) ? (
                              <Button size="small" type="link" danger onClick={() => propose(row)}>
                                {d("proposeReversal")}
                              </Button>
                            ) : null}
                          </Space>
                        );
                      },
                    },
                  ]}
                />
              ),
            },
            {
              key: "reversals",
              label: `${d("tabs.reversals")} (${loan.reversals.length})`,
              children: (
                <Table<Reversal>
                  rowKey="id"
                  size="small"
                  dataSource={loan.reversals}
                  pagination={false}
                  locale={{ emptyText: <Empty description={d("noReversals")} /> }}
                  columns={[
                    {
                      title: tx("date"),
                      dataIndex: "proposedAt",
                      width: 150,
                      render: (v: string) => formatDateTime(v),
                    },
                    {
                      title: tx("amount"),
                      key: "amount",
                      width: 130,
                      align: "right",
                      render: (_, r) =>
                        money(loan.transactions.find((x) => x.id === r.transactionId)?.amount ?? ""),
                    },
                    {
                      title: d("reversalOf"),
                      key: "of",
                      width: 120,
                      render: (_, r) => {
                        const kind = loan.transactions.find((x) => x.id === r.transactionId)?.kind;
                        return kind ? <Tag>{t(`servicing.txKind.${kind}`)}</Tag> : "—";
                      },
                    },
                    { title: d("reversalReason"), dataIndex: "reason" },
                    {
                      title: tx("kind"),
                      dataIndex: "status",
                      width: 110,
                      render: (v: Reversal["status"]) => (
                        <Tag color={v === "pending" ? "gold" : v === "approved" ? "green" : "red"}>
                          {t(`servicing.reversalStatus.${v}`)}
                        </Tag>
                      ),
                    },
                    {
                      title: tx("actions"),
                      key: "actions",
                      width: 200,
                      render: (_, r) =>
                        canApprove && r.status === "pending" ? (
                          <Space>
                            <Button size="small" type="primary" danger onClick={() => void decide(r, true)}>
                              {d("approveReversal")}
                            </Button>
                            <Button size="small" onClick={() => void decide(r, false)}>
                              {d("rejectReversal")}
                            </Button>
                          </Space>
                        ) : null,
                    },
                  ]}
                />
              ),
            },
            {
              key: "postings",
              label: `${d("tabs.postings")} (${loan.postings.length})`,
              children: <PostingsTable postings={loan.postings} />,
            },
            {
              key: "chart",
              label: d("tabs.chart"),
              children: <PaidDueChart rows={loan.schedule} />,
            },
            {
              key: "collections",
              label: t("collections.history.tab"),
              children: <LoanCollectionHistoryTab loanId={loan.id} />,
            },
          ]}
        />
      </Card>
      <RepaymentDrawer
        loan={loan}
        open={repaying !== null}
        initialAmount={repaying?.amount}
        onClose={() => setRepaying(null)}
        onPosted={refresh}
      />
      <PayoffModal
        loan={loan}
        open={payoffOpen}
        onClose={() => setPayoffOpen(false)}
        onPay={
          canPost
            ? (amount) => {
                setPayoffOpen(false);
                setRepaying({ amount });
              }
            : undefined
        }
      />
    </div>
  );
}
