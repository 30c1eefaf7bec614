// Resolves the session cookie into an actor and enforces what each route declares:
// anonymous → 401, unparseable body → 400, wrong role → 403, invalid fields → 400. Services check again.
import type { FastifyInstance } from "fastify";
import { resolveSession, SESSION_COOKIE } from "../../modules/identity/sessions.ts";
import type { Db } from "../db.ts";
import { DomainError } from "../errors.ts";
import { pickLocale } from "../messages.ts";

export function registerAuthHook(app: FastifyInstance, options: { db: Db; idleMinutes: number }): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionToken", null);
  app.decorateRequest("locale", "zh-CN");

  app.addHook("onRequest", async (request) => {
    request.locale = pickLocale(request.headers["accept-language"]);
    if (!request.url.startsWith("/api/v1")) return;
    const config = request.routeOptions.config;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await resolveSession(options.db, token, options.idleMinutes);
      if (session.kind === "active") {
        request.actor = session.actor;
        request.sessionToken = token;
      } else if (!config.public) {
        throw new DomainError({
          code: session.kind === "expired" ? "session-expired" : "unauthenticated",
          status: 401,
        });
      }
    }
    if (config.public || !request.routeOptions.url) return;
    if (!request.actor) throw new DomainError({ code: "unauthenticated", status: 401 });
  });

  // Permission is checked once the body has parsed and before it is validated: unparseable JSON is a
  // 400 for anyone, a well-formed request from the wrong role a 403 whatever its fields.
  app.addHook("preValidation", async (request) => {
    const permission = request.routeOptions.config.permission;
    if (!permission || !request.url.startsWith("/api/v1")) return;
    if (!request.actor?.permissions.has(permission))
      throw new DomainError({ code: "forbidden", status: 403 });
  });
}
