import { randomBytes } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { PERMISSIONS } from "../../platform/auth/permissions.ts";
import type { AppDeps } from "../../platform/http/app.ts";
import { CSRF_COOKIE } from "../../platform/http/csrf-hook.ts";
import { contextOf } from "../../platform/http/request-context.ts";
import {
  changePasswordBody,
  createRoleBody,
  createUserBody,
  idParams,
  listUsersQuery,
  loginBody,
  roleKeyParams,
  updateRoleBody,
  updateUserBody,
} from "./identity.contracts.ts";
import { changePassword, login, logout } from "./login.service.ts";
import { createRole, deleteRole, listRoles, updateRole } from "./roles.service.ts";
import { SESSION_COOKIE } from "./sessions.ts";
import {
  createUser,
  getUser,
  listDepartments,
  listUsers,
  ownProfile,
  resetPassword,
  updateUser,
} from "./users.service.ts";

function setSessionCookies(request: FastifyRequest, reply: FastifyReply, token: string): void {
  const secure = request.protocol === "https";
  reply.setCookie(SESSION_COOKIE, token, { path: "/", httpOnly: true, sameSite: "lax", secure });
  reply.setCookie(CSRF_COOKIE, randomBytes(18).toString("base64url"), {
    path: "/",
    httpOnly: false,
    sameSite: "lax",
    secure,
  });
}

export function registerIdentityRoutes(api: FastifyInstance, { db, config }: AppDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/auth/login",
    {
      schema: { tags: ["auth"], summary: "Sign in", body: loginBody, security: [] },
      config: { public: true, rateLimit: { max: config.loginRateLimit, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const result = await login(db, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
        requestId: request.id,
      });
      setSessionCookies(request, reply, result.token);
      return { user: result.user };
    },
  );

  r.post("/auth/logout", { schema: { tags: ["auth"], summary: "Sign out" } }, async (request, reply) => {
    await logout(db, contextOf(request), request.sessionToken as string);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    reply.clearCookie(CSRF_COOKIE, { path: "/" });
    return { ok: true };
  });

  r.get(
    "/auth/me",
    { schema: { tags: ["auth"], summary: "The signed-in user, roles and permissions" } },
    async (request) => {
      const actor = contextOf(request).actor;
      const profile = await ownProfile(db, actor.userId as string);
      return {
        user: {
          id: actor.userId,
          username: actor.username,
          displayName: actor.displayName,
          roles: actor.roles,
          ...profile,
        },
        permissions: [...actor.permissions].sort(),
        dataScope: actor.scope,
        sessionIdleMinutes: config.sessionIdleMinutes,
      };
    },
  );

  r.post(
    "/auth/password",
    { schema: { tags: ["auth"], summary: "Change own password", body: changePasswordBody } },
    async (request) => {
      await changePassword(db, contextOf(request), { ...request.body, sessionToken: request.sessionToken });
      return { ok: true };
    },
  );

  r.get(
    "/users",
    { schema: { tags: ["admin"], querystring: listUsersQuery }, config: { permission: "users.manage" } },
    (request) => listUsers(db, contextOf(request), request.query),
  );
  r.get(
    "/users/:id",
    { schema: { tags: ["admin"], params: idParams }, config: { permission: "users.manage" } },
    (request) => getUser(db, contextOf(request), request.params.id),
  );
  r.post(
    "/users",
    { schema: { tags: ["admin"], body: createUserBody }, config: { permission: "users.manage" } },
    async (request, reply) => {
      const created = await createUser(db, contextOf(request), request.body);
      return reply.code(201).send(created);
    },
  );
  r.patch(
    "/users/:id",
    {
      schema: { tags: ["admin"], params: idParams, body: updateUserBody },
      config: { permission: "users.manage" },
    },
    (request) => updateUser(db, contextOf(request), request.params.id, request.body),
  );
  r.post(
    "/users/:id/reset-password",
    { schema: { tags: ["admin"], params: idParams }, config: { permission: "users.manage" } },
    (request) => resetPassword(db, contextOf(request), request.params.id),
  );

  r.get("/roles", { schema: { tags: ["admin"] }, config: { permission: "users.manage" } }, () =>
    listRoles(db),
  );
  r.post(
    "/roles",
    { schema: { tags: ["admin"], body: createRoleBody }, config: { permission: "users.manage" } },
    async (request, reply) => reply.code(201).send(await createRole(db, contextOf(request), request.body)),
  );
  r.patch(
    "/roles/:key",
    {
      schema: { tags: ["admin"], params: roleKeyParams, body: updateRoleBody },
      config: { permission: "users.manage" },
    },
    (request) => updateRole(db, contextOf(request), request.params.key, request.body),
  );
  r.delete(
    "/roles/:key",
    { schema: { tags: ["admin"], params: roleKeyParams }, config: { permission: "users.manage" } },
    async (request) => {
      await deleteRole(db, contextOf(request), request.params.key);
      return { ok: true };
    },
  );
  r.get("/permissions", { schema: { tags: ["admin"] }, config: { permission: "users.manage" } }, () =>
    Object.entries(PERMISSIONS).map(([key, names]) => ({ key, nameZh: names.zh, nameEn: names.en })),
  );
  r.get("/departments", { schema: { tags: ["admin"] } }, () => listDepartments(db));
}
