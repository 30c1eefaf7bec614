// HTTP for leads: thin — parse, call the use-case, answer. Uploads (lead lists) go through the
// multipart plugin registered for the CRM routes (crm.routes.ts).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { invalid } from "../../platform/errors.ts";
import type { ModuleDeps } from "../../platform/http/app.ts";
import { contextOf } from "../../platform/http/request-context.ts";
import { messageFor } from "../../platform/messages.ts";
import { logCallBody } from "./calls.contracts.ts";
import { logCall } from "./calls.service.ts";
import { localizeRowErrors } from "./import-report.ts";
import { readImportUpload } from "./import-upload.ts";
import { listAgents, reassignLeads, updateAgent } from "./lead-assignment.service.ts";
import { convertLead } from "./lead-convert.service.ts";
import { commitLeadImport, type LeadImportReport, previewLeadImport } from "./lead-import.service.ts";
import { mergeLeads } from "./lead-merge.service.ts";
import {
  agentBody,
  agentParams,
  convertBody,
  createLeadBody,
  duplicateCheckBody,
  idParams,
  leadImportOptions,
  listLeadsQuery,
  mergeBody,
  piiQuery,
  reassignBody,
  stageBody,
  updateLeadBody,
} from "./leads.contracts.ts";
import {
  checkLeadDuplicates,
  createLead,
  moveLeadStage,
  revealLeadPii,
  updateLead,
} from "./leads.service.ts";
import { getLeadDetail, listLeads } from "./leads-read.service.ts";

const tags = ["crm: leads"];
const LEAD_FILE_BYTES = 10 * 2 ** 20;

export function registerLeadRoutes(api: FastifyInstance, deps: ModuleDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const leadPerm = { permission: "crm.leads" as const };

  r.get("/crm/leads", { schema: { tags, querystring: listLeadsQuery }, config: leadPerm }, (req) =>
    listLeads(deps, contextOf(req), req.query),
  );
  r.post(
    "/crm/leads",
    {
      schema: {
        tags,
        summary: "Register a lead (409 naming the other owner on 撞单 unless force)",
        body: createLeadBody,
      },
      config: leadPerm,
    },
    async (req, reply) => {
      const { lead, duplicates } = await createLead(deps, contextOf(req), req.body);
      return reply.code(201).send({ ...lead, duplicates });
    },
  );
  r.post(
    "/crm/leads/duplicate-check",
    {
      schema: { tags, summary: "Leads and customers with this phone or ID (撞单)", body: duplicateCheckBody },
      config: leadPerm,
    },
    (req) => checkLeadDuplicates(deps, contextOf(req), req.body),
  );
  r.post(
    "/crm/leads/reassign",
    {
      schema: { tags, summary: "Reassign leads (bulk)", body: reassignBody },
      config: { permission: "crm.manage" },
    },
    (req) => reassignLeads(db, contextOf(req), req.body),
  );
  r.get("/crm/leads/:id", { schema: { tags, params: idParams }, config: leadPerm }, (req) =>
    getLeadDetail(deps, contextOf(req), req.params.id),
  );
  r.patch(
    "/crm/leads/:id",
    { schema: { tags, params: idParams, body: updateLeadBody }, config: leadPerm },
    (req) => updateLead(deps, contextOf(req), req.params.id, req.body),
  );
  r.post(
    "/crm/leads/:id/stage",
    {
      schema: { tags, summary: "Move a lead to a stage by hand", params: idParams, body: stageBody },
      config: leadPerm,
    },
    (req) => moveLeadStage(db, contextOf(req), req.params.id, req.body),
  );
  r.post(
    "/crm/leads/:id/merge",
    {
      schema: { tags, summary: "Merge another lead into this one", params: idParams, body: mergeBody },
      config: leadPerm,
    },
    (req) => mergeLeads(db, contextOf(req), { survivorId: req.params.id, otherId: req.body.otherId }),
  );
  r.post(
    "/crm/leads/:id/convert",
    {
      schema: {
        tags,
        summary:
          "Turn a lead into a customer and an application (needs customers.write and applications.create)",
        params: idParams,
        body: convertBody,
      },
      config: leadPerm,
    },
    async (req, reply) =>
      reply.code(201).send(await convertLead(deps, contextOf(req), req.params.id, req.body)),
  );
  r.get(
    "/crm/leads/:id/pii",
    {
      schema: {
        tags,
        summary: "Show the phone or ID in clear (audited)",
        params: idParams,
        querystring: piiQuery,
      },
      config: leadPerm,
    },
    (req) => revealLeadPii(deps, contextOf(req), { leadId: req.params.id, field: req.query.field }),
  );
  r.post(
    "/crm/leads/:id/calls",
    {
      schema: { tags, summary: "Log a call to the lead", params: idParams, body: logCallBody },
      config: { permission: "crm.calls" },
    },
    async (req, reply) => reply.code(201).send(await logCall(db, contextOf(req), req.params.id, req.body)),
  );

  r.get(
    "/crm/agents",
    { schema: { tags, summary: "Sales people in scope with load and availability" }, config: leadPerm },
    (req) => listAgents(db, contextOf(req)),
  );
  r.patch(
    "/crm/agents/:id",
    {
      schema: { tags, summary: "Away-until and personal cap", params: agentParams, body: agentBody },
      config: { permission: "crm.manage" },
    },
    (req) => updateAgent(db, contextOf(req), req.params.id, req.body),
  );

  const upload = async (req: Parameters<typeof readImportUpload>[0]) => {
    const file = await readImportUpload(req, {
      target: "memory",
      maxBytes: LEAD_FILE_BYTES,
      fields: ["options"],
    });
    let options: unknown = {};
    try {
      options = file.fields.options ? JSON.parse(file.fields.options) : {};
    } catch {
      throw invalid({ options: "malformed-json" });
    }
    const parsed = leadImportOptions.safeParse(options);
    if (!parsed.success) throw invalid({ options: "invalid-value" });
    return { data: file.data as Buffer, fileName: file.fileName, kind: file.kind, options: parsed.data };
  };
  const localized = (report: LeadImportReport, locale: "zh-CN" | "en-US") => ({
    ...report,
    errors: localizeRowErrors(report.errors, locale),
  });
  r.post(
    "/crm/lead-imports/preview",
    {
      schema: {
        tags,
        summary:
          "Check a lead list (multipart: `file`, `options` JSON) and show mapping, errors and 撞单; writes nothing",
        consumes: ["multipart/form-data"],
      },
      config: leadPerm,
    },
    async (req) => localized(await previewLeadImport(deps, contextOf(req), await upload(req)), req.locale),
  );
  r.post(
    "/crm/lead-imports",
    {
      schema: {
        tags,
        summary: "Import a lead list, all rows or none (422 with the report when rejected)",
        consumes: ["multipart/form-data"],
      },
      config: leadPerm,
    },
    async (req, reply) => {
      const report = localized(await commitLeadImport(deps, contextOf(req), await upload(req)), req.locale);
      if (report.status === "rejected")
        return reply.code(422).send({
          error: {
            code: "import-rejected",
            message: messageFor("import-rejected", req.locale, { count: report.errorCount }),
          },
          report,
        });
      return reply.code(201).send(report);
    },
  );
}
