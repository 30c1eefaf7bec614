import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
} from "antd";
import type { Rule } from "antd/es/form";
import dayjs from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { DOCUMENT_KINDS } from "../../api/customers.ts";
import {
  createProduct,
  GUARANTEES,
  PRODUCT_SEGMENTS,
  type Product,
  updateProduct,
} from "../../api/products.ts";
import { apiMessage } from "../../components/api-messages.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { BUSINESS_TZ, groupAmountInput, parseAmountInput, toFen } from "../../format.ts";
import { METHODS } from "../loans/calculator-rules.ts";
import { AprPreview } from "./apr-preview.tsx";
import {
  COMMON_TERMS,
  changedOnly,
  DEFAULTS,
  FIELD_MAP,
  type FormValues,
  fromProduct,
  percentError,
  toInput,
} from "./product-form-values.ts";

/** 新建 / 修改产品 (products.manage): rates as percent, amounts with ¥, a live APR; a change is a new version. */
export function ProductFormDrawer({
  open,
  product,
  onClose,
  onSaved,
  aprCap = 24,
}: {
  open: boolean;
  product: Product | null;
  onClose: () => void;
  onSaved: (product: Product) => void;
  aprCap?: number;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [pending, setPending] = useState(false);
  const values = Form.useWatch([], form) as Partial<FormValues> | undefined;
  const editing = product !== null;
  const initial = useMemo(
    () => (product ? fromProduct(product) : { ...DEFAULTS, effectiveFrom: dayjs().tz(BUSINESS_TZ) }),
    [product],
  );

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initial as FormValues);
    }
  }, [open, initial, form]);

  const check = (failed: (value: unknown, all: FormValues) => boolean, text: string): Rule => ({
    validator: async (_rule, value: unknown) => {
      if (failed(value, form.getFieldsValue())) throw new Error(text);
    },
  });

  const submit = async (v: FormValues) => {
    if (pending) return;
    setPending(true);
    try {
      const input = toInput(v);
      const saved = product
        ? await updateProduct(product.id, changedOnly(input, product))
        : await createProduct({ ...input, code: v.code?.trim() || undefined, status: v.status });
      message.success(
        editing
          ? t("products.form.savedVersion", { version: saved.version })
          : t("products.form.created", { name: saved.name }),
      );
      for (const warning of saved.warnings ?? []) message.warning(warning.message);
      void queryClient.invalidateQueries({ queryKey: ["products"] });
      onSaved(saved);
    } catch (error) {
      if (!applyFieldErrors(form, error, FIELD_MAP)) message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  const amountInput = (testId: string) => (
    <InputNumber<string>
      stringMode
      prefix="¥"
      controls={false}
      style={{ width: "100%" }}
      formatter={(value) => groupAmountInput(value)}
      parser={(value) => parseAmountInput(value)}
      inputMode="decimal"
      data-testid={testId}
    />
  );
  const percentInput = (placeholder?: string) => (
    <InputNumber<string>
      stringMode
      suffix="%"
      controls={false}
      style={{ width: "100%" }}
      placeholder={placeholder}
    />
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      destroyOnHidden
      title={editing ? t("products.form.editTitle", { name: product?.name }) : t("products.form.createTitle")}
      footer={
        <Space style={{ float: "right" }}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button
            type="primary"
            loading={pending}
            disabled={pending}
            onClick={() => form.submit()}
            data-testid="product-save"
          >
            {editing ? t("products.form.saveVersion") : t("common.create")}
          </Button>
        </Space>
      }
    >
      {editing ? (
        <Alert type="info" showIcon className="section-gap" title={t("products.form.versionNote")} />
      ) : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={pending}
        initialValues={initial}
        requiredMark
      >
        <div className="form-row">
          <Form.Item
            name="name"
            label={t("products.fields.name")}
            rules={[{ required: true, whitespace: true, message: t("common.required") }]}
          >
            <Input maxLength={100} data-testid="product-name" />
          </Form.Item>
          {editing ? (
            <Form.Item label={t("products.fields.code")}>
              <Input value={product?.code} disabled />
            </Form.Item>
          ) : (
            <Form.Item
              name="code"
              label={t("products.fields.code")}
              extra={t("products.form.codeHelp")}
              rules={[{ pattern: /^[A-Za-z0-9][A-Za-z0-9-]{1,31}$/, message: apiMessage("invalid-value") }]}
            >
              <Input maxLength={32} className="mono-input" />
            </Form.Item>
          )}
        </div>
        <Form.Item name="description" label={t("products.fields.description")}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Divider titlePlacement="start" plain className="form-divider">
          {t("products.form.pricing")}
        </Divider>
        <div className="product-form-pricing">
          <div>
            <div className="form-row">
              <Form.Item
                name="method"
                label={t("products.fields.method")}
                rules={[{ required: true, message: t("common.required") }]}
              >
                <Select options={METHODS.map((m) => ({ value: m, label: t(`calculator.methods.${m}`) }))} />
              </Form.Item>
              <Form.Item
                name="annualRatePercent"
                label={t("products.fields.annualRate")}
                required
                extra={t("products.form.percentHelp")}
                rules={[check((v) => percentError(v as string, false), apiMessage("invalid-rate"))]}
              >
                {percentInput()}
              </Form.Item>
            </div>
            <div className="form-row">
              <Form.Item
                name="minAmount"
                label={t("products.fields.minAmount")}
                required
                rules={[
                  check(
                    (v) => !toFen((v as string) ?? "") || (toFen(v as string) ?? 0n) <= 0n,
                    apiMessage("invalid-amount"),
                  ),
                ]}
              >
                {amountInput("product-min")}
              </Form.Item>
              <Form.Item
                name="maxAmount"
                label={t("products.fields.maxAmount")}
                required
                dependencies={["minAmount"]}
                rules={[
                  check(
                    (v) => !toFen((v as string) ?? "") || (toFen(v as string) ?? 0n) <= 0n,
                    apiMessage("invalid-amount"),
                  ),
                  check((v, all) => {
                    const min = toFen(all.minAmount ?? "");
                    const max = toFen((v as string) ?? "");
                    return min !== null && max !== null && min > max;
                  }, apiMessage("min-above-max")),
                ]}
              >
                {amountInput("product-max")}
              </Form.Item>
            </div>
            <Form.Item
              name="termOptions"
              label={t("products.fields.terms")}
              extra={t("products.form.termsHelp")}
              required
              rules={[
                check((v) => {
                  const list = (v as string[] | undefined) ?? [];
                  return (
                    list.length === 0 ||
                    list.some((s) => !/^\d+$/.test(String(s)) || Number(s) < 1 || Number(s) > 360)
                  );
                }, apiMessage("invalid-terms")),
              ]}
            >
              <Select
                mode="tags"
                options={COMMON_TERMS.map((n) => ({
                  value: String(n),
                  label: t("applications.months", { count: n }),
                }))}
                tokenSeparators={[",", " ", "/"]}
              />
            </Form.Item>
          </div>
          <AprPreview values={values ?? {}} cap={aprCap} />
        </div>
        <Divider titlePlacement="start" plain className="form-divider">
          {t("products.form.eligibility")}
        </Divider>
        <Form.Item
          name="eligibleSegments"
          label={t("products.fields.segments")}
          extra={t("products.form.studentNote")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Checkbox.Group
            options={PRODUCT_SEGMENTS.map((s) => ({ value: s, label: t(`customers.segments.${s}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="guaranteeTypes"
          label={t("products.fields.guarantees")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Checkbox.Group
            options={GUARANTEES.map((g) => ({ value: g, label: t(`products.guarantees.${g}`) }))}
          />
        </Form.Item>
        <div className="form-row-3">
          <Form.Item
            name="minAge"
            label={t("products.fields.minAge")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <InputNumber min={18} max={75} precision={0} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item
            name="maxAge"
            label={t("products.fields.maxAge")}
            dependencies={["minAge"]}
            rules={[
              { required: true, message: t("common.required") },
              check(
                (v, all) => Number(v) < Number(all.minAge) || Number(v) > 75,
                apiMessage("invalid-age-range"),
              ),
            ]}
          >
            <InputNumber min={18} max={75} precision={0} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item
            name="maxDtiPercent"
            label={t("products.fields.maxDebtToIncome")}
            rules={[check((v) => percentError(v as string, true), apiMessage("invalid-value"))]}
          >
            {percentInput(t("products.noLimit"))}
          </Form.Item>
        </div>
        <Form.Item name="requiredDocuments" label={t("products.fields.requiredDocuments")}>
          <Checkbox.Group
            options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`customers.documentKinds.${k}`) }))}
          />
        </Form.Item>
        <Divider titlePlacement="start" plain className="form-divider">
          {t("products.form.charges")}
        </Divider>
        <div className="form-row">
          <Form.Item
            name="penaltyRatePercent"
            label={t("products.fields.penaltyRate")}
            extra={t("products.form.penaltyHelp")}
            rules={[check((v) => percentError(v as string, true), apiMessage("invalid-rate"))]}
          >
            {percentInput(t("products.form.penaltyPlaceholder"))}
          </Form.Item>
          <Form.Item
            name="prepaymentFeePercent"
            label={t("products.fields.prepaymentFeeRate")}
            rules={[check((v) => percentError(v as string, true), apiMessage("invalid-rate"))]}
          >
            {percentInput("0")}
          </Form.Item>
        </div>
        <Divider titlePlacement="start" plain className="form-divider">
          {t("products.form.effective")}
        </Divider>
        <div className="form-row">
          <Form.Item
            name="effectiveFrom"
            label={t("products.fields.effectiveFrom")}
            extra={t("products.form.effectiveHelp")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <DatePicker
              style={{ width: "100%" }}
              allowClear={false}
              disabledDate={(d) => d.isBefore(dayjs().tz(BUSINESS_TZ), "day")}
            />
          </Form.Item>
          {editing ? null : (
            <Form.Item name="status" label={t("products.fields.status")}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: "active", label: t("products.status.active") },
                  { value: "draft", label: t("products.status.draft") },
                ]}
              />
            </Form.Item>
          )}
        </div>
        <Form.Item name="note" label={t("products.fields.note")} extra={t("products.form.noteHelp")}>
          <Input maxLength={500} />
        </Form.Item>
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Drawer>
  );
}
