// Logging a call in two clicks: ① the outcome, ② save. Talk time, note, next step and the next
// follow-up date sit in between for whoever wants them; quick chips fill the usual values.
import { PhoneOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Segmented,
  Space,
  Tag,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { type Outcome, useOutcomes } from "../../api/crm-calls.ts";
import { INTENT_LEVELS, type Lead, leadApi } from "../../api/crm-leads.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { todayInChina } from "../../format.ts";

type Values = {
  talkSeconds: number;
  note?: string;
  nextStep?: string;
  nextFollowUpOn?: Dayjs | null;
  intentLevel?: string;
};

const TALK_CHIPS = [30, 60, 120, 300];

export function LeadCallLogger({ lead }: { lead: Lead }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const outcomes = useOutcomes();
  const [form] = Form.useForm<Values>();
  const [chosen, setChosen] = useState<Outcome | null>(null);
  const [pending, setPending] = useState(false);
  const english = i18n.language === "en-US";
  const name = (o: Outcome) => (english ? o.nameEn : o.nameZh);
  const active = (outcomes.data ?? []).filter((o) => o.active);

  const choose = (outcome: Outcome) => {
    setChosen(outcome);
    form.setFieldsValue({
      talkSeconds: outcome.connected ? (form.getFieldValue("talkSeconds") ?? 0) : 0,
      intentLevel: outcome.intent ? (lead.intentLevel ?? "B") : undefined,
    });
  };

  const save = async (values: Values) => {
    if (!chosen || pending) return;
    setPending(true);
    try {
      await leadApi.logCall(lead.id, {
        outcomeCode: chosen.code,
        talkSeconds: values.talkSeconds ?? 0,
        note: values.note?.trim() || null,
        nextStep: values.nextStep?.trim() || null,
        ...(values.nextFollowUpOn ? { nextFollowUpOn: values.nextFollowUpOn.format("YYYY-MM-DD") } : {}),
        ...(chosen.intent && values.intentLevel
          ? { intentLevel: values.intentLevel as "A" | "B" | "C" }
          : {}),
      });
      message.success(t("crmLeads.logger.saved", { outcome: name(chosen) }));
      setChosen(null);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ["crm"] });
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  const quickDate = (days: number) =>
    form.setFieldValue("nextFollowUpOn", dayjs(todayInChina()).add(days, "day"));

  return (
    <Card
      title={
        <span>
          <PhoneOutlined /> {t("crmLeads.logger.title")}
        </span>
      }
      extra={<span className="muted small">{t("crmLeads.logger.hint")}</span>}
      data-testid="call-logger"
    >
      {lead.doNotCall ? (
        <Alert type="error" showIcon title={t("crmLeads.logger.doNotCall")} />
      ) : active.length === 0 && !outcomes.isLoading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("crmLeads.logger.noOutcomes")} />
      ) : (
        <>
          <fieldset className="lead-outcomes">
            <legend className="sr-only">{t("crmLeads.logger.title")}</legend>
            {active.map((o) => (
              <Button
                key={o.code}
                className="lead-outcome-button"
                autoInsertSpace={false}
                type={chosen?.code === o.code ? "primary" : "default"}
                danger={o.doNotCall}
                onClick={() => choose(o)}
                aria-pressed={chosen?.code === o.code}
                data-testid={`outcome-${o.code}`}
              >
                {name(o)}
              </Button>
            ))}
          </fieldset>
          {chosen ? (
            <Form
              form={form}
              layout="vertical"
              onFinish={save}
              className="lead-logger-panel"
              initialValues={{ talkSeconds: 0 }}
            >
              <div className="lead-logger-flags">
                {(["connected", "effective", "intent", "appointment", "doNotCall"] as const)
                  .filter((f) => chosen[f])
                  .map((f) => (
                    <Tag key={f} color={f === "doNotCall" ? "red" : "blue"}>
                      {t(`crmLeads.logger.flags.${f}`)}
                    </Tag>
                  ))}
              </div>
              {chosen.connected ? (
                <Form.Item label={t("crmLeads.logger.talkSeconds")} style={{ marginBottom: 12 }}>
                  <Space wrap>
                    <Form.Item name="talkSeconds" noStyle>
                      <InputNumber
                        min={0}
                        max={86_400}
                        precision={0}
                        style={{ width: 110 }}
                        data-testid="talk-seconds"
                      />
                    </Form.Item>
                    {TALK_CHIPS.map((s) => (
                      <Button key={s} size="small" onClick={() => form.setFieldValue("talkSeconds", s)}>
                        {s < 60 ? `${s}s` : `${s / 60}min`}
                      </Button>
                    ))}
                  </Space>
                </Form.Item>
              ) : null}
              {chosen.intent ? (
                <Form.Item
                  name="intentLevel"
                  label={t("crmLeads.logger.intentLevel")}
                  style={{ marginBottom: 12 }}
                >
                  <Segmented options={INTENT_LEVELS.map((l) => ({ value: l, label: l }))} />
                </Form.Item>
              ) : null}
              <Form.Item name="note" label={t("crmLeads.logger.note")} style={{ marginBottom: 12 }}>
                <Input.TextArea
                  rows={2}
                  maxLength={1000}
                  placeholder={t("crmLeads.logger.notePlaceholder")}
                />
              </Form.Item>
              {chosen.connected ? (
                <Form.Item name="nextStep" label={t("crmLeads.logger.nextStep")} style={{ marginBottom: 12 }}>
                  <Input maxLength={200} placeholder={t("crmLeads.logger.nextStepPlaceholder")} />
                </Form.Item>
              ) : null}
              <Form.Item label={t("crmLeads.logger.nextFollowUpOn")} style={{ marginBottom: 12 }}>
                <Form.Item name="nextFollowUpOn" noStyle>
                  <DatePicker style={{ width: 160 }} />
                </Form.Item>
                <div className="lead-quick-dates">
                  <Button size="small" autoInsertSpace={false} onClick={() => quickDate(1)}>
                    {t("crmLeads.logger.tomorrow")}
                  </Button>
                  <Button size="small" autoInsertSpace={false} onClick={() => quickDate(3)}>
                    {t("crmLeads.logger.inThreeDays")}
                  </Button>
                  <Button size="small" autoInsertSpace={false} onClick={() => quickDate(7)}>
                    {t("crmLeads.logger.nextWeek")}
                  </Button>
                </div>
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                loading={pending}
                disabled={pending}
                block
                data-testid="save-call"
              >
                {t("crmLeads.logger.save")}
              </Button>
            </Form>
          ) : null}
        </>
      )}
    </Card>
  );
}
