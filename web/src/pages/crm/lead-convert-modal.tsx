// 转化: one click from a lead to a customer file and a submitted application. Students are refused
// by the server (DOMAIN.md §8); the checkbox is there so the person says so rather than guesses.
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Checkbox, Form, Input, Modal, Select } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import { type LeadDetail, leadApi } from "../../api/crm-leads.ts";
import { useProducts } from "../../api/products.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { formatMoney, parseAmountInput } from "../../format.ts";

type Values = {
  productId: string;
  amount: string;
  termMonths: number;
  purpose: string;
  idNumber?: string;
  student?: boolean;
};

export function LeadConvertModal({
  lead,
  open,
  onClose,
}: {
  lead: LeadDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const products = useProducts({ status: "active" }, open);
  const [form] = Form.useForm<Values>();
  const productId = Form.useWatch("productId", form);
  const student = Form.useWatch("student", form);
  const [pending, setPending] = useState(false);
  const product = useMemo(
    () => (products.data?.items ?? []).find((p) => p.id === productId),
    [products.data, productId],
  );

  const submit = async (values: Values) => {
    if (pending) return;
    setPending(true);
    try {
      const result = await leadApi.convert(lead.id, {
        productId: values.productId,
        amount: parseAmountInput(values.amount),
        termMonths: values.termMonths,
        purpose: values.purpose.trim(),
        ...(values.idNumber?.trim() ? { idNumber: values.idNumber.trim() } : {}),
        segment: values.student ? "student" : "individual",
      });
      message.success(t("crmLeads.convert.done", { appNo: result.appNo }));
      void queryClient.invalidateQueries({ queryKey: ["crm"] });
      onClose();
      navigate(`/applications/${result.applicationId}`);
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("crmLeads.convert.title", { name: lead.name })}
      okText={t("crmLeads.convert.submit")}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: pending, disabled: pending, "data-testid": "convert-submit" }}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t("crmLeads.convert.intro")} className="section-gap" />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ amount: lead.wantedAmount ?? "", purpose: lead.purpose ?? "", student: false }}
      >
        <Form.Item name="productId" label={t("crmLeads.convert.product")} rules={[{ required: true }]}>
          <Select
            loading={products.isLoading}
            options={(products.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.name} (${formatMoney(p.minAmount)} – ${formatMoney(p.maxAmount)})`,
            }))}
            data-testid="convert-product"
          />
        </Form.Item>
        <div className="lead-form-row">
          <Form.Item name="amount" label={t("crmLeads.convert.amount")} rules={[{ required: true }]}>
            <Input prefix="¥" inputMode="decimal" />
          </Form.Item>
          <Form.Item name="termMonths" label={t("crmLeads.convert.term")} rules={[{ required: true }]}>
            <Select
              options={(product?.termOptions ?? []).map((m) => ({
                value: m,
                label: t("crmLeads.convert.months", { count: m }),
              }))}
            />
          </Form.Item>
        </div>
        <Form.Item name="purpose" label={t("crmLeads.convert.purpose")} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={500} />
        </Form.Item>
        {lead.idNumber ? null : (
          <Form.Item
            name="idNumber"
            label={t("crmLeads.convert.idNumber")}
            extra={t("crmLeads.convert.idNumberHint")}
            rules={[{ required: true, len: 18 }]}
          >
            <Input maxLength={18} className="mono-input" />
          </Form.Item>
        )}
        <Form.Item
          name="student"
          valuePropName="checked"
          extra={student ? t("crmLeads.convert.studentHint") : undefined}
        >
          <Checkbox>{t("crmLeads.convert.student")}</Checkbox>
        </Form.Item>
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
