// 编辑线索: the lead's facts. Phone and ID stay as they are unless typed again (they are sealed and
// shown masked), in which case the server checks them for 撞单 once more.
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Select, Space, Switch } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import {
  LEAD_SOURCES,
  type LeadDetail,
  type LeadSource,
  leadApi,
  useCampaigns,
} from "../../api/crm-leads.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { parseAmountInput } from "../../format.ts";

type Values = {
  name: string;
  phone?: string;
  idNumber?: string;
  source: LeadSource;
  referrer?: string;
  campaignId?: string | null;
  wantedAmount?: string;
  city?: string;
  purpose?: string;
  notes?: string;
  nextFollowUpOn?: Dayjs | null;
  doNotCall: boolean;
};

export function LeadEditDrawer({
  lead,
  open,
  onClose,
}: {
  lead: LeadDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const campaigns = useCampaigns(open);
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch("source", form);
  const [pending, setPending] = useState(false);

  const submit = async (v: Values) => {
    if (pending) return;
    setPending(true);
    try {
      await leadApi.update(lead.id, {
        name: v.name.trim(),
        ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
        ...(v.idNumber?.trim() ? { idNumber: v.idNumber.trim() } : {}),
        source: v.source,
        referrer: v.referrer?.trim() || null,
        campaignId: v.campaignId ?? null,
        wantedAmount: v.wantedAmount ? parseAmountInput(v.wantedAmount) : null,
        city: v.city?.trim() || null,
        purpose: v.purpose?.trim() || null,
        notes: v.notes?.trim() || null,
        nextFollowUpOn: v.nextFollowUpOn ? v.nextFollowUpOn.format("YYYY-MM-DD") : null,
        doNotCall: v.doNotCall,
      });
      message.success(t("crmLeads.form.saved"));
      void queryClient.invalidateQueries({ queryKey: ["crm"] });
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Drawer
      open={open}
      title={t("crmLeads.form.editTitle", { name: lead.name })}
      size={520}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" loading={pending} disabled={pending} onClick={() => form.submit()}>
            {t("common.save")}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon title={t("crmLeads.form.editNote")} className="section-gap" />
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: lead.name,
          source: lead.source,
          referrer: lead.referrer ?? "",
          campaignId: lead.campaignId,
          wantedAmount: lead.wantedAmount ?? "",
          city: lead.city ?? "",
          purpose: lead.purpose ?? "",
          notes: lead.notes ?? "",
          nextFollowUpOn: lead.nextFollowUpOn ? dayjs(lead.nextFollowUpOn) : null,
          doNotCall: lead.doNotCall,
        }}
      >
        <Form.Item name="name" label={t("crmLeads.form.name")} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <div className="lead-form-row">
          <Form.Item name="phone" label={t("crmLeads.form.phone")}>
            <Input placeholder={lead.phone} className="mono-input" maxLength={20} />
          </Form.Item>
          <Form.Item name="idNumber" label={t("crmLeads.detail.idNumber")}>
            <Input placeholder={lead.idNumber ?? ""} className="mono-input" maxLength={18} />
          </Form.Item>
        </div>
        <Form.Item name="source" label={t("crmLeads.form.source")} rules={[{ required: true }]}>
          <Select options={LEAD_SOURCES.map((s) => ({ value: s, label: t(`crmLeads.source.${s}`) }))} />
        </Form.Item>
        {source === "referral" ? (
          <Form.Item
            name="referrer"
            label={t("crmLeads.form.referrer")}
            rules={[{ required: true, whitespace: true, message: t("crmLeads.form.referrerRule") }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        ) : null}
        {source === "event" ? (
          <Form.Item
            name="campaignId"
            label={t("crmLeads.form.campaign")}
            rules={[{ required: true, message: t("crmLeads.form.campaignRule") }]}
          >
            <Select options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        ) : null}
        <div className="lead-form-row">
          <Form.Item name="wantedAmount" label={t("crmLeads.form.wantedAmount")}>
            <Input prefix="¥" inputMode="decimal" />
          </Form.Item>
          <Form.Item name="city" label={t("crmLeads.form.city")}>
            <Input maxLength={50} />
          </Form.Item>
        </div>
        <Form.Item name="purpose" label={t("crmLeads.form.purpose")}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="notes" label={t("crmLeads.form.notes")}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <div className="lead-form-row">
          <Form.Item name="nextFollowUpOn" label={t("crmLeads.form.nextFollowUpOn")}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="doNotCall" label={t("crmLeads.doNotCall")} valuePropName="checked">
            <Switch />
          </Form.Item>
        </div>
      </Form>
    </Drawer>
  );
}
