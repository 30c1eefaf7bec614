// User administration for the admin role: accounts, role assignment, status and password resets.
import { randomBytes } from "node:crypto";
import { and, asc, count, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { type RequestContext, requirePermission } from "../../platform/auth/actor.ts";
import { hashPassword, isStrongPassword } from "../../platform/auth/passwords.ts";
import type { Db, Tx } from "../../platform/db.ts";
import { conflict, DomainError, invalid, notFound } from "../../platform/errors.ts";
import { departments } from "../staff/staff.schema.ts";
import { roles, userRoles, users } from "./identity.schema.ts";
import { deleteSessionsOfUsers } from "./sessions.ts";

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;

export type UserView = {
  id: string;
  username: string;
  displayName: string;
  status: "active" | "disabled";
  roles: string[];
  departmentId: number | null;
  departmentName: string | null;
  managerId: string | null;
  title: string | null;
  locked: boolean;
  lastLoginAt: string | null;
  createdAt: string;
};

export async function listUsers(
  db: Db,
  ctx: RequestContext,
  query: { search?: string; role?: string; status?: "active" | "disabled"; page: number; pageSize: number },
): Promise<{ items: UserView[]; total: number }> {
  requirePermission(ctx, "users.manage");
  const conditions: SQL[] = [];
  if (query.search) {
    const like = `%${query.search.replace(/[%_\\]/g, "\\$&")}%`;
    conditions.push(or(ilike(users.username, like), ilike(users.displayName, like)) as SQL);
  }
  if (query.status) conditions.push(eq(users.status, query.status));
  if (query.role)
    conditions.push(
      inArray(
        users.id,
        db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.roleKey, query.role)),
      ),
    );
  const where = conditions.length ? and(...conditions) : undefined;
  const [{ total }] = await db.select({ total: count() }).from(users).where(where);
  const rows = await db
    .select({ user: users, departmentName: departments.nameZh })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(where)
    .orderBy(asc(users.departmentId), asc(users.username))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const roleRows = rows.length
    ? await db
        .select()
        .from(userRoles)
        .where(
          inArray(
            userRoles.userId,
            rows.map((r) => r.user.id),
          ),
        )
    : [];
  return {
    total,
    items: rows.map(({ user, departmentName }) =>
      toView(
        user,
        departmentName,
        roleRows.filter((r) => r.userId === user.id).map((r) => r.roleKey),
      ),
    ),
  };
}

function toView(
  user: typeof users.$inferSelect,
  departmentName: string | null,
  roleKeys: string[],
): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    status: user.status,
    roles: roleKeys.sort(),
    departmentId: user.departmentId,
    departmentName,
    managerId: user.managerId,
    title: user.title,
    locked: Boolean(user.lockedUntil && user.lockedUntil.getTime() > Date.now()),
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

async function getUserView(db: Db | Tx, id: string): Promise<UserView> {
  const [row] = await db
    .select({ user: users, departmentName: departments.nameZh })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, id));
  if (!row) throw notFound("user");
  const roleRows = await db.select().from(userRoles).where(eq(userRoles.userId, id));
  return toView(
    row.user,
    row.departmentName,
    roleRows.map((r) => r.roleKey),
  );
}

export async function getUser(db: Db, ctx: RequestContext, id: string): Promise<UserView> {
  requirePermission(ctx, "users.manage");
  return getUserView(db, id);
}

async function assertRolesExist(tx: Tx, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  const found = await tx.select({ key: roles.key }).from(roles).where(inArray(roles.key, keys));
  if (found.length !== new Set(keys).size) throw invalid({ roles: "unknown-role" }, "unknown-role");
}

async function assertReferences(tx: Tx, input: { departmentId?: number | null; managerId?: string | null }) {
  if (input.departmentId != null) {
    const [d] = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(eq(departments.id, input.departmentId));
    if (!d) throw invalid({ departmentId: "invalid-value" });
  }
  if (input.managerId != null) {
    const [m] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.managerId));
    if (!m) throw invalid({ managerId: "invalid-value" });
  }
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

/** Without a password a one-time password is generated and returned once; the user must change it. */
export async function createUser(
  db: Db,
  ctx: RequestContext,
  input: CreateUserInput,
): Promise<{ user: UserView; initialPassword: string | null }> {
  requirePermission(ctx, "users.manage");
  const username = input.username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) throw invalid({ username: "invalid-username" });
  const generated = input.password ? null : generatePassword();
  const password = input.password ?? (generated as string);
  if (!isStrongPassword(password, username)) throw invalid({ password: "weak-password" }, "weak-password");
  const passwordHash = await hashPassword(password);
  const id = await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (existing)
      throw new DomainError({ code: "username-taken", status: 409, fields: { username: "username-taken" } });
    await assertRolesExist(tx, input.roles);
    await assertReferences(tx, input);
    const [created] = await tx
      .insert(users)
      .values({
        username,
        displayName: input.displayName.trim(),
        passwordHash,
        departmentId: input.departmentId ?? null,
        managerId: input.managerId ?? null,
        title: input.title ?? null,
        mustChangePassword: generated !== null,
      })
      .returning({ id: users.id });
    if (input.roles.length)
      await tx.insert(userRoles).values(input.roles.map((roleKey) => ({ userId: created.id, roleKey })));
    const after = await getUserView(tx, created.id);
    await recordAudit(tx, ctx, { action: "user.created", entityType: "user", entityId: created.id, after });
    return created.id;
  });
  return { user: await getUserView(db, id), initialPassword: generated };
}

