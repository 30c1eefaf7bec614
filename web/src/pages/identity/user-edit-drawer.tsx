import { Alert, App, Button, Drawer, Form, Input, Radio, Select, Space } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { updateUser } from "../../api/identity.ts";
import type { User, UserStatus } from "../../api/types.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { useUserFormOptions } from "./user-options.ts";

type EditForm = {
  displayName: string;
  roles: string[];
  departmentId: number | null;
  managerId: string | null;
  title: string;
  status: UserStatus;
};

export function UserEditDrawer({
  user,
  onClose,
  onSaved,
}: {
  user: User | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditForm>();
  const [pending, setPending] = useState(false);
  const options = useUserFormOptions(user?.id);

  useEffect(() => {
    if (!user) return;
    form.setFieldsValue({
      displayName: user.displayName,
      roles: user.roles,
      departmentId: user.departmentId,
      managerId: user.managerId,
      title: user.title ?? "",
      status: user.status,
    });
  }, [user, form]);

  const submit = async (values: EditForm) => {
    if (!user || pending) return;
    setPending(true);
    try {
      await updateUser(user.id, {
        displayName: values.displayName.trim(),
        roles: values.roles,
        departmentId: values.departmentId ?? null,
        managerId: values.managerId ?? null,
        title: values.title?.trim() || null,
        status: values.status,
      });
      message.success(t("users.edit.saved", { name: values.displayName }));
      onSaved();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Drawer
      open={user !== null}
      title={user ? t("users.edit.title", { name: `${user.displayName}(${user.username})` }) : ""}
      size={520}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ float: "right" }}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button
            type="primary"
            loading={pending}
            disabled={pending}
            onClick={() => form.submit()}
            data-testid="user-save"
          >
            {t("common.save")}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon title={t("users.edit.sessionNote")} className="section-gap" />
      <Form<EditForm> form={form} layout="vertical" onFinish={submit} disabled={pending}>
        <Form.Item
          name="displayName"
          label={t("users.form.displayName")}
          rules={[{ required: true, whitespace: true, max: 64, message: t("validation.displayName") }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="roles" label={t("users.form.roles")}>
          <Select
            mode="multiple"
            options={options.roleOptions}
            placeholder={t("users.form.selectRoles")}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item name="departmentId" label={t("users.form.department")}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={options.departmentOptions}
            placeholder={t("users.form.selectDepartment")}
          />
        </Form.Item>
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
          name="title"
          label={t("users.form.title")}
          rules={[{ max: 64, message: t("validation.maxLength", { max: 64 }) }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="status" label={t("users.form.status")}>
          <Radio.Group
            optionType="button"
            options={[
              { value: "active", label: t("status.active") },
              { value: "disabled", label: t("status.disabled") },
            ]}
          />
        </Form.Item>
        {/* Enter in any field submits, as everywhere in the console. */}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Drawer>
  );
}
