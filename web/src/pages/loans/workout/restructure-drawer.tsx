import {
  Alert,
  App,
  Button,
  Col,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Skeleton,
  Spin,
  Switch,
} from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../../api/client.ts";
import type { LoanDetail } from "../../../api/servicing.ts";
import type { RepaymentMethod } from "../../../api/types.ts";
import {
  previewRestructuring,
  proposeRestructuring,
  type RestructuringPreview,
  type RestructuringTerms,
} from "../../../api/workout.ts";
import { applyFieldErrors } from "../../../components/form-errors.ts";
import { formatRate, shiftDecimal } from "../../../format.ts";
import { RestructuringSummary, ScheduleCompare } from "./schedule-compare.tsx";

const METHODS: RepaymentMethod[] = [
  "equal-installment",
  "equal-principal",
  "interest-only",
  "bullet",
  "flat",
];

type Values = {
  mode: "extension" | "term";
  months: number | null;
  ratePercent: number | null;
  // Empty keeps the loan's penalty rate.
  penaltyPercent?: number | null;
  method: RepaymentMethod;
  capitaliseArrears: boolean;
  reason?: string;
};

function termsOf(v: Partial<Values> | undefined): RestructuringTerms | null {
  if (!v || v.months == null || v.ratePercent == null || !v.method) return null;
  const annualRate = shiftDecimal(String(v.ratePercent), -2);
  if (annualRate === null) return null;
  const penaltyRate = v.penaltyPercent == null ? null : shiftDecimal(String(v.penaltyPercent), -2);
  return {
    ...(v.mode === "term" ? { termMonths: v.months } : { extensionMonths: v.months }),
    annualRate,
    ...(penaltyRate !== null ? { penaltyRate } : {}),
    method: v.method,
    capitaliseArrears: Boolean(v.capitaliseArrears),
  };
}

/**
 * 提议展期/重组: the terms on the left, and on the right the engine's new schedule beside the
 * installments it replaces, recomputed by the server a moment after each change.
 */
