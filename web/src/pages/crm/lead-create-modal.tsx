// 新建线索: the form checks the number for 撞单 as it is typed and again on save; saving a number that
// is someone else's lead or customer needs an explicit "create anyway", which the server records.
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, DatePicker, Form, Input, Modal, Segmented, Select, Spin } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "../../api/auth.ts";
import { ApiError, errorMessage } from "../../api/client.ts";
import {
  type DuplicateMatch,
  groupLeaders,
  INTENT_LEVELS,
  LEAD_SOURCES,
  type LeadSource,
  leadApi,
  useAgents,
  useCampaigns,
} from "../../api/crm-leads.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { parseAmountInput } from "../../format.ts";
import { DuplicateList } from "./lead-duplicates.tsx";

type Values = {
  name: string;
  phone: string;
  idNumber?: string;
  source: LeadSource;
  referrer?: string;
  campaignId?: string;
  intentLevel?: string;
  wantedAmount?: string;
  city?: string;
  purpose?: string;
  notes?: string;
  nextFollowUpOn?: Dayjs;
  owner?: string;
  groupLeaderId?: string;
};

const AUTO = "__auto";
const MOBILE = /^1[3-9]\d{9}$/;

export function LeadCreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const canAssign = hasPermission(me, "crm.manage");
  const agents = useAgents(open && canAssign);
  const campaigns = useCampaigns(open);
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch("source", form);
  const owner = Form.useWatch("owner", form);
  const phone = Form.useWatch("phone", form);
  const idNumber = Form.useWatch("idNumber", form);
  const [duplicates, setDuplicates] = useState<DuplicateMatch[] | null>(null);
  const [checking, setChecking] = useState(false);
  const [confirming, setConfirming] = useState<Values | null>(null);
  const [pending, setPending] = useState(false);
  const leaders = useMemo(() => groupLeaders(agents.data ?? []), [agents.data]);

  // Checked while typing: a complete mobile number or an 18-character ID.
  useEffect(() => {
    const p = (phone ?? "").replace(/\s|-/g, "");
    const id = (idNumber ?? "").trim();
    const usable = { phone: MOBILE.test(p) ? p : undefined, idNumber: id.length === 18 ? id : undefined };
    if (!usable.phone && !usable.idNumber) {
      setDuplicates(null);
      return;
    }
    const timer = setTimeout(async () => {
      setChecking(true);
      try {
        setDuplicates((await leadApi.duplicates(usable)).duplicates);
      } catch {
        setDuplicates(null);
      } finally {
        setChecking(false);
      }
    }, 350);
    return () => clearTimeout(timer);
  }, [phone, idNumber]);

  const reset = () => {
    form.resetFields();
    setDuplicates(null);
    setConfirming(null);
  };

  const save = async (values: Values, force: boolean) => {
    if (pending) return;
    setPending(true);
    try {
      const auto = !values.owner || values.owner === AUTO;
      const created = await leadApi.create({
        name: values.name.trim(),
        phone: values.phone.trim(),
        idNumber: values.idNumber?.trim() || null,
        source: values.source,
        referrer: values.referrer?.trim() || null,
        campaignId: values.campaignId ?? null,
        intentLevel: (values.intentLevel as "A" | "B" | "C" | undefined) || null,
        wantedAmount: values.wantedAmount ? parseAmountInput(values.wantedAmount) : null,
        city: values.city?.trim() || null,
        purpose: values.purpose?.trim() || null,
        notes: values.notes?.trim() || null,
        nextFollowUpOn: values.nextFollowUpOn ? values.nextFollowUpOn.format("YYYY-MM-DD") : null,
        ...(canAssign && !auto ? { ownerId: values.owner } : {}),
        ...(canAssign && auto && values.groupLeaderId ? { groupLeaderId: values.groupLeaderId } : {}),
        force,
      });
      message.success(
        force ? t("crmLeads.duplicate.forced") : t("crmLeads.form.created", { name: created.name }),
      );
      void queryClient.invalidateQueries({ queryKey: ["crm"] });
      reset();
      onCreated(created.id);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.code.startsWith("lead-duplicate")) {
        // Someone registered the number meanwhile: show whose, and let the person decide.
        setDuplicates(
          (await leadApi.duplicates({ phone: values.phone, idNumber: values.idNumber || undefined }))
            .duplicates,
        );
        setConfirming(values);
      } else if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  const submit = (values: Values) => {
    if (duplicates?.length) setConfirming(values);
    else void save(values, false);
  };

  return (
    <>
      <Modal
        open={open}
        title={t("crmLeads.create")}
        okText={t("crmLeads.form.submit")}
        onOk={() => form.submit()}
        onCancel={() => {
          reset();
          onClose();
        }}
        okButtonProps={{ loading: pending, disabled: pending, "data-testid": "lead-submit" }}
        width={640}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            source: "telemarketing-list",
            owner: canAssign ? AUTO : undefined,
            groupLeaderId: me?.user.id,
          }}
          requiredMark
        >
          <div className="lead-form-row">
            <Form.Item
              name="name"
              label={t("crmLeads.form.name")}
              rules={[{ required: true, whitespace: true, message: t("crmLeads.form.nameRule") }]}
            >
              <Input maxLength={50} autoFocus data-testid="lead-name" />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t("crmLeads.form.phone")}
              rules={[
                { required: true, message: t("crmLeads.form.phoneRule") },
                { pattern: /^\s*(\+?86)?[\s-]*1[3-9](\d[\s-]*){9}$/, message: t("crmLeads.form.phoneRule") },
              ]}
            >
              <Input maxLength={20} inputMode="tel" className="mono-input" data-testid="lead-phone" />
            </Form.Item>
          </div>
          {checking ? (
            <div className="muted small lead-duplicate-check">
              <Spin size="small" /> {t("crmLeads.duplicate.checking")}
            </div>
          ) : duplicates?.length ? (
            <Alert
              type="warning"
              showIcon
              className="lead-duplicate-check"
              title={t("crmLeads.duplicate.title")}
              description={<DuplicateList matches={duplicates} />}
              data-testid="duplicate-warning"
            />
          ) : null}
          <div className="lead-form-row">
            <Form.Item name="idNumber" label={t("crmLeads.form.idNumber")}>
              <Input maxLength={18} className="mono-input" data-testid="lead-id-number" />
            </Form.Item>
            <Form.Item
              name="source"
              label={t("crmLeads.form.source")}
              rules={[{ required: true, message: t("crmLeads.form.sourceRule") }]}
            >
              <Select
                options={LEAD_SOURCES.map((s) => ({ value: s, label: t(`crmLeads.source.${s}`) }))}
                data-testid="lead-source"
              />
            </Form.Item>
          </div>
          {source === "referral" ? (
            <Form.Item
              name="referrer"
              label={t("crmLeads.form.referrer")}
              rules={[{ required: true, whitespace: true, message: t("crmLeads.form.referrerRule") }]}
            >
              <Input maxLength={100} placeholder={t("crmLeads.form.referrerPlaceholder")} />
            </Form.Item>
          ) : null}
          {source === "event" ? (
            <Form.Item
              name="campaignId"
              label={t("crmLeads.form.campaign")}
              rules={[{ required: true, message: t("crmLeads.form.campaignRule") }]}
            >
              <Select
                loading={campaigns.isLoading}
                options={(campaigns.data ?? []).map((c) => ({
                  value: c.id,
                  label: `${c.name} (${c.startsOn})`,
                }))}
              />
            </Form.Item>
          ) : null}
          <div className="lead-form-row">
            <Form.Item
              name="wantedAmount"
              label={t("crmLeads.form.wantedAmount")}
              rules={[{ pattern: /^[¥,\d\s]*(\.\d{1,2})?$/, message: t("crmLeads.form.amountRule") }]}
            >
              <Input prefix="¥" inputMode="decimal" />
            </Form.Item>
            <Form.Item name="intentLevel" label={t("crmLeads.form.intentLevel")}>
              <Segmented
                options={[{ value: "", label: "—" }, ...INTENT_LEVELS.map((l) => ({ value: l, label: l }))]}
              />
            </Form.Item>
          </div>
          <div className="lead-form-row">
            <Form.Item name="city" label={t("crmLeads.form.city")}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="nextFollowUpOn" label={t("crmLeads.form.nextFollowUpOn")}>
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          </div>
          <Form.Item name="purpose" label={t("crmLeads.form.purpose")}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="notes" label={t("crmLeads.form.notes")}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          {canAssign ? (
            <div className="lead-form-row">
              <Form.Item name="owner" label={t("crmLeads.form.owner")}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  loading={agents.isLoading}
                  options={[
                    { value: AUTO, label: t("crmLeads.form.ownerAuto") },
                    ...(agents.data ?? [])
                      .filter((a) => !a.away)
                      .map((a) => ({
                        value: a.userId,
                        label: `${a.displayName} (${a.openLeads}/${a.capacity})`,
                      })),
                  ]}
                />
              </Form.Item>
              {owner === AUTO && leaders.length ? (
                <Form.Item name="groupLeaderId" label={t("crmLeads.form.group")}>
                  <Select options={leaders.map((l) => ({ value: l.id, label: l.name }))} />
                </Form.Item>
              ) : null}
            </div>
          ) : null}
          <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
        </Form>
      </Modal>
      <Modal
        open={confirming !== null}
        title={t("crmLeads.duplicate.title")}
        onCancel={() => setConfirming(null)}
        footer={[
          <Button key="back" onClick={() => setConfirming(null)}>
            {t("crmLeads.duplicate.goBack")}
          </Button>,
          <Button
            key="force"
            danger
            type="primary"
            loading={pending}
            onClick={() => confirming && void save(confirming, true)}
            data-testid="create-anyway"
          >
            {t("crmLeads.duplicate.createAnyway")}
          </Button>,
        ]}
        data-testid="duplicate-modal"
      >
        <p>{t("crmLeads.duplicate.intro")}</p>
        <DuplicateList matches={duplicates ?? []} />
      </Modal>
    </>
  );
}
