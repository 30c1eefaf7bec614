import { CalculatorOutlined, LockOutlined, UserOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useNavigate } from "react-router-dom";
import { fetchMe, login, ME_KEY, setMustChangePassword, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import { FullPageSpin, PASSWORD_PATH } from "../../components/auth-guard.tsx";
import { Brand } from "../../components/brand.tsx";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { LanguageSwitch } from "../../components/language-switch.tsx";
import { useDocumentTitle } from "../../components/page-header.tsx";
import { DemoAccounts } from "./demo-accounts.tsx";

type LoginForm = { username: string; password: string };

function safeReturnPath(from: unknown): string {
  // Only paths inside the console: never an absolute URL someone put in the link.
  return typeof from === "string" && from.startsWith("/") && !from.startsWith("//") && from !== "/login"
    ? from
    : "/";
}

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginForm>();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const me = useMe();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useDocumentTitle(t("common.signIn"));
  const returnTo = safeReturnPath((location.state as { from?: unknown } | null)?.from);

  if (me.isPending) return <FullPageSpin />;
  if (me.data && !pending) return <Navigate to={returnTo} replace />;

  const submit = async (values: LoginForm) => {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      const result = await login(values.username.trim(), values.password);
      setMustChangePassword(result.user.mustChangePassword ? result.user.id : null);
      await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 0 });
      navigate(result.user.mustChangePassword ? PASSWORD_PATH : returnTo, { replace: true });
    } catch (caught) {
      applyFieldErrors(form, caught);
      setError(errorMessage(caught));
      form.setFieldValue("password", "");
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="login-shell">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <section className="login-hero" aria-hidden="true">
        <Brand inverted />
        <h1 className="login-hero-title">{t("auth.tagline")}</h1>
        <ul className="login-hero-points">
          <li>{t("auth.pitch1")}</li>
          <li>{t("auth.pitch2")}</li>
          <li>{t("auth.pitch3")}</li>
        </ul>
      </section>
      <section className="login-panel">
        <div className="login-card">
          <div className="login-card-brand">
            <Brand />
            <div className="muted small login-card-tagline">{t("auth.tagline")}</div>
          </div>
          <Typography.Title level={3} className="login-title">
            {t("auth.welcome")}
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="login-tagline">
            {t("auth.subtitle")}
          </Typography.Paragraph>
          <Form<LoginForm>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={submit}
            onValuesChange={() => setError(null)}
            disabled={pending}
            size="large"
          >
            <Form.Item
              name="username"
              label={t("auth.username")}
              rules={[{ required: true, whitespace: true, message: t("auth.usernameRequired") }]}
            >
              <Input
                prefix={<UserOutlined />}
                placeholder={t("auth.usernamePlaceholder")}
                autoComplete="username"
                autoFocus
                id="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t("auth.password")}
              rules={[{ required: true, message: t("auth.passwordRequired") }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                placeholder={t("auth.passwordPlaceholder")}
                autoComplete="current-password"
                id="login-password"
              />
            </Form.Item>
            {error ? (
              <Alert
                type="error"
                showIcon
                title={error}
                className="login-error"
                data-testid="login-error"
                role="alert"
              />
            ) : null}
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={pending}
              disabled={pending}
              data-testid="login-submit"
            >
              {pending ? t("auth.signingIn") : t("auth.submit")}
            </Button>
          </Form>
          {import.meta.env.VITE_DEMO_HINT ? (
            <DemoAccounts
              onPick={(username, password) => {
                form.setFieldsValue({ username, password });
                setError(null);
              }}
            />
          ) : null}
          <div className="login-footer-links">
            <Link to="/calculator">
              <CalculatorOutlined /> {t("auth.calculatorLink")}
            </Link>
          </div>
        </div>
        <div className="login-copyright">{t("auth.copyright")}</div>
      </section>
    </div>
  );
}
