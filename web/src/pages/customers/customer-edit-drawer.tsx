import { Alert, App, Button, Drawer, Form, Space } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { type Customer, updateCustomer } from "../../api/customers.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import {
  CustomerFields,
  type CustomerFormValues,
  customerToForm,
  toCustomerInput,
} from "./customer-form.tsx";

/** 编辑客户: identifiers stay as they are unless typed again (they are stored sealed and shown masked). */
export function CustomerEditDrawer({
  customer,
  open,
  onClose,
  onSaved,
}: {
  customer: Customer;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CustomerFormValues>();
  const [pending, setPending] = useState(false);

  useEffect(() => {
    if (open) form.setFieldsValue(customerToForm(customer));
  }, [open, customer, form]);

  const submit = async (values: CustomerFormValues) => {
    if (pending) return;
    setPending(true);
    try {
      const saved = await updateCustomer(
        customer.id,
        toCustomerInput({ ...values, type: customer.type }, "edit"),
      );
      message.success(t("customers.saved", { name: saved.name }));
      for (const warning of saved.warnings ?? []) message.warning(warning.message);
      onSaved();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Drawer
      open={open}
      title={t("customers.editTitle", { name: customer.name })}
      size={640}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ float: "right" }}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="primary" loading={pending} disabled={pending} onClick={() => form.submit()}>
            {t("common.save")}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon title={t("customers.editNote")} className="section-gap" />
      <Form<CustomerFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={pending}
        initialValues={customerToForm(customer)}
      >
        <CustomerFields form={form} mode="edit" current={customer} />
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Drawer>
  );
}
