// Sign-in, sign-out and password changes. Five failed attempts lock an account for 15 minutes
// (HTTP 423); the per-IP rate limit on the route (429) slows guessing across many accounts.
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import type { RequestContext } from "../../platform/auth/actor.ts";
import { hashPassword, isStrongPassword, verifyPassword } from "../../platform/auth/passwords.ts";
import type { Db } from "../../platform/db.ts";
import { DomainError, invalid } from "../../platform/errors.ts";
import { users } from "./identity.schema.ts";
import { createSession, deleteOtherSessions, deleteSession, loadActorForUser } from "./sessions.ts";

export type LoginPolicy = { maxFailures: number; lockMinutes: number };
export const DEFAULT_LOGIN_POLICY: LoginPolicy = { maxFailures: 5, lockMinutes: 15 };

// Compared against when the username does not exist, so both paths cost one argon2 verification.
const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$LXv+geQor6yzAVGx7e6+hg$vuH6+p7rLmYrUVw4/mwtTEYBWDB9VQasfMXpM3QJB4I";

export type LoginResult = {
  token: string;
  user: { id: string; username: string; displayName: string; roles: string[]; mustChangePassword: boolean };
};

export async function login(
  db: Db,
  input: {
    username: string;
    password: string;
    ip: string | null;
    userAgent: string | null;
    requestId: string | null;
  },
  policy: LoginPolicy = DEFAULT_LOGIN_POLICY,
): Promise<LoginResult> {
  const username = input.username.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.username, username));
  if (!user) {
    await verifyPassword(DUMMY_HASH, input.password);
    throw new DomainError({ code: "invalid-credentials", status: 401 });
  }
  const ctx: RequestContext = {
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: [],
      permissions: new Set(),
      scope: "own",
    },
    requestId: input.requestId,
    ip: input.ip,
  };
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000);
    throw new DomainError({ code: "account-locked", status: 423, params: { minutes } });
  }
  if (user.status !== "active") throw new DomainError({ code: "account-disabled", status: 403 });

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(users)
        .set({ failedAttempts: sql`${users.failedAttempts} + 1` })
        .where(eq(users.id, user.id))
        .returning({ failedAttempts: users.failedAttempts });
      const locks = updated.failedAttempts >= policy.maxFailures;
      if (locks) {
        await tx
          .update(users)
          .set({ lockedUntil: new Date(Date.now() + policy.lockMinutes * 60_000), failedAttempts: 0 })
          .where(eq(users.id, user.id));
      }
      await recordAudit(tx, ctx, {
        action: locks ? "auth.locked" : "auth.login-failed",
        entityType: "user",
        entityId: user.id,
        after: { failedAttempts: updated.failedAttempts },
      });
    });
    // The attempt that reaches the threshold already answers 423, so the caller learns at once.
    const [after] = await db
      .select({ lockedUntil: users.lockedUntil })
      .from(users)
      .where(eq(users.id, user.id));
    if (after?.lockedUntil && after.lockedUntil.getTime() > Date.now())
      throw new DomainError({ code: "account-locked", status: 423, params: { minutes: policy.lockMinutes } });
    throw new DomainError({ code: "invalid-credentials", status: 401 });
  }

  const actor = await loadActorForUser(db, user.id);
  if (!actor) throw new DomainError({ code: "account-disabled", status: 403 });
  // A fresh token at every sign-in: a session id planted before sign-in is never promoted.
  const token = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: new Date() })
      .where(eq(users.id, user.id));
    const created = await createSession(tx, { userId: user.id, ip: input.ip, userAgent: input.userAgent });
    await recordAudit(tx, { ...ctx, actor }, { action: "auth.login", entityType: "user", entityId: user.id });
    return created;
  });
  return {
    token,
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: actor.roles,
      mustChangePassword: user.mustChangePassword,
    },
  };
}

export async function logout(db: Db, ctx: RequestContext, token: string): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, token);
    await recordAudit(tx, ctx, { action: "auth.logout", entityType: "user", entityId: ctx.actor.userId });
  });
}

export async function changePassword(
  db: Db,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string; sessionToken: string | null },
): Promise<void> {
  const userId = ctx.actor.userId;
  if (!userId) throw new DomainError({ code: "unauthenticated", status: 401 });
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new DomainError({ code: "unauthenticated", status: 401 });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw invalid({ currentPassword: "wrong-current-password" }, "wrong-current-password");
  if (input.newPassword === input.currentPassword)
    throw invalid({ newPassword: "password-reused" }, "password-reused");
  if (!isStrongPassword(input.newPassword, user.username))
    throw invalid({ newPassword: "weak-password" }, "weak-password");
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, userId));
    // Other devices signed in with the old password are signed out.
    await deleteOtherSessions(tx, userId, input.sessionToken);
    await recordAudit(tx, ctx, { action: "auth.password-changed", entityType: "user", entityId: userId });
  });
}
