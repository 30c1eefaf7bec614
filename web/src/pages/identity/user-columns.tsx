import { EditOutlined, KeyOutlined, UnlockOutlined } from "@ant-design/icons";
import { Button, Popconfirm } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { TFunction } from "i18next";
import type { Role, User, UserStatus } from "../../api/types.ts";
import { RoleTags } from "../../components/role-tags.tsx";
import { LockedTag, UserStatusTag } from "../../components/status-tag.tsx";
import { formatDateTime } from "../../format.ts";

type Options = {
  t: TFunction;
  departmentName: (id: number | null, fallback: string | null) => string | null;
  roles: Role[];
  onEdit: (user: User) => void;
  onReset: (user: User) => Promise<void>;
  onUnlock: (user: User) => Promise<void>;
};

/** The user list's columns; the row actions sit on the right and stay in view. */
export function userColumns({
  t,
  departmentName,
  roles,
  onEdit,
  onReset,
  onUnlock,
}: Options): ColumnsType<User> {
  return [
    {
      title: t("users.columns.username"),
      dataIndex: "username",
      width: 140,
      sorter: (a, b) => a.username.localeCompare(b.username),
      render: (value: string) => <span className="username">{value}</span>,
    },
    {
      title: t("users.columns.displayName"),
      dataIndex: "displayName",
      width: 100,
      sorter: (a, b) => a.displayName.localeCompare(b.displayName, "zh-CN"),
    },
    {
      title: t("users.columns.department"),
      dataIndex: "departmentId",
      width: 130,
      render: (id: number | null, user) => (
        <div>
          <div>{departmentName(id, user.departmentName) ?? <span className="muted">—</span>}</div>
          {user.title ? <div className="muted small">{user.title}</div> : null}
        </div>
      ),
    },
    {
      title: t("users.columns.roles"),
      dataIndex: "roles",
      width: 160,
      render: (keys: string[]) => <RoleTags keys={keys} roles={roles} />,
    },
    {
      title: t("users.columns.status"),
      dataIndex: "status",
      width: 110,
      render: (value: UserStatus, user) => (
        <span className="tag-list">
          <UserStatusTag status={value} />
          {user.locked ? <LockedTag /> : null}
        </span>
      ),
    },
    {
      title: t("users.columns.lastLogin"),
      dataIndex: "lastLoginAt",
      width: 140,
      sorter: (a, b) => (a.lastLoginAt ?? "").localeCompare(b.lastLoginAt ?? ""),
      render: (value: string | null) =>
        value ? (
          <span className="num">{formatDateTime(value)}</span>
        ) : (
          <span className="muted">{t("users.neverLoggedIn")}</span>
        ),
    },
    {
      title: t("common.actions"),
      key: "actions",
      fixed: "right",
      width: 170,
      render: (_: unknown, user) => (
        <span className="row-actions nowrap">
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(user)}>
            {t("common.edit")}
          </Button>
          <Popconfirm
            title={t("users.resetConfirmTitle", { name: user.displayName })}
            description={<div style={{ maxWidth: 280 }}>{t("users.resetConfirmText")}</div>}
            onConfirm={() => onReset(user)}
            okText={t("users.resetPassword")}
            cancelText={t("common.cancel")}
          >
            <Button type="link" size="small" icon={<KeyOutlined />}>
              {t("users.resetPassword")}
            </Button>
          </Popconfirm>
          {user.locked ? (
            <Button
              type="link"
              size="small"
              danger
              icon={<UnlockOutlined />}
              onClick={() => void onUnlock(user)}
            >
              {t("users.unlock")}
            </Button>
          ) : null}
        </span>
      ),
    },
  ];
}
