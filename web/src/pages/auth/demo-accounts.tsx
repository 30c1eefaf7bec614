import { Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ROLE_KEYS } from "../../../../src/platform/auth/permissions.ts";

// The demo company's sign-ins (API.md): username = role key, one shared password. A static hint for
// demo builds only; nothing is fetched for it.
// The role keys come from the server's own list, so the hint never drifts from the demo company.
const DEMO_ROLES = ROLE_KEYS;
const DEMO_PASSWORD = "Demo@2026";

export function DemoAccounts({ onPick }: { onPick: (username: string, password: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="demo-accounts" data-testid="demo-accounts">
      <Typography.Text strong>{t("auth.demoTitle")}</Typography.Text>
      <Typography.Paragraph type="secondary" className="demo-accounts-hint">
        {t("auth.demoHint", { password: DEMO_PASSWORD })}
      </Typography.Paragraph>
      <div className="demo-accounts-list">
        {DEMO_ROLES.map((role) => (
          <Tooltip key={role} title={t(`roles.${role}`)}>
            <Tag.CheckableTag
              checked={false}
              onChange={() => onPick(role, DEMO_PASSWORD)}
              data-testid={`demo-${role}`}
            >
              <span className="mono">{role}</span>
            </Tag.CheckableTag>
          </Tooltip>
        ))}
      </div>
    </div>
  );
}
