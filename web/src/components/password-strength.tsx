import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import { Progress, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { checkPassword, passwordStrength, type Strength } from "./password-rules.ts";

const STRENGTH_COLORS: Record<Strength, string> = {
  weak: "#ff4d4f",
  fair: "#faad14",
  good: "#52c41a",
  strong: "#389e0d",
};

function Rule({ ok, text }: { ok: boolean; text: string }) {
  return (
    <li className={`password-rule ${ok ? "password-rule-ok" : ""}`}>
      {ok ? (
        <CheckCircleFilled style={{ color: "#52c41a" }} />
      ) : (
        <CloseCircleFilled style={{ color: "#d9d9d9" }} />
      )}
      <span>{text}</span>
    </li>
  );
}

/** The rules ticked off as one types, and a meter (with the level in words, not colour alone). */
export function PasswordStrength({ password, username }: { password: string; username: string }) {
  const { t } = useTranslation();
  const check = checkPassword(password, username);
  const strength = passwordStrength(password, username);
  return (
    <div className="password-strength" data-testid="password-strength">
      <div className="password-meter">
        <Typography.Text type="secondary">{t("password.strength")}</Typography.Text>
        <Progress
          percent={password ? strength.percent : 0}
          showInfo={false}
          strokeColor={STRENGTH_COLORS[strength.level]}
          size="small"
          style={{ flex: 1, margin: 0 }}
        />
        <Typography.Text
          strong
          style={{ color: password ? STRENGTH_COLORS[strength.level] : undefined, minWidth: 40 }}
        >
          {password ? t(`password.strengthLevels.${strength.level}`) : "—"}
        </Typography.Text>
      </div>
      <ul className="password-rules" aria-label={t("password.rules")}>
        <Rule ok={check.length} text={t("password.ruleLength")} />
        <Rule ok={check.classes} text={t("password.ruleClasses")} />
        <Rule ok={password.length > 0 && check.username} text={t("password.ruleUsername")} />
      </ul>
    </div>
  );
}
