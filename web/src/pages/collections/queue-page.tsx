// 催收工作台: the work queue. A collector sees their own tasks and the unassigned pool; a lead sees
// every task and can assign in bulk. Filters, sorting and paging run on the server.
import { DownloadOutlined, SearchOutlined, UserSwitchOutlined } from "@ant-design/icons";
import { App, Button, Card, Col, Input, type InputRef, Row, Select, Statistic, Table, Tag } from "antd";
import type { SorterResult } from "antd/es/table/interface";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import {
  fetchWholeQueue,
  QUEUES,
  type QueueFilters,
  type QueueItem,
  TASK_BUCKETS,
  useCollectionQueue,
  useCollectionsSummary,
  useCollectors,
} from "../../api/collections.ts";
import { downloadCsv } from "../../components/csv.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { useSlashFocus } from "../../components/use-slash-focus.ts";
import { formatMoney, todayInChina } from "../../format.ts";
import { MoneyStatistic } from "../loans/money.tsx";
import { AssignModal } from "./assign-modal.tsx";
import { queueColumns } from "./queue-columns.tsx";
import "../loans/servicing.css";

type Filters = Omit<QueueFilters, "sort" | "order">;
const SORT_KEYS: Record<string, QueueFilters["sort"]> = {
  dpd: "dpd",
  amountOverdue: "amountOverdue",
  nextActionDate: "nextActionDate",
  lastAction: "lastActionAt",
};

