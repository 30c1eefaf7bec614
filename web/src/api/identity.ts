import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, toQueryString } from "./client.ts";
import type { DataScope, Department, Page, PermissionInfo, Role, User, UserStatus } from "./types.ts";

export type UserFilters = {
  search?: string;
  role?: string;
  status?: UserStatus;
  page: number;
  pageSize: number;
};

export function useUsers(filters: UserFilters, enabled = true) {
  return useQuery({
    queryKey: ["users", filters],
    queryFn: () => api.get<Page<User>>(`/users${toQueryString(filters)}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Everyone, for pickers and the admin dashboard (the API pages at 200). */
export function useAllUsers(enabled = true) {
  return useQuery({
    queryKey: ["users", "all"],
    queryFn: () => fetchAllUsers({}),
    staleTime: 30_000,
    enabled,
  });
}

export async function fetchAllUsers(filters: Omit<UserFilters, "page" | "pageSize">): Promise<User[]> {
  const items: User[] = [];
  for (let page = 1; page <= 50; page += 1) {
    const result = await api.get<Page<User>>(`/users${toQueryString({ ...filters, page, pageSize: 200 })}`);
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) break;
  }
  return items;
}

export type CreateUserInput = {
  username: string;
  displayName: string;
  password?: string;
  roles: string[];
  departmentId?: number | null;
  managerId?: string | null;
  title?: string | null;
};

export type UpdateUserInput = {
  displayName?: string;
  roles?: string[];
  status?: UserStatus;
  departmentId?: number | null;
  managerId?: string | null;
  title?: string | null;
  unlock?: boolean;
};

export const createUser = (input: CreateUserInput) =>
  api.post<{ user: User; initialPassword: string | null }>("/users", input);
export const updateUser = (id: string, input: UpdateUserInput) => api.patch<User>(`/users/${id}`, input);
export const resetPassword = (id: string) =>
  api.post<{ temporaryPassword: string }>(`/users/${id}/reset-password`);

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ["roles"],
    queryFn: () => api.get<Role[]>("/roles"),
    staleTime: 30_000,
    enabled,
  });
}

export function usePermissionList() {
  return useQuery({
    queryKey: ["permissions"],
    queryFn: () => api.get<PermissionInfo[]>("/permissions"),
    staleTime: Infinity,
  });
}

export function useDepartments() {
  return useQuery({
    queryKey: ["departments"],
    queryFn: () => api.get<Department[]>("/departments"),
    staleTime: 300_000,
  });
}

export type RoleInput = {
  key: string;
  nameZh: string;
  nameEn: string;
  permissions: string[];
  dataScope: DataScope;
};

export const createRole = (input: RoleInput) => api.post<Role>("/roles", input);
export const updateRole = (key: string, input: Omit<RoleInput, "key">) =>
  api.patch<Role>(`/roles/${key}`, input);
export const deleteRole = (key: string) => api.delete<{ ok: true }>(`/roles/${key}`);
