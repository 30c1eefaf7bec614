import { useTranslation } from "react-i18next";
import { useAllUsers, useDepartments, useRoles } from "../../api/identity.ts";
import type { Department } from "../../api/types.ts";

export type Option<V> = { value: V; label: string };

/** Sub-departments are shown under their parent: "营销部 / 营销一队". */
function departmentLabel(department: Department, all: Department[], english: boolean): string {
  const name = (d: Department) => (english ? d.nameEn : d.nameZh);
  const parent = department.parentId ? all.find((d) => d.id === department.parentId) : undefined;
  return parent ? `${name(parent)} / ${name(department)}` : name(department);
}

/** Options for the role, department and manager pickers of the user forms. */
export function useUserFormOptions(excludeUserId?: string) {
  const { i18n } = useTranslation();
  const english = i18n.language === "en-US";
  const roles = useRoles();
  const departments = useDepartments();
  const users = useAllUsers();
  const all = departments.data ?? [];
  return {
    roles: roles.data ?? [],
    roleOptions: (roles.data ?? []).map<Option<string>>((role) => ({
      value: role.key,
      label: `${english ? role.nameEn : role.nameZh}(${role.key})`,
    })),
    departmentOptions: [...all]
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map<Option<number>>((d) => ({ value: d.id, label: departmentLabel(d, all, english) })),
    departmentName: (id: number | null | undefined, fallback?: string | null): string | null => {
      const found = all.find((d) => d.id === id);
      return found ? (english ? found.nameEn : found.nameZh) : (fallback ?? null);
    },
    managerOptions: (users.data ?? [])
      .filter((u) => u.id !== excludeUserId && u.status === "active")
      .map<Option<string>>((u) => ({
        value: u.id,
        label: `${u.displayName}(${u.username})${u.title ? ` · ${u.title}` : ""}`,
      })),
  };
}
