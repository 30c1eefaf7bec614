import { Divider, Form, type FormInstance, Input, InputNumber, Radio, Select } from "antd";
import type { Rule } from "antd/es/form";
import { useTranslation } from "react-i18next";
import { ageOn } from "../../../../src/modules/customers/domain/identifiers.ts";
import type { BusinessKind, Customer, CustomerInput, CustomerType } from "../../api/customers.ts";
import { BUSINESS_KINDS } from "../../api/customers.ts";
import { groupAmountInput, parseAmountInput, todayInChina } from "../../format.ts";
import {
  bankCardError,
  bankCardWarning,
  creditCodeError,
  idNumberError,
  incomeError,
  phoneError,
  residentIdInfo,
} from "./customer-rules.ts";

export type CustomerFormValues = {
  type: CustomerType;
  name?: string;
  businessKind?: BusinessKind;
  creditCode?: string;
  legalRepresentative?: string;
  idNumber?: string;
  phone?: string;
  segment?: "individual" | "student";
  monthlyIncome?: string;
  businessYears?: number | null;
  occupation?: string;
  employer?: string;
  bankName?: string;
  bankCard?: string;
  address?: string;
  notes?: string;
};

/** A rule from a check that returns its message (null when fine). */
function checked(check: (value: string | undefined) => string | null, optional = false): Rule {
  return {
    validator: async (_rule, value: string | undefined) => {
      if (optional && !value?.trim()) return;
      const error = check(value);
      if (error) throw new Error(error);
    },
  };
}

const trimmed = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** The API body: on create every field; on edit only identifiers that were typed again. */
export function toCustomerInput(values: CustomerFormValues, mode: "create" | "edit"): CustomerInput {
  const business = values.type === "business";
  const input: CustomerInput = {
    name: values.name?.trim(),
    monthlyIncome: values.monthlyIncome ? values.monthlyIncome : null,
    businessYears: values.businessYears ?? null,
    occupation: trimmed(values.occupation),
    employer: business ? null : trimmed(values.employer),
    bankName: trimmed(values.bankName),
    address: trimmed(values.address),
    notes: trimmed(values.notes),
  };
  if (business) {
    input.businessKind = values.businessKind ?? null;
    input.legalRepresentative = trimmed(values.legalRepresentative);
  } else input.segment = values.segment ?? "individual";
  if (mode === "create") {
    input.type = values.type;
    input.idNumber = values.idNumber?.trim() ?? "";
    input.phone = values.phone?.trim() ?? "";
    if (business) input.creditCode = values.creditCode?.trim().toUpperCase() ?? "";
    if (values.bankCard?.trim()) input.bankCard = values.bankCard.trim();
    return input;
  }
  if (values.idNumber?.trim()) input.idNumber = values.idNumber.trim();
  if (values.phone?.trim()) input.phone = values.phone.trim();
  if (business && values.creditCode?.trim()) input.creditCode = values.creditCode.trim().toUpperCase();
  if (values.bankCard?.trim()) input.bankCard = values.bankCard.trim();
  return input;
}

export function customerToForm(customer: Customer): CustomerFormValues {
  return {
    type: customer.type,
    name: customer.name,
    businessKind: customer.businessKind ?? undefined,
    creditCode: customer.creditCode ?? undefined,
    legalRepresentative: customer.legalRepresentative ?? undefined,
    segment: customer.segment === "student" ? "student" : "individual",
    monthlyIncome: customer.monthlyIncome ?? undefined,
    businessYears: customer.businessYears,
    occupation: customer.occupation ?? undefined,
    employer: customer.employer ?? undefined,
    bankName: customer.bankName ?? undefined,
    address: customer.address ?? undefined,
    notes: customer.notes ?? undefined,
  };
}

/** What a valid ID number says about its holder: "1985-03-12 · 男 · 41 岁". */
function IdNumberHint({ form }: { form: FormInstance<CustomerFormValues> }) {
  const { t } = useTranslation();
  const value = Form.useWatch("idNumber", form);
  const info = residentIdInfo(value);
  if (!info) return null;
  return (
    <span data-testid="id-info">
      {t("customers.form.idInfo", {
        birth: info.birthDate,
        gender: t(`customers.gender.${info.gender}`),
        age: ageOn(info.birthDate, todayInChina()),
      })}
    </span>
  );
}

/**
 * The customer file's fields, labels above, checked as one types. Business fields appear only for a
 * business; on edit the identifiers are blank and keep their current value unless typed again.
 */
