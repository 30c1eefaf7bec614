// The loan page's 催收记录 tab: the loan's collection tasks, its promises and the whole contact log.
import { Empty, Skeleton, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import { type LoanCollectionHistory, useLoanCollectionHistory } from "../../api/collections.ts";
import { formatMoney } from "../../format.ts";
import { BucketTag } from "../loans/servicing-tags.tsx";
import { PriorityTag, PromiseTag, QueueTag } from "./tags.tsx";
import { TaskTimeline } from "./task-timeline.tsx";
import "./collections.css";

export function LoanCollectionHistoryTab({ loanId }: { loanId: string }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const history = useLoanCollectionHistory(loanId, true);
  const canOpen = hasPermission(me, "collections.read");
  if (history.isPending) return <Skeleton active />;
  if (history.isError)
    return <Empty description={t("common.loadFailed", { message: errorMessage(history.error) })} />;
  const data = history.data;
  if (data.tasks.length === 0) return <Empty description={t("collections.history.empty")} />;
  const k = (key: string) => t(`collections.task.${key}`);
  return (
    <div data-testid="loan-collection-history">
      <Table<LoanCollectionHistory["tasks"][number]>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data.tasks}
        title={() => <strong>{t("collections.history.tasks")}</strong>}
        columns={[
          {
            title: k("openedOn"),
            dataIndex: "openedOn",
            width: 110,
            render: (v: string) => <span className="num">{v}</span>,
          },
          {
            title: t("collections.queue.status"),
            dataIndex: "status",
            width: 200,
            render: (v: "open" | "resolved", row) => (
              <Space size={2} wrap>
                <Tag color={v === "open" ? "blue" : "green"}>{t(`collections.taskStatus.${v}`)}</Tag>
                <BucketTag value={row.bucket} />
                <QueueTag value={row.queue} />
                <PriorityTag value={row.priority} />
              </Space>
            ),
          },
          {
            title: k("assignee"),
            key: "assignee",
            render: (_, row) => row.assignee?.name ?? k("unassigned"),
          },
          { title: k("brokenPromises"), dataIndex: "brokenPromises", align: "right", width: 100 },
          {
            title: "",
            key: "open",
            width: 90,
            render: (_, row) =>
              canOpen && row.status === "open" ? (
                <Link to={`/collections/tasks/${row.id}`}>{t("collections.history.open")}</Link>
              ) : null,
          },
        ]}
      />
      {data.promises.length > 0 ? (
        <div className="section-gap">
          <strong>{k("promises")}</strong>
          <ul className="collections-list">
            {data.promises.map((p) => (
              <li key={p.id}>
                <span className="num">
                  {p.madeOn} · {formatMoney(p.amount)} → {p.promisedDate}
                </span>{" "}
                <PromiseTag value={p.status} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="section-gap">
        <strong>{t("collections.history.actions")}</strong>
      </div>
      <div className="section-gap">
        <TaskTimeline actions={data.actions} events={data.events} />
      </div>
    </div>
  );
}
