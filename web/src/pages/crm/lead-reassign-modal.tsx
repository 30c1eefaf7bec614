// 改派: the selected leads to one person, or spread round-robin over a group (crm.manage).
import { useQueryClient } from "@tanstack/react-query";
import { App, Form, Input, Modal, Radio, Select } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { groupLeaders, leadApi, useAgents } from "../../api/crm-leads.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";

type Values = { mode: "person" | "group"; ownerId?: string; groupLeaderId?: string; note?: string };

export function LeadReassignModal({
  leadIds,
  open,
  onClose,
}: {
  leadIds: string[];
  open: boolean;
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const agents = useAgents(open);
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch("mode", form);
  const [pending, setPending] = useState(false);
  const leaders = useMemo(() => groupLeaders(agents.data ?? []), [agents.data]);

  const submit = async (values: Values) => {
    if (pending) return;
    setPending(true);
    try {
      const result = await leadApi.reassign({
        leadIds,
        ...(values.mode === "person" ? { ownerId: values.ownerId } : { groupLeaderId: values.groupLeaderId }),
        note: values.note || null,
      });
      message.success(t("crmLeads.reassignModal.done", { count: result.reassigned }));
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
      open={open}
      title={t("crmLeads.reassignModal.title", { count: leadIds.length })}
      okText={t("crmLeads.reassignModal.submit")}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      okButtonProps={{ loading: pending, disabled: pending, "data-testid": "reassign-submit" }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ mode: "person" }}>
        <Form.Item name="mode" label={t("crmLeads.reassignModal.mode")}>
          <Radio.Group
            options={[
              { value: "person", label: t("crmLeads.reassignModal.toPerson") },
              { value: "group", label: t("crmLeads.reassignModal.toGroup") },
            ]}
          />
        </Form.Item>
        {mode === "group" ? (
          <Form.Item
            name="groupLeaderId"
            label={t("crmLeads.reassignModal.group")}
            rules={[{ required: true, message: t("crmLeads.reassignModal.groupRule") }]}
          >
            <Select options={leaders.map((l) => ({ value: l.id, label: l.name }))} />
          </Form.Item>
        ) : (
          <Form.Item
            name="ownerId"
            label={t("crmLeads.reassignModal.person")}
            rules={[{ required: true, message: t("crmLeads.reassignModal.personRule") }]}
          >
            <Select
              showSearch
              optionFilterProp="label"
              loading={agents.isLoading}
              options={(agents.data ?? [])
                .filter((a) => a.awayReason !== "disabled" && a.awayReason !== "left")
                .map((a) => ({
                  value: a.userId,
                  label: `${a.displayName}${a.managerName ? ` · ${a.managerName}` : ""} (${a.openLeads}/${a.capacity})`,
                }))}
              data-testid="reassign-owner"
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t("crmLeads.reassignModal.note")}>
          <Input maxLength={500} placeholder={t("crmLeads.reassignModal.notePlaceholder")} />
        </Form.Item>
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
