import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/http/app.ts";
import { contextOf } from "../../platform/http/request-context.ts";
import { dateString } from "../../platform/http/schemas.ts";
import { listAudit, verifyAudit } from "./audit.service.ts";

const auditQuery = z
  .object({
    actor: z.string().max(64).optional(),
    action: z.string().max(64).optional(),
    entityType: z.string().max(64).optional(),
    entityId: z.string().max(128).optional(),
    from: dateString.optional(),
    to: dateString.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();

export function registerAuditRoutes(api: FastifyInstance, { db }: AppDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/audit",
    {
      schema: { tags: ["audit"], summary: "Browse the audit trail", querystring: auditQuery },
      config: { permission: "audit.read" },
    },
    (request) => listAudit(db, contextOf(request), request.query),
  );
  r.get(
    "/audit/verify",
    { schema: { tags: ["audit"], summary: "Verify the hash chain" }, config: { permission: "audit.read" } },
    (request) => verifyAudit(db, contextOf(request)),
  );
}
