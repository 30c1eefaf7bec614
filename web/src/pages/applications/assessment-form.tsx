// Step 4 信用评估: risk enters the scorecard facts and sees the score.
import { Alert, Button, Form, Input, InputNumber, Switch } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { type ApplicationDetail, stepApi } from "../../api/applications.ts";
import { useCustomer } from "../../api/customers.ts";
import { apiMessage } from "../../components/api-messages.ts";
import { MoneyInput } from "./inputs.tsx";
import { amountRule, ServerError } from "./step-form-parts.tsx";
import { useStepSubmit } from "./use-step-submit.ts";

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
