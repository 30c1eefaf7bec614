import { Button, Empty, Popconfirm, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "../../api/auth.ts";
import { approveWriteOff, type PendingApprovals, rejectWriteOff } from "../../api/workout.ts";
import { formatDateTime, formatMoney, formatMoneyLong } from "../../format.ts";
import { WriteOffScopeTag } from "../loans/workout/workout-tags.tsx";
import { useDecide } from "./decide.tsx";
import { LoanCell } from "./loan-cell.tsx";

type Item = PendingApprovals["writeOffs"][number];

/** Write-offs waiting for someone with repayments.approve — never their proposer. */
export function WriteOffApprovals({ items }: { items: Item[] }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const decide = useDecide();
  const a = (key: string, params: Record<string, unknown> = {}) => t(`workout.approvals.${key}`, params);
  const w = (key: string) => t(`workout.writeOff.${key}`);
  const canDecide = hasPermission(me, "repayments.approve");
  return (
    <Table<Item>
      rowKey="id"
      size="small"
      dataSource={items}
      pagination={{
        pageSize: 20,
        hideOnSinglePage: true,
        showTotal: (total) => t("common.total", { total }),
      }}
      scroll={{ x: 1000 }}
      data-testid="write-off-approvals"
      locale={{ emptyText: <Empty description={a("emptyWriteOffs")}>{a("emptyHint")}</Empty> }}
      columns={[
        {
          title: a("columns.loan"),
          key: "loan",
          width: 190,
          render: (_, r) => <LoanCell loan={r.loan} loanId={r.loanId} />,
        },
        {
          title: a("columns.amount"),
          key: "amount",
          align: "right",
          width: 190,
          render: (_, r) => (
            <span className="num">
              <WriteOffScopeTag value={r.scope} />
              <strong>{formatMoneyLong(r.estimate.total)}</strong>
              <div className="muted workout-breakdown">
                <div>
                  {w("principal")} {formatMoney(r.estimate.principal)}
                </div>
                <div>
                  {w("interest")} {formatMoney(r.estimate.interest)}
                </div>
                <div>
                  {w("penalty")} {formatMoney(r.estimate.penalty)}
                </div>
              </div>
            </span>
          ),
        },
        {
          title: a("columns.provision"),
          key: "provision",
          align: "right",
          width: 150,
          render: (_, r) => (
            <span className="num">
              {formatMoney(r.estimate.provision)}
              <div className="muted workout-breakdown">
                {t("workout.panel.expenseShort")} {formatMoney(r.estimate.expense)}
              </div>
            </span>
          ),
        },
        { title: a("reason"), dataIndex: "reason", ellipsis: { showTitle: true } },
        {
          title: a("columns.proposer"),
          key: "proposer",
          width: 130,
          render: (_, r) => (
            <span>
              {r.proposedBy.name} {r.own ? <Tag color="blue">{a("yours")}</Tag> : null}
              <div className="muted">{formatDateTime(r.proposedAt)}</div>
            </span>
          ),
        },
        {
          title: t("common.actions"),
          key: "actions",
          width: 170,
          fixed: "right",
          render: (_, r) =>
            canDecide ? (
              <Space size={4}>
                <Popconfirm
                  title={a(r.scope === "partial" ? "confirmPartialWriteOff" : "confirmWriteOff")}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => decide.now(() => approveWriteOff(r.loanId))}
                >
                  <Button size="small" type="primary" danger data-testid="write-off-approve">
                    {a("approveWriteOff")}
                  </Button>
                </Popconfirm>
                <Button
                  size="small"
                  onClick={() =>
                    decide.withComment({
                      title: a("rejectWriteOff"),
                      okText: a("rejectWriteOff"),
                      required: false,
                      action: (comment) => rejectWriteOff(r.loanId, comment),
                    })
                  }
                >
                  {a("rejectWriteOff")}
                </Button>
              </Space>
            ) : (
              <span className="muted">{a("waiting")}</span>
            ),
        },
      ]}
    />
  );
}