export function RestructureDrawer({
  loan,
  open,
  onClose,
  onProposed,
}: {
  loan: LoanDetail;
  open: boolean;
  onClose: () => void;
  onProposed: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) as Partial<Values> | undefined;
  const [preview, setPreview] = useState<RestructuringPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const latest = useRef(0);
  const termsKey = JSON.stringify(termsOf(values));
  const r = (key: string, params: Record<string, unknown> = {}) => t(`workout.restructure.${key}`, params);
  const initial = useMemo<Values>(
    () => ({
      mode: "extension",
      months: 6,
      ratePercent: Number(shiftDecimal(loan.rate, 2) ?? "0"),
      method: loan.method,
      capitaliseArrears: true,
    }),
    [loan.rate, loan.method],
  );

  useEffect(() => {
    const terms = JSON.parse(termsKey) as RestructuringTerms | null;
    if (!open || !terms) return;
    const request = ++latest.current;
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const result = await previewRestructuring(loan.id, terms);
        if (request !== latest.current) return;
        setPreview(result);
        setPreviewError(null);
      } catch (error) {
        if (request !== latest.current) return;
        setPreviewError(errorMessage(error));
      } finally {
        if (request === latest.current) setLoading(false);
      }
    }, 350);
    return () => clearTimeout(timer);
  }, [open, termsKey, loan.id]);

  const submit = async () => {
    const v = await form.validateFields();
    const terms = termsOf(v);
    if (!terms) return;
    setSubmitting(true);
    try {
      await proposeRestructuring(loan.id, { ...terms, reason: (v.reason ?? "").trim() });
      message.success(r("submitted"));
      onProposed();
      onClose();
    } catch (error) {
      const shown = applyFieldErrors(form, error, {
        extensionMonths: "months",
        termMonths: "months",
        annualRate: "ratePercent",
        penaltyRate: "penaltyPercent",
      });
      if (!shown) message.error(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  const remaining = preview?.current.remainingMonths;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={1240}
      destroyOnHidden
      title={r("title", { loanNo: loan.loanNo })}
      data-testid="restructure-drawer"
      afterOpenChange={(visible) => {
        if (!visible) {
          setPreview(null);
          setPreviewError(null);
        }
      }}
      footer={
        <div style={{ display: "flex", justifyContent: "space-between", gap: 8, alignItems: "center" }}>
          <span className="muted">{r("flow")}</span>
          <span style={{ display: "flex", gap: 8 }}>
            <Button onClick={onClose}>{t("common.cancel")}</Button>
            <Button
              type="primary"
              onClick={() => void submit()}
              loading={submitting}
              disabled={!preview || preview.proposed.aprAboveCap || Boolean(previewError)}
              data-testid="restructure-submit"
            >
              {r("submit")}
            </Button>
          </span>
        </div>
      }
    >
      <Row gutter={24}>
        <Col xs={24} lg={7}>
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={initial}
            requiredMark
            onFinish={() => void submit()}
          >
            <Form.Item name="mode" label={r("mode")}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: "extension", label: r("modeExtension") },
                  { value: "term", label: r("modeTerm") },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="months"
              label={values?.mode === "term" ? r("termMonths") : r("extensionMonths")}
              extra={remaining !== undefined ? r("remaining", { months: remaining }) : undefined}
              rules={[{ required: true, message: r("monthsRequired") }]}
            >
              <InputNumber
                min={values?.mode === "term" ? 1 : 0}
                max={values?.mode === "term" ? 360 : 120}
                precision={0}
                style={{ width: "100%" }}
                suffix={r("monthsUnit")}
                data-testid="restructure-months"
              />
            </Form.Item>
            <Form.Item
              name="ratePercent"
              label={r("annualRate")}
              rules={[{ required: true, message: r("rateRequired") }]}
            >
              <InputNumber min={0} max={100} step={0.5} style={{ width: "100%" }} suffix="%" />
            </Form.Item>
            <Form.Item
              name="penaltyPercent"
              label={r("penaltyRate")}
              extra={r("penaltyRateHint", { rate: formatRate(loan.penaltyRate) })}
            >
              <InputNumber
                min={0}
                max={100}
                step={0.5}
                style={{ width: "100%" }}
                suffix="%"
                placeholder={r("penaltyRatePlaceholder", { rate: formatRate(loan.penaltyRate) })}
                data-testid="restructure-penalty-rate"
              />
            </Form.Item>
            <Form.Item name="method" label={r("method")} rules={[{ required: true }]}>
              <Select options={METHODS.map((m) => ({ value: m, label: t(`calculator.methods.${m}`) }))} />
            </Form.Item>
            <Form.Item
              name="capitaliseArrears"
              label={r("capitalise")}
              valuePropName="checked"
              extra={r("capitaliseHint")}
            >
              <Switch />
            </Form.Item>
            <Form.Item
              name="reason"
              label={r("reason")}
              rules={[{ required: true, whitespace: true, min: 2, message: r("reasonRequired") }]}
            >
              <Input.TextArea
                rows={4}
                maxLength={500}
                showCount
                placeholder={r("reasonPlaceholder")}
                data-testid="restructure-reason"
              />
            </Form.Item>
          </Form>
        </Col>
        <Col xs={24} lg={17}>
          <div className="workout-preview-head">
            <strong>{r("previewTitle")}</strong>
            <span className="muted">{r("previewHint", { date: loan.businessDate })}</span>
            {loading ? <Spin size="small" /> : null}
          </div>
          {previewError ? (
            <Alert type="error" showIcon message={previewError} style={{ marginBottom: 12 }} />
          ) : null}
          {preview?.proposed.aprAboveCap ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={r("aprAboveCap", { apr: preview.proposed.apr, cap: preview.proposed.aprCap })}
            />
          ) : null}
          {preview ? (
            <div className={loading ? "workout-preview stale" : "workout-preview"}>
              <RestructuringSummary preview={preview} />
              <div className="section-gap" />
              <ScheduleCompare preview={preview} />
            </div>
          ) : previewError ? null : (
            <Skeleton active paragraph={{ rows: 10 }} />
          )}
        </Col>
      </Row>
    </Drawer>
  );
}
