import { FilePdfOutlined } from "@ant-design/icons";
import { Alert, App, Button, DatePicker, Descriptions, Form, Input, Radio, Result } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { type ApplicationDetail, downloadContract, stepApi } from "../../api/applications.ts";
import { ApiError, errorMessage } from "../../api/client.ts";
import { BUSINESS_TZ, formatMoneyLong, formatPercent, formatRate } from "../../format.ts";
import { useStepSubmit } from "./use-step-submit.ts";

type DisbursementValues = { date: Dayjs; channel: "bank-transfer" | "cash"; reference?: string };
type Disbursed = { loanId: string; loanNo: string };

function newKey(): string {
  return typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The outcome of a payout: the loan it opened and the signed contract. */
export function DisbursedResult({
  app,
  loan,
}: {
  app: Pick<ApplicationDetail, "id" | "appNo">;
  loan: Disbursed;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Result
      status="success"
      title={t("applications.disbursement.doneTitle", { loanNo: loan.loanNo })}
      subTitle={t("applications.disbursement.doneText", { loanId: loan.loanId })}
      extra={[
        <Button
          key="contract"
          type="primary"
          icon={<FilePdfOutlined />}
          onClick={() => downloadContract(app).catch((error: unknown) => message.error(errorMessage(error)))}
          data-testid="result-contract"
        >
          {t("applications.disbursement.contract")}
        </Button>,
        <Link key="app" to={`/applications/${app.id}`}>
          <Button>{t("applications.disbursement.viewApplication")}</Button>
        </Link>,
      ]}
      data-testid="disbursed-result"
    />
  );
}

/**
 * 放款 (finance): date (today by default, never in the future), channel, bank reference. The
 * Idempotency-Key is made when the form opens, so a double click or a retry pays out once.
 */
export function DisbursementForm({
  app,
  onDone,
}: {
  app: ApplicationDetail;
  onDone?: (loan: Disbursed) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DisbursementValues>();
  const key = useRef(newKey());
  const [done, setDone] = useState<Disbursed | null>(null);
  const amount = app.decision?.approvedAmount ?? app.riskPlan?.amount ?? app.amount;
  const step = useStepSubmit<DisbursementValues, Disbursed>({
    form,
    run: async (v) => {
      try {
        return await stepApi.disburse(
          app.id,
          { date: v.date.format("YYYY-MM-DD"), channel: v.channel, reference: v.reference?.trim() || null },
          key.current,
        );
      } catch (error) {
        // A refused payout did nothing: the next attempt (after funds arrive, say) is a new request.
        if (
          error instanceof ApiError &&
          error.status >= 400 &&
          error.status < 500 &&
          error.code !== "idempotency-in-progress"
        )
          key.current = newKey();
        throw error;
      }
    },
    success: (r) => t("applications.disbursement.done", { loanNo: r.loanNo }),
    onDone: (r) => {
      setDone(r);
      onDone?.(r);
    },
  });

  if (done) return <DisbursedResult app={app} loan={done} />;
  const plan = app.riskPlan;
  const conditions = [plan?.conditions, ...(app.decision?.conditions ?? [])].filter(Boolean);
  return (
    <Form<DisbursementValues>
      form={form}
      layout="vertical"
      onFinish={step.submit}
      disabled={step.pending}
      requiredMark
      initialValues={{ date: dayjs().tz(BUSINESS_TZ), channel: "bank-transfer" }}
      data-testid="disbursement-form"
    >
      {step.error ? (
        <Alert type="error" showIcon title={step.error} className="section-gap" data-testid="step-error" />
      ) : null}
      <Alert
        type="info"
        showIcon
        className="section-gap"
        title={t("applications.disbursement.confirmLine", {
          amount: formatMoneyLong(amount),
          customer: app.customerName ?? "—",
        })}
      />
      {plan ? (
        <Descriptions
          size="small"
          bordered
          column={2}
          className="section-gap"
          data-testid="approved-terms"
          items={[
            {
              key: "amount",
              label: t("applications.disbursement.approvedAmount"),
              children: <strong className="num">{formatMoneyLong(amount)}</strong>,
            },
            {
              key: "apr",
              label: "APR",
              children: <strong className="num apr-inline">{formatPercent(plan.apr)}</strong>,
            },
            {
              key: "rate",
              label: t("applications.steps.riskPlan.annualRate"),
              children: (
                <span className="num">{formatRate(app.decision?.approvedRate ?? plan.annualRate)}</span>
              ),
            },
            {
              key: "term",
              label: t("applications.steps.riskPlan.term"),
              children: `${t("applications.months", { count: plan.termMonths })} · ${t(`calculator.methods.${plan.method}`)}`,
            },
            {
              key: "guarantee",
              label: t("applications.steps.riskPlan.guarantee"),
              children: t(`products.guarantees.${plan.guarantee}`),
            },
            { key: "product", label: t("applications.columns.product"), children: app.productName ?? "—" },
            {
              key: "conditions",
              label: t("applications.disbursement.conditions"),
              children: conditions.length ? conditions.join("；") : "—",
              span: 2,
            },
          ]}
        />
      ) : null}
      <div className="form-row">
        <Form.Item
          name="date"
          label={t("applications.disbursement.date")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <DatePicker
            style={{ width: "100%" }}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs().tz(BUSINESS_TZ), "day")}
            data-testid="disburse-date"
          />
        </Form.Item>
        <Form.Item name="channel" label={t("applications.disbursement.channel")} required>
          <Radio.Group
            optionType="button"
            options={[
              { value: "bank-transfer", label: t("applications.disbursement.channels.bank-transfer") },
              { value: "cash", label: t("applications.disbursement.channels.cash") },
            ]}
          />
        </Form.Item>
      </div>
      <Form.Item
        name="reference"
        label={t("applications.disbursement.reference")}
        extra={t("applications.disbursement.referenceHelp")}
      >
        <Input maxLength={100} data-testid="disburse-reference" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={step.pending} data-testid="disburse-submit">
        {t("applications.disbursement.submit", { amount: formatMoneyLong(amount) })}
      </Button>
    </Form>
  );
}
