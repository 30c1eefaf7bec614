import { CalculatorOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Form, type FormInstance, InputNumber, Select } from "antd";
import type { Rule } from "antd/es/form";
import { useTranslation } from "react-i18next";
import { groupAmountInput, parseAmountInput } from "../../format.ts";
import {
  type CalculatorValues,
  feeError,
  METHODS,
  principalError,
  rateError,
  termError,
} from "./calculator-rules.ts";

type Props = {
  form: FormInstance<CalculatorValues>;
  initialValues: CalculatorValues;
  pending: boolean;
  onChange: (values: CalculatorValues) => void;
  onSubmit: (values: CalculatorValues) => void;
};

/** Amount with ¥ and thousands separators, rate as percent, term in months; checked as one types. */
export function CalculatorForm({ form, initialValues, pending, onChange, onSubmit }: Props) {
  const { t } = useTranslation();
  const check = (failed: (value: unknown, all: CalculatorValues) => boolean, text: string): Rule => ({
    validator: async (_rule, value: unknown) => {
      if (failed(value, form.getFieldsValue())) throw new Error(text);
    },
  });

  return (
    <Card title={t("calculator.form.title")} className="calculator-form-card">
      <Form<CalculatorValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={(_changed, all) => onChange(all)}
        onFinish={onSubmit}
        requiredMark
      >
        <Form.Item
          name="principal"
          label={t("calculator.form.principal")}
          required
          rules={[check((v) => principalError(v as string), t("calculator.validation.principal"))]}
        >
          <InputNumber<string>
            stringMode
            prefix="¥"
            controls={false}
            style={{ width: "100%" }}
            formatter={(value) => groupAmountInput(value)}
            parser={(value) => parseAmountInput(value)}
            inputMode="decimal"
            data-testid="calc-principal"
          />
        </Form.Item>
        <div className="form-row">
          <Form.Item
            name="annualRatePercent"
            label={t("calculator.form.annualRate")}
            required
            rules={[check((v) => rateError(v as string), t("calculator.validation.rate"))]}
          >
            <InputNumber<string>
              stringMode
              suffix="%"
              controls={false}
              style={{ width: "100%" }}
              inputMode="decimal"
              data-testid="calc-rate"
            />
          </Form.Item>
          <Form.Item
            name="termMonths"
            label={t("calculator.form.termMonths")}
            required
            rules={[check((v) => termError(v as number), t("calculator.validation.term"))]}
          >
            <InputNumber
              suffix={t("calculator.form.months")}
              controls={false}
              style={{ width: "100%" }}
              inputMode="numeric"
              data-testid="calc-term"
            />
          </Form.Item>
        </div>
        <Form.Item name="method" label={t("calculator.form.method")} required>
          <Select
            data-testid="calc-method"
            options={METHODS.map((method) => ({
              value: method,
              label: t(`calculator.methods.${method}`),
              title: t(`calculator.methodHelp.${method}`),
            }))}
            optionRender={(option) => (
              <div>
                <div>{option.label}</div>
                <div className="muted small">{t(`calculator.methodHelp.${option.value}`)}</div>
              </div>
            )}
          />
        </Form.Item>
        <div className="form-row">
          <Form.Item
            name="startDate"
            label={t("calculator.form.startDate")}
            rules={[{ required: true, message: t("calculator.validation.date") }]}
          >
            <DatePicker style={{ width: "100%" }} allowClear={false} />
          </Form.Item>
          <Form.Item
            name="upfrontFee"
            label={t("calculator.form.upfrontFee")}
            tooltip={t("calculator.form.upfrontFeeHelp")}
            dependencies={["principal"]}
            rules={[check((v, all) => feeError(v as string, all.principal), t("calculator.validation.fee"))]}
          >
            <InputNumber<string>
              stringMode
              prefix="¥"
              controls={false}
              style={{ width: "100%" }}
              formatter={(value) => groupAmountInput(value)}
              parser={(value) => parseAmountInput(value)}
              inputMode="decimal"
              data-testid="calc-fee"
            />
          </Form.Item>
        </div>
        <Button
          type="primary"
          htmlType="submit"
          block
          icon={<CalculatorOutlined />}
          loading={pending}
          data-testid="calc-submit"
        >
          {t("calculator.form.calculate")}
        </Button>
      </Form>
    </Card>
  );
}
