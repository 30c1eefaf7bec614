// What the restructuring and write-off approval lists share: the table frame, the loan and proposer
// columns, and the pair of decision buttons (approve after a confirmation, reject with a comment).
import { Button, Empty, Popconfirm, Space, Table, type TableColumnType, type TableProps, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { LoanSummaryForApproval } from "../../api/workout.ts";
import { formatDateTime } from "../../format.ts";
import { useDecide } from "./decide.tsx";
import { LoanCell } from "./loan-cell.tsx";

export type ApprovalRow = {
  id: string;
  loanId: string;
  loan: LoanSummaryForApproval;
  proposedBy: { name: string | null };
  proposedAt: string;
  own: boolean;
};

export function useApprovalText() {
  const { t } = useTranslation();
  return (key: string, params: Record<string, unknown> = {}) => t(`workout.approvals.${key}`, params);
}

export function ApprovalTable<T extends ApprovalRow>(props: {
  items: T[];
  testId: string;
  emptyText: string;
  scrollX: number;
  columns: TableProps<T>["columns"];
  expandable?: TableProps<T>["expandable"];
}) {
  const { t } = useTranslation();
  const a = useApprovalText();
  return (
    <Table<T>
      rowKey="id"
      size="small"
      dataSource={props.items}
      pagination={{
        pageSize: 20,
        hideOnSinglePage: true,
        showTotal: (total) => t("common.total", { total }),
      }}
      scroll={{ x: props.scrollX }}
      data-testid={props.testId}
      locale={{ emptyText: <Empty description={props.emptyText}>{a("emptyHint")}</Empty> }}
      expandable={props.expandable}
      columns={props.columns}
    />
  );
}

/** The loan the proposal concerns, and who proposed it when (marked when it was the viewer). */
export function useApprovalColumns<T extends ApprovalRow>(): {
  loan: TableColumnType<T>;
  proposer: TableColumnType<T>;
} {
  const a = useApprovalText();
  return {
    loan: {
      title: a("columns.loan"),
      key: "loan",
      width: 190,
      render: (_, r) => <LoanCell loan={r.loan} loanId={r.loanId} />,
    },
    proposer: {
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
  };
}

/**
 * Approve (after a confirmation) or reject (with a comment asked for in a dialog). `danger` marks the
 * side that cannot be taken back lightly: approving a write-off, refusing a restructuring.
 */
export function DecisionButtons(props: {
  approve: { label: string; confirm: string; testId: string; run: () => Promise<unknown> };
  reject: { label: string; commentRequired: boolean; run: (comment?: string) => Promise<unknown> };
  danger: "approve" | "reject";
}) {
  const decide = useDecide();
  const { approve, reject } = props;
  const dangerousApprove = props.danger === "approve";
  const dangerousReject = props.danger === "reject";
  return (
    <Space size={4} wrap>
      <Popconfirm
        title={approve.confirm}
        okButtonProps={dangerousApprove ? { danger: true } : undefined}
        onConfirm={() => decide.now(approve.run)}
      >
        <Button size="small" type="primary" danger={dangerousApprove} data-testid={approve.testId}>
          {approve.label}
        </Button>
      </Popconfirm>
      <Button
        size="small"
        danger={dangerousReject}
        onClick={() =>
          decide.withComment({
            title: reject.label,
            okText: reject.label,
            required: reject.commentRequired,
            danger: dangerousReject || undefined,
            action: reject.run,
          })
        }
      >
        {reject.label}
      </Button>
    </Space>
  );
}
