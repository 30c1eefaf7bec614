import { Alert, App, Button, Col, Descriptions, Popconfirm, Progress, Row, Space, Table } from "antd";
import { useTranslation } from "react-i18next";
import { useMe } from "../../../api/auth.ts";
import { errorMessage } from "../../../api/client.ts";
import type { LoanDetail } from "../../../api/servicing.ts";
import { type Recovery, type WriteOff, withdrawWriteOff } from "../../../api/workout.ts";
import { fenToAmount, formatMoney, toFen } from "../../../format.ts";
import { money } from "../money.tsx";
import { RecoveriesTable } from "./recoveries-table.tsx";
import { useRefresh } from "./use-refresh.ts";
import { WriteOffScopeTag, WriteOffStatusTag } from "./workout-tags.tsx";

/** 部分核销: principal taken off the books while the loan stays active, one row per approval. */
export function PartialWriteOffs({ items }: { items: WriteOff[] }) {
  const { t } = useTranslation();
  const p = (key: string) => t(`workout.panel.${key}`);
  return (
    <Table<WriteOff>
      rowKey="id"
      size="small"
      className="section-gap"
      dataSource={items}
      pagination={false}
      title={() => (
        <Space>
          <strong>{p("partialWriteOffs")}</strong>
          <span className="muted">{p("partialWriteOffsHint")}</span>
        </Space>
      )}
      data-testid="partial-write-offs"
      columns={[
        { title: p("writtenOffOn"), dataIndex: "writtenOffOn", width: 110 },
        {
          title: t("workout.writeOff.scope"),
          key: "scope",
          width: 100,
          render: (_, r) => <WriteOffScopeTag value={r.scope} />,
        },
        { title: t("workout.writeOff.principal"), dataIndex: "principal", align: "right", render: money },
        { title: p("provisionShort"), dataIndex: "provisionUsed", align: "right", render: money },
        { title: p("expenseShort"), dataIndex: "expense", align: "right", render: money },
        { title: p("reason"), dataIndex: "reason", ellipsis: { showTitle: true } },
        { title: p("proposer"), key: "proposer", width: 90, render: (_, r) => r.proposedBy.name ?? "—" },
        { title: p("approvedBy"), key: "approver", width: 90, render: (_, r) => r.decidedBy?.name ?? "—" },
      ]}
    />
  );
}

export function WriteOffMemo({
  loan,
  memo,
  recoveries,
  onChanged,
}: {
  loan: LoanDetail;
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
      await withdrawWriteOff(loan.id);
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
            <WriteOffScopeTag value={memo.scope} />
            {memo.requestedPrincipal
              ? p("writeOffPendingPartial", {
                  name: memo.proposedBy.name,
                  dpd: memo.dpdAtProposal,
                  amount: formatMoney(memo.requestedPrincipal),
                })
              : p("writeOffPending", { name: memo.proposedBy.name, dpd: memo.dpdAtProposal })}
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
              {p("writeOffMemo")} <WriteOffStatusTag value={memo.status} />{" "}
              <WriteOffScopeTag value={memo.scope} />
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
        <RecoveriesTable loan={loan} recoveries={recoveries} onChanged={onChanged} />
      </Col>
    </Row>
  );
}
