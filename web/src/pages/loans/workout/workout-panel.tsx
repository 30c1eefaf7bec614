import { FilePdfOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Popconfirm,
  Progress,
  Row,
  Space,
  Table,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../api/auth.ts";
import { errorMessage } from "../../../api/client.ts";
import { type LoanDetail, receiptUrl } from "../../../api/servicing.ts";
import {
  type Recovery,
  type Restructuring,
  useRestructurings,
  useWriteOff,
  type WriteOff,
  withdrawRestructuring,
  withdrawWriteOff,
} from "../../../api/workout.ts";
import { fenToAmount, formatDateTime, formatMoney, formatRate, toFen } from "../../../format.ts";
import { ClassificationTag } from "../servicing-tags.tsx";
import { RestructuringDetailModal } from "./restructuring-detail-modal.tsx";
import { DecisionTag, RestructuringStatusTag, WriteOffStatusTag } from "./workout-tags.tsx";
import "./workout.css";

const money = (value: string) => <span className="num">{formatMoney(value)}</span>;

/**
 * 展期/重组与核销 on the loan page: the restructurings with their co-signature and votes, and the
 * write-off memo (off balance) with what has been recovered. Hidden while the loan has neither.
 */
export function LoanWorkoutPanel({ loan, onChanged }: { loan: LoanDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const restructurings = useRestructurings(loan.id);
  const writeOff = useWriteOff(loan.id);
  const [viewing, setViewing] = useState<string | null>(null);
  const items = restructurings.data?.items ?? [];
  const history = writeOff.data?.history ?? [];
  if (items.length === 0 && history.length === 0) return null;
  const p = (key: string, params: Record<string, unknown> = {}) => t(`workout.panel.${key}`, params);
  const memo = history.find((w) => w.status === "approved" || w.status === "pending") ?? null;
  return (
    <Card size="small" className="section-gap" title={p("title")} data-testid="loan-workout-panel">
      {loan.restructuredOn ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={
            <span>
              {p("restructuredBanner", { date: loan.restructuredOn, version: loan.scheduleVersion })}{" "}
              {loan.classificationFloor && loan.classificationFloorUntil ? (
                <>
                  {p("floorBanner")} <ClassificationTag value={loan.classificationFloor} />
                  {p("floorUntil", { date: loan.classificationFloorUntil })}
                </>
              ) : null}
            </span>
          }
        />
      ) : null}
      {items.length ? (
        <RestructuringTable loanId={loan.id} items={items} onView={setViewing} onChanged={onChanged} />
      ) : null}
      {memo ? (
        <WriteOffMemo
          loanId={loan.id}
          memo={memo}
          recoveries={writeOff.data?.recoveries ?? []}
          onChanged={onChanged}
        />
      ) : null}
      <RestructuringDetailModal loanId={loan.id} id={viewing} onClose={() => setViewing(null)} />
    </Card>
  );
}

function useRefresh(onChanged: () => void) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ["workout"] });
    onChanged();
  };
}

