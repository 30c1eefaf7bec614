// 发起 PK: name, who competes (groups or teams), the metric or a weighted score, the period, the
// participants (all of the kind by default) and the reward. crm.manage only.
import { App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import {
  crmApi,
  PK_COUNTED,
  PK_METRICS,
  type PkMetric,
  useCrmMutation,
  useKpiUnits,
} from "../../api/crm-engagement.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";

type Values = {
  name: string;
  unitKind: "group" | "team";
  metric: PkMetric;
  weights?: Record<string, number | null>;
  period: [Dayjs, Dayjs];
  participants?: string[];
  reward?: string;
};

export function PkCreateModal({ open, onClose }: { open: boolean; onClose: (id?: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const units = useKpiUnits();
  const unitKind = Form.useWatch("unitKind", form) ?? "group";
  const metric = Form.useWatch("metric", form);
  const create = useCrmMutation(crmApi.createPk);
  const choices = (unitKind === "team" ? units.data?.teams : units.data?.groups) ?? [];

  const submit = async (values: Values) => {
    try {
      const weights =
        values.metric === "weighted"
          ? Object.fromEntries(
              Object.entries(values.weights ?? {}).filter(([, w]) => typeof w === "number" && w > 0),
            )
          : null;
      const created = await create.mutateAsync({
        name: values.name,
        unitKind: values.unitKind,
        metric: values.metric,
        weights,
        startsOn: values.period[0].format("YYYY-MM-DD"),
        endsOn: values.period[1].format("YYYY-MM-DD"),
        participants: values.participants?.length ? values.participants : null,
        reward: values.reward || null,
      });
      message.success(t("crmKpi.pk.form.created"));
      form.resetFields();
      onClose(created.id);
    } catch (error) {
      if (!applyFieldErrors(form, error, { startsOn: "period", endsOn: "period" }))
        message.error(errorMessage(error));
    }
  };

  const today = dayjs();
  return (
    <Modal
      open={open}
      title={t("crmKpi.pk.create")}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      okText={t("common.create")}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={560}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          unitKind: "group",
          metric: "calls",
          period: [today.startOf("week").add(1, "day"), today.startOf("week").add(7, "day")],
          weights: { calls: 1, effective: 3, intent: 10, appointments: 20, disbursed: 0 },
        }}
      >
        <Form.Item
          name="name"
          label={t("crmKpi.pk.form.name")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Input maxLength={60} placeholder={t("crmKpi.pk.form.namePlaceholder")} data-testid="pk-name" />
        </Form.Item>
        <Form.Item name="unitKind" label={t("crmKpi.pk.form.unitKind")}>
          <Radio.Group
            optionType="button"
            options={(["group", "team"] as const).map((k) => ({
              value: k,
              label: t(`crmKpi.pk.unitKinds.${k}`),
            }))}
            onChange={() => form.setFieldValue("participants", [])}
          />
        </Form.Item>
        <Form.Item name="metric" label={t("crmKpi.pk.form.metric")}>
          <Select
            options={PK_METRICS.map((m) => ({ value: m, label: t(`crmKpi.metrics.${m}`) }))}
            data-testid="pk-metric"
          />
        </Form.Item>
        {metric === "weighted" ? (
          <Form.Item label={t("crmKpi.pk.form.weights")} extra={t("crmKpi.pk.form.weightsHint")}>
            <div className="form-row-3">
              {PK_COUNTED.map((k) => (
                <Form.Item
                  key={k}
                  name={["weights", k]}
                  label={t(`crmKpi.metrics.${k}`)}
                  style={{ marginBottom: 8 }}
                >
                  <InputNumber min={0} max={100} step={0.5} precision={2} style={{ width: "100%" }} />
                </Form.Item>
              ))}
            </div>
          </Form.Item>
        ) : null}
        <Form.Item
          name="period"
          label={t("crmKpi.pk.form.period")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <DatePicker.RangePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name="participants"
          label={t("crmKpi.pk.form.participants")}
          extra={t("crmKpi.pk.form.participantsHint")}
        >
          <Select mode="multiple" allowClear options={choices.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="reward" label={t("crmKpi.pk.form.reward")}>
          <Input maxLength={200} placeholder={t("crmKpi.pk.form.rewardPlaceholder")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
