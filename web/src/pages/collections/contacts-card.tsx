// Who may be reached on this loan besides the borrower, and the debtor's recorded consent to evening
// calls (the only way around the quiet hours). Adding either is audited on the server.
import { PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Tag,
  TimePicker,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import {
  addContact,
  CONTACT_RELATIONS,
  type Consent,
  type ContactRelation,
  recordConsent,
  revokeConsent,
  type TaskDetail,
} from "../../api/collections.ts";
import { formatDateTime, todayInChina } from "../../format.ts";

type ContactValues = {
  party: "guarantor" | "co-borrower" | "third-party";
  relation: ContactRelation;
  name: string;
  phone?: string;
  address?: string;
};
type ConsentValues = {
  contactId: string;
  start: Dayjs;
  end: Dayjs;
  validFrom: Dayjs;
  validUntil?: Dayjs | null;
  evidence: string;
};

export function ContactsCard({ detail }: { detail: TaskDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState<"contact" | "consent" | null>(null);
  const [saving, setSaving] = useState(false);
  const [contactForm] = Form.useForm<ContactValues>();
  const [consentForm] = Form.useForm<ConsentValues>();
  const k = (key: string, params: Record<string, unknown> = {}) => t(`collections.task.${key}`, params);
  const taskId = detail.task.id;
  const canWork = detail.can.work;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["collections"] });
  const party = Form.useWatch("party", contactForm);

  const save = async () => {
    setSaving(true);
    try {
      if (adding === "contact") {
        const v = await contactForm.validateFields();
        await addContact(taskId, {
          ...v,
          phone: v.phone?.trim() || undefined,
          address: v.address?.trim() || undefined,
        });
        message.success(t("collections.contactForm.saved"));
        contactForm.resetFields();
      } else {
        const v = await consentForm.validateFields();
        await recordConsent(taskId, {
          contactId: v.contactId,
          windowStart: v.start.format("HH:mm"),
          windowEnd: v.end.format("HH:mm"),
          validFrom: v.validFrom.format("YYYY-MM-DD"),
          validUntil: v.validUntil?.format("YYYY-MM-DD"),
          evidence: v.evidence.trim(),
        });
        message.success(t("collections.consentForm.saved"));
        consentForm.resetFields();
      }
      setAdding(null);
      await refresh();
    } catch (error) {
      if (error && typeof error === "object" && "errorFields" in error) return;
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const revoke = (consent: Consent) => {
    let reason = "";
    modal.confirm({
      title: k("revokeTitle"),
      content: (
        <Input.TextArea
          rows={2}
          maxLength={500}
          aria-label={k("revokeReason")}
          placeholder={k("revokeReason")}
          onChange={(e) => {
            reason = e.target.value;
          }}
        />
      ),
      okText: k("revoke"),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await revokeConsent(taskId, consent.id, reason.trim() || "—");
          message.success(k("revoked"));
          await refresh();
        } catch (error) {
          message.error(errorMessage(error));
          throw error;
        }
      },
    });
  };

  const liable = [
    { value: "borrower", label: `${k("borrowerSelf")} ${detail.borrower.name ?? ""}` },
    ...detail.contacts
      .filter((c) => c.party !== "third-party" && c.active)
      .map((c) => ({ value: c.id, label: `${t(`collections.party.${c.party}`)} · ${c.name}` })),
  ];

  return (
    <Card
      size="small"
      className="section-gap"
      title={k("contacts")}
      extra={
        canWork ? (
          <Space size={4}>
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setAdding("contact")}
              data-testid="add-contact"
            >
              {k("addContact")}
            </Button>
            <Button size="small" onClick={() => setAdding("consent")} data-testid="add-consent">
              {k("addConsent")}
            </Button>
          </Space>
        ) : null
      }
    >
      <List
        size="small"
        dataSource={[
          {
            id: "borrower",
            party: "borrower" as const,
            name: detail.borrower.name ?? "—",
            phone: detail.borrower.phone,
            relation: null,
          },
          ...detail.contacts,
        ]}
        renderItem={(c) => (
          <List.Item>
            <Space size={6} wrap>
              <Tag color={c.party === "third-party" ? "orange" : "blue"}>
                {t(`collections.party.${c.party}`)}
              </Tag>
              <span>{c.name}</span>
              {c.relation ? <span className="muted">{t(`collections.relation.${c.relation}`)}</span> : null}
              <span className="num muted">{c.phone ?? ""}</span>
            </Space>
          </List.Item>
        )}
      />
      <div className="section-gap">
        <strong>{k("consents")}</strong>
      </div>
      {detail.consents.length === 0 ? (
        <div className="muted kpi-foot">{k("noConsents")}</div>
      ) : (
        <List
          size="small"
          dataSource={detail.consents}
          renderItem={(c) => (
            <List.Item>
              <div>
                <Space size={6} wrap>
                  <Tag color={c.active ? "purple" : "default"}>{c.contactName ?? k("borrowerSelf")}</Tag>
                  <span className="num">
                    {k("consentWindow", {
                      start: c.windowStart,
                      end: c.windowEnd,
                      from: c.validFrom,
                      until: c.validUntil ? k("consentUntil", { date: c.validUntil }) : "",
                    })}
                  </span>
                  {c.active ? null : <Tag>{k("consentRevoked")}</Tag>}
                  {canWork && c.active ? (
                    <Button size="small" type="link" danger onClick={() => revoke(c)}>
                      {k("revoke")}
                    </Button>
                  ) : null}
                </Space>
                <div className="muted kpi-foot">
                  {c.evidence} · {k("by", { name: c.recordedBy?.name ?? "—" })} {formatDateTime(c.recordedAt)}
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
      <Modal
        open={adding !== null}
        title={adding === "contact" ? t("collections.contactForm.title") : t("collections.consentForm.title")}
        onOk={() => void save()}
        confirmLoading={saving}
        onCancel={() => setAdding(null)}
        okText={t("common.save")}
        destroyOnHidden
      >
        {adding === "contact" ? (
          <Form
            form={contactForm}
            layout="vertical"
            requiredMark
            initialValues={{ party: "third-party", relation: "spouse" }}
          >
            <Form.Item name="party" label={t("collections.contactForm.party")} rules={[{ required: true }]}>
              <Select
                options={(["guarantor", "co-borrower", "third-party"] as const).map((p) => ({
                  value: p,
                  label: t(`collections.party.${p}`),
                }))}
              />
            </Form.Item>
            {party === "third-party" ? (
              <Alert
                type="warning"
                showIcon
                title={t("collections.contactForm.thirdPartyHint")}
                className="section-gap"
              />
            ) : null}
            <Form.Item
              name="relation"
              label={t("collections.contactForm.relation")}
              rules={[{ required: true }]}
            >
              <Select
                options={CONTACT_RELATIONS.map((r) => ({ value: r, label: t(`collections.relation.${r}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="name"
              label={t("collections.contactForm.name")}
              rules={[{ required: true, whitespace: true, message: t("common.required") }]}
            >
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t("collections.contactForm.phone")}
              rules={[{ pattern: /^[0-9+\-\s]{5,20}$/, message: t("collections.contactForm.phoneInvalid") }]}
            >
              <Input maxLength={20} className="mono-input" />
            </Form.Item>
            <Form.Item name="address" label={t("collections.contactForm.address")}>
              <Input maxLength={200} />
            </Form.Item>
          </Form>
        ) : (
          <Form
            form={consentForm}
            layout="vertical"
            requiredMark
            initialValues={{
              contactId: "borrower",
              start: dayjs("22:00", "HH:mm"),
              end: dayjs("23:00", "HH:mm"),
              validFrom: dayjs(todayInChina()),
            }}
          >
            <Form.Item
              name="contactId"
              label={t("collections.consentForm.contact")}
              rules={[{ required: true }]}
            >
              <Select options={liable} />
            </Form.Item>
            <div className="collections-two-col">
              <Form.Item name="start" label={t("collections.consentForm.from")} rules={[{ required: true }]}>
                <TimePicker format="HH:mm" minuteStep={5} style={{ width: "100%" }} />
              </Form.Item>
              <Form.Item name="end" label={t("collections.consentForm.to")} rules={[{ required: true }]}>
                <TimePicker format="HH:mm" minuteStep={5} style={{ width: "100%" }} />
              </Form.Item>
              <Form.Item
                name="validFrom"
                label={t("collections.consentForm.validFrom")}
                rules={[{ required: true }]}
              >
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
              <Form.Item name="validUntil" label={t("collections.consentForm.validUntil")}>
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
            </div>
            <Form.Item
              name="evidence"
              label={t("collections.consentForm.evidence")}
              rules={[{ required: true, min: 4, whitespace: true, message: t("common.required") }]}
            >
              <Input.TextArea
                rows={2}
                maxLength={500}
                placeholder={t("collections.consentForm.evidencePlaceholder")}
              />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </Card>
  );
}
