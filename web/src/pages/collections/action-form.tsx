// 登记联系: the form a collector fills for every attempt, answered or not. While they choose whom and
// how, the server's conduct check says whether the contact is allowed now (or at the time entered)
// and, if not, why — the same rules the log enforces.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Radio, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, errorMessage } from "../../api/client.ts";
import {
  CONTACT_METHODS,
  type ContactMethod,
  type ContactOutcome,
  type ContactPurpose,
  checkContact,
  DEBT_PURPOSES,
  logAction,
  OUTCOMES_BY_METHOD,
  type TaskDetail,
} from "../../api/collections.ts";
import { groupAmountInput, parseAmountInput, todayInChina } from "../../format.ts";
import { METHOD_ICON } from "./tags.tsx";

type Values = {
  contactId: string;
  method: ContactMethod;
  purpose: ContactPurpose;
  outcome: ContactOutcome;
  occurredAt?: Dayjs | null;
  note?: string;
  promiseAmount?: string;
  promiseDate?: Dayjs | null;
  nextActionDate?: Dayjs | null;
};

const INITIAL: Partial<Values> = { contactId: "borrower", method: "call", purpose: "reminder" };

export function ActionForm({ detail }: { detail: TaskDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const f = (key: string, params: Record<string, unknown> = {}) => t(`collections.form.${key}`, params);
  const contactId = Form.useWatch("contactId", form) ?? "borrower";
  const method = Form.useWatch("method", form) ?? "call";
  const purpose = Form.useWatch("purpose", form);
  const outcome = Form.useWatch("outcome", form);
  const occurredAt = Form.useWatch("occurredAt", form);
  const contact = detail.contacts.find((c) => c.id === contactId);
  const thirdParty = contact?.party === "third-party";
  const taskId = detail.task.id;

  const check = useQuery({
    queryKey: [
      "collections",
      "check",
      taskId,
      contactId,
      method,
      purpose,
      occurredAt?.toISOString() ?? "now",
    ],
    queryFn: () =>
      checkContact(taskId, {
        contactId,
        method,
        purpose,
        at: occurredAt ? occurredAt.toISOString() : undefined,
      }),
    refetchInterval: occurredAt ? false : 60_000,
    // Keep the last verdict on screen while the next one loads, so the form does not jump.
    placeholderData: keepPreviousData,
  });

  const purposes = thirdParty ? detail.rules.thirdParty.purposes : [...DEBT_PURPOSES];
  const outcomes = OUTCOMES_BY_METHOD[method].filter((o) => !(thirdParty && o === "promise-to-pay"));
  const contactOptions = useMemo(
    () => [
      { value: "borrower", label: `${t("collections.task.borrowerSelf")} ${detail.borrower.name ?? ""}` },
      ...detail.contacts
        .filter((c) => c.active)
        .map((c) => ({
          value: c.id,
          label: `${t(`collections.party.${c.party}`)} · ${c.name} (${t(`collections.relation.${c.relation}`)})`,
        })),
    ],
    [detail, t],
  );

  const onValuesChange = (changed: Partial<Values>) => {
    setServerError(null);
    if ("contactId" in changed) {
      const next = detail.contacts.find((c) => c.id === changed.contactId);
      const third = next?.party === "third-party";
      form.setFieldsValue({
        purpose: third ? detail.rules.thirdParty.purposes[0] : "reminder",
        note: third ? detail.rules.thirdParty.message : undefined,
        outcome: undefined,
      });
    }
    if ("method" in changed) form.setFieldsValue({ outcome: undefined });
  };

  const submit = async (values: Values) => {
    setSaving(true);
    setServerError(null);
    try {
      await logAction(taskId, {
        contactId: values.contactId,
        method: values.method,
        purpose: values.purpose,
        outcome: values.outcome,
        note: values.note?.trim() || undefined,
        occurredAt: values.occurredAt ? values.occurredAt.toISOString() : undefined,
        promiseAmount: values.outcome === "promise-to-pay" ? values.promiseAmount : undefined,
        promiseDate:
          values.outcome === "promise-to-pay" ? values.promiseDate?.format("YYYY-MM-DD") : undefined,
        nextActionDate: values.nextActionDate?.format("YYYY-MM-DD"),
      });
      message.success(f("saved"));
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ["collections"] });
    } catch (error) {
      setServerError(errorMessage(error));
      if (error instanceof ApiError)
        form.setFields(
          Object.entries(error.fields).map(([name, errors]) => ({
            name: name as keyof Values,
            errors: [errors],
          })),
        );
    } finally {
      setSaving(false);
    }
  };

  const refused = check.data && !check.data.allowed;
  const rules = detail.rules;
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark
      initialValues={INITIAL}
      onValuesChange={onValuesChange}
      onFinish={(values) => void submit(values)}
      data-testid="action-form"
    >
      <Form.Item
        name="contactId"
        label={f("contact")}
        rules={[{ required: true, message: t("common.required") }]}
      >
        <Select options={contactOptions} data-testid="action-contact" />
      </Form.Item>
      <Form.Item name="method" label={f("method")} rules={[{ required: true }]}>
        <Radio.Group optionType="button" buttonStyle="solid" data-testid="action-method">
          {CONTACT_METHODS.map((m) => (
            <Radio.Button key={m} value={m}>
              <Space size={4}>
                {METHOD_ICON[m]}
                {t(`collections.method.${m}`)}
              </Space>
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="occurredAt"
        label={f("occurredAt")}
        extra={f("occurredAtHelp", { hours: rules.backdateHours })}
      >
        <DatePicker
          showTime={{ format: "HH:mm" }}
          format="YYYY-MM-DD HH:mm"
          needConfirm={false}
          placeholder={t("common.none")}
          disabledDate={(d) =>
            d.isAfter(dayjs(), "day") || d.isBefore(dayjs().subtract(rules.backdateHours, "hour"), "day")
          }
          style={{ width: "100%" }}
          data-testid="action-occurred-at"
        />
      </Form.Item>
      {check.isFetching && !check.data ? (
        <Alert type="info" showIcon title={f("checking")} style={{ marginBottom: 12 }} />
      ) : null}
      {check.data ? (
        refused ? (
          <Alert
            type="error"
            showIcon
            title={f("refused")}
            description={
              <ul className="collections-list">
                {check.data.refusals.map((r) => (
                  <li key={r.code}>{r.message}</li>
                ))}
              </ul>
            }
            data-testid="contact-refused"
            style={{ marginBottom: 12 }}
          />
        ) : (
          <Alert
            type="success"
            showIcon
            title={f("allowed", { count: check.data.unansweredToday, max: check.data.maxUnansweredPerDay })}
            data-testid="contact-allowed"
            style={{ marginBottom: 12 }}
          />
        )
      ) : null}
      <div className="collections-two-col">
        <Form.Item
          name="purpose"
          label={f("purpose")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Select
            options={purposes.map((p) => ({ value: p, label: t(`collections.purpose.${p}`) }))}
            data-testid="action-purpose"
          />
        </Form.Item>
        <Form.Item
          name="outcome"
          label={f("outcome")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Select
            options={outcomes.map((o) => ({ value: o, label: t(`collections.outcome.${o}`) }))}
            data-testid="action-outcome"
          />
        </Form.Item>
      </div>
      {outcome === "promise-to-pay" ? (
        <div className="collections-two-col">
          <Form.Item
            name="promiseAmount"
            label={f("promiseAmount")}
            rules={[{ required: true, message: t("common.required") }]}
            getValueFromEvent={(v: string | number | null) => (v === null ? undefined : String(v))}
          >
            <InputNumber<string>
              stringMode
              min="0.01"
              precision={2}
              prefix="¥"
              style={{ width: "100%" }}
              formatter={(v) => groupAmountInput(v)}
              parser={(v) => parseAmountInput(v)}
              data-testid="action-promise-amount"
            />
          </Form.Item>
          <Form.Item
            name="promiseDate"
            label={f("promiseDate")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <DatePicker
              style={{ width: "100%" }}
              disabledDate={(d) =>
                d.format("YYYY-MM-DD") < todayInChina() ||
                d.isAfter(dayjs().add(rules.promiseMaxDaysAhead, "day"), "day")
              }
              data-testid="action-promise-date"
            />
          </Form.Item>
        </div>
      ) : null}
      {thirdParty ? (
        <Alert type="warning" showIcon title={f("thirdPartyNote")} className="section-gap" />
      ) : null}
      <Form.Item name="note" label={f("note")}>
        <Input.TextArea
          rows={3}
          maxLength={1000}
          showCount
          placeholder={f("notePlaceholder")}
          data-testid="action-note"
        />
      </Form.Item>
      <Form.Item name="nextActionDate" label={f("nextActionDate")}>
        <DatePicker style={{ width: "100%" }} disabledDate={(d) => d.format("YYYY-MM-DD") < todayInChina()} />
      </Form.Item>
      {serverError ? (
        <Alert type="error" showIcon title={serverError} className="section-gap" data-testid="action-error" />
      ) : null}
      <Button
        type="primary"
        htmlType="submit"
        loading={saving}
        disabled={Boolean(refused)}
        block
        data-testid="action-submit"
      >
        {f("submit")}
      </Button>
      <p className="muted kpi-foot section-gap">
        {f("rules", {
          start: rules.quietHours.start,
          end: rules.quietHours.end,
          max: rules.maxUnansweredPerDay,
        })}
      </p>
    </Form>
  );
}
