// 预约约见: pick the customer (a lead the caller may work), the time, the place and whom they meet.
// Booked today for tomorrow counts as a 次日约见 on today's KPIs.
import { App, type ButtonProps, DatePicker, Form, Input, Modal, Select, Spin } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { crmApi, searchLeads, useCrmMutation } from "../../api/crm-engagement.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";

type Values = { leadId: string; startsAt: Dayjs; place: string; withName?: string; note?: string };
type Option = { value: string; label: string };

export function AppointmentBookModal({
  open,
  day,
  lead,
  onClose,
}: {
  open: boolean;
  day?: string;
  lead?: { id: string; name: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const book = useCrmMutation(crmApi.bookAppointment);
  const [search, setSearch] = useState("");
  const [options, setOptions] = useState<Option[]>(lead ? [{ value: lead.id, label: lead.name }] : []);
  const [searching, setSearching] = useState(false);

  // Look leads up as the caller types (crm-leads' list, within their scope).
  useEffect(() => {
    if (!open) return;
    let stale = false;
    const timer = setTimeout(async () => {
      setSearching(true);
      try {
        const items = await searchLeads(search);
        if (!stale) setOptions(items.map((l) => ({ value: l.id, label: `${l.name} · ${l.phoneMasked}` })));
      } catch {
        if (!stale) setOptions([]);
      } finally {
        if (!stale) setSearching(false);
      }
    }, 250);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [search, open]);

  const start = (day ? dayjs(day) : dayjs().add(1, "day")).hour(10).minute(0).second(0);
  return (
    <Modal
      open={open}
      title={t("crmKpi.appointments.book")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("crmKpi.appointments.book")}
      okButtonProps={{ "data-testid": "appointment-save" } as ButtonProps}
      confirmLoading={book.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ startsAt: start, leadId: lead?.id }}
        onFinish={async (values) => {
          try {
            await book.mutateAsync({
              leadId: values.leadId,
              startsAt: values.startsAt.second(0).format("YYYY-MM-DDTHH:mm:ssZ"),
              place: values.place,
              withName: values.withName || null,
              note: values.note || null,
            });
            message.success(t("crmKpi.appointments.booked"));
            form.resetFields();
            onClose();
          } catch (error) {
            if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
          }
        }}
      >
        <Form.Item
          name="leadId"
          label={t("crmKpi.appointments.fields.lead")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Select
            showSearch
            filterOption={false}
            onSearch={setSearch}
            options={options}
            placeholder={t("crmKpi.appointments.fields.leadPlaceholder")}
            notFoundContent={searching ? <Spin size="small" /> : null}
            data-testid="appointment-lead"
          />
        </Form.Item>
        <Form.Item
          name="startsAt"
          label={t("crmKpi.appointments.fields.startsAt")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <DatePicker
            showTime={{ format: "HH:mm", minuteStep: 15 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: "100%" }}
            data-testid="appointment-time"
          />
        </Form.Item>
        <Form.Item
          name="place"
          label={t("crmKpi.appointments.fields.place")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Input
            maxLength={200}
            placeholder={t("crmKpi.appointments.fields.placePlaceholder")}
            data-testid="appointment-place"
          />
        </Form.Item>
        <Form.Item name="withName" label={t("crmKpi.appointments.fields.withName")}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="note" label={t("crmKpi.appointments.fields.note")}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
