import { CheckCircleOutlined, PlusOutlined, StopOutlined } from "@ant-design/icons";
import { App, Button, DatePicker, Empty, Form, Input, Modal, Select, Table, Tag } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import {
  CONSENT_KINDS,
  type Consent,
  type ConsentKind,
  type CustomerDetail,
  recordConsent,
  revokeConsent,
} from "../../api/customers.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { BUSINESS_TZ, formatDate, formatDateTime } from "../../format.ts";

type RecordForm = { kind: ConsentKind; purpose: string; grantedAt: Dayjs };

function RecordConsentModal({
  customerId,
  open,
  onClose,
  onSaved,
}: {
  customerId: string;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordForm>();
  const [pending, setPending] = useState(false);

  const submit = async (values: RecordForm) => {
    if (pending) return;
    setPending(true);
    try {
      await recordConsent(customerId, {
        kind: values.kind,
        purpose: values.purpose.trim(),
        grantedAt: values.grantedAt.format("YYYY-MM-DD"),
      });
      message.success(t("customers.consents.recorded"));
      form.resetFields();
      onSaved();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("customers.consents.recordTitle")}
      okText={t("customers.consents.record")}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: pending, disabled: pending }}
      destroyOnHidden
    >
      <Form<RecordForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={pending}
        initialValues={{ grantedAt: dayjs().tz(BUSINESS_TZ) }}
        onValuesChange={(changed) => {
          if (changed.kind && !form.getFieldValue("purpose"))
            form.setFieldValue("purpose", t(`customers.consents.defaultPurpose.${changed.kind}`));
        }}
      >
        <Form.Item
          name="kind"
          label={t("customers.consents.kind")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Select
            options={CONSENT_KINDS.map((k) => ({ value: k, label: t(`customers.consentKinds.${k}`) }))}
            placeholder={t("customers.consents.selectKind")}
          />
        </Form.Item>
        <Form.Item
          name="purpose"
          label={t("customers.consents.purpose")}
          extra={t("customers.consents.purposeHelp")}
          rules={[{ required: true, whitespace: true, message: t("common.required") }]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item
          name="grantedAt"
          label={t("customers.consents.grantedAt")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <DatePicker
            style={{ width: "100%" }}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs().tz(BUSINESS_TZ), "day")}
          />
        </Form.Item>
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}

function RevokeModal({
  customerId,
  consent,
  onClose,
  onSaved,
}: {
  customerId: string;
  consent: Consent | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);

  const submit = async () => {
    if (!consent || pending) return;
    setPending(true);
    try {
      await revokeConsent(customerId, consent.id, reason.trim() || null);
      message.success(t("customers.consents.revoked"));
      setReason("");
      onSaved();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={consent !== null}
      title={
        consent
          ? t("customers.consents.revokeTitle", { kind: t(`customers.consentKinds.${consent.kind}`) })
          : ""
      }
      okText={t("customers.consents.revoke")}
      okButtonProps={{ danger: true, loading: pending, disabled: pending }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p className="muted">{t("customers.consents.revokeNote")}</p>
      <label className="field-label" htmlFor="revoke-reason">
        {t("customers.consents.revokeReason")}
      </label>
      <Input.TextArea
        id="revoke-reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={500}
        autoSize={{ minRows: 2, maxRows: 4 }}
      />
    </Modal>
  );
}

/** 授权: the consents the law asks for (credit bureau, sensitive data, third parties), with their purpose. */
export function ConsentsTab({
  customer,
  canWrite,
  onChanged,
}: {
  customer: CustomerDetail;
  canWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  const [revoking, setRevoking] = useState<Consent | null>(null);
  const active = new Set(customer.consents.filter((c) => c.active).map((c) => c.kind));

  return (
    <div>
      <div className="tab-toolbar">
        <span className="tag-list">
          {CONSENT_KINDS.map((k) =>
            active.has(k) ? (
              <Tag key={k} color="green" icon={<CheckCircleOutlined />}>
                {t(`customers.consentKinds.${k}`)}
              </Tag>
            ) : (
              <Tag key={k} icon={<StopOutlined />}>
                {t("customers.consents.missingKind", { kind: t(`customers.consentKinds.${k}`) })}
              </Tag>
            ),
          )}
        </span>
        {canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
            {t("customers.consents.record")}
          </Button>
        ) : null}
      </div>
      <Table<Consent>
        rowKey="id"
        size="middle"
        dataSource={customer.consents}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{
          emptyText: (
            <Empty description={t("customers.consents.empty")}>
              <div className="muted">{t("customers.consents.emptyHint")}</div>
            </Empty>
          ),
        }}
        columns={[
          {
            title: t("customers.consents.kind"),
            dataIndex: "kind",
            width: 150,
            render: (value: ConsentKind) => t(`customers.consentKinds.${value}`),
          },
          { title: t("customers.consents.purpose"), dataIndex: "purpose" },
          {
            title: t("customers.consents.grantedAt"),
            dataIndex: "grantedAt",
            width: 110,
            render: (value: string) => <span className="num">{formatDate(value)}</span>,
          },
          {
            title: t("customers.consents.recordedBy"),
            dataIndex: "recordedByName",
            width: 160,
            render: (value: string | null, c) => (
              <div>
                <div>{value ?? t("customers.timeline.system")}</div>
                <div className="muted small num">{formatDateTime(c.recordedAt)}</div>
              </div>
            ),
          },
          {
            title: t("customers.consents.status"),
            dataIndex: "active",
            width: 170,
            render: (value: boolean, c) =>
              value ? (
                <Tag color="green" icon={<CheckCircleOutlined />}>
                  {t("customers.consents.active")}
                </Tag>
              ) : (
                <div>
                  <Tag icon={<StopOutlined />}>{t("customers.consents.revokedTag")}</Tag>
                  <div className="muted small num">{formatDateTime(c.revokedAt)}</div>
                  {c.revokeReason ? <div className="muted small">{c.revokeReason}</div> : null}
                </div>
              ),
          },
          ...(canWrite
            ? [
                {
                  title: t("common.actions"),
                  key: "actions",
                  width: 90,
                  render: (_: unknown, c: Consent) =>
                    c.active ? (
                      <Button type="link" size="small" danger onClick={() => setRevoking(c)}>
                        {t("customers.consents.revoke")}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <RecordConsentModal
        customerId={customer.id}
        open={recording}
        onClose={() => setRecording(false)}
        onSaved={() => {
          setRecording(false);
          onChanged();
        }}
      />
      <RevokeModal
        customerId={customer.id}
        consent={revoking}
        onClose={() => setRevoking(null)}
        onSaved={() => {
          setRevoking(null);
          onChanged();
        }}
      />
    </div>
  );
}
