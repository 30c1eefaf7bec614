import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Role } from "../api/types.ts";

// Role tags avoid green/gold/orange/red/magenta, which mean loan classification and status everywhere.
const ROLE_COLORS: Record<string, string> = {
  gm: "purple",
  risk: "purple",
  finance: "purple",
  "sales-director": "blue",
  "team-manager": "blue",
  "customer-manager": "blue",
  "tele-leader": "cyan",
  telemarketer: "cyan",
  "loan-admin": "geekblue",
  service: "geekblue",
  compliance: "geekblue",
  hr: "geekblue",
  admin: "volcano",
};

/** The role's name in the UI language: built-in names from i18n, custom roles from the API list. */
export function useRoleName(roles?: Role[]) {
  const { t, i18n } = useTranslation();
  return (key: string): string => {
    const fromApi = roles?.find((role) => role.key === key);
    if (fromApi) return i18n.language === "en-US" ? fromApi.nameEn : fromApi.nameZh;
    return i18n.exists(`roles.${key}`) ? t(`roles.${key}`) : key;
  };
}

export function RoleTags({ keys, roles }: { keys: string[]; roles?: Role[] }) {
  const roleName = useRoleName(roles);
  if (keys.length === 0) return <span className="muted">—</span>;
  return (
    <span className="tag-list">
      {keys.map((key) => (
        <Tag key={key} color={ROLE_COLORS[key] ?? "default"}>
          {roleName(key)}
        </Tag>
      ))}
    </span>
  );
}
