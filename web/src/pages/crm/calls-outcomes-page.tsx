// 通话结果: the outcomes a call can be logged with and their flags (how the call counts in the KPIs).
// Outcomes in use are retired, never deleted, so old calls keep their meaning.
import { CheckOutlined, MinusOutlined, PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Switch,
  Table,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { type Outcome, outcomeApi, useOutcomes } from "../../api/crm-calls.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import "../business.css";
import "./leads-styles.css";

const FLAGS = ["connected", "effective", "intent", "appointment", "doNotCall"] as const;

function OutcomeModal({
  outcome,
  creating,
  onClose,
}: {
  outcome: Outcome | null;
  creating: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Outcome>();
  const [pending, setPending] = useState(false);
  const submit = async (values: Outcome) => {
    if (pending) return;
    setPending(true);
    try {
      if (creating) await outcomeApi.create({ ...values, active: true });
      else if (outcome) {
        const { code: _code, ...patch } = values;
        await outcomeApi.update(outcome.code, patch);
      }
      message.success(t("crmCalls.outcomes.saved"));
      void queryClient.invalidateQueries({ queryKey: ["crm", "outcomes"] });
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };
  const open = creating || outcome !== null;
  return (
    <Modal
      open={open}
      title={
        creating
          ? t("crmCalls.outcomes.createTitle")
          : t("crmCalls.outcomes.editTitle", { name: outcome?.nameZh ?? "" })
      }
      onOk={() => form.submit()}
      onCancel={onClose}
      okText={t("common.save")}
      okButtonProps={{ loading: pending, disabled: pending }}
      destroyOnHidden
    >
      {open ? (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={
            outcome ?? {
              code: "",
              nameZh: "",
              nameEn: "",
              connected: true,
              effective: true,
              intent: false,
              appointment: false,
              doNotCall: false,
              sortOrder: 100,
            }
          }
        >
          <Form.Item
            name="code"
            label={t("crmCalls.outcomes.code")}
            extra={t("crmCalls.outcomes.codeRule")}
            rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{1,39}$/ }]}
          >
            <Input disabled={!creating} className="mono-input" />
          </Form.Item>
          <div className="lead-form-row">
            <Form.Item
              name="nameZh"
              label={t("crmCalls.outcomes.nameZh")}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item
              name="nameEn"
              label={t("crmCalls.outcomes.nameEn")}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={60} />
            </Form.Item>
          </div>
          <Space wrap>
            {FLAGS.map((f) => (
              <Form.Item key={f} name={f} valuePropName="checked" noStyle>
                <Checkbox>{t(`crmCalls.outcomes.${f}`)}</Checkbox>
              </Form.Item>
            ))}
          </Space>
          <Form.Item name="sortOrder" label={t("crmCalls.outcomes.sortOrder")} className="section-gap-top">
            <InputNumber min={0} max={1000} precision={0} />
          </Form.Item>
          <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
        </Form>
      ) : null}
    </Modal>
  );
}

export function CallOutcomesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  useDocumentTitle(t("crmCalls.outcomes.title"));
  const outcomes = useOutcomes();
  const [editing, setEditing] = useState<Outcome | null>(null);
  const [creating, setCreating] = useState(false);
  const [loading, setLoading] = useState(false);

  const loadStandard = async () => {
    setLoading(true);
    try {
      const { added } = await outcomeApi.loadStandard();
      message.success(t("crmCalls.outcomes.loaded", { count: added }));
      void queryClient.invalidateQueries({ queryKey: ["crm", "outcomes"] });
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setLoading(false);
    }
  };
  const toggle = async (o: Outcome, active: boolean) => {
    try {
      await outcomeApi.update(o.code, { active });
      void queryClient.invalidateQueries({ queryKey: ["crm", "outcomes"] });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const flag = (on: boolean) =>
    on ? (
      <CheckOutlined style={{ color: "#389e0d" }} aria-label="✓" />
    ) : (
      <MinusOutlined className="muted" aria-label="—" />
    );
  const columns: ColumnsType<Outcome> = [
    {
      title: t("crmCalls.outcomes.sortOrder"),
      dataIndex: "sortOrder",
      width: 70,
      render: (n: number) => <span className="num muted">{n}</span>,
    },
    {
      title: t("crmCalls.outcomes.nameZh"),
      dataIndex: "nameZh",
      render: (name: string, o) => (
        <div>
          <strong>{name}</strong> <span className="muted small">{o.nameEn}</span>
          <div className="muted small mono-text">{o.code}</div>
        </div>
      ),
    },
    ...FLAGS.map((f) => ({
      title: t(`crmCalls.outcomes.${f}`),
      dataIndex: f,
      width: 90,
      align: "center" as const,
      render: (v: boolean) => flag(v),
    })),
    {
      title: t("crmCalls.outcomes.active"),
      dataIndex: "active",
      width: 90,
      render: (active: boolean, o) => (
        <Switch
          checked={active}
          onChange={(v) => void toggle(o, v)}
          aria-label={t("crmCalls.outcomes.active")}
          size="small"
        />
      ),
    },
    {
      title: t("common.actions"),
      key: "actions",
      width: 80,
      render: (_: unknown, o) => (
        <Button type="link" size="small" onClick={() => setEditing(o)}>
          {t("crmCalls.outcomes.edit")}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="outcomes-page">
      <PageHeader
        title={t("crmCalls.outcomes.title")}
        subtitle={t("crmCalls.outcomes.subtitle")}
        extra={
          <>
            <Button loading={loading} onClick={() => void loadStandard()}>
              {t("crmCalls.outcomes.loadStandard")}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t("crmCalls.outcomes.create")}
            </Button>
          </>
        }
      />
      <Card className="section-gap">
        <Alert type="info" showIcon title={t("crmCalls.outcomes.flagsHelp")} className="section-gap" />
        <Table<Outcome>
          rowKey="code"
          size="middle"
          loading={outcomes.isFetching}
          dataSource={outcomes.data ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: 900 }}
          rowClassName={(o) => (o.active ? "" : "muted")}
          locale={{
            emptyText: (
              <Empty description={t("crmCalls.outcomes.empty")}>
                <div className="muted section-gap">{t("crmCalls.outcomes.emptyHint")}</div>
                <Button type="primary" onClick={() => void loadStandard()}>
                  {t("crmCalls.outcomes.loadStandard")}
                </Button>
              </Empty>
            ),
          }}
        />
      </Card>
      <OutcomeModal
        outcome={editing}
        creating={creating}
        onClose={() => {
          setEditing(null);
          setCreating(false);
        }}
      />
    </div>
  );
}
