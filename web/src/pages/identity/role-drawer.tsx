import { Alert, App, Button, Checkbox, Drawer, Form, Input, Select, Space, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api/client.ts";
import { createRole, updateRole, usePermissionList } from "../../api/identity.ts";
import type { DataScope, Role } from "../../api/types.ts";
import { applyFieldErrors } from "../../components/form-errors.ts";
import { groupPermissions } from "./permission-groups.ts";

type RoleForm = { key: string; nameZh: string; nameEn: string; dataScope: DataScope; permissions: string[] };

const DATA_SCOPES: DataScope[] = ["own", "team", "org", "all"];
const ROLE_KEY_PATTERN = /^[a-z][a-z0-9-]{1,31}$/;

/** Create a role (role = null and open) or edit one: names, data scope and permissions by group. */
export function RoleDrawer({
  open,
  role,
  onClose,
  onSaved,
}: {
  open: boolean;
  role: Role | null;
  onClose: () => void;
  onSaved: (role: Role) => void;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === "en-US";
  const { message } = App.useApp();
  const [form] = Form.useForm<RoleForm>();
  const [pending, setPending] = useState(false);
  const permissionList = usePermissionList();
  const groups = useMemo(() => groupPermissions(permissionList.data ?? []), [permissionList.data]);
  const selected: string[] = Form.useWatch("permissions", form) ?? [];

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      role
        ? {
            key: role.key,
            nameZh: role.nameZh,
            nameEn: role.nameEn,
            dataScope: role.dataScope,
            permissions: role.permissions,
          }
        : { key: "", nameZh: "", nameEn: "", dataScope: "own", permissions: [] },
    );
  }, [open, role, form]);

  const setGroup = (keys: string[], on: boolean) => {
    const rest = selected.filter((key) => !keys.includes(key));
    form.setFieldValue("permissions", on ? [...rest, ...keys] : rest);
  };

  const submit = async (values: RoleForm) => {
    if (pending) return;
    setPending(true);
    try {
      const body = {
        nameZh: values.nameZh.trim(),
        nameEn: values.nameEn.trim(),
        dataScope: values.dataScope,
        permissions: values.permissions,
      };
      const saved = role
        ? await updateRole(role.key, body)
        : await createRole({ key: values.key.trim(), ...body });
      message.success(t("rolesPage.saved", { name: english ? saved.nameEn : saved.nameZh }));
      onSaved(saved);
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <Drawer
      open={open}
      title={
        role
          ? t("rolesPage.drawerEdit", { name: english ? role.nameEn : role.nameZh })
          : t("rolesPage.drawerCreate")
      }
      size={640}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ float: "right" }}>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button
            type="primary"
            loading={pending}
            disabled={pending}
            onClick={() => form.submit()}
            data-testid="role-save"
          >
            {t("common.save")}
          </Button>
        </Space>
      }
    >
      {role?.key === "admin" ? (
        <Alert type="info" showIcon title={t("rolesPage.adminNote")} className="section-gap" />
      ) : null}
      <Form<RoleForm> form={form} layout="vertical" onFinish={submit} disabled={pending}>
        <div className="form-row">
          <Form.Item
            name="key"
            label={t("rolesPage.form.key")}
            extra={role ? undefined : t("rolesPage.form.keyHelp")}
            rules={[
              { required: true, message: t("common.required") },
              { pattern: ROLE_KEY_PATTERN, message: t("validation.roleKey") },
            ]}
          >
            <Input disabled={Boolean(role)} className="mono" maxLength={32} />
          </Form.Item>
          <Form.Item name="dataScope" label={t("rolesPage.form.dataScope")} rules={[{ required: true }]}>
            <Select
              options={DATA_SCOPES.map((scope) => ({
                value: scope,
                label: `${t(`dataScope.${scope}`)} · ${t(`dataScopeHelp.${scope}`)}`,
              }))}
            />
          </Form.Item>
        </div>
        <div className="form-row">
          <Form.Item
            name="nameZh"
            label={t("rolesPage.form.nameZh")}
            rules={[{ required: true, whitespace: true, max: 32, message: t("common.required") }]}
          >
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item
            name="nameEn"
            label={t("rolesPage.form.nameEn")}
            rules={[{ required: true, whitespace: true, max: 64, message: t("common.required") }]}
          >
            <Input maxLength={64} />
          </Form.Item>
        </div>
        <Form.Item
          name="permissions"
          label={
            <span>
              {t("rolesPage.form.permissions")}{" "}
              <Typography.Text type="secondary">
                {t("rolesPage.form.selected", {
                  count: selected.length,
                  total: permissionList.data?.length ?? 0,
                })}
              </Typography.Text>
            </span>
          }
        >
          <Checkbox.Group className="permission-groups">
            {groups.map((group) => {
              const keys = group.permissions.map((p) => p.key);
              const checked = keys.filter((key) => selected.includes(key)).length;
              return (
                <div key={group.prefix} className="permission-group">
                  <div className="permission-group-head">
                    <Checkbox
                      checked={checked === keys.length}
                      indeterminate={checked > 0 && checked < keys.length}
                      onChange={(e) => setGroup(keys, e.target.checked)}
                    >
                      <strong>{t(`permissionGroups.${group.prefix}`, { defaultValue: group.prefix })}</strong>
                    </Checkbox>
                  </div>
                  <div className="permission-group-items">
                    {group.permissions.map((permission) => (
                      <Checkbox key={permission.key} value={permission.key}>
                        {english ? permission.nameEn : permission.nameZh}
                        <span className="mono muted permission-key">{permission.key}</span>
                      </Checkbox>
                    ))}
                  </div>
                </div>
              );
            })}
          </Checkbox.Group>
        </Form.Item>
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Drawer>
  );
}
