// The work queue's columns: who owes (masked), how late and how much, who has it, the last attempt,
// the next step and the promise in force.
import { Space } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import type { QueueFilters, QueueItem } from "../../api/collections.ts";
import { formatDateTime } from "../../format.ts";
import { Money } from "../loans/money.tsx";
import { BucketTag } from "../loans/servicing-tags.tsx";
import { METHOD_ICON, OutcomeTag, PriorityTag, PromiseTag, QueueTag } from "./tags.tsx";

const SORTED: Record<string, QueueFilters["sort"]> = {
  dpd: "dpd",
  amountOverdue: "amountOverdue",
  nextActionDate: "nextActionDate",
  lastAction: "lastActionAt",
};

export function queueColumns(options: {
  t: TFunction;
  sort: { sort: QueueFilters["sort"]; order: "asc" | "desc" };
  today: string;
  linkTo: (taskId: string) => ReactNode;
}): ColumnsType<QueueItem> {
  const { t, sort, today } = options;
  const c = (key: string) => t(`collections.queue.columns.${key}`);
  const sortOrder = (key: string) =>
    SORTED[key] === sort.sort ? (sort.order === "asc" ? ("ascend" as const) : ("descend" as const)) : null;
  return [
    {
      title: c("loan"),
      key: "loan",
      fixed: "left",
      width: 170,
      render: (_, row) => (
        <>
          <Link to={`/collections/tasks/${row.id}`} className="mono strong-link">
            {row.loanNo}
          </Link>
          <div>
            {row.borrower.name ?? "—"} <span className="muted num">{row.borrower.phone ?? ""}</span>
          </div>
        </>
      ),
    },
    {
      title: c("bucket"),
      key: "dpd",
      dataIndex: "dpd",
      width: 120,
      sorter: true,
      sortOrder: sortOrder("dpd"),
      render: (value: number, row) => (
        <span className="num">
          <BucketTag value={row.bucket} />
          <span style={{ color: "#cf1322", fontWeight: 600 }}>
            {t("collections.queue.days", { count: value })}
          </span>
        </span>
      ),
    },
    {
      title: c("overdue"),
      key: "amountOverdue",
      dataIndex: "amountOverdue",
      align: "right",
      width: 130,
      sorter: true,
      sortOrder: sortOrder("amountOverdue"),
      render: (value: string) => <Money value={value} />,
    },
    {
      title: c("outstanding"),
      dataIndex: "principalOutstanding",
      align: "right",
      width: 130,
      render: (value: string) => <Money value={value} />,
    },
    {
      title: c("assignee"),
      key: "assignee",
      width: 160,
      render: (_, row) => (
        <>
          <div>
            {row.assignee?.name ?? <span className="muted">{t("collections.queue.unassigned")}</span>}
          </div>
          <Space size={2} wrap>
            <QueueTag value={row.queue} />
            <PriorityTag value={row.priority} />
          </Space>
        </>
      ),
    },
    {
      title: c("lastAction"),
      key: "lastAction",
      width: 175,
      sorter: true,
      sortOrder: sortOrder("lastAction"),
      render: (_, row) =>
        row.lastAction ? (
          <>
            <Space size={4}>
              {METHOD_ICON[row.lastAction.method]}
              <OutcomeTag value={row.lastAction.outcome} />
            </Space>
            <div className="muted num">{formatDateTime(row.lastAction.at)}</div>
          </>
        ) : (
          <span className="muted">{t("collections.queue.never")}</span>
        ),
    },
    {
      title: c("next"),
      key: "nextActionDate",
      dataIndex: "nextActionDate",
      width: 115,
      sorter: true,
      sortOrder: sortOrder("nextActionDate"),
      render: (value: string | null) =>
        value ? (
          <span className={`num${value <= today ? " date-overdue" : ""}`}>
            {value}
            {value <= today ? <div className="muted">{t("collections.queue.overdueNext")}</div> : null}
          </span>
        ) : (
          "—"
        ),
    },
    {
      title: c("promise"),
      key: "promise",
      width: 170,
      render: (_, row) => (
        <>
          {row.promise ? (
            <>
              <PromiseTag value={row.promise.status} />
              <div className="num muted">
                <Money value={row.promise.amount} /> · {row.promise.date}
              </div>
            </>
          ) : (
            "—"
          )}
          {row.brokenPromises > 0 ? (
            <div className="muted">{t("collections.queue.brokenCount", { count: row.brokenPromises })}</div>
          ) : null}
        </>
      ),
    },
    {
      title: c("actions"),
      key: "actions",
      fixed: "right",
      width: 70,
      render: (_, row) => options.linkTo(row.id),
    },
  ];
}
