import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { App, Avatar, Dropdown } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { useSignOut } from "../api/auth.ts";
import type { Me } from "../api/types.ts";
import { PASSWORD_PATH } from "./auth-guard.tsx";
import { RoleTags, useRoleName } from "./role-tags.tsx";

export function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { message } = App.useApp();
  const roleName = useRoleName();
  const roleSummary = me.user.roles.map(roleName).join(t("common.listSeparator"));

  return (
    <Dropdown
      trigger={["click"]}
      placement="bottomRight"
      menu={{
        items: [
          {
            key: "who",
            disabled: true,
            label: (
              <div className="user-menu-card">
                <div className="user-menu-name">
                  {me.user.displayName} <span className="muted">@{me.user.username}</span>
                </div>
                <div className="user-menu-roles">
                  <RoleTags keys={me.user.roles} />
                </div>
                <div className="muted">
                  {t("header.dataScopeLine", { scope: t(`dataScope.${me.dataScope}`) })}
                </div>
              </div>
            ),
          },
          { type: "divider" },
          { key: "password", icon: <KeyOutlined />, label: t("auth.changePassword") },
          { key: "signout", icon: <LogoutOutlined />, label: t("auth.signOut"), danger: true },
        ],
        onClick: async ({ key }) => {
          if (key === "password") navigate(PASSWORD_PATH);
          if (key === "signout") {
            await signOut();
            message.success(t("auth.signedOut"));
            navigate("/login", { replace: true });
          }
        },
      }}
    >
      <button
        type="button"
        className="user-menu-trigger"
        data-testid="user-menu"
        aria-label={me.user.displayName}
      >
        <Avatar size={32} icon={<UserOutlined />} style={{ backgroundColor: "#1668dc" }} />
        <span className="user-menu-text">
          <span className="user-menu-display">{me.user.displayName}</span>
          <span className="user-menu-role">{roleSummary}</span>
        </span>
        <DownOutlined style={{ fontSize: 10, color: "#8c8c8c" }} />
      </button>
    </Dropdown>
  );
}
