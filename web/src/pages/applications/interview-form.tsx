// Step 2 客户面谈: the customer manager records the interview.
import { Button, DatePicker, Form, Input, Switch } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { type ApplicationDetail, stepApi } from "../../api/applications.ts";
import { useCustomer } from "../../api/customers.ts";
import { apiMessage } from "../../components/api-messages.ts";
import { BUSINESS_TZ } from "../../format.ts";
import { MoneyInput } from "./inputs.tsx";
import { amountRule, ServerError } from "./step-form-parts.tsx";
import { useStepSubmit } from "./use-step-submit.ts";

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
