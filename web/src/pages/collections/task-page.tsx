// One collection task as the collector works it: the loan's arrears at a glance, the contact history,
// and beside it the form to log the next attempt, the promises and the contacts.
import { ArrowLeftOutlined, FileSearchOutlined, UserSwitchOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Result,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import { type CollectionPromise, type TaskDetail, useCollectionTask } from "../../api/collections.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDate, formatMoney, formatMoneyLong } from "../../format.ts";
import { Money } from "../loans/money.tsx";
import { BucketTag, ClassificationTag } from "../loans/servicing-tags.tsx";
import { ActionForm } from "./action-form.tsx";
import { AssignModal } from "./assign-modal.tsx";
import { ContactsCard } from "./contacts-card.tsx";
import { PriorityTag, PromiseTag, QueueTag } from "./tags.tsx";
import { TaskTimeline } from "./task-timeline.tsx";
import "../loans/servicing.css";
import "../business.css";
import "./collections.css";

export function CollectionTaskPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const task = useCollectionTask(id);
  useDocumentTitle(
    task.data ? `${task.data.loan.loanNo} · ${t("collections.task.title")}` : t("collections.task.title"),
  );
  if (task.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (task.isError || !task.data)
    return (
      <Result
        status="404"
        title={task.error ? errorMessage(task.error) : t("collections.task.notFound")}
        extra={
          <Link to="/collections">
            <Button>{t("collections.task.back")}</Button>
          </Link>
        }
      />
    );
  return <TaskView detail={task.data} />;
}

function TaskView({ detail }: { detail: TaskDetail }) {
  const { t } = useTranslation();
  const [assigning, setAssigning] = useState(false);
  const k = (key: string, params: Record<string, unknown> = {}) => t(`collections.task.${key}`, params);
  const { task, loan, arrears } = detail;
  return (
    <div data-testid="collection-task-page">
      <Link to="/collections" className="back-link">
        <ArrowLeftOutlined /> {k("back")}
      </Link>
      <PageHeader
        title={
          <span className="title-with-tags">
            <span className="mono-title">{loan.loanNo}</span>
            <span>{detail.borrower.name ?? "—"}</span>
            <BucketTag value={loan.bucket} />
            <QueueTag value={task.queue} />
            <PriorityTag value={task.priority} />
            <Tag color={task.status === "open" ? "blue" : "green"}>
              {t(`collections.taskStatus.${task.status}`)}
            </Tag>
          </span>
        }
        subtitle={`${t("collections.queue.businessDate", { date: detail.businessDate })} · ${k("openedOn")} ${task.openedOn}`}
        extra={
          <>
            <Link to={`/loans/${loan.id}`}>
              <Button icon={<FileSearchOutlined />}>{k("loanLink")}</Button>
            </Link>
            {detail.can.manage && task.status === "open" ? (
              <Button
                icon={<UserSwitchOutlined />}
                onClick={() => setAssigning(true)}
                data-testid="task-assign"
              >
                {k("assign")}
              </Button>
            ) : null}
          </>
        }
      />
      {task.status === "resolved" ? (
        <Alert
          type="success"
          showIcon
          title={k("resolved", { date: task.resolvedOn })}
          className="section-gap"
        />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card size="small" title={k("arrears")} data-testid="task-arrears">
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, xxl: 3 }}
              items={[
                { key: "b", label: k("borrower"), children: detail.borrower.name ?? "—" },
                {
                  key: "p",
                  label: k("phone"),
                  children: <span className="num">{detail.borrower.phone ?? "—"}</span>,
                },
                {
                  key: "dpd",
                  label: k("dpd"),
                  children: (
                    <strong style={{ color: "#cf1322" }}>
                      {t("collections.queue.days", { count: loan.dpd })}
                    </strong>
                  ),
                },
                {
                  key: "o",
                  label: k("overdueTotal"),
                  children: <strong className="num">{formatMoneyLong(arrears.totals.total)}</strong>,
                },
                {
                  key: "all",
                  label: k("owedInAll"),
                  children: <span className="num">{formatMoneyLong(arrears.owedInAll)}</span>,
                },
                {
                  key: "po",
                  label: k("principalOutstanding"),
                  children: <Money value={loan.principalOutstanding} />,
                },
                {
                  key: "next",
                  label: k("nextDue"),
                  children: arrears.nextDue
                    ? k("nextDueValue", {
                        period: arrears.nextDue.period,
                        date: arrears.nextDue.dueDate,
                        amount: formatMoney(arrears.nextDue.amount),
                      })
                    : "—",
                },
                {
                  key: "c",
                  label: k("classification"),
                  children: <ClassificationTag value={loan.classification} />,
                },
                { key: "a", label: k("assignee"), children: task.assignee?.name ?? k("unassigned") },
                { key: "bp", label: k("brokenPromises"), children: task.brokenPromises },
                {
                  key: "pay",
                  label: k("lastPayments"),
                  span: 2,
                  children: detail.payments.length ? (
                    <span className="num">
                      {detail.payments.slice(0, 3).map((p) => (
                        <div key={p.id}>
                          {p.date} {formatMoney(p.amount)}
                        </div>
                      ))}
                    </span>
                  ) : (
                    k("noPayments")
                  ),
                },
              ]}
            />
            <div className="section-gap">
              <strong>{k("overdueInstallments")}</strong>
            </div>
            <Table
              rowKey="period"
              size="small"
              pagination={false}
              dataSource={arrears.installments}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
              summary={() =>
                arrears.installments.length > 1 ? (
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={3}>
                      <strong>{t("servicing.detail.totals")}</strong>
                    </Table.Summary.Cell>
                    {(["principal", "interest", "penalty", "total"] as const).map((key, i) => (
                      <Table.Summary.Cell key={key} index={i + 3} align="right">
                        <strong className="num">{formatMoney(arrears.totals[key])}</strong>
                      </Table.Summary.Cell>
                    ))}
                  </Table.Summary.Row>
                ) : null
              }
              columns={[
                { title: k("installment.period"), dataIndex: "period", width: 60 },
                {
                  title: k("installment.dueDate"),
                  dataIndex: "dueDate",
                  width: 105,
                  render: (v: string) => <span className="num date-overdue">{v}</span>,
                },
                { title: k("installment.days"), dataIndex: "daysOverdue", width: 80, align: "right" },
                ...(["principal", "interest", "penalty", "total"] as const).map((key) => ({
                  title: k(`installment.${key}`),
                  dataIndex: key,
                  align: "right" as const,
                  render: (v: string) => <span className="num">{formatMoney(v)}</span>,
                })),
              ]}
            />
          </Card>
          <Card size="small" className="section-gap" title={k("timeline")}>
            <TaskTimeline actions={detail.actions} events={detail.events} consents={detail.consents} />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <div className="collections-sticky">
            <Card size="small" title={t("collections.form.title")} data-testid="action-card">
              {detail.can.work ? (
                <ActionForm detail={detail} />
              ) : (
                <Alert type="info" showIcon title={t("collections.form.readOnly")} />
              )}
            </Card>
            <PromisesCard promises={detail.promises} />
            <ContactsCard detail={detail} />
          </div>
        </Col>
      </Row>
      <AssignModal taskIds={[task.id]} open={assigning} onClose={() => setAssigning(false)} />
    </div>
  );
}

function PromisesCard({ promises }: { promises: CollectionPromise[] }) {
  const { t } = useTranslation();
  const c = (key: string) => t(`collections.task.promiseColumns.${key}`);
  return (
    <Card
      size="small"
      className="section-gap"
      title={t("collections.task.promises")}
      data-testid="task-promises"
    >
      <Table<CollectionPromise>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={promises}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("collections.task.noPromises")} />
          ),
        }}
        columns={[
          {
            title: c("madeOn"),
            dataIndex: "madeOn",
            width: 96,
            render: (v: string) => <span className="num">{formatDate(v)}</span>,
          },
          {
            title: c("amount"),
            dataIndex: "amount",
            align: "right",
            render: (v: string) => <span className="num">{formatMoney(v)}</span>,
          },
          {
            title: c("date"),
            dataIndex: "promisedDate",
            width: 96,
            render: (v: string) => <span className="num">{v}</span>,
          },
          {
            title: c("status"),
            dataIndex: "status",
            render: (v: CollectionPromise["status"], row) => (
              <Space size={2} direction="vertical">
                <PromiseTag value={v} />
                {row.status === "kept" ? (
                  <span className="muted num kpi-foot">{formatMoney(row.paid)}</span>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
