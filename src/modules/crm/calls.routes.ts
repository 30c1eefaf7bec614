// HTTP for call records, outcomes and CDR imports. An import answers with its result as JSON, or —
// when the client accepts application/x-ndjson — streams progress lines while it runs and the result
// as the last line (the console's progress bar).
import { createReadStream } from "node:fs";
import { PassThrough } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePermission } from "../../platform/auth/actor.ts";
import { DomainError, errorBody } from "../../platform/errors.ts";
import type { ModuleDeps } from "../../platform/http/app.ts";
import { contextOf } from "../../platform/http/request-context.ts";
import { type Locale, messageFor } from "../../platform/messages.ts";
import {
  type CallImportResult,
  getCallImport,
  importCallFile,
  listCallImports,
} from "./call-import.service.ts";
import { createOutcome, listOutcomes, loadStandardOutcomes, updateOutcome } from "./call-outcomes.service.ts";
import {
  callImportParams,
  createOutcomeBody,
  listCallsQuery,
  listImportsQuery,
  outcomeCodeParams,
  updateOutcomeBody,
} from "./calls.contracts.ts";
import { listCalls } from "./calls.service.ts";
import { errorReportCsv, localizeRowErrors } from "./import-report.ts";
import { readImportUpload } from "./import-upload.ts";

const tags = ["crm: calls"];
export const CDR_FILE_BYTES = 200 * 2 ** 20;

const localized = (result: CallImportResult, locale: Locale) => ({
  ...result,
  errors: localizeRowErrors(result.errors, locale),
});

export function registerCallRoutes(api: FastifyInstance, deps: ModuleDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.get(
    "/crm/calls",
    { schema: { tags, querystring: listCallsQuery }, config: { permission: "crm.calls" } },
    (req) => listCalls(db, contextOf(req), req.query),
  );

  r.get("/crm/call-outcomes", { schema: { tags }, config: { permission: "crm.calls" } }, (req) =>
    listOutcomes(db, contextOf(req)),
  );
  r.post(
    "/crm/call-outcomes",
    { schema: { tags, body: createOutcomeBody }, config: { permission: "crm.manage" } },
    async (req, reply) => reply.code(201).send(await createOutcome(db, contextOf(req), req.body)),
  );
  r.post(
    "/crm/call-outcomes/standard",
    {
      schema: { tags, summary: "Add the standard outcomes that are missing", body: z.object({}).strict() },
      config: { permission: "crm.manage" },
    },
    (req) => loadStandardOutcomes(db, contextOf(req)),
  );
  r.patch(
    "/crm/call-outcomes/:code",
    {
      schema: { tags, params: outcomeCodeParams, body: updateOutcomeBody },
      config: { permission: "crm.manage" },
    },
    (req) => updateOutcome(db, contextOf(req), req.params.code, req.body),
  );

  r.get(
    "/crm/call-imports",
    { schema: { tags, querystring: listImportsQuery }, config: { permission: "crm.calls" } },
    (req) => listCallImports(db, contextOf(req), req.query),
  );
  r.get(
    "/crm/call-imports/:id",
    { schema: { tags, params: callImportParams }, config: { permission: "crm.calls" } },
    async (req) => localized(await getCallImport(db, contextOf(req), req.params.id), req.locale),
  );
  r.get(
    "/crm/call-imports/:id/errors.csv",
    {
      schema: { tags, summary: "The row-level report as CSV", params: callImportParams },
      config: { permission: "crm.calls" },
    },
    async (req, reply) => {
      const result = await getCallImport(db, contextOf(req), req.params.id);
      return reply
        .type("text/csv; charset=utf-8")
        .header(
          "content-disposition",
          `attachment; filename="call-import-${result.id.slice(0, 8)}-errors.csv"`,
        )
        .send(errorReportCsv(result.errors, req.locale));
    },
  );
  r.post(
    "/crm/call-imports",
    {
      schema: {
        tags,
        summary:
          "Import call records (multipart: `file` .csv/.xlsx, optional `vendor`); all or nothing. Accept: application/x-ndjson streams progress",
        consumes: ["multipart/form-data"],
      },
      config: { permission: "crm.manage" },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      requirePermission(ctx, "crm.manage");
      const upload = await readImportUpload(req, {
        target: "disk",
        maxBytes: CDR_FILE_BYTES,
        fields: ["vendor"],
      });
      const run = (onProgress?: Parameters<typeof importCallFile>[2]["onProgress"]) =>
        importCallFile(deps, ctx, {
          fileName: upload.fileName,
          kind: upload.kind,
          vendor: upload.fields.vendor,
          open: () => createReadStream(upload.filePath as string),
          onProgress,
        }).finally(() => upload.cleanup());
      const respond = (result: CallImportResult) =>
        result.status === "imported"
          ? { code: 201, body: localized(result, req.locale) }
          : {
              code: 422,
              body: {
                error: {
                  code: "import-rejected",
                  message: messageFor("import-rejected", req.locale, { count: result.errorCount }),
                },
                import: localized(result, req.locale),
              },
            };
      if (!String(req.headers.accept ?? "").includes("application/x-ndjson")) {
        const answer = respond(await run());
        return reply.code(answer.code).send(answer.body);
      }
      const stream = new PassThrough();
      const line = (value: unknown) => stream.write(`${JSON.stringify(value)}\n`);
      run((p) => line({ type: "progress", ...p }))
        .then((result) => line({ type: "result", ...respond(result) }))
        .catch((error: unknown) => {
          req.log.error({ err: error }, "call import failed");
          const domain =
            error instanceof DomainError ? error : new DomainError({ code: "internal-error", status: 500 });
          line({ type: "result", code: domain.status, body: errorBody(domain, req.locale) });
        })
        .finally(() => stream.end());
      return reply.code(200).type("application/x-ndjson").header("cache-control", "no-store").send(stream);
    },
  );
}
