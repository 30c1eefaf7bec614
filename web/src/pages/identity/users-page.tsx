import { DownloadOutlined, PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Empty, Select, Space, Table } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import { fetchAllUsers, resetPassword, updateUser, useUsers } from "../../api/identity.ts";
import type { User, UserStatus } from "../../api/types.ts";
import { downloadCsv } from "../../components/csv.ts";
import { ListSearchInput, useListSearch } from "../../components/list-search.tsx";
import { PageHeader, useDocumentTitle } from "../../components/page-header.tsx";
import { useRoleName } from "../../components/role-tags.tsx";
import { formatDateTime, todayInChina } from "../../format.ts";
import { SecretModal } from "./secret-modal.tsx";
import { userColumns } from "./user-columns.tsx";
import { UserCreateModal } from "./user-create-modal.tsx";
import { UserEditDrawer } from "./user-edit-drawer.tsx";
import { useUserFormOptions } from "./user-options.ts";

export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  useDocumentTitle(t("users.title"));
  const [params] = useSearchParams();
  const search = useListSearch(params.get("search") ?? "");
  const [role, setRole] = useState<string | undefined>();
  const [status, setStatus] = useState<UserStatus | undefined>();
  const [paging, setPaging] = useState({ key: "", page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<User | null>(null);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ title: string; value: string } | null>(null);
  const [exporting, setExporting] = useState(false);
  const options = useUserFormOptions();
  const roleName = useRoleName(options.roles);

  const filters = useMemo(
    () => ({ search: search.value || undefined, role, status }),
    [search.value, role, status],
  );
  // A new filter starts again at page 1.
  const filterKey = JSON.stringify(filters);
  const page = paging.key === filterKey ? paging.page : 1;
  const users = useUsers({ ...filters, page, pageSize: paging.pageSize });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["users"] });
  const filtered = Boolean(search.value || role || status);

  const clearFilters = () => {
    search.set("");
    setRole(undefined);
    setStatus(undefined);
  };

  const doReset = async (user: User) => {
    try {
      const result = await resetPassword(user.id);
      setSecret({ title: t("users.tempTitle", { name: user.displayName }), value: result.temporaryPassword });
      void refresh();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const doUnlock = async (user: User) => {
    try {
      await updateUser(user.id, { unlock: true });
      message.success(t("users.unlocked", { name: user.displayName }));
      void refresh();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      const rows = await fetchAllUsers(filters);
      const c = (key: string) => t(`users.columns.${key}`);
      downloadCsv(
        `${t("users.export")}-${todayInChina()}.csv`,
        [
          c("username"),
          c("displayName"),
          c("department"),
          c("title"),
          c("roles"),
          c("status"),
          t("status.locked"),
          c("lastLogin"),
        ],
        rows.map((u) => [
          u.username,
          u.displayName,
          options.departmentName(u.departmentId, u.departmentName),
          u.title,
          u.roles.map(roleName).join(t("common.listSeparator")),
          t(`status.${u.status}`),
          u.locked ? t("common.yes") : t("common.no"),
          u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "",
        ]),
      );
      message.success(t("common.exported", { count: rows.length }));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div data-testid="users-page">
      <PageHeader
        title={t("users.title")}
        subtitle={t("users.subtitle")}
        extra={
          <>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()}>
              {t("common.exportCsv")}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="create-user"
            >
              {t("users.create")}
            </Button>
          </>
        }
      />
      <Card>
        <div className="filter-bar">
          <ListSearchInput
            search={search}
            placeholder={t("users.searchPlaceholder")}
            width={300}
            testId="user-search"
          />
          <Select
            allowClear
            placeholder={t("users.rolePlaceholder")}
            aria-label={t("users.columns.roles")}
            value={role}
            onChange={setRole}
            options={options.roles.map((r) => ({ value: r.key, label: roleName(r.key) }))}
            style={{ width: 170 }}
          />
          <Select
            allowClear
            placeholder={t("users.statusPlaceholder")}
            aria-label={t("users.columns.status")}
            value={status}
            onChange={setStatus}
            options={[
              { value: "active", label: t("status.active") },
              { value: "disabled", label: t("status.disabled") },
            ]}
            style={{ width: 140 }}
          />
          {filtered ? <Button onClick={clearFilters}>{t("common.reset")}</Button> : null}
        </div>
        <Table<User>
          rowKey="id"
          loading={users.isFetching}
          dataSource={users.data?.items ?? []}
          size="middle"
          scroll={{ x: 950 }}
          locale={{
            emptyText: users.isError ? (
              <Empty description={t("common.loadFailed", { message: errorMessage(users.error) })} />
            ) : (
              <Empty description={t("users.empty")}>
                <div className="muted section-gap">{t("users.emptyHint")}</div>
                <Space>
                  {filtered ? <Button onClick={clearFilters}>{t("users.clearFilters")}</Button> : null}
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                    {t("users.create")}
                  </Button>
                </Space>
              </Empty>
            ),
          }}
          pagination={{
            current: page,
            pageSize: paging.pageSize,
            total: users.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t("common.total", { total }),
            onChange: (next, pageSize) => setPaging({ key: filterKey, page: next, pageSize }),
          }}
          columns={userColumns({
            t,
            departmentName: options.departmentName,
            roles: options.roles,
            onEdit: setEditing,
            onReset: doReset,
            onUnlock: doUnlock,
          })}
        />
      </Card>
      <UserEditDrawer
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void refresh();
        }}
      />
      <UserCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user, initialPassword) => {
          setCreating(false);
          void refresh();
          if (initialPassword)
            setSecret({ title: t("users.oneTimeTitle", { name: user.displayName }), value: initialPassword });
        }}
      />
      <SecretModal
        title={secret?.title ?? ""}
        secret={secret?.value ?? null}
        onClose={() => setSecret(null)}
      />
    </div>
  );
}
