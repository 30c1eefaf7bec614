// 登记反馈/投诉: type, category (its time limit follows from the setting), channel, who, what, and when
// it came in (now unless entered later).
import { App, type ButtonProps, DatePicker, Form, Input, Modal, Radio, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { crmApi, FEEDBACK_CATEGORIES, FEEDBACK_CHANNELS, useCrmMutation } from "../../api/crm-engagement.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";

type Values = {
  kind: "feedback" | "complaint";
  category: string;
  channel: string;
  contactName: string;
  subject: string;
  detail?: string;
  receivedAt?: Dayjs | null;
};

export function FeedbackCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCrmMutation(crmApi.createFeedback);
  return (
    <Modal
      open={open}
      title={t("crmKpi.feedback.create")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      okButtonProps={{ "data-testid": "feedback-save" } as ButtonProps}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={560}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: "complaint", channel: "phone" }}
        onFinish={async (values) => {
          try {
            const created = await create.mutateAsync({
              ...values,
              detail: values.detail || null,
              receivedAt: values.receivedAt ? values.receivedAt.format("YYYY-MM-DDTHH:mm:ssZ") : null,
            });
            message.success(t("crmKpi.feedback.created", { refNo: created.refNo }));
            form.resetFields();
            onClose();
          } catch (error) {
            if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
          }
        }}
      >
        <Form.Item name="kind" label={t("crmKpi.feedback.fields.kind")}>
          <Radio.Group
            optionType="button"
            options={(["complaint", "feedback"] as const).map((k) => ({
              value: k,
              label: t(`crmKpi.feedback.kinds.${k}`),
            }))}
          />
        </Form.Item>
        <div className="form-row-3" style={{ gridTemplateColumns: "1fr 1fr" }}>
          <Form.Item
            name="category"
            label={t("crmKpi.feedback.fields.category")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <Select
              options={FEEDBACK_CATEGORIES.map((c) => ({
                value: c,
                label: t(`crmKpi.feedback.categories.${c}`),
              }))}
              data-testid="feedback-category"
            />
          </Form.Item>
          <Form.Item name="channel" label={t("crmKpi.feedback.fields.channel")}>
            <Select
              options={FEEDBACK_CHANNELS.map((c) => ({
                value: c,
                label: t(`crmKpi.feedback.channels.${c}`),
              }))}
            />
          </Form.Item>
        </div>
        <Form.Item
          name="contactName"
          label={t("crmKpi.feedback.fields.contactName")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Input maxLength={64} data-testid="feedback-contact" />
        </Form.Item>
        <Form.Item
          name="subject"
          label={t("crmKpi.feedback.fields.subject")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Input maxLength={200} data-testid="feedback-subject" />
        </Form.Item>
        <Form.Item name="detail" label={t("crmKpi.feedback.fields.detail")}>
          <Input.TextArea maxLength={4000} rows={3} />
        </Form.Item>
        <Form.Item name="receivedAt" label={t("crmKpi.feedback.fields.receivedAt")}>
          <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" style={{ width: "100%" }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
