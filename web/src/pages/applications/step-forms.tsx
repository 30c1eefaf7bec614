// The forms of steps 2–5 (interview, qualification, assessment, risk plan), each shown only to the role
// that takes the step. Labels above fields, amounts with ¥, rates as percent, the server's messages.
import { WarningOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  Alert,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Skeleton,
  Statistic,
  Switch,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ApplicationDetail,
  type OriginationSettings,
  stepApi,
  useQualificationChecks,
} from "../../api/applications.ts";
import { fetchSchedule } from "../../api/calculator.ts";
import { useCustomer } from "../../api/customers.ts";
import { GUARANTEES, type Guarantee, useProducts } from "../../api/products.ts";
import type { RepaymentMethod } from "../../api/types.ts";
import { apiMessage } from "../../components/api-messages.ts";
import { BUSINESS_TZ, formatMoney, formatPercent, shiftDecimal, todayInChina, toFen } from "../../format.ts";
import { METHODS } from "../loans/calculator-rules.ts";
import { MoneyInput, PercentInput } from "./inputs.tsx";
import { CheckList } from "./step-summaries.tsx";
import { useStepSubmit } from "./use-step-submit.ts";

const amountRule = (optional: boolean) => ({
  validator: async (_rule: unknown, value: string | undefined) => {
    if (!value) {
      if (!optional) throw new Error(apiMessage("required"));
      return;
    }
    const fen = toFen(value);
    if (fen === null || fen < 0n) throw new Error(apiMessage("invalid-amount"));
  },
});

function ServerError({ text }: { text: string | null }) {
  if (!text) return null;
  return <Alert type="error" showIcon title={text} className="section-gap" data-testid="step-error" />;
}

// ---------------------------------------------------------------- step 2 客户面谈
type InterviewValues = {
  notes: string;
  monthlyIncome?: string;
  monthlyDebt?: string;
  repaymentSource?: string;
  businessDescription?: string;
  premisesVisited: boolean;
  interviewedAt: Dayjs;
};

export function InterviewForm({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<InterviewValues>();
  const customer = useCustomer(app.customerId);
  const step = useStepSubmit<InterviewValues, unknown>({
    form,
    run: (v) =>
      stepApi.interview(app.id, {
        notes: v.notes.trim(),
        monthlyIncome: v.monthlyIncome || undefined,
        monthlyDebt: v.monthlyDebt || undefined,
        repaymentSource: v.repaymentSource?.trim() || undefined,
        businessDescription: v.businessDescription?.trim() || null,
        premisesVisited: v.premisesVisited,
        interviewedAt: v.interviewedAt.format("YYYY-MM-DD"),
      }),
    success: () => t("applications.steps.interview.done"),
  });
  useEffect(() => {
    const income = customer.data?.monthlyIncome;
    if (income && !form.getFieldValue("monthlyIncome")) form.setFieldValue("monthlyIncome", income);
  }, [customer.data, form]);

  return (
    <Form<InterviewValues>
      form={form}
      layout="vertical"
      onFinish={step.submit}
      disabled={step.pending}
      initialValues={{ premisesVisited: false, interviewedAt: dayjs().tz(BUSINESS_TZ) }}
      requiredMark
      data-testid="interview-form"
    >
      <ServerError text={step.error} />
      <Form.Item
        name="notes"
        label={t("applications.steps.interview.notes")}
        rules={[
          { required: true, whitespace: true, message: apiMessage("required") },
          { min: 2, message: apiMessage("too-short") },
        ]}
      >
        <Input.TextArea
          maxLength={4000}
          autoSize={{ minRows: 3, maxRows: 8 }}
          placeholder={t("applications.steps.interview.notesPlaceholder")}
          data-testid="interview-notes"
        />
      </Form.Item>
      <div className="form-row">
        <Form.Item
          name="monthlyIncome"
          label={t("applications.steps.interview.monthlyIncome")}
          extra={t("applications.steps.interview.incomeHelp")}
          rules={[amountRule(true)]}
        >
          <MoneyInput data-testid="interview-income" />
        </Form.Item>
        <Form.Item
          name="monthlyDebt"
          label={t("applications.steps.interview.monthlyDebt")}
          extra={t("applications.steps.interview.debtHelp")}
          rules={[amountRule(true)]}
        >
          <MoneyInput data-testid="interview-debt" />
        </Form.Item>
      </div>
      <div className="form-row">
        <Form.Item name="repaymentSource" label={t("applications.steps.interview.repaymentSource")}>
          <Input maxLength={500} placeholder={t("applications.steps.interview.repaymentSourcePlaceholder")} />
        </Form.Item>
        <Form.Item name="interviewedAt" label={t("applications.steps.interview.interviewedAt")}>
          <DatePicker
            style={{ width: "100%" }}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs().tz(BUSINESS_TZ), "day")}
          />
        </Form.Item>
      </div>
      <Form.Item name="businessDescription" label={t("applications.steps.interview.businessDescription")}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Form.Item
        name="premisesVisited"
        label={t("applications.steps.interview.premisesVisited")}
        valuePropName="checked"
      >
        <Switch checkedChildren={t("common.yes")} unCheckedChildren={t("common.no")} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={step.pending} data-testid="interview-submit">
        {t("applications.steps.interview.submit")}
      </Button>
    </Form>
  );
}

