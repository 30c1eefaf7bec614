import { SafetyOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { changePassword, mustChangePassword, setMustChangePassword, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { isStrongPassword } from "../../components/password-rules.ts";
import { PasswordStrength } from "../../components/password-strength.tsx";

type PasswordForm = { currentPassword: string; newPassword: string; confirmPassword: string };

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const newPassword = Form.useWatch("newPassword", form) ?? "";
  const forced = mustChangePassword(me.data?.user.id);
  const username = me.data?.user.username ?? "";
  useDocumentTitle(t("password.title"));

  const submit = async (values: PasswordForm) => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      setMustChangePassword(null);
      message.success(t("password.success"));
      form.resetFields();
      if (forced) navigate("/", { replace: true });
    } catch (caught) {
      if (!applyFieldErrors(form, caught)) setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="narrow-page">
      <PageHeader title={t("password.title")} subtitle={t("password.subtitle")} />
      {forced ? <Alert type="warning" showIcon title={t("password.forced")} className="section-gap" /> : null}
      <Card>
        <Form<PasswordForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          disabled={pending}
          validateTrigger="onChange"
        >
          <Form.Item
            name="currentPassword"
            label={t("password.current")}
            rules={[{ required: true, message: t("common.required") }]}
          >
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t("password.new")}
            dependencies={["currentPassword"]}
            rules={[
              { required: true, message: t("common.required") },
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string | undefined) => {
                  if (!value) return;
                  if (!isStrongPassword(value, username)) throw new Error(t("validation.weakPassword"));
                  if (value === getFieldValue("currentPassword"))
                    throw new Error(t("password.sameAsCurrent"));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <PasswordStrength password={newPassword} username={username} />
          <Form.Item
            name="confirmPassword"
            label={t("password.confirm")}
            dependencies={["newPassword"]}
            rules={[
              { required: true, message: t("common.required") },
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string | undefined) => {
                  if (value && value !== getFieldValue("newPassword"))
                    throw new Error(t("password.mismatch"));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {error ? <Alert type="error" showIcon title={error} className="section-gap" /> : null}
          <Button
            type="primary"
            htmlType="submit"
            icon={<SafetyOutlined />}
            loading={pending}
            disabled={pending}
          >
            {t("password.submit")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
