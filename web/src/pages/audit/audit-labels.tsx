import { Tag, Tooltip } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

const ALERT_ACTIONS = new Set(["auth.login-failed", "auth.locked", "role.deleted"]);

/** An audit action by its name in the UI language, with the code beside it for searching. */
export function ActionLabel({ action }: { action: string }) {
  const { t, i18n } = useTranslation();
  const key = `audit.actions.${action}`;
  const known = i18n.exists(key);
  const color = ALERT_ACTIONS.has(action) ? "red" : action.startsWith("auth.") ? "blue" : "geekblue";
  return (
    <Tooltip title={action}>
      <Tag color={color} style={{ marginInlineEnd: 0 }}>
        {known ? t(key) : action}
      </Tag>
    </Tooltip>
  );
}

export function entityTypeLabel(type: string, t: TFunction): string {
  return t(`audit.entities.${type}`, { defaultValue: type });
}

/** Entity type in words and a short id (the full id on hover). */
export function EntityLabel({ type, id }: { type: string; id: string | null }) {
  const { t } = useTranslation();
  const label = entityTypeLabel(type, t);
  if (!id) return <span>{label}</span>;
  const short = id.length > 12 ? `${id.slice(0, 8)}…` : id;
  return (
    <span className="entity-label">
      {label}{" "}
      <Tooltip title={id}>
        <span className="mono muted">{short}</span>
      </Tooltip>
    </span>
  );
}
