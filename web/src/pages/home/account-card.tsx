import { ClockCircleOutlined, KeyOutlined } from "@ant-design/icons";
import { Button, Card } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import type { Me } from "../../api/types.ts";
import { PASSWORD_PATH } from "../../components/auth-guard.tsx";

/** How the session behaves and the keyboard conventions of UI.md. */
export function AccountCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card title={t("home.account.title")} className="full-height-card">
      <div className="account-line">
        <ClockCircleOutlined /> {t("home.account.idle", { minutes: me.sessionIdleMinutes })}
      </div>
      <div className="muted small account-keys-title">{t("home.account.shortcuts")}</div>
      <ul className="account-keys">
        <li>
          <kbd>/</kbd> {t("home.account.slash")}
        </li>
        <li>
          <kbd>Enter</kbd> {t("home.account.enter")}
        </li>
        <li>
          <kbd>Esc</kbd> {t("home.account.esc")}
        </li>
      </ul>
      <Button
        size="small"
        icon={<KeyOutlined />}
        onClick={() => navigate(PASSWORD_PATH)}
        className="account-button"
      >
        {t("home.account.changePassword")}
      </Button>
    </Card>
  );
}