export type UpdateUserInput = {
  displayName?: string;
  roles?: string[];
  status?: "active" | "disabled";
  departmentId?: number | null;
  managerId?: string | null;
  title?: string | null;
  unlock?: boolean;
};

export async function updateUser(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: UpdateUserInput,
): Promise<UserView> {
  requirePermission(ctx, "users.manage");
  await db.transaction(async (tx) => {
    const before = await getUserView(tx, id);
    if (
      id === ctx.actor.userId &&
      ((input.roles && !input.roles.includes("admin") && before.roles.includes("admin")) ||
        input.status === "disabled")
    )
      throw conflict("cannot-remove-own-admin");
    if (input.managerId === id) throw invalid({ managerId: "invalid-value" });
    if (input.roles) await assertRolesExist(tx, input.roles);
    await assertReferences(tx, input);
    const patch: Partial<typeof users.$inferInsert> = { updatedAt: new Date() };
    if (input.displayName !== undefined) patch.displayName = input.displayName.trim();
    if (input.status !== undefined) patch.status = input.status;
    if (input.departmentId !== undefined) patch.departmentId = input.departmentId;
    if (input.managerId !== undefined) patch.managerId = input.managerId;
    if (input.title !== undefined) patch.title = input.title;
    if (input.unlock) Object.assign(patch, { lockedUntil: null, failedAttempts: 0 });
    await tx.update(users).set(patch).where(eq(users.id, id));
    if (input.roles) {
      await tx.delete(userRoles).where(eq(userRoles.userId, id));
      if (input.roles.length)
        await tx.insert(userRoles).values(input.roles.map((roleKey) => ({ userId: id, roleKey })));
    }
    await assertAnActiveAdminRemains(tx);
    // Role or status changes take effect at once: the person signs in again.
    if (input.roles || input.status === "disabled") await deleteSessionsOfUsers(tx, [id]);
    const after = await getUserView(tx, id);
    await recordAudit(tx, ctx, { action: "user.updated", entityType: "user", entityId: id, before, after });
  });
  return getUserView(db, id);
}

export async function assertAnActiveAdminRemains(tx: Tx): Promise<void> {
  const [{ admins }] = await tx
    .select({ admins: count() })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.roleKey, "admin"), eq(users.status, "active")));
  if (admins === 0) throw conflict("last-admin");
}

export async function resetPassword(
  db: Db,
  ctx: RequestContext,
  id: string,
): Promise<{ temporaryPassword: string }> {
  requirePermission(ctx, "users.manage");
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, id));
    if (!user) throw notFound("user");
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        lockedUntil: null,
        failedAttempts: 0,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id));
    await deleteSessionsOfUsers(tx, [id]);
    await recordAudit(tx, ctx, { action: "user.password-reset", entityType: "user", entityId: id });
  });
  return { temporaryPassword };
}

/** 16 characters from all four classes, so it always passes the strength rule. */
export function generatePassword(): string {
  const sets = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "@#%+=!?"];
  const bytes = randomBytes(16);
  const chars = Array.from(bytes, (b, i) => {
    const set = sets[i % sets.length];
    return set[b % set.length];
  });
  return chars.join("");
}

export async function listDepartments(db: Db) {
  return db.select().from(departments).orderBy(asc(departments.sortOrder), asc(departments.id));
}

/** What a person sees of their own record on every page: where they sit in the company. */
export async function ownProfile(db: Db, userId: string) {
  const [row] = await db
    .select({
      departmentId: users.departmentId,
      departmentName: departments.nameZh,
      departmentNameEn: departments.nameEn,
      title: users.title,
    })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, userId));
  return row ?? { departmentId: null, departmentName: null, departmentNameEn: null, title: null };
}

/**
 * Where someone sits today, as the staff capability records it: data scope (platform/auth/scope.ts)
 * follows users.manager_id. The caller's transaction writes the audit record of the change.
 */
export async function placeUser(
  tx: Tx,
  userId: string,
  placement: { managerUserId: string | null; departmentId: number | null; title: string | null },
): Promise<void> {
  await tx
    .update(users)
    .set({
      managerId: placement.managerUserId,
      departmentId: placement.departmentId,
      title: placement.title,
      updatedAt: new Date(),
    })
    .where(eq(users.id, userId));
}
