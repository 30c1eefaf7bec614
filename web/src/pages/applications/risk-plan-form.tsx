// Step 5 风险方案: risk sets amount, rate, term, method and guarantee, with the schedule previewed.
import { WarningOutlined } from "@ant-design/icons";
import { Button, Form, Input, Radio, Select, Skeleton, Statistic } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { type ApplicationDetail, type OriginationSettings, stepApi } from "../../api/applications.ts";
import { useScheduleQuote } from "../../api/calculator.ts";
import { GUARANTEES, type Guarantee, useProducts } from "../../api/products.ts";
import type { RepaymentMethod } from "../../api/types.ts";
import { apiMessage } from "../../components/api-messages.ts";
import { formatMoney, formatPercent, shiftDecimal, todayInChina, toFen } from "../../format.ts";
import { METHODS } from "../loans/calculator-rules.ts";
import { MoneyInput, PercentInput } from "./inputs.tsx";
import { amountRule, ServerError } from "./step-form-parts.tsx";
import { useStepSubmit } from "./use-step-submit.ts";

type RiskPlanValues = {
  amount: string;
  annualRatePercent: string;
  termMonths: number;
  method: RepaymentMethod;
  guarantee: Guarantee;
  conditions?: string;
};

const PERCENT = /^\d{1,3}(\.\d{1,4})?$/;