function RestructuringTable({
  loanId,
  items,
  onView,
  onChanged,
}: {
  loanId: string;
  items: Restructuring[];
  onView: (id: string) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const refresh = useRefresh(onChanged);
  const p = (key: string, params: Record<string, unknown> = {}) => t(`workout.panel.${key}`, params);
  const withdraw = async (id: string) => {
    try {
      await withdrawRestructuring(loanId, id);
      message.success(p("withdrawn"));
      refresh();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Table<Restructuring>
      rowKey="id"
      size="small"
      dataSource={items}
      pagination={false}
      scroll={{ x: 980 }}
      title={() => <strong>{p("restructurings")}</strong>}
      data-testid="restructuring-table"
      columns={[
        {
          title: p("proposedAt"),
          dataIndex: "proposedAt",
          width: 140,
          render: (v: string) => formatDateTime(v),
        },
        {
          title: p("status"),
          dataIndex: "status",
          width: 120,
          render: (v: Restructuring["status"]) => <RestructuringStatusTag value={v} />,
        },
        {
          title: p("terms"),
          key: "terms",
          render: (_, r) => (
            <span>
              {t("workout.approvals.plan", {
                term: r.termMonths,
                rate: formatRate(r.annualRate),
                method: t(`calculator.methods.${r.method}`),
              })}
              <div className="muted">
                {r.extensionMonths > 0
                  ? t("workout.approvals.extension", { months: r.extensionMonths })
                  : null}
                {r.capitaliseArrears ? ` · ${t("workout.approvals.capitalised")}` : ""}
              </div>
            </span>
          ),
        },
        { title: p("proposer"), key: "proposer", width: 100, render: (_, r) => r.proposedBy.name ?? "—" },
        { title: p("cosigner"), key: "cosigner", width: 100, render: (_, r) => r.cosignedBy?.name ?? "—" },
        {
          title: p("votes"),
          key: "votes",
          width: 200,
          render: (_, r) =>
            r.votes.length ? (
              <Space size={2} wrap>
                {r.votes.map((v) => (
                  <span key={v.voterId} className="workout-vote">
                    {t(`roles.${v.seat}`)} <DecisionTag value={v.decision} />
                  </span>
                ))}
              </Space>
            ) : (
              "—"
            ),
        },
        {
          title: t("common.actions"),
          key: "actions",
          width: 150,
          fixed: "right",
          render: (_, r) => (
            <Space size={4}>
              <Button size="small" type="link" onClick={() => onView(r.id)}>
                {p("viewPlan")}
              </Button>
              {(r.status === "pending-cosign" || r.status === "pending-committee") &&
              r.proposedBy.id === me?.user.id ? (
                <Popconfirm title={p("withdrawConfirm")} onConfirm={() => void withdraw(r.id)}>
                  <Button size="small" type="link" danger>
                    {p("withdraw")}
                  </Button>
                </Popconfirm>
              ) : null}
            </Space>
          ),
        },
      ]}
    />
  );
}

function WriteOffMemo({
  loanId,
  memo,
  recoveries,
  onChanged,
}: {
  loanId: string;
  memo: WriteOff;
  recoveries: Recovery[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const refresh = useRefresh(onChanged);
  const p = (key: string, params: Record<string, unknown> = {}) => t(`workout.panel.${key}`, params);
  const w = (key: string) => t(`workout.writeOff.${key}`);
  const total = toFen(memo.total) ?? 0n;
  const percent = total > 0n ? Number(((toFen(memo.recovered) ?? 0n) * 10_000n) / total) / 100 : 0;
  const withdraw = async () => {
    try {
      await withdrawWriteOff(loanId);
      message.success(p("withdrawn"));
      refresh();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  if (memo.status === "pending")
    return (
      <Alert
        className="section-gap"
        type="warning"
        showIcon
        data-testid="write-off-pending"
        message={
          <Space wrap>
            <WriteOffStatusTag value="pending" />
            {p("writeOffPending", { name: memo.proposedBy.name, dpd: memo.dpdAtProposal })}
            <span className="muted">{memo.reason}</span>
            {memo.proposedBy.id === me?.user.id ? (
              <Popconfirm title={p("withdrawConfirm")} onConfirm={() => void withdraw()}>
                <Button size="small" danger>
                  {p("withdraw")}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        }
      />
    );
  return (
    <Row gutter={[16, 12]} className="section-gap" data-testid="write-off-memo">
      <Col xs={24} lg={12}>
        <Descriptions
          size="small"
          bordered
          column={2}
          title={
            <Space>
              {p("writeOffMemo")} <WriteOffStatusTag value={memo.status} />
            </Space>
          }
          items={[
            { key: "on", label: p("writtenOffOn"), children: memo.writtenOffOn ?? "—" },
            { key: "by", label: p("approvedBy"), children: memo.decidedBy?.name ?? "—" },
            { key: "p", label: w("principal"), children: money(memo.principal) },
            { key: "i", label: w("interest"), children: money(memo.interest) },
            { key: "n", label: w("penalty"), children: money(memo.penalty) },
            { key: "f", label: w("fee"), children: money(memo.fee) },
            { key: "pv", label: p("provisionShort"), children: money(memo.provisionUsed) },
            { key: "e", label: p("expenseShort"), children: money(memo.expense) },
            {
              key: "t",
              label: <strong>{w("total")}</strong>,
              children: <strong>{money(memo.total)}</strong>,
            },
            {
              key: "x",
              label: p("remainingShort"),
              children: <strong>{money(memo.remaining)}</strong>,
            },
          ]}
        />
      </Col>
      <Col xs={24} lg={12}>
        <div className="workout-recovered">
          <span>
            {t("workout.recovery.recovered")} <strong className="num">{formatMoney(memo.recovered)}</strong> /{" "}
            {formatMoney(fenToAmount(total))}
          </span>
          <Progress percent={percent} size="small" status="active" format={(v) => `${v}%`} />
        </div>
        <Table<Recovery>
          rowKey="id"
          size="small"
          dataSource={recoveries}
          pagination={false}
          title={() => <strong>{p("recoveries")}</strong>}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={p("noRecoveries")} />,
          }}
          columns={[
            { title: t("workout.recovery.date"), dataIndex: "date", width: 104 },
            { title: t("workout.recovery.amount"), dataIndex: "amount", align: "right", render: money },
            {
              title: t("workout.recovery.channel"),
              dataIndex: "channel",
              render: (v: string | null) => (v ? t(`servicing.channel.${v}`) : "—"),
            },
            {
              title: t("workout.recovery.reference"),
              dataIndex: "reference",
              render: (v: string | null) => v ?? "—",
            },
            {
              title: "",
              key: "receipt",
              width: 90,
              render: (_, r) => (
                <a href={receiptUrl(loanId, r.id)} target="_blank" rel="noreferrer">
                  <FilePdfOutlined /> {t("workout.recovery.receipt")}
                </a>
              ),
            },
          ]}
        />
      </Col>
    </Row>
  );
}
