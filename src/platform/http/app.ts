// Builds the whole HTTP application: platform plugins first, then every module's routes. Tests
// build it on an in-memory PGlite and drive it with app.inject(); `serve` listens on PORT.
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { sql } from "drizzle-orm";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Permission } from "../auth/permissions.ts";
import type { AppConfig } from "../config.ts";
import type { Db } from "../db.ts";
import { DomainError, errorBody } from "../errors.ts";
import { createPiiCipher, type PiiCipher } from "../pii.ts";
import { createStorage, type FileStorage } from "../storage.ts";
import { registerAuthHook } from "./auth-hook.ts";
import { registerCsrfHook } from "./csrf-hook.ts";
import { registerErrorHandler } from "./error-handler.ts";
import { registerIdempotency } from "./idempotency.ts";
import { registerMetrics } from "./metrics.ts";
import { registerModuleRoutes } from "./routes.ts";
import "./types.ts";

export type AppDeps = { db: Db; config: AppConfig; dbKind: "pglite" | "postgres" };
/** What module routes receive: the app's dependencies plus the shared personal-data cipher and file storage. */
export type ModuleDeps = AppDeps & { pii: PiiCipher; storage: FileStorage };
export type RouteEntry = { method: string; url: string; public: boolean; permission: Permission | null };

const BODY_LIMIT = 1024 * 1024;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.config.logLevel === "silent" ? false : { level: deps.config.logLevel },
    bodyLimit: BODY_LIMIT,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: process.env.TRUST_PROXY === "true",
    ajv: { customOptions: { removeAdditional: false } },
  });
  // Every route with what it declares, so tests can sweep them all for 401/403/400 behaviour.
  const routeTable: RouteEntry[] = [];
  app.decorate("routeTable", routeTable);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD" || !route.url.startsWith("/api/v1")) continue;
      routeTable.push({
        method,
        url: route.url,
        public: Boolean(route.config?.public),
        permission: route.config?.permission ?? null,
      });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", async (request, reply, payload) => {
    reply.header("x-request-id", request.id);
    return payload;
  });

  registerErrorHandler(app);
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // The console is served over plain HTTP on a laptop by default; HSTS belongs on the TLS proxy.
    hsts: false,
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (request, context) => {
      const error = new DomainError({ code: "rate-limited", status: 429 });
      return { statusCode: context.statusCode, ...errorBody(error, request.locale) };
    },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "小贷通 MicroCredit API",
        description:
          "Operations platform for a micro-credit company. Amounts are decimal strings in yuan, rates decimal strings, dates YYYY-MM-DD.",
        version: "1",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "mc_session" } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  registerCsrfHook(app);
  registerAuthHook(app, { db: deps.db, idleMinutes: deps.config.sessionIdleMinutes });
  registerIdempotency(app, deps.db);
  registerMetrics(app);

  app.get("/healthz", { config: { public: true }, schema: { hide: true } }, async (_request, reply) => {
    try {
      await deps.db.execute(sql`select 1`);
      return { status: "ok", database: deps.dbKind };
    } catch {
      return reply.code(503).send({ status: "unavailable", database: deps.dbKind });
    }
  });

  const moduleDeps: ModuleDeps = {
    ...deps,
    pii: createPiiCipher(deps.config.dataKey),
    storage: createStorage(deps.config),
  };
  await app.register(async (api) => registerModuleRoutes(api, moduleDeps), { prefix: "/api/v1" });
  await registerWeb(app, deps.config.webDist);
  return app;
}

async function registerWeb(app: FastifyInstance, webDist: string): Promise<void> {
  const indexFile = webDist ? path.join(webDist, "index.html") : "";
  const built = Boolean(indexFile) && existsSync(indexFile);
  if (built) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  const indexHtml = built ? readFileSync(indexFile, "utf8") : null;

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || request.method !== "GET") {
      return reply
        .code(404)
        .send(errorBody(new DomainError({ code: "route-not-found", status: 404 }), request.locale));
    }
    // The console is a single-page app: every other GET path is one of its routes.
    if (built && !path.extname(request.url.split("?")[0])) {
      const asset = request.url.split("?")[0];
      if (asset !== "/" && existsSync(path.join(webDist, asset))) return reply.sendFile(asset.slice(1));
      return reply.type("text/html").header("cache-control", "no-cache").send(indexHtml);
    }
    if (built) return reply.code(404).send("Not found");
    return reply
      .type("text/html")
      .send(
        '<!doctype html><meta charset="utf-8"><title>小贷通</title><div id="root"><p>The web console is not built yet: run <code>npm start</code> (it builds it) or <code>npm run build:web</code>. The API is at <a href="/api/docs">/api/docs</a>.</p></div>',
      );
  });
}
