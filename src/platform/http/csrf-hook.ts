// Cookie sessions need a cross-site defence. Three layers: SameSite=Lax cookies; unsafe requests
// whose Origin names another host are refused; and an unsafe request carrying the session cookie
// must be JSON (which a cross-site form cannot send without a CORS preflight we never grant) or
// carry the double-submit token header that only our own pages can read.
import type { FastifyInstance } from "fastify";
import { SESSION_COOKIE } from "../../modules/identity/sessions.ts";
import { DomainError } from "../errors.ts";

export const CSRF_COOKIE = "mc_csrf";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function registerCsrfHook(app: FastifyInstance): void {
  app.addHook("onRequest", async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith("/api/")) return;
    const origin = request.headers.origin;
    if (origin && origin !== "null") {
      let originHost: string;
      try {
        originHost = new URL(origin).host;
      } catch {
        throw new DomainError({ code: "csrf-rejected", status: 403 });
      }
      if (originHost !== request.headers.host) throw new DomainError({ code: "csrf-rejected", status: 403 });
    }
    if (!request.cookies[SESSION_COOKIE]) return;
    const contentType = String(request.headers["content-type"] ?? "");
    const isJson = contentType.toLowerCase().startsWith("application/json");
    const hasBody =
      Number(request.headers["content-length"] ?? 0) > 0 || request.headers["transfer-encoding"];
    if (isJson || !hasBody) return;
    const token = request.headers[CSRF_HEADER];
    if (!token || token !== request.cookies[CSRF_COOKIE])
      throw new DomainError({ code: "csrf-rejected", status: 403 });
  });
}
