// 客户反馈与投诉: what is open and past its time limit at the top, the list with filters, a drawer to
// work a case along its steps, and the intake form.
import { PlusOutlined, SearchOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Col,
  Input,
  type InputRef,
  Row,
  Select,
  Statistic,
  Switch,
  Table,
  Tag,
} from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import {
  FEEDBACK_CATEGORIES,
  FEEDBACK_STATUSES,
  type Feedback,
  type FeedbackStatus,
  useFeedbackList,
} from "../../api/crm-engagement.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { useSlashFocus } from "../../components/use-slash-focus.ts";
import { formatDateTime } from "../../format.ts";
import { FeedbackCreateModal } from "./feedback-create-modal.tsx";
import { FeedbackDrawer } from "./feedback-drawer.tsx";
import { FeedbackStatusTag, SlaTag } from "./feedback-tags.tsx";

export function FeedbackPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("crmKpi.feedback.title"));
  const searchRef = useRef<InputRef>(null);
  useSlashFocus(searchRef);
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<FeedbackStatus | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useFeedbackList({
    search: search.trim() || undefined,
    status,
    kind,
    category,
    overdue: overdue ? "true" : undefined,
    ...paging,
  });
  const summary = list.data?.summary;
  const opened = list.data?.items.find((f) => f.id === openId) ?? null;
  const reset = () => setPaging((p) => ({ ...p, page: 1 }));

  return (
    <div data-testid="feedback-page">
      <PageHeader
        title={t("crmKpi.feedback.title")}
        subtitle={t("crmKpi.feedback.subtitle")}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="feedback-create"
          >
            {t("crmKpi.feedback.create")}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        {(["open", "overdue", "complaints", "resolved"] as const).map((key) => (
          <Col key={key} xs={12} lg={6}>
            <Card size="small">
              <Statistic
                title={t(`crmKpi.feedback.summary.${key}`)}
                value={summary?.[key] ?? "—"}
                valueStyle={
                  key === "overdue" && (summary?.overdue ?? 0) > 0 ? { color: "#cf1322" } : undefined
                }
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card className="section-gap-top">
        <div className="filter-bar">
          <Input
            ref={searchRef}
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t("crmKpi.feedback.searchPlaceholder")}
            aria-label={t("crmKpi.feedback.searchPlaceholder")}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              reset();
            }}
            style={{ width: 300 }}
          />
          <Select
            allowClear
            placeholder={t("crmKpi.feedback.fields.status")}
            aria-label={t("crmKpi.feedback.fields.status")}
            value={status}
            onChange={(v) => {
              setStatus(v);
              reset();
            }}
            options={FEEDBACK_STATUSES.map((s) => ({ value: s, label: t(`crmKpi.feedback.status.${s}`) }))}
            style={{ width: 130 }}
          />
          <Select
            allowClear
            placeholder={t("crmKpi.feedback.fields.kind")}
            aria-label={t("crmKpi.feedback.fields.kind")}
            value={kind}
            onChange={(v) => {
              setKind(v);
              reset();
            }}
            options={(["complaint", "feedback"] as const).map((k) => ({
              value: k,
              label: t(`crmKpi.feedback.kinds.${k}`),
            }))}
            style={{ width: 110 }}
          />
          <Select
            allowClear
            placeholder={t("crmKpi.feedback.fields.category")}
            aria-label={t("crmKpi.feedback.fields.category")}
            value={category}
            onChange={(v) => {
              setCategory(v);
              reset();
            }}
            options={FEEDBACK_CATEGORIES.map((c) => ({
              value: c,
              label: t(`crmKpi.feedback.categories.${c}`),
            }))}
            style={{ width: 140 }}
          />
          <span>
            <Switch
              size="small"
              checked={overdue}
              onChange={(v) => {
                setOverdue(v);
                reset();
              }}
            />{" "}
            {t("crmKpi.feedback.overdueOnly")}
          </span>
        </div>
        {list.isError ? <Alert type="error" showIcon message={errorMessage(list.error)} /> : null}
        <Table<Feedback>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 960 }}
          data-testid="feedback-table"
          locale={{ emptyText: t("crmKpi.feedback.empty") }}
          onRow={(f) => ({ onClick: () => setOpenId(f.id), style: { cursor: "pointer" } })}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => t("common.total", { total }),
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          columns={[
            {
              title: t("crmKpi.feedback.fields.refNo"),
              dataIndex: "refNo",
              width: 150,
              render: (v: string) => <span className="mono">{v}</span>,
            },
            {
              title: t("crmKpi.feedback.fields.kind"),
              dataIndex: "kind",
              width: 80,
              render: (k: Feedback["kind"]) => (
                <Tag color={k === "complaint" ? "volcano" : "geekblue"}>
                  {t(`crmKpi.feedback.kinds.${k}`)}
                </Tag>
              ),
            },
            {
              title: t("crmKpi.feedback.fields.category"),
              dataIndex: "category",
              width: 110,
              render: (c: string) => t(`crmKpi.feedback.categories.${c}`, { defaultValue: c }),
            },
            {
              title: t("crmKpi.feedback.fields.subject"),
              dataIndex: "subject",
              render: (s: string, f) => (
                <>
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpenId(f.id)}>
                    {s}
                  </Button>
                  <div className="muted">
                    {f.contactName} ·{" "}
                    {t(`crmKpi.feedback.channels.${f.channel}`, { defaultValue: f.channel })}
                  </div>
                </>
              ),
            },
            {
              title: t("crmKpi.feedback.fields.receivedAt"),
              dataIndex: "receivedAt",
              width: 140,
              render: (v: string) => formatDateTime(v),
            },
            {
              title: t("crmKpi.feedback.fields.dueAt"),
              dataIndex: "dueAt",
              width: 150,
              render: (v: string, f) => (
                <>
                  <div className="num">{formatDateTime(v)}</div>
                  <SlaTag item={f} />
                </>
              ),
            },
            {
              title: t("crmKpi.feedback.fields.owner"),
              dataIndex: "ownerName",
              width: 90,
              render: (v: string | null) => v ?? "—",
            },
            {
              title: t("crmKpi.feedback.fields.status"),
              dataIndex: "status",
              width: 90,
              render: (s: FeedbackStatus) => <FeedbackStatusTag status={s} />,
            },
          ]}
        />
      </Card>
      <FeedbackCreateModal open={creating} onClose={() => setCreating(false)} />
      <FeedbackDrawer item={opened} onClose={() => setOpenId(null)} />
    </div>
  );
}
