import { LoginOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { FullPageSpin } from "./auth-guard.tsx";
import { Brand } from "./brand.tsx";
import { LanguageSwitch } from "./language-switch.tsx";

/** Pages anyone may open (the calculator): a minimal header with the brand and a sign-in link. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="public-shell">
      <header className="public-header">
        <Link to="/calculator" className="public-brand">
          <Brand />
        </Link>
        <div className="public-header-right">
          <LanguageSwitch />
          <Button type="primary" icon={<LoginOutlined />} onClick={() => navigate("/login")}>
            {t("common.signIn")}
          </Button>
        </div>
      </header>
      <main className="public-content">
        <Suspense fallback={<FullPageSpin />}>{children}</Suspense>
      </main>
    </div>
  );
}
