import { App, Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { type CreateUserInput, createUser } from "../../api/identity.ts";
import type { User } from "../../api/types.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { isStrongPassword } from "../../components/password-rules.ts";
import { useUserFormOptions } from "./user-options.ts";

type CreateForm = {
  username: string;
  displayName: string;
  roles: string[];
  departmentId?: number;
  managerId?: string;
  title?: string;
  password?: string;
};

// The server's username rule (users.service.ts), so the form says the same before sending.
const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;

export function UserCreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: User, initialPassword: string | null) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateForm>();
  const [pending, setPending] = useState(false);
  const options = useUserFormOptions();

  const submit = async (values: CreateForm) => {
    if (pending) return;
    setPending(true);
    try {
      const input: CreateUserInput = {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        roles: values.roles ?? [],
        departmentId: values.departmentId ?? null,
        managerId: values.managerId ?? null,
        title: values.title?.trim() || null,
      };
      if (values.password) input.password = values.password;
      const result = await createUser(input);
      message.success(t("users.created", { name: result.user.displayName }));
      form.resetFields();
      onCreated(result.user, result.initialPassword);
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("users.createTitle")}
      okText={t("common.create")}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: pending, disabled: pending }}
      destroyOnHidden
      width={560}
    >
      <Form<CreateForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={pending}
        initialValues={{ roles: [] }}
      >
        <Form.Item
          name="username"
          label={t("users.form.username")}
          extra={t("users.form.usernameHelp")}
          rules={[
            { required: true, message: t("common.required") },
            { pattern: USERNAME_PATTERN, message: t("validation.username") },
          ]}
        >
          <Input autoFocus autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t("users.form.displayName")}
          rules={[{ required: true, whitespace: true, max: 64, message: t("validation.displayName") }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t("users.form.roles")}
          rules={[{ required: true, message: t("common.required") }]}
        >
          <Select
            mode="multiple"
            options={options.roleOptions}
            placeholder={t("users.form.selectRoles")}
            optionFilterProp="label"
          />
        </Form.Item>
        <div className="form-row">
          <Form.Item name="departmentId" label={t("users.form.department")}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={options.departmentOptions}
              placeholder={t("users.form.selectDepartment")}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t("users.form.title")}
            rules={[{ max: 64, message: t("validation.maxLength", { max: 64 }) }]}
          >
            <Input maxLength={64} />
          </Form.Item>
        </div>
        <Form.Item name="managerId" label={t("users.form.manager")}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={options.managerOptions}
            placeholder={t("users.form.selectManager")}
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("users.form.password")}
          extra={t("users.form.passwordHelp")}
          dependencies={["username"]}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value && !isStrongPassword(value, getFieldValue("username") ?? ""))
                  throw new Error(t("validation.weakPassword"));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {/* Enter in any field submits, as everywhere in the console. */}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
