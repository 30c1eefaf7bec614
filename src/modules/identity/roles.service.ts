// Roles are rows: the defaults of DOMAIN.md §1 are seeded, and an admin may adjust permissions and
// data scope or add roles. Every change is audited; assigned users pick it up on their next request.
import { and, asc, count, eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import {
  type DataScope,
  DEFAULT_ROLES,
  isPermission,
  PERMISSIONS,
  ROLE_KEYS,
} from "../../platform/auth/permissions.ts";
import type { Db, Queryable } from "../../platform/db.ts";
import { conflict, DomainError, invalid, notFound } from "../../platform/errors.ts";
import { rolePermissionGrants, roles, userRoles } from "./identity.schema.ts";

export type RoleView = {
  key: string;
  nameZh: string;
  nameEn: string;
  permissions: string[];
  dataScope: DataScope;
  builtIn: boolean;
  userCount: number;
};

export async function listRoles(db: Queryable): Promise<RoleView[]> {
  const rows = await db.select().from(roles).orderBy(asc(roles.key));
  const counts = await db
    .select({ key: userRoles.roleKey, n: count() })
    .from(userRoles)
    .groupBy(userRoles.roleKey);
  const order = new Map<string, number>(ROLE_KEYS.map((k, i) => [k, i]));
  return rows
    .map((r) => ({ ...r, userCount: counts.find((c) => c.key === r.key)?.n ?? 0 }))
    .map(({ updatedAt: _u, ...rest }) => rest)
    .sort((a, b) => (order.get(a.key) ?? 99) - (order.get(b.key) ?? 99) || a.key.localeCompare(b.key));
}

function checkPermissions(list: string[]): void {
  const unknown = list.filter((p) => !isPermission(p));
  if (unknown.length) throw invalid({ permissions: "unknown-permission" }, "unknown-permission");
}

export async function createRole(
  db: Db,
  ctx: RequestContext,
  input: { key: string; nameZh: string; nameEn: string; permissions: string[]; dataScope: DataScope },
): Promise<RoleView> {
  requirePermission(ctx, "users.manage");
  checkPermissions(input.permissions);
  if (!/^[a-z][a-z0-9-]{1,31}$/.test(input.key)) throw invalid({ key: "invalid-value" });
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ key: roles.key }).from(roles).where(eq(roles.key, input.key));
    if (existing)
      throw new DomainError({ code: "validation-failed", status: 409, fields: { key: "invalid-value" } });
    await tx
      .insert(roles)
      .values({ ...input, permissions: [...new Set(input.permissions)].sort(), builtIn: false });
    await recordAudit(tx, ctx, {
      action: "role.created",
      entityType: "role",
      entityId: input.key,
      after: input,
    });
  });
  return findRole(db, input.key);
}

async function findRole(db: Queryable, key: string): Promise<RoleView> {
  const found = (await listRoles(db)).find((r) => r.key === key);
  if (!found) throw notFound("role");
  return found;
}

export async function updateRole(
  db: Db,
  ctx: RequestContext,
  key: string,
  input: { nameZh?: string; nameEn?: string; permissions?: string[]; dataScope?: DataScope },
): Promise<RoleView> {
  requirePermission(ctx, "users.manage");
  if (input.permissions) checkPermissions(input.permissions);
  // The admin role must keep user management, or nobody could ever repair the roles again.
  if (key === "admin" && input.permissions && !input.permissions.includes("users.manage"))
    throw conflict("last-admin");
  await db.transaction(async (tx) => {
    const before = await findRole(tx, key);
    const patch = { ...input, updatedAt: new Date() };
    if (input.permissions) patch.permissions = [...new Set(input.permissions)].sort();
    await tx.update(roles).set(patch).where(eq(roles.key, key));
    const after = await findRole(tx, key);
    await recordAudit(tx, ctx, { action: "role.updated", entityType: "role", entityId: key, before, after });
  });
  return findRole(db, key);
}

export async function deleteRole(db: Db, ctx: RequestContext, key: string): Promise<void> {
  requirePermission(ctx, "users.manage");
  await db.transaction(async (tx) => {
    const before = await findRole(tx, key);
    if (before.builtIn) throw conflict("built-in-role");
    if (before.userCount > 0) throw conflict("role-in-use");
    await tx.delete(roles).where(eq(roles.key, key));
    await recordAudit(tx, ctx, { action: "role.deleted", entityType: "role", entityId: key, before });
  });
}

/**
 * Inserts any built-in role that is missing; never overwrites an admin's edits. A permission that a
 * newer release added to a built-in role's defaults is granted to that role once (recorded in
 * role_permission_grants), so an upgraded database gets it too and an admin's later removal sticks.
 */
export async function ensureBuiltInRoles(db: Queryable): Promise<void> {
  const existing = new Set((await db.select({ key: roles.key }).from(roles)).map((row) => row.key));
  for (const key of ROLE_KEYS) {
    const def = DEFAULT_ROLES[key];
    await db
      .insert(roles)
      .values({
        key,
        nameZh: def.zh,
        nameEn: def.en,
        permissions: [...def.permissions].sort(),
        dataScope: def.scope,
        builtIn: true,
      })
      .onConflictDoNothing();
  }
  const granted = new Set(
    (await db.select({ permission: rolePermissionGrants.permission }).from(rolePermissionGrants)).map(
      (row) => row.permission,
    ),
  );
  const fresh = Object.keys(PERMISSIONS).filter((permission) => !granted.has(permission));
  if (fresh.length === 0) return;
  for (const key of ROLE_KEYS) {
    if (!existing.has(key)) continue; // inserted just now with every default
    const wanted = DEFAULT_ROLES[key].permissions.filter((permission) => fresh.includes(permission));
    if (wanted.length === 0) continue;
    await db
      .update(roles)
      .set({
        permissions: sql`(select coalesce(jsonb_agg(distinct p order by p), '[]'::jsonb) from jsonb_array_elements_text(${roles.permissions} || ${JSON.stringify(wanted)}::jsonb) as p)`,
        updatedAt: new Date(),
      })
      .where(and(eq(roles.key, key), eq(roles.builtIn, true)));
  }
  await db
    .insert(rolePermissionGrants)
    .values(fresh.map((permission) => ({ permission })))
    .onConflictDoNothing();
}
