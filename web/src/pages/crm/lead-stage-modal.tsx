// 标为无效: a reason code is required (the floor counts invalid leads by reason).
import { useQueryClient } from "@tanstack/react-query";
import { App, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { INVALID_REASONS, leadApi } from "../../api/crm-leads.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";

export function LeadInvalidModal({
  lead,
  onClose,
}: {
  lead: { id: string; name: string } | null;
  onClose: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ invalidReason: string; note?: string }>();
  const [pending, setPending] = useState(false);

  const submit = async (values: { invalidReason: string; note?: string }) => {
    if (!lead || pending) return;
    setPending(true);
    try {
      await leadApi.stage(lead.id, {
        stage: "invalid",
        invalidReason: values.invalidReason,
        note: values.note || null,
      });
      message.success(t("crmLeads.detail.moved", { stage: t("crmLeads.stage.invalid") }));
      void queryClient.invalidateQueries({ queryKey: ["crm"] });
      form.resetFields();
      onClose(true);
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={lead !== null}
      title={t("crmLeads.stageModal.title", { name: lead?.name ?? "" })}
      okText={t("crmLeads.stageModal.submit")}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      okButtonProps={{ loading: pending, disabled: pending, danger: true }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="invalidReason"
          label={t("crmLeads.stageModal.reason")}
          rules={[{ required: true, message: t("crmLeads.stageModal.reasonRule") }]}
        >
          <Select
            autoFocus
            options={INVALID_REASONS.map((r) => ({ value: r, label: t(`crmLeads.invalidReason.${r}`) }))}
            data-testid="invalid-reason"
          />
        </Form.Item>
        <Form.Item name="note" label={t("crmLeads.stageModal.note")}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