// ---------------------------------------------------------------- step 3 资格审查
type QualificationValues = { decision: "pass" | "reject"; reason?: string };
const HARD_CHECKS = new Set(["segment-eligible", "not-blacklisted"]);

export function QualificationForm({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<QualificationValues>();
  const checks = useQualificationChecks(app.id, true);
  const decision = Form.useWatch("decision", form);
  const failed = (checks.data ?? []).filter((c) => !c.passed);
  const hard = failed.find((c) => HARD_CHECKS.has(c.key));
  const step = useStepSubmit<QualificationValues, unknown>({
    form,
    run: (v) => stepApi.qualification(app.id, { decision: v.decision, reason: v.reason?.trim() || null }),
    success: () =>
      form.getFieldValue("decision") === "pass"
        ? t("applications.steps.qualification.passed")
        : t("applications.steps.qualification.rejected"),
  });
  const needsReason = decision === "reject" || failed.length > 0;
  // Students and blacklisted customers are never passed: once the checks say so, "reject" is preset.
  useEffect(() => {
    if (hard) form.setFieldValue("decision", "reject");
  }, [hard, form]);

  return (
    <div data-testid="qualification-form">
      <div className="step-subtitle">{t("applications.steps.qualification.checksTitle")}</div>
      {checks.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <CheckList checks={checks.data ?? []} />
      )}
      {checks.data ? (
        <Alert
          className="section-gap section-gap-top"
          type={failed.length === 0 ? "success" : hard ? "error" : "warning"}
          showIcon
          title={
            failed.length === 0
              ? t("applications.steps.qualification.allPassed", { count: checks.data.length })
              : hard
                ? apiMessage("qualification-hard-fail", { check: t(`applications.checks.${hard.key}`) })
                : t("applications.steps.qualification.someFailed", { count: failed.length })
          }
        />
      ) : null}
      <Form<QualificationValues>
        form={form}
        layout="vertical"
        onFinish={step.submit}
        disabled={step.pending}
        initialValues={{ decision: "pass" }}
        requiredMark
      >
        <ServerError text={step.error} />
        <Form.Item name="decision" label={t("applications.steps.qualification.decision")} required>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: "pass", label: t("applications.steps.qualification.pass"), disabled: Boolean(hard) },
              { value: "reject", label: t("applications.steps.qualification.reject") },
            ]}
            data-testid="qualification-decision"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("applications.steps.qualification.reason")}
          required={needsReason}
          dependencies={["decision"]}
          extra={
            decision === "pass" && failed.length > 0
              ? apiMessage("reason-required-for-override")
              : t("applications.steps.qualification.reasonHelp")
          }
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                if (value?.trim()) return;
                if (form.getFieldValue("decision") === "reject") throw new Error(apiMessage("required"));
                if (failed.length > 0) throw new Error(apiMessage("reason-required-for-override"));
              },
            },
          ]}
        >
          <Input.TextArea
            maxLength={1000}
            autoSize={{ minRows: 2, maxRows: 5 }}
            data-testid="qualification-reason"
          />
        </Form.Item>
        <Button
          type="primary"
          danger={decision === "reject"}
          htmlType="submit"
          loading={step.pending}
          data-testid="qualification-submit"
        >
          {decision === "reject"
            ? t("applications.steps.qualification.submitReject")
            : t("applications.steps.qualification.submitPass")}
        </Button>
      </Form>
    </div>
  );
}