export function CustomerFields({
  form,
  mode,
  current,
}: {
  form: FormInstance<CustomerFormValues>;
  mode: "create" | "edit";
  current?: Customer;
}) {
  const { t } = useTranslation();
  const type = Form.useWatch("type", form) ?? current?.type ?? "individual";
  const business = type === "business";
  const edit = mode === "edit";
  const keepHint = (masked: string | null | undefined) =>
    edit ? t("customers.form.keepCurrent", { value: masked || t("common.none") }) : undefined;

  return (
    <>
      {edit ? null : (
        <Form.Item name="type" label={t("customers.form.type")} required>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: "individual", label: t("customers.types.individual") },
              { value: "business", label: t("customers.types.business") },
            ]}
            data-testid="customer-type"
          />
        </Form.Item>
      )}
      <Form.Item
        name="name"
        label={business ? t("customers.form.businessName") : t("customers.form.personName")}
        rules={[{ required: true, whitespace: true, message: t("common.required") }]}
      >
        <Input maxLength={100} autoFocus={!edit} data-testid="customer-name" />
      </Form.Item>
      {business ? (
        <>
          <Divider titlePlacement="start" plain className="form-divider">
            {t("customers.form.businessSection")}
          </Divider>
          <div className="form-row">
            <Form.Item
              name="businessKind"
              label={t("customers.form.businessKind")}
              rules={[{ required: true, message: t("customers.form.businessKindRequired") }]}
            >
              <Select
                options={BUSINESS_KINDS.map((k) => ({ value: k, label: t(`customers.segments.${k}`) }))}
                placeholder={t("customers.form.selectBusinessKind")}
                data-testid="customer-business-kind"
              />
            </Form.Item>
            <Form.Item
              name="legalRepresentative"
              label={t("customers.form.legalRepresentative")}
              rules={[{ required: !edit, whitespace: true, message: t("common.required") }]}
            >
              <Input maxLength={50} data-testid="customer-legal-rep" />
            </Form.Item>
          </div>
          <Form.Item
            name="creditCode"
            label={t("customers.form.creditCode")}
            required={!edit}
            extra={edit ? keepHint(current?.creditCode) : t("customers.form.creditCodeHelp")}
            rules={[checked(creditCodeError, edit)]}
            normalize={(value: string) => value?.toUpperCase()}
          >
            <Input
              maxLength={18}
              className="mono-input"
              autoComplete="off"
              data-testid="customer-credit-code"
            />
          </Form.Item>
        </>
      ) : null}
      <Divider titlePlacement="start" plain className="form-divider">
        {t("customers.form.identitySection")}
      </Divider>
      <div className="form-row">
        <Form.Item
          name="idNumber"
          label={business ? t("customers.form.representativeId") : t("customers.form.idNumber")}
          required={!edit}
          rules={[checked(idNumberError, edit)]}
          extra={edit ? keepHint(current?.idNumber) : <IdNumberHint form={form} />}
          normalize={(value: string) => value?.toUpperCase()}
        >
          <Input maxLength={18} className="mono-input" autoComplete="off" data-testid="customer-id-number" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t("customers.form.phone")}
          required={!edit}
          rules={[checked(phoneError, edit)]}
          extra={keepHint(current?.phone)}
        >
          <Input maxLength={20} inputMode="tel" autoComplete="off" data-testid="customer-phone" />
        </Form.Item>
      </div>
      {business ? null : (
        <Form.Item name="segment" label={t("customers.form.segment")} extra={t("customers.studentNote")}>
          <Radio.Group
            options={[
              { value: "individual", label: t("customers.segments.individual") },
              { value: "student", label: t("customers.segments.student") },
            ]}
          />
        </Form.Item>
      )}
      <Divider titlePlacement="start" plain className="form-divider">
        {t("customers.form.incomeSection")}
      </Divider>
      <div className="form-row">
        <Form.Item
          name="monthlyIncome"
          label={business ? t("customers.form.monthlyRevenue") : t("customers.form.monthlyIncome")}
          rules={[checked(incomeError, true)]}
        >
          <InputNumber<string>
            stringMode
            prefix="¥"
            controls={false}
            style={{ width: "100%" }}
            formatter={(value) => groupAmountInput(value)}
            parser={(value) => parseAmountInput(value)}
            inputMode="decimal"
            data-testid="customer-income"
          />
        </Form.Item>
        <Form.Item
          name="businessYears"
          label={business ? t("customers.form.businessYears") : t("customers.form.workYears")}
        >
          <InputNumber
            min={0}
            max={100}
            precision={0}
            suffix={t("customers.form.years")}
            style={{ width: "100%" }}
            data-testid="customer-years"
          />
        </Form.Item>
      </div>
      <div className="form-row">
        <Form.Item
          name="occupation"
          label={business ? t("customers.form.industry") : t("customers.form.occupation")}
        >
          <Input maxLength={100} />
        </Form.Item>
        {business ? null : (
          <Form.Item name="employer" label={t("customers.form.employer")}>
            <Input maxLength={200} />
          </Form.Item>
        )}
      </div>
      <Divider titlePlacement="start" plain className="form-divider">
        {t("customers.form.bankSection")}
      </Divider>
      <div className="form-row">
        <Form.Item name="bankName" label={t("customers.form.bankName")}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="bankCard"
          label={t("customers.form.bankCard")}
          extra={keepHint(current?.bankCard)}
          rules={[
            checked(bankCardError, true),
            {
              warningOnly: true,
              validator: async (_rule, value: string | undefined) => {
                const warning = bankCardWarning(value);
                if (warning) throw new Error(warning);
              },
            },
          ]}
        >
          <Input maxLength={23} inputMode="numeric" autoComplete="off" />
        </Form.Item>
      </div>
      <Form.Item
        name="address"
        label={business ? t("customers.form.businessAddress") : t("customers.form.address")}
      >
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="notes" label={t("customers.form.notes")}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </>
  );
}