export function RiskPlanForm({ app, settings }: { app: ApplicationDetail; settings: OriginationSettings }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RiskPlanValues>();
  const products = useProducts();
  const product = products.data?.items.find((p) => p.id === app.productId);
  const values = Form.useWatch([], form) as Partial<RiskPlanValues> | undefined;
  const limit = app.assessment?.result.recommendedLimit;
  const step = useStepSubmit<RiskPlanValues, { apr: string }>({
    form,
    rename: { annualRate: "annualRatePercent" },
    run: (v) =>
      stepApi.riskPlan(app.id, {
        amount: v.amount,
        annualRate: shiftDecimal(v.annualRatePercent, -2) ?? v.annualRatePercent,
        termMonths: v.termMonths,
        method: v.method,
        guarantee: v.guarantee,
        conditions: v.conditions?.trim() || null,
      }),
    success: (r) => t("applications.steps.riskPlan.done", { apr: formatPercent(r.apr) }),
  });

  useEffect(() => {
    if (!product || form.getFieldValue("method")) return;
    const requested = toFen(app.amount) ?? 0n;
    const recommended = limit ? toFen(limit) : null;
    const amount =
      recommended !== null && recommended > 0n && recommended < requested ? (limit as string) : app.amount;
    form.setFieldsValue({
      amount,
      annualRatePercent: shiftDecimal(product.annualRate, 2) ?? "",
      termMonths: product.termOptions.includes(app.termMonths) ? app.termMonths : product.termOptions[0],
      method: product.method,
      guarantee: product.guaranteeTypes[0],
    });
  }, [product, app, limit, form]);

  // The plan's APR, priced by the same engine the server uses (no fees on a plan).
  const rate =
    values?.annualRatePercent && PERCENT.test(values.annualRatePercent)
      ? shiftDecimal(values.annualRatePercent, -2)
      : null;
  const request =
    rate && values?.amount && toFen(values.amount) && values.termMonths && values.method
      ? {
          principal: values.amount,
          annualRate: rate,
          termMonths: values.termMonths,
          method: values.method,
          startDate: todayInChina(),
        }
      : null;
  const quote = useScheduleQuote(request);
  const apr = quote.data?.apr;
  const overCap = apr !== undefined && Number(apr) > settings.aprCapPercent;

  if (!product) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <Form<RiskPlanValues>
      form={form}
      layout="vertical"
      onFinish={step.submit}
      disabled={step.pending}
      requiredMark
      data-testid="risk-plan-form"
    >
      <ServerError text={step.error} />
      <div className="risk-plan-grid">
        <div>
          <div className="form-row">
            <Form.Item
              name="amount"
              label={t("applications.steps.riskPlan.amount")}
              required
              extra={
                limit
                  ? t("applications.steps.riskPlan.amountHelp", {
                      limit: formatMoney(limit),
                      min: formatMoney(product.minAmount),
                      max: formatMoney(product.maxAmount),
                    })
                  : undefined
              }
              rules={[
                amountRule(false),
                {
                  validator: async (_rule, value: string | undefined) => {
                    const fen = value ? toFen(value) : null;
                    if (
                      fen !== null &&
                      (fen < (toFen(product.minAmount) ?? 0n) || fen > (toFen(product.maxAmount) ?? 0n))
                    )
                      throw new Error(apiMessage("amount-outside-product"));
                  },
                },
              ]}
            >
              <MoneyInput data-testid="plan-amount" />
            </Form.Item>
            <Form.Item
              name="annualRatePercent"
              label={t("applications.steps.riskPlan.annualRate")}
              required
              extra={t("applications.steps.riskPlan.rateHelp", { rate: shiftDecimal(product.annualRate, 2) })}
              rules={[
                {
                  validator: async (_rule, value: string | undefined) => {
                    const decimal = value && PERCENT.test(value) ? shiftDecimal(value, -2) : null;
                    if (!decimal || !(/^0(\.\d+)?$/.test(decimal) || decimal === "1"))
                      throw new Error(apiMessage("invalid-rate"));
                  },
                },
              ]}
            >
              <PercentInput data-testid="plan-rate" />
            </Form.Item>
          </div>
          <div className="form-row">
            <Form.Item
              name="termMonths"
              label={t("applications.steps.riskPlan.term")}
              rules={[{ required: true, message: apiMessage("required") }]}
            >
              <Select
                options={product.termOptions.map((n) => ({
                  value: n,
                  label: t("applications.months", { count: n }),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="method"
              label={t("applications.steps.riskPlan.method")}
              rules={[{ required: true, message: apiMessage("required") }]}
            >
              <Select options={METHODS.map((m) => ({ value: m, label: t(`calculator.methods.${m}`) }))} />
            </Form.Item>
          </div>
          <Form.Item
            name="guarantee"
            label={t("applications.steps.riskPlan.guarantee")}
            rules={[{ required: true, message: apiMessage("required") }]}
          >
            <Radio.Group
              optionType="button"
              options={GUARANTEES.map((g) => ({
                value: g,
                label: t(`products.guarantees.${g}`),
                disabled: !product.guaranteeTypes.includes(g),
              }))}
            />
          </Form.Item>
          <Form.Item name="conditions" label={t("applications.steps.riskPlan.conditions")}>
            <Input.TextArea
              maxLength={2000}
              autoSize={{ minRows: 2, maxRows: 5 }}
              placeholder={t("applications.steps.riskPlan.conditionsPlaceholder")}
            />
          </Form.Item>
        </div>
        <div className={overCap ? "apr-preview apr-preview-over" : "apr-preview"} data-testid="plan-apr">
          <Statistic title={t("applications.steps.riskPlan.apr")} value={apr ? formatPercent(apr) : "—"} />
          <div className="muted small">{t("applications.steps.riskPlan.aprNote")}</div>
          {quote.data ? (
            <div className="apr-preview-facts">
              <div>
                <span className="muted">{t("applications.create.firstPayment")}</span>{" "}
                <span className="num">{formatMoney(quote.data.installments[0]?.total)}</span>
              </div>
              <div>
                <span className="muted">{t("applications.create.totalInterest")}</span>{" "}
                <span className="num">{formatMoney(quote.data.totals.interest)}</span>
              </div>
            </div>
          ) : null}
          {overCap ? (
            <div className="field-error">
              <WarningOutlined />{" "}
              {apiMessage("apr-above-cap", { apr: apr ?? "", cap: settings.aprCapPercent.toFixed(2) })}
            </div>
          ) : null}
        </div>
      </div>
      <Button
        type="primary"
        htmlType="submit"
        loading={step.pending}
        disabled={overCap}
        data-testid="plan-submit"
      >
        {t("applications.steps.riskPlan.submit")}
      </Button>
    </Form>
  );
}