// ---------------------------------------------------------------- step 4 信用评估
type AssessmentValues = {
  monthlyIncome: string;
  monthlyDebt: string;
  businessYears: number;
  overdueCount24m: number;
  hasCollateral: boolean;
  notes?: string;
};

export function AssessmentForm({ app }: { app: ApplicationDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AssessmentValues>();
  const customer = useCustomer(app.customerId);
  const step = useStepSubmit<AssessmentValues, { score: number; grade: string }>({
    form,
    run: (v) =>
      stepApi.assessment(app.id, {
        monthlyIncome: v.monthlyIncome,
        monthlyDebt: v.monthlyDebt,
        businessYears: v.businessYears,
        overdueCount24m: v.overdueCount24m,
        hasCollateral: v.hasCollateral,
        notes: v.notes?.trim() || null,
      }),
    success: (r) => t("applications.steps.assessment.done", { score: r.score, grade: r.grade }),
  });
  useEffect(() => {
    if (customer.data?.businessYears != null && form.getFieldValue("businessYears") === undefined)
      form.setFieldValue("businessYears", customer.data.businessYears);
  }, [customer.data, form]);

  return (
    <Form<AssessmentValues>
      form={form}
      layout="vertical"
      onFinish={step.submit}
      disabled={step.pending}
      requiredMark
      initialValues={{
        monthlyIncome: app.interview?.monthlyIncome ?? customer.data?.monthlyIncome ?? undefined,
        monthlyDebt: app.interview?.monthlyDebt ?? "0",
        overdueCount24m: 0,
        hasCollateral: false,
      }}
      data-testid="assessment-form"
    >
      <ServerError text={step.error} />
      <Alert type="info" showIcon className="section-gap" title={t("applications.steps.assessment.hint")} />
      <div className="form-row">
        <Form.Item
          name="monthlyIncome"
          label={t("applications.steps.assessment.monthlyIncome")}
          required
          rules={[amountRule(false)]}
        >
          <MoneyInput data-testid="assessment-income" />
        </Form.Item>
        <Form.Item
          name="monthlyDebt"
          label={t("applications.steps.assessment.monthlyDebt")}
          required
          rules={[amountRule(false)]}
        >
          <MoneyInput data-testid="assessment-debt" />
        </Form.Item>
      </div>
      <div className="form-row">
        <Form.Item
          name="businessYears"
          label={t("applications.steps.assessment.businessYears")}
          rules={[{ required: true, message: apiMessage("required") }]}
        >
          <InputNumber
            min={0}
            max={80}
            step={0.5}
            suffix={t("customers.form.years")}
            style={{ width: "100%" }}
            data-testid="assessment-years"
          />
        </Form.Item>
        <Form.Item
          name="overdueCount24m"
          label={t("applications.steps.assessment.overdueCount24m")}
          rules={[{ required: true, message: apiMessage("required") }]}
        >
          <InputNumber
            min={0}
            max={100}
            precision={0}
            suffix={t("applications.steps.assessment.times")}
            style={{ width: "100%" }}
          />
        </Form.Item>
      </div>
      <Form.Item
        name="hasCollateral"
        label={t("applications.steps.assessment.hasCollateral")}
        valuePropName="checked"
      >
        <Switch checkedChildren={t("common.yes")} unCheckedChildren={t("common.no")} />
      </Form.Item>
      <Form.Item name="notes" label={t("applications.steps.assessment.notes")}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={step.pending} data-testid="assessment-submit">
        {t("applications.steps.assessment.submit")}
      </Button>
    </Form>
  );
}

// ---------------------------------------------------------------- step 5 风险把控
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
  const [debounced, setDebounced] = useState(request);
  const requestKey = JSON.stringify(request);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(requestKey === "null" ? null : JSON.parse(requestKey)), 350);
    return () => clearTimeout(timer);
  }, [requestKey]);
  const quote = useQuery({
    queryKey: ["calculator", debounced],
    queryFn: () => fetchSchedule(debounced as NonNullable<typeof debounced>),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Infinity,
  });
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
