// 回访任务: the revisits of the leads in the caller's scope, by due bucket (overdue, today, tomorrow,
// the week, all open, done). A call to the customer completes one by itself; here one is moved to
// another date, marked done without a call, or cancelled.
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tabs,
  Tag,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { crmApi, type FollowUp, useCrmMutation, useFollowUps } from "../../api/crm-engagement.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDate, formatDateTime } from "../../format.ts";
import { IntentTag, LeadLink } from "./kpi-parts.tsx";

type Tab = "overdue" | "today" | "tomorrow" | "week" | "all" | "done";
const TABS: Tab[] = ["overdue", "today", "tomorrow", "week", "all", "done"];

export function FollowUpsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("crmKpi.followUps.title"));
  const { message } = App.useApp();
  const [tab, setTab] = useState<Tab>("today");
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useFollowUps({
    due: tab === "done" ? undefined : tab,
    status: tab === "done" ? "done" : undefined,
    ...paging,
  });
  const [moving, setMoving] = useState<FollowUp | null>(null);
  const [finishing, setFinishing] = useState<FollowUp | null>(null);
  const close = useCrmMutation(crmApi.closeFollowUp);
  const counts = list.data?.counts;
  const today = list.data?.today ?? "";

  const cancel = async (f: FollowUp) => {
    try {
      await close.mutateAsync({ id: f.id, status: "cancelled" });
      message.success(t("crmKpi.followUps.saved"));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const label = (key: Tab) => {
    const n =
      key === "overdue"
        ? counts?.overdue
        : key === "today"
          ? counts?.today
          : key === "tomorrow"
            ? counts?.tomorrow
            : key === "all"
              ? counts?.open
              : undefined;
    return (
      <span>
        {t(`crmKpi.followUps.tabs.${key}`)}
        {n !== undefined ? (
          <Tag color={key === "overdue" && n > 0 ? "red" : undefined} style={{ marginInlineStart: 6 }}>
            {n}
          </Tag>
        ) : null}
      </span>
    );
  };

  return (
    <div data-testid="followups-page">
      <PageHeader title={t("crmKpi.followUps.title")} subtitle={t("crmKpi.followUps.subtitle")} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            setTab(k as Tab);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          items={TABS.map((key) => ({ key, label: label(key) }))}
        />
        {list.isError ? <Alert type="error" showIcon message={errorMessage(list.error)} /> : null}
        <Table<FollowUp>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 900 }}
          data-testid="followups-table"
          locale={{
            emptyText: (
              <Empty description={t("crmKpi.followUps.empty")}>
                <div className="muted">{t("crmKpi.followUps.emptyHint")}</div>
              </Empty>
            ),
          }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => t("common.total", { total }),
            onChange: (page, pageSize) => setPaging({ page, pageSize }),
          }}
          columns={[
            {
              title: t("crmKpi.followUps.columns.dueOn"),
              dataIndex: "dueOn",
              width: 130,
              render: (d: string, f) => (
                <>
                  <span className="num">{formatDate(d)}</span>
                  {f.overdue ? (
                    <div>
                      <Tag color="red">
                        {t("crmKpi.followUps.overdueDays", { days: dayjs(today).diff(dayjs(d), "day") })}
                      </Tag>
                    </div>
                  ) : null}
                </>
              ),
            },
            {
              title: t("crmKpi.followUps.columns.lead"),
              key: "lead",
              width: 180,
              render: (_, f) => (
                <>
                  <LeadLink id={f.leadId} name={f.leadName} /> <IntentTag level={f.intentLevel} />
                  <div className="muted">
                    {f.phoneMasked} · {t(`crmLeads.stage.${f.stage}`, { defaultValue: f.stage })}
                  </div>
                </>
              ),
            },
            {
              title: t("crmKpi.followUps.columns.source"),
              dataIndex: "source",
              width: 130,
              render: (s: FollowUp["source"], f) => (
                <>
                  {t(`crmKpi.followUps.source.${s}`)}
                  {f.note ? <div className="muted">{f.note}</div> : null}
                </>
              ),
            },
            {
              title: t("crmKpi.followUps.columns.lastContact"),
              dataIndex: "lastContactAt",
              width: 150,
              render: (v: string | null, f) =>
                f.status === "done" && f.doneAt
                  ? t("crmKpi.followUps.doneAt", { time: formatDateTime(f.doneAt) })
                  : formatDateTime(v),
            },
            { title: t("crmKpi.followUps.columns.owner"), dataIndex: "ownerName", width: 100 },
            {
              title: t("common.actions"),
              key: "actions",
              width: 200,
              render: (_, f) =>
                f.status === "open" ? (
                  <Space size={0} wrap>
                    <Button size="small" type="link" onClick={() => setMoving(f)}>
                      {t("crmKpi.followUps.reschedule")}
                    </Button>
                    <Button size="small" type="link" onClick={() => setFinishing(f)}>
                      {t("crmKpi.followUps.done")}
                    </Button>
                    <Popconfirm title={t("crmKpi.followUps.cancelConfirm")} onConfirm={() => cancel(f)}>
                      <Button size="small" type="link" danger>
                        {t("crmKpi.followUps.cancel")}
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
      <RescheduleModal task={moving} today={today} onClose={() => setMoving(null)} />
      <DoneModal task={finishing} onClose={() => setFinishing(null)} />
    </div>
  );
}

function RescheduleModal({
  task,
  today,
  onClose,
}: {
  task: FollowUp | null;
  today: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ dueOn: Dayjs; note?: string }>();
  const save = useCrmMutation(crmApi.scheduleFollowUp);
  return (
    <Modal
      open={Boolean(task)}
      title={`${t("crmKpi.followUps.rescheduleTitle")} · ${task?.leadName ?? ""}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          dueOn: task ? dayjs(task.dueOn < today ? today : task.dueOn) : undefined,
          note: task?.note ?? "",
        }}
        onFinish={async (values) => {
          if (!task) return;
          try {
            await save.mutateAsync({
              leadId: task.leadId,
              dueOn: values.dueOn.format("YYYY-MM-DD"),
              note: values.note || null,
            });
            message.success(t("crmKpi.followUps.saved"));
            onClose();
          } catch (error) {
            message.error(errorMessage(error));
          }
        }}
      >
        <Form.Item
          name="dueOn"
          label={t("crmKpi.followUps.dueOn")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <DatePicker
            disabledDate={(d) => Boolean(today) && d.format("YYYY-MM-DD") < today}
            style={{ width: "100%" }}
          />
        </Form.Item>
        <Form.Item name="note" label={t("crmKpi.common.note")}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DoneModal({ task, onClose }: { task: FollowUp | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [note, setNote] = useState("");
  const close = useCrmMutation(crmApi.closeFollowUp);
  return (
    <Modal
      open={Boolean(task)}
      title={`${t("crmKpi.followUps.doneTitle")} · ${task?.leadName ?? ""}`}
      onCancel={onClose}
      confirmLoading={close.isPending}
      destroyOnHidden
      onOk={async () => {
        if (!task) return;
        try {
          await close.mutateAsync({ id: task.id, status: "done", note: note || null });
          message.success(t("crmKpi.followUps.saved"));
          setNote("");
          onClose();
        } catch (error) {
          message.error(errorMessage(error));
        }
      }}
    >
      <Input.TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={500}
        rows={3}
        placeholder={t("crmKpi.common.note")}
        aria-label={t("crmKpi.common.note")}
      />
    </Modal>
  );
}