export function CollectionsQueuePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe().data;
  const canManage = hasPermission(me, "collections.manage");
  const collectorOnly = hasPermission(me, "collections.work") && !canManage;
  const q = (key: string, params: Record<string, unknown> = {}) => t(`collections.queue.${key}`, params);
  useDocumentTitle(q("title"));
  const searchRef = useRef<InputRef>(null);
  useSlashFocus(searchRef);
  const [search, setSearch] = useState("");
  const [filters, setFilters] = useState<Filters>({ status: "open" });
  const [sort, setSort] = useState<{ sort: QueueFilters["sort"]; order: "asc" | "desc" }>({
    sort: "dpd",
    order: "desc",
  });
  const [paging, setPaging] = useState({ key: "", page: 1, pageSize: 20 });
  const [selected, setSelected] = useState<string[]>([]);
  const [assigning, setAssigning] = useState(false);
  const [exporting, setExporting] = useState(false);
  const collectors = useCollectors(canManage);
  const summary = useCollectionsSummary();

  const query = useMemo(() => ({ ...filters, ...sort }), [filters, sort]);
  const filterKey = JSON.stringify(query);
  const page = paging.key === filterKey ? paging.page : 1;
  const tasks = useCollectionQueue({ ...query, page, pageSize: paging.pageSize });
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const filtered = Object.entries(filters).some(
    ([k, v]) => v !== undefined && !(k === "status" && v === "open"),
  );
  const clear = () => {
    setSearch("");
    setFilters({ status: "open" });
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      const all = await fetchWholeQueue(query);
      const c = (key: string) => t(`collections.queue.columns.${key}`);
      downloadCsv(
        `${q("export")}-${todayInChina()}.csv`,
        [
          c("loan"),
          t("collections.task.borrower"),
          c("bucket"),
          t("collections.task.dpd"),
          c("overdue"),
          c("outstanding"),
          c("assignee"),
          t("collections.task.queue"),
          c("lastAction"),
          c("next"),
          c("promise"),
        ],
        all.map((x) => [
          x.loanNo,
          x.borrower.name,
          x.bucket,
          x.dpd,
          x.amountOverdue,
          x.principalOutstanding,
          x.assignee?.name ?? q("unassigned"),
          t(`collections.queueName.${x.queue}`),
          x.lastAction
            ? `${x.lastAction.at.slice(0, 10)} ${t(`collections.outcome.${x.lastAction.outcome}`)}`
            : "",
          x.nextActionDate,
          x.promise
            ? `${t(`collections.promiseStatus.${x.promise.status}`)} ${x.promise.amount} ${x.promise.date}`
            : "",
        ]),
      );
      message.success(t("common.exported", { count: all.length }));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const assigneeOptions = [
    { value: "me", label: q("me") },
    { value: "unassigned", label: q("unassigned") },
    ...(collectors.data?.items ?? [])
      .filter((c) => c.collector)
      .map((c) => ({ value: c.userId, label: c.name })),
  ];
  const rows = tasks.data?.items ?? [];
  const pageOverdue = rows.reduce((s, r) => s + Math.round(Number(r.amountOverdue) * 100), 0);

  return (
    <div data-testid="collections-queue-page">
      <PageHeader
        title={q("title")}
        subtitle={
          <>
            {collectorOnly ? q("subtitleMine") : q("subtitleAll")}
            {tasks.data ? (
              <Tag color="blue" style={{ marginInlineStart: 8 }}>
                {q("businessDate", { date: tasks.data.businessDate })}
              </Tag>
            ) : null}
          </>
        }
        extra={
          <>
            {canManage ? (
              <Button
                icon={<UserSwitchOutlined />}
                disabled={selected.length === 0}
                onClick={() => setAssigning(true)}
                data-testid="assign-selected"
              >
                {q("assign", { count: selected.length })}
              </Button>
            ) : null}
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()}>
              {t("common.exportExcel")}
            </Button>
          </>
        }
      />
      <Row gutter={[16, 16]} className="section-gap" data-testid="queue-kpis">
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={q("kpi.open")}
              value={summary.data?.openTasks ?? "—"}
              valueStyle={{ fontSize: 22 }}
            />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <MoneyStatistic title={q("kpi.overdue")} value={(pageOverdue / 100).toFixed(2)} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={q("kpi.promises")}
              value={summary.data?.promises.pending ?? "—"}
              valueStyle={{ fontSize: 22 }}
            />
            <div className="muted kpi-foot">{formatMoney(summary.data?.promises.pendingAmount)}</div>
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={t("collections.summary.kpi.keptRate")}
              value={summary.data?.promises.keptRate ? `${summary.data.promises.keptRate}%` : "—"}
              valueStyle={{ fontSize: 22 }}
            />
          </Card>
        </Col>
      </Row>
      <Card>
        <div className="filter-bar">
          <Input
            ref={searchRef}
            allowClear
            prefix={<SearchOutlined />}
            placeholder={q("search")}
            aria-label={q("search")}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              if (!e.target.value) set({ q: undefined });
            }}
            onPressEnter={() => set({ q: search.trim() || undefined })}
            style={{ width: 280 }}
            data-testid="queue-search"
          />
          <Select
            aria-label={q("status")}
            value={filters.status}
            onChange={(status) => set({ status })}
            options={(["open", "resolved"] as const).map((s) => ({
              value: s,
              label: t(`collections.taskStatus.${s}`),
            }))}
            style={{ width: 110 }}
          />
          <Select
            allowClear
            placeholder={q("bucket")}
            aria-label={q("bucket")}
            value={filters.bucket}
            onChange={(bucket) => set({ bucket })}
            options={TASK_BUCKETS.map((b) => ({ value: b, label: b }))}
            style={{ width: 120 }}
            data-testid="queue-filter-bucket"
          />
          <Select
            allowClear
            placeholder={q("queue")}
            aria-label={q("queue")}
            value={filters.queue}
            onChange={(queue) => set({ queue })}
            options={QUEUES.map((x) => ({ value: x, label: t(`collections.queueName.${x}`) }))}
            style={{ width: 120 }}
          />
          <Select
            allowClear
            placeholder={q("assignee")}
            aria-label={q("assignee")}
            value={filters.assignee}
            onChange={(assignee) => set({ assignee })}
            options={assigneeOptions}
            style={{ width: 140 }}
          />
          <Select
            allowClear
            placeholder={q("promise")}
            aria-label={q("promise")}
            value={filters.promise}
            onChange={(promise) => set({ promise })}
            options={[
              ...(["pending", "kept", "broken"] as const).map((s) => ({
                value: s,
                label: t(`collections.promiseStatus.${s}`),
              })),
              { value: "none" as const, label: q("promiseNone") },
            ]}
            style={{ width: 120 }}
          />
          <Select
            allowClear
            placeholder={q("priority")}
            aria-label={q("priority")}
            value={filters.priority}
            onChange={(priority) => set({ priority })}
            options={(["high", "normal"] as const).map((p) => ({
              value: p,
              label: t(`collections.priority.${p}`),
            }))}
            style={{ width: 100 }}
          />
          <Button
            type={filters.due ? "primary" : "default"}
            onClick={() => set({ due: filters.due ? undefined : "today" })}
            data-testid="queue-due-today"
          >
            {q("dueToday")}
          </Button>
          {filtered ? <Button onClick={clear}>{t("common.reset")}</Button> : null}
        </div>
        <Table<QueueItem>
          rowKey="id"
          size="middle"
          loading={tasks.isFetching}
          dataSource={rows}
          scroll={{ x: 1180 }}
          data-testid="queue-table"
          rowSelection={
            canManage
              ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }
              : undefined
          }
          onChange={(_, __, sorter) => {
            const s = sorter as SorterResult<QueueItem>;
            const key = SORT_KEYS[String(s.columnKey)];
            setSort(
              s.order && key
                ? { sort: key, order: s.order === "ascend" ? "asc" : "desc" }
                : { sort: "dpd", order: "desc" },
            );
          }}
          locale={{
            emptyText: tasks.isError ? (
              <span>{t("common.loadFailed", { message: errorMessage(tasks.error) })}</span>
            ) : (
              <div className="section-gap">
                <div>{q("empty")}</div>
                <div className="muted">{q("emptyHint")}</div>
                {filtered ? <Button onClick={clear}>{q("clearFilters")}</Button> : null}
              </div>
            ),
          }}
          pagination={{
            current: page,
            pageSize: paging.pageSize,
            total: tasks.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t("common.total", { total }),
            onChange: (next, pageSize) => setPaging({ key: filterKey, page: next, pageSize }),
          }}
          columns={queueColumns({
            t,
            sort,
            today: todayInChina(),
            linkTo: (id) => <Link to={`/collections/tasks/${id}`}>{q("open")}</Link>,
          })}
        />
      </Card>
      <AssignModal
        taskIds={selected}
        open={assigning}
        onClose={() => setAssigning(false)}
        onDone={() => setSelected([])}
      />
    </div>
  );
}
