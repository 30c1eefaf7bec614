import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { addPlanVersion, createPayPlan, type PayPlan, type PlanVersion } from "../../api/payroll.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { formToPatch, PlanFields, type PlanFormValues, planToForm } from "./plan-form.tsx";

type VersionValues = PlanFormValues & { effectiveMonth: Dayjs; note?: string };

/**
 * 新版本: the latest version's fields to change, in force from a month on. Versions are never edited
 * (runs cite them); months already locked cannot be changed, and open runs of later months need a
 * recompute, which the answer lists.
 */
export function PlanVersionDrawer({
  plan,
  latest,
  onClose,
}: {
  plan: PayPlan;
  latest: PlanVersion;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<VersionValues>();
  const [pending, setPending] = useState(false);

  useEffect(() => {
    form.setFieldsValue({
      ...planToForm(latest.plan),
      effectiveMonth: dayjs().add(1, "month").startOf("month"),
    });
  }, [form, latest]);

  const submit = async (values: VersionValues) => {
    setPending(true);
    try {
      const result = await addPlanVersion(plan.id, {
        effectiveMonth: values.effectiveMonth.format("YYYY-MM"),
        plan: formToPatch(values),
        note: values.note?.trim() || null,
      });
      message.success(t("payroll.plans.versionAdded", { label: result.version.label }));
      if (result.runsToRecompute.length)
        modal.info({
          title: t("payroll.plans.recomputeTitle"),
          content: t("payroll.plans.recomputeText", {
            months: result.runsToRecompute.join(t("common.listSeparator")),
          }),
        });
      void queryClient.invalidateQueries({ queryKey: ["pay-plans"] });
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, { effectiveMonth: "effectiveMonth" }))
        message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={900}
      title={t("payroll.plans.newVersionTitle", { name: plan.name, version: latest.version + 1 })}
      destroyOnHidden
      data-testid="plan-version-drawer"
      footer={
        <Space style={{ display: "flex", justifyContent: "flex-end" }}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button
            type="primary"
            loading={pending}
            disabled={pending}
            onClick={() => form.submit()}
            data-testid="save-plan-version"
          >
            {t("payroll.plans.saveVersion")}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon className="section-gap" title={t("payroll.plans.versionNote")} />
      <Form<VersionValues> form={form} layout="vertical" onFinish={submit}>
        <div className="plan-grid">
          <Form.Item
            name="effectiveMonth"
            label={t("payroll.plans.effectiveMonth")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <DatePicker picker="month" style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="note" label={t("payroll.plans.note")} className="plan-grid-wide">
            <Input maxLength={500} placeholder={t("payroll.plans.notePlaceholder")} />
          </Form.Item>
        </div>
        <PlanFields />
      </Form>
    </Drawer>
  );
}

type CreateValues = { code: string; name: string; effectiveMonth: Dayjs; note?: string };

/** 新建方案: starts from the business plan's table (DOMAIN.md §7) with the management rates blank. */
export function PlanCreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const [pending, setPending] = useState(false);
  const submit = async (values: CreateValues) => {
    setPending(true);
    try {
      await createPayPlan({
        code: values.code.trim().toUpperCase(),
        name: values.name.trim(),
        effectiveMonth: values.effectiveMonth.format("YYYY-MM"),
        plan: {},
        note: values.note?.trim() || null,
      });
      message.success(t("payroll.plans.created"));
      void queryClient.invalidateQueries({ queryKey: ["pay-plans"] });
      form.resetFields();
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      title={t("payroll.plans.create")}
      destroyOnHidden
      footer={
        <Space style={{ display: "flex", justifyContent: "flex-end" }}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" loading={pending} disabled={pending} onClick={() => form.submit()}>
            {t("common.create")}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon className="section-gap" title={t("payroll.plans.createNote")} />
      <Form<CreateValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ effectiveMonth: dayjs().startOf("month") }}
      >
        <Form.Item
          name="code"
          label={t("payroll.plans.code")}
          extra={t("payroll.plans.codeHint")}
          rules={[
            { required: true, message: t("common.required") },
            { pattern: /^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/, message: t("payroll.plans.codeHint") },
          ]}
        >
          <Input maxLength={32} className="mono-input" />
        </Form.Item>
        <Form.Item name="name" label={t("payroll.plans.name")} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="effectiveMonth"
          label={t("payroll.plans.effectiveMonth")}
          rules={[{ required: true }]}
        >
          <DatePicker picker="month" style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="note" label={t("payroll.plans.note")}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
