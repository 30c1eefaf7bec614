import { App, Form, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { type Customer, createCustomer } from "../../api/customers.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { CustomerFields, type CustomerFormValues, toCustomerInput } from "./customer-form.tsx";

/** 新建客户: the file with its identifiers checked as one types; business fields only for businesses. */
export function CustomerCreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (customer: Customer) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CustomerFormValues>();
  const [pending, setPending] = useState(false);

  const submit = async (values: CustomerFormValues) => {
    if (pending) return;
    setPending(true);
    try {
      const customer = await createCustomer(toCustomerInput(values, "create"));
      message.success(t("customers.created", { name: customer.name }));
      for (const warning of customer.warnings ?? []) message.warning(warning.message);
      form.resetFields();
      onCreated(customer);
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("customers.createTitle")}
      okText={t("common.create")}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: pending, disabled: pending, "data-testid": "customer-submit" }}
      destroyOnHidden
      width={680}
    >
      <Form<CustomerFormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={pending}
        initialValues={{ type: "individual", segment: "individual" }}
        data-testid="customer-form"
      >
        <CustomerFields form={form} mode="create" />
        {/* Enter in any field submits, as everywhere in the console. */}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
