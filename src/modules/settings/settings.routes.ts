import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ModuleDeps } from "../../platform/http/app.ts";
import { contextOf } from "../../platform/http/request-context.ts";
import { decideProposal, listSettings, proposeSetting } from "./proposals.service.ts";

const proposalBody = z
  .object({
    key: z.string().min(1).max(64),
    value: z.unknown(),
    effectiveFrom: z.string().max(10),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .strict();
const decisionBody = z
  .object({ decision: z.enum(["approve", "reject"]), note: z.string().trim().max(500).nullable().optional() })
  .strict();
const proposalParams = z.object({ proposalId: z.coerce.number().int().positive() }).strict();

export function registerSettingsRoutes(api: FastifyInstance, { db }: ModuleDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/settings",
    {
      schema: { tags: ["settings"], summary: "Business settings in force, their history and proposals" },
      config: { permission: "settings.read" },
    },
    (req) => listSettings(db, contextOf(req)),
  );
  r.post(
    "/settings/proposals",
    {
      schema: { tags: ["settings"], summary: "Propose a change (maker)", body: proposalBody },
      config: { permission: "settings.manage" },
    },
    async (req, reply) => reply.code(201).send(await proposeSetting(db, contextOf(req), req.body)),
  );
  r.post(
    "/settings/proposals/:proposalId/decision",
    {
      schema: {
        tags: ["settings"],
        summary: "Approve or reject a change (checker)",
        params: proposalParams,
        body: decisionBody,
      },
      config: { permission: "settings.approve" },
    },
    (req) => decideProposal(db, contextOf(req), req.params.proposalId, req.body),
  );
}
