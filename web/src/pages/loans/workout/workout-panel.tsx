import { Alert, App, Button, Card, Popconfirm, Space, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../api/auth.ts";
import { errorMessage } from "../../../api/client.ts";
import type { LoanDetail } from "../../../api/servicing.ts";
import {
  type Restructuring,
  useRestructurings,
  useWriteOff,
  withdrawRestructuring,
} from "../../../api/workout.ts";
import { formatDateTime, formatRate } from "../../../format.ts";
import { ClassificationTag } from "../servicing-tags.tsx";
import { RestructuringDetailModal } from "./restructuring-detail-modal.tsx";
import { useRefresh } from "./use-refresh.ts";
import { DecisionTag, RestructuringStatusTag } from "./workout-tags.tsx";
import { PartialWriteOffs, WriteOffMemo } from "./write-off-memo.tsx";
import "./workout.css";

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
  const memo = writeOff.data?.current ?? null;
  const partials = history.filter((w) => w.scope === "partial" && w.status === "approved");
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
      {partials.length ? <PartialWriteOffs items={partials} /> : null}
      {memo ? (
        <WriteOffMemo
          loan={loan}
          memo={memo}
          recoveries={writeOff.data?.recoveries ?? []}
          onChanged={onChanged}
        />
      ) : null}
      <RestructuringDetailModal loanId={loan.id} id={viewing} onClose={() => setViewing(null)} />
    </Card>
  );
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
                {r.penaltyRate
                  ? ` · ${t("workout.approvals.penaltyRate", {
                      from: formatRate(r.penaltyRate.from),
                      to: formatRate(r.penaltyRate.to),
                    })}`
                  : ""}
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
