// A lead hands tasks to a collector (or back to the pool), optionally moving them to another queue.
import { useQueryClient } from "@tanstack/react-query";
import { App, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { assignTasks, QUEUES, type Queue, useCollectors } from "../../api/collections.ts";

const POOL = "__pool__";

export function AssignModal({
  taskIds,
  open,
  onClose,
  onDone,
}: {
  taskIds: string[];
  open: boolean;
  onClose: () => void;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const collectors = useCollectors(open);
  const [form] = Form.useForm<{ assignee: string; queue?: Queue; note?: string }>();
  const [saving, setSaving] = useState(false);
  const a = (key: string, params: Record<string, unknown> = {}) => t(`collections.assign.${key}`, params);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const result = await assignTasks({
        taskIds,
        assigneeId: values.assignee === POOL ? null : values.assignee,
        queue: values.queue,
        note: values.note?.trim() || undefined,
      });
      message.success(a("done", { count: result.changed }));
      await queryClient.invalidateQueries({ queryKey: ["collections"] });
      form.resetFields();
      onDone?.();
      onClose();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const options = [
    { value: POOL, label: a("pool") },
    ...(collectors.data?.items ?? [])
      .filter((c) => c.collector?.active && c.userActive)
      .map((c) => ({
        value: c.userId,
        label: `${c.name} · ${(c.collector?.queues ?? []).map((q) => t(`collections.queueName.${q}`)).join("/")} · ${a("load", { open: c.openTasks, capacity: c.capacity })}`,
      })),
  ];

  return (
    <Modal
      open={open}
      title={a("title")}
      okText={a("ok")}
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
    >
      <p>{a("count", { count: taskIds.length })}</p>
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item
          name="assignee"
          label={a("assignee")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={collectors.isPending}
            options={options}
            data-testid="assign-collector"
          />
        </Form.Item>
        <Form.Item name="queue" label={a("queue")}>
          <Select
            allowClear
            placeholder={a("keepQueue")}
            options={QUEUES.map((q) => ({ value: q, label: t(`collections.queueName.${q}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={a("note")}>
          <Input maxLength={500} placeholder={a("notePlaceholder")} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
