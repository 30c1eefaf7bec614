import { z } from "zod";
import { ROLE_KEYS } from "../../platform/auth/permissions.ts";

export const loginBody = z
  .object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) })
  .strict();

export const changePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) })
  .strict();

const roleKey = z.string().min(2).max(32);
const dataScope = z.enum(["own", "team", "org", "all"]);

export const createUserBody = z
  .object({
    username: z.string().min(3).max(32),
    displayName: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256).optional(),
    roles: z
      .array(roleKey)
      .max(ROLE_KEYS.length + 20)
      .default([]),
    departmentId: z.number().int().positive().nullable().optional(),
    managerId: z.uuid().nullable().optional(),
    title: z.string().max(64).nullable().optional(),
  })
  .strict();

export const updateUserBody = z
  .object({
    displayName: z.string().trim().min(1).max(64).optional(),
    roles: z
      .array(roleKey)
      .max(ROLE_KEYS.length + 20)
      .optional(),
    status: z.enum(["active", "disabled"]).optional(),
    departmentId: z.number().int().positive().nullable().optional(),
    managerId: z.uuid().nullable().optional(),
    title: z.string().max(64).nullable().optional(),
    unlock: z.boolean().optional(),
  })
  .strict();

export const listUsersQuery = z
  .object({
    search: z.string().max(64).optional(),
    role: roleKey.optional(),
    status: z.enum(["active", "disabled"]).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();

export const idParams = z.object({ id: z.uuid() }).strict();
export const roleKeyParams = z.object({ key: roleKey }).strict();

export const createRoleBody = z
  .object({
    key: z.string().min(2).max(32),
    nameZh: z.string().trim().min(1).max(32),
    nameEn: z.string().trim().min(1).max(64),
    permissions: z.array(z.string().max(64)).max(100),
    dataScope,
  })
  .strict();

export const updateRoleBody = z
  .object({
    nameZh: z.string().trim().min(1).max(32).optional(),
    nameEn: z.string().trim().min(1).max(64).optional(),
    permissions: z.array(z.string().max(64)).max(100).optional(),
    dataScope: dataScope.optional(),
  })
  .strict();
