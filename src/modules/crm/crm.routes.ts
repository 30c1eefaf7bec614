// The CRM's leads, calls and campaigns under /api/v1/crm, in one plugin so the multipart parser for
// the imports exists only here. (Follow-ups, KPIs and PK register their own routes.)
import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { ModuleDeps } from "../../platform/http/app.ts";
import { contextOf } from "../../platform/http/request-context.ts";
import { CDR_FILE_BYTES, registerCallRoutes } from "./calls.routes.ts";
import { createCampaign, deleteCampaign, listCampaigns, updateCampaign } from "./campaigns.service.ts";
import { campaignBody, campaignPatch, idParams } from "./leads.contracts.ts";
import { registerLeadRoutes } from "./leads.routes.ts";

export function registerCrmRoutes(api: FastifyInstance, deps: ModuleDeps): void {
  api.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: CDR_FILE_BYTES, files: 1, fields: 4, parts: 6 },
    });
    registerLeadRoutes(scope, deps);
    registerCallRoutes(scope, deps);
    registerCampaignRoutes(scope, deps);
  });
}

function registerCampaignRoutes(api: FastifyInstance, { db }: ModuleDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ["crm: campaigns"];
  r.get("/crm/campaigns", { schema: { tags }, config: { permission: "crm.leads" } }, (req) =>
    listCampaigns(db, contextOf(req)),
  );
  r.post(
    "/crm/campaigns",
    { schema: { tags, body: campaignBody }, config: { permission: "crm.manage" } },
    async (req, reply) => reply.code(201).send(await createCampaign(db, contextOf(req), req.body)),
  );
  r.patch(
    "/crm/campaigns/:id",
    { schema: { tags, params: idParams, body: campaignPatch }, config: { permission: "crm.manage" } },
    (req) => updateCampaign(db, contextOf(req), req.params.id, req.body),
  );
  r.delete(
    "/crm/campaigns/:id",
    { schema: { tags, params: idParams }, config: { permission: "crm.manage" } },
    async (req) => {
      await deleteCampaign(db, contextOf(req), req.params.id);
      return { ok: true };
    },
  );
}
