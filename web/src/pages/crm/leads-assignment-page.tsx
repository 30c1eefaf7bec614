// 线索分配: the people in scope who work leads, their load against their cap, who is away, and who
// was given a lead last — what the round-robin reads. Leaders set leave and personal caps here.
import { SettingOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Table,
  Tag,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, errorMessage } from "../../api/client.ts";
import { type Agent, updateAgent, useAgents } from "../../api/crm-leads.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { formatDateTime } from "../../format.ts";
import "../business.css";
import "./leads-styles.css";

type Values = { awayUntil?: Dayjs | null; awayNote?: string; maxOpenLeads?: number | null };

function AgentModal({ agent, onClose }: { agent: Agent | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [pending, setPending] = useState(false);
  const submit = async (v: Values) => {
    if (!agent || pending) return;
    setPending(true);
    try {
      await updateAgent(agent.userId, {
        awayUntil: v.awayUntil ? v.awayUntil.format("YYYY-MM-DD") : null,
        awayNote: v.awayNote?.trim() || null,
        maxOpenLeads: v.maxOpenLeads ?? null,
      });
      message.success(t("crmLeads.assignment.saved"));
      void queryClient.invalidateQueries({ queryKey: ["crm", "agents"] });
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal
      open={agent !== null}
      title={t("crmLeads.assignment.editTitle", { name: agent?.displayName ?? "" })}
      onOk={() => form.submit()}
      onCancel={onClose}
      okText={t("common.save")}
      okButtonProps={{ loading: pending, disabled: pending }}
      destroyOnHidden
    >
      {agent ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            awayUntil: agent.awayUntil ? dayjs(agent.awayUntil) : null,
            awayNote: agent.awayNote ?? "",
            maxOpenLeads: agent.personalCap,
          }}
        >
          <Form.Item name="awayUntil" label={t("crmLeads.assignment.awayUntil")}>
            <DatePicker style={{ width: "100%" }} allowClear />
          </Form.Item>
          <Form.Item name="awayNote" label={t("crmLeads.assignment.awayNote")}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="maxOpenLeads" label={t("crmLeads.assignment.personalCap")}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: "100%" }} />
          </Form.Item>
          <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
        </Form>
      ) : null}
    </Modal>
  );
}

export function LeadsAssignmentPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("crmLeads.assignment.title"));
  const agents = useAgents();
  const defaultCap = useQuery({
    queryKey: ["settings", "crm.max-open-leads"],
    queryFn: async () =>
      (await api.get<{ items: { key: string; value: unknown }[] }>("/settings")).items.find(
        (i) => i.key === "crm.max-open-leads",
      )?.value,
    retry: false,
    staleTime: 300_000,
  });
  const [editing, setEditing] = useState<Agent | null>(null);

  const columns: ColumnsType<Agent> = [
    {
      title: t("crmLeads.assignment.member"),
      dataIndex: "displayName",
      render: (name: string, a) => (
        <div>
          <strong>{name}</strong>
          <div className="muted small">{a.username}</div>
        </div>
      ),
    },
    {
      title: t("crmLeads.assignment.group"),
      dataIndex: "managerName",
      render: (n: string | null) => n ?? "—",
    },
    {
      title: t("crmLeads.assignment.openLeads"),
      key: "load",
      width: 220,
      sorter: (a, b) => a.openLeads / Math.max(a.capacity, 1) - b.openLeads / Math.max(b.capacity, 1),
      render: (_: unknown, a) => (
        <div>
          <span className="num">
            {a.openLeads} / {a.capacity}
            {a.personalCap !== null ? " *" : ""}
          </span>
          <Progress
            percent={Math.min(100, Math.round((a.openLeads / Math.max(a.capacity, 1)) * 100))}
            size="small"
            showInfo={false}
            status={a.openLeads >= a.capacity ? "exception" : "normal"}
          />
        </div>
      ),
    },
    {
      title: t("crmLeads.assignment.status"),
      key: "status",
      width: 170,
      render: (_: unknown, a) =>
        a.awayReason ? (
          <Tag color={a.awayReason === "away" ? "gold" : "default"}>
            {t(`crmLeads.assignment.away.${a.awayReason}`, { date: a.awayUntil })}
            {a.awayNote ? ` · ${a.awayNote}` : ""}
          </Tag>
        ) : a.openLeads >= a.capacity ? (
          <Tag color="red">{t("crmLeads.assignment.full")}</Tag>
        ) : (
          <Tag color="green">{t("crmLeads.assignment.available")}</Tag>
        ),
    },
    {
      title: t("crmLeads.assignment.lastAssigned"),
      dataIndex: "lastAssignedAt",
      width: 150,
      render: (at: string | null) => (
        <span className="num muted">{at ? formatDateTime(at) : t("crmLeads.assignment.never")}</span>
      ),
    },
    {
      title: t("common.actions"),
      key: "actions",
      width: 90,
      render: (_: unknown, a) => (
        <Button
          type="link"
          size="small"
          icon={<SettingOutlined />}
          onClick={() => setEditing(a)}
          data-testid={`agent-edit-${a.username}`}
        >
          {t("crmLeads.assignment.edit")}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="leads-assignment-page">
      <PageHeader title={t("crmLeads.assignment.title")} subtitle={t("crmLeads.assignment.subtitle")} />
      <Card className="section-gap">
        <Alert
          type="info"
          showIcon
          className="section-gap"
          title={t("crmLeads.assignment.rules", {
            cap: typeof defaultCap.data === "number" ? defaultCap.data : 200,
          })}
        />
        <Table<Agent>
          rowKey="userId"
          size="middle"
          loading={agents.isFetching}
          dataSource={agents.data ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{
            emptyText: agents.isError ? (
              <Empty description={t("common.loadFailed", { message: errorMessage(agents.error) })} />
            ) : (
              <Empty description={t("crmLeads.assignment.empty")} />
            ),
          }}
        />
      </Card>
      <AgentModal agent={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
