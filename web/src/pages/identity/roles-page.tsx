import { DeleteOutlined, EditOutlined, LockOutlined, PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Popconfirm, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { deleteRole, useRoles } from "../../api/identity.ts";
import type { DataScope, Role } from "../../api/types.ts";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { RoleDrawer } from "./role-drawer.tsx";

const SCOPE_COLORS: Record<DataScope, string> = { own: "default", team: "cyan", org: "blue", all: "purple" };

export function RolesPage() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === "en-US";
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  useDocumentTitle(t("rolesPage.title"));
  const roles = useRoles();
  const [drawer, setDrawer] = useState<{ open: boolean; role: Role | null }>({ open: false, role: null });
  const name = (role: Role) => (english ? role.nameEn : role.nameZh);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["roles"] });

  const remove = async (role: Role) => {
    try {
      await deleteRole(role.key);
      message.success(t("rolesPage.deleted", { name: name(role) }));
      void refresh();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <div data-testid="roles-page">
      <PageHeader
        title={t("rolesPage.title")}
        subtitle={t("rolesPage.subtitle")}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDrawer({ open: true, role: null })}
          >
            {t("rolesPage.create")}
          </Button>
        }
      />
      <Card>
        <Table<Role>
          rowKey="key"
          size="middle"
          loading={roles.isFetching}
          dataSource={roles.data ?? []}
          pagination={false}
          locale={{
            emptyText: roles.isError
              ? t("common.loadFailed", { message: errorMessage(roles.error) })
              : t("rolesPage.empty"),
          }}
          columns={[
            {
              title: t("rolesPage.columns.name"),
              key: "name",
              render: (_: unknown, role) => <Typography.Text strong>{name(role)}</Typography.Text>,
            },
            {
              title: t("rolesPage.columns.key"),
              dataIndex: "key",
              render: (value: string) => <span className="mono">{value}</span>,
            },
            {
              title: t("rolesPage.columns.dataScope"),
              dataIndex: "dataScope",
              render: (value: DataScope) => (
                <Tooltip title={t(`dataScopeHelp.${value}`)}>
                  <Tag color={SCOPE_COLORS[value]}>{t(`dataScope.${value}`)}</Tag>
                </Tooltip>
              ),
            },
            {
              title: t("rolesPage.columns.permissions"),
              dataIndex: "permissions",
              render: (permissions: string[]) => (
                <Tooltip
                  title={permissions
                    .map((key) => t(`permissions.${key}`, { defaultValue: key }))
                    .join(t("common.listSeparator"))}
                  placement="topLeft"
                >
                  <span>{t("rolesPage.permissionCount", { count: permissions.length })}</span>
                </Tooltip>
              ),
            },
            {
              title: t("rolesPage.columns.users"),
              dataIndex: "userCount",
              align: "right",
              sorter: (a, b) => a.userCount - b.userCount,
              render: (value: number) => <span className="num">{value}</span>,
            },
            {
              title: t("rolesPage.columns.type"),
              dataIndex: "builtIn",
              render: (builtIn: boolean) =>
                builtIn ? (
                  <Tag icon={<LockOutlined />}>{t("rolesPage.builtIn")}</Tag>
                ) : (
                  <Tag color="blue">{t("rolesPage.custom")}</Tag>
                ),
            },
            {
              title: t("common.actions"),
              key: "actions",
              width: 170,
              render: (_: unknown, role) => {
                const blocked = role.builtIn
                  ? t("rolesPage.deleteBuiltIn")
                  : role.userCount > 0
                    ? t("rolesPage.deleteInUse", { count: role.userCount })
                    : null;
                return (
                  <>
                    <Button
                      type="link"
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setDrawer({ open: true, role })}
                    >
                      {t("common.edit")}
                    </Button>
                    {blocked ? (
                      <Tooltip title={blocked}>
                        <Button type="link" size="small" danger disabled icon={<DeleteOutlined />}>
                          {t("common.delete")}
                        </Button>
                      </Tooltip>
                    ) : (
                      <Popconfirm
                        title={t("rolesPage.deleteConfirm", { name: name(role) })}
                        onConfirm={() => remove(role)}
                        okText={t("common.delete")}
                        okButtonProps={{ danger: true }}
                        cancelText={t("common.cancel")}
                      >
                        <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                          {t("common.delete")}
                        </Button>
                      </Popconfirm>
                    )}
                  </>
                );
              },
            },
          ]}
        />
      </Card>
      <RoleDrawer
        open={drawer.open}
        role={drawer.role}
        onClose={() => setDrawer({ open: false, role: null })}
        onSaved={() => {
          setDrawer({ open: false, role: null });
          void refresh();
        }}
      />
    </div>
  );
}
