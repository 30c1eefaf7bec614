import { Button, Empty, Popconfirm, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "../../api/auth.ts";
import { cosignRestructuring, type PendingApprovals, voteOnRestructuring } from "../../api/workout.ts";
import { formatDateTime, formatMoney, formatMoneyLong, formatRate } from "../../format.ts";
import { RestructuringSummary, ScheduleCompare } from "../loans/workout/schedule-compare.tsx";
import { DecisionTag, RestructuringStatusTag } from "../loans/workout/workout-tags.tsx";
import { useDecide } from "./decide.tsx";
import { LoanCell } from "./loan-cell.tsx";

type Item = PendingApprovals["restructurings"][number];

/** Restructurings waiting for risk's co-signature or the committee's votes; each row opens to the schedules. */
export function RestructuringApprovals({
  items,
  committee,
}: {
  items: Item[];
  committee: PendingApprovals["committee"];
}) {
  const { t } = useTranslation();
  const me = useMe().data;
  const decide = useDecide();
  const a = (key: string, params: Record<string, unknown> = {}) => t(`workout.approvals.${key}`, params);
  const canCosign = hasPermission(me, "collections.work");
  const canVote = hasPermission(me, "applications.vote");

  const actions = (r: Item) => {
    if (r.status === "pending-cosign" && canCosign)
      return (
        <Space size={4}>
          <Popconfirm
            title={a("confirmCosign")}
            onConfirm={() => decide.now(() => cosignRestructuring(r.loanId, r.id, { decision: "approve" }))}
          >
            <Button size="small" type="primary" data-testid="cosign-approve">
              {a("cosign")}
            </Button>
          </Popconfirm>
          <Button
            size="small"
            danger
            onClick={() =>
              decide.withComment({
                title: a("cosignReject"),
                okText: a("cosignReject"),
                required: true,
                danger: true,
                action: (comment) => cosignRestructuring(r.loanId, r.id, { decision: "reject", comment }),
              })
            }
          >
            {a("cosignReject")}
          </Button>
        </Space>
      );
    if (r.status === "pending-committee" && canVote)
      return (
        <Space size={4}>
          <Popconfirm
            title={a("confirmApprove")}
            onConfirm={() => decide.now(() => voteOnRestructuring(r.loanId, r.id, { decision: "approve" }))}
          >
            <Button size="small" type="primary" data-testid="vote-approve">
              {a("approve")}
            </Button>
          </Popconfirm>
          <Button
            size="small"
            danger
            onClick={() =>
              decide.withComment({
                title: a("reject"),
                okText: a("reject"),
                required: true,
                danger: true,
                action: (comment) => voteOnRestructuring(r.loanId, r.id, { decision: "reject", comment }),
              })
            }
          >
            {a("reject")}
          </Button>
        </Space>
      );
    return <span className="muted">{a("waiting")}</span>;
  };

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
      scroll={{ x: 1010 }}
      data-testid="restructuring-approvals"
      locale={{ emptyText: <Empty description={a("empty")}>{a("emptyHint")}</Empty> }}
      expandable={{
        expandedRowRender: (r) => (
          <div className="approval-expanded">
            <p>
              <strong>{a("reason")}:</strong> {r.reason}
            </p>
            <RestructuringSummary preview={r.proposal} />
            <div className="section-gap" />
            <ScheduleCompare preview={r.proposal} />
          </div>
        ),
      }}
      columns={[
        {
          title: a("columns.loan"),
          key: "loan",
          width: 190,
          render: (_, r) => <LoanCell loan={r.loan} loanId={r.loanId} />,
        },
        {
          title: a("columns.plan"),
          key: "plan",
          width: 170,
          render: (_, r) => (
            <span>
              {a("plan", {
                term: r.termMonths,
                rate: formatRate(r.annualRate),
                method: t(`calculator.methods.${r.method}`),
              })}
              <div className="muted">
                {r.extensionMonths > 0 ? a("extension", { months: r.extensionMonths }) : null}
                {r.capitaliseArrears ? ` · ${a("capitalised")}` : ""}
              </div>
              {r.penaltyRate ? (
                <div className="muted" data-testid="approval-penalty-rate">
                  {a("penaltyRate", {
                    from: formatRate(r.penaltyRate.from),
                    to: formatRate(r.penaltyRate.to),
                  })}
                </div>
              ) : null}
            </span>
          ),
        },
        {
          title: a("columns.newPrincipal"),
          key: "principal",
          align: "right",
          width: 140,
          render: (_, r) => (
            <span className="num">
              {formatMoneyLong(r.proposal.proposed.principal)}
              <div className="muted">{formatMoney(r.loan.principalOutstanding)}</div>
            </span>
          ),
        },
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
          title: a("columns.progress"),
          key: "progress",
          width: 190,
          render: (_, r) => (
            <span>
              <RestructuringStatusTag value={r.status} />
              {r.status === "pending-committee" ? (
                <div>
                  {a("votesOf", { done: r.votes.length, total: committee.roles.length })}
                  {r.votes.map((v) => (
                    <div key={v.voterId} className="workout-vote">
                      {t(`roles.${v.seat}`)} <DecisionTag value={v.decision} />
                    </div>
                  ))}
                </div>
              ) : (
                <div className="muted">
                  {a("cosignBy", {
                    roles: committee.cosignRoles
                      .map((x) => t(`roles.${x}`))
                      .join(t("workout.approvals.listSeparator")),
                  })}
                </div>
              )}
            </span>
          ),
        },
        {
          title: t("common.actions"),
          key: "actions",
          width: 150,
          fixed: "right",
          render: (_, r) => actions(r),
        },
      ]}
    />
  );
}
