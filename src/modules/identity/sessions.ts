// Server-side sessions: the cookie holds a random token, the table its SHA-256. A session ends on
// sign-out, on idle timeout, or when the account is disabled or its password changes.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, inArray, lt, ne } from "drizzle-orm";
import type { Actor } from "../../platform/auth/actor.ts";
import { widestScope } from "../../platform/auth/actor.ts";
import { type DataScope, isPermission, type Permission } from "../../platform/auth/permissions.ts";
import type { Queryable } from "../../platform/db.ts";
import { roles, sessions, userRoles, users } from "./identity.schema.ts";

export const SESSION_COOKIE = "mc_session";
const TOUCH_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(
  db: Queryable,
  input: { userId: string; ip: string | null; userAgent: string | null },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db
    .insert(sessions)
    .values({ id: hashToken(token), userId: input.userId, ip: input.ip, userAgent: input.userAgent });
  return token;
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

export async function deleteOtherSessions(
  db: Queryable,
  userId: string,
  keepToken: string | null,
): Promise<void> {
  const keep = keepToken ? hashToken(keepToken) : "";
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keep)));
}

type AssignedRole = { key: string; permissions: string[]; scope: string };
type ActiveUser = { id: string; username: string; displayName: string };

function actorOf(user: ActiveUser, assigned: readonly AssignedRole[]): Actor {
  const permissions = new Set<Permission>();
  for (const role of assigned) for (const p of role.permissions) if (isPermission(p)) permissions.add(p);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: assigned.map((r) => r.key).sort(),
    permissions,
    scope: widestScope(assigned.map((r) => r.scope as DataScope)),
  };
}

export async function loadActorForUser(db: Queryable, userId: string): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || user.status !== "active") return null;
  const assigned = await db
    .select({ key: roles.key, permissions: roles.permissions, scope: roles.dataScope })
    .from(userRoles)
    .innerJoin(roles, eq(roles.key, userRoles.roleKey))
    .where(eq(userRoles.userId, userId));
  return actorOf(user, assigned);
}

export type SessionLookup = { kind: "none" } | { kind: "expired" } | { kind: "active"; actor: Actor };

export async function resolveSession(
  db: Queryable,
  token: string,
  idleMinutes: number,
): Promise<SessionLookup> {
  const id = hashToken(token);
  // Every request signs in: the session, its user and the user's roles in one statement (a row per role).
  const found = await db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      user: { id: users.id, username: users.username, displayName: users.displayName, status: users.status },
      role: { key: roles.key, permissions: roles.permissions, scope: roles.dataScope },
    })
    .from(sessions)
    .leftJoin(users, eq(users.id, sessions.userId))
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .leftJoin(roles, eq(roles.key, userRoles.roleKey))
    .where(eq(sessions.id, id));
  if (found.length === 0) return { kind: "none" };
  const [{ lastSeenAt, user }] = found;
  const now = Date.now();
  if (now - lastSeenAt.getTime() > idleMinutes * 60_000) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { kind: "expired" };
  }
  if (user?.status !== "active") {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { kind: "none" };
  }
  const actor = actorOf(
    user,
    found.flatMap((r) => (r.role ? [r.role] : [])),
  );
  // Sliding idle timeout without a write on every request.
  if (now - lastSeenAt.getTime() > TOUCH_EVERY_MS)
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
  return { kind: "active", actor };
}

export async function purgeIdleSessions(db: Queryable, idleMinutes: number): Promise<void> {
  await db.delete(sessions).where(lt(sessions.lastSeenAt, new Date(Date.now() - idleMinutes * 60_000)));
}

export async function deleteSessionsOfUsers(db: Queryable, userIds: string[]): Promise<void> {
  if (userIds.length > 0) await db.delete(sessions).where(inArray(sessions.userId, userIds));
}
