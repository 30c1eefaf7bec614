// HTTP for 批量还款导入: thin — parse, call the use-case, answer. Registered as its own plugin so the
// multipart parser exists only around the upload.
import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { DomainError, invalid } from "../../../platform/errors.ts";
import type { ModuleDeps } from "../../../platform/http/app.ts";
import { contextOf } from "../../../platform/http/request-context.ts";
import type { PaymentChannel } from "../servicing.schema.ts";
import { postImport } from "./import-posting.service.ts";
import { importReport } from "./import-report.ts";
import { getImport, listImportRows, listImports } from "./import-views.ts";
import {
  emptyBody,
  importChannel,
  importIdParams,
  importRowBody,
  importRowParams,
  listImportRowsQuery,
  listImportsQuery,
  mappingBody,
  sampleQuery,
} from "./imports.contracts.ts";
import {
  createImport,
  discardImport,
  excludeUnresolved,
  remapImport,
  updateImportRow,
} from "./imports.service.ts";
import { sampleStatement } from "./sample-statement.ts";
import { readStatement, type StatementFile } from "./statement-reader.ts";

export const MAX_STATEMENT_BYTES = 10 * 1024 * 1024;
const tags = ["repayment-imports"];

function limitError(error: unknown): DomainError | null {
  switch ((error as { code?: string })?.code) {
    case "FST_REQ_FILE_TOO_LARGE":
      return new DomainError({ code: "file-too-large", status: 413 });
    case "FST_FILES_LIMIT":
      return invalid({ file: "too-many-files" });
    case "FST_PARTS_LIMIT":
    case "FST_FIELDS_LIMIT":
    case "FST_PROTO_VIOLATION":
      return invalid({ body: "invalid-value" });
    default:
      return null;
  }
}

/** The statement file (parsed as it streams in) and the channel field, in whichever order they come. */
async function readUpload(
  request: FastifyRequest,
): Promise<{ file: StatementFile; fileName: string; channel: PaymentChannel }> {
  if (!request.isMultipart()) throw new DomainError({ code: "multipart-required", status: 415 });
  let channel = "bank-transfer";
  let upload: { file: StatementFile; fileName: string } | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === "file") {
        if (part.fieldname !== "file" || upload) {
          fields[part.fieldname] = "unknown-field";
          part.file.resume();
          continue;
        }
        upload = { file: await readStatement(part.file), fileName: part.filename || "statement" };
      } else if (part.fieldname === "channel") channel = String(part.value);
      else fields[part.fieldname] = "unknown-field";
    }
  } catch (error) {
    throw limitError(error) ?? error;
  }
  const parsedChannel = importChannel.safeParse(channel);
  if (!parsedChannel.success) fields.channel = "invalid-value";
  if (!upload) fields.file = "file-required";
  if (Object.keys(fields).length || !upload || !parsedChannel.success) throw invalid(fields);
  return { ...upload, channel: parsedChannel.data };
}

export function registerRepaymentImportRoutes(api: FastifyInstance, deps: ModuleDeps): void {
  api.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: MAX_STATEMENT_BYTES, files: 1, fields: 4, parts: 5 },
    });
    importRoutes(scope, deps);
  });
}

function importRoutes(api: FastifyInstance, deps: ModuleDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;
  const config = { permission: "repayments.post" } as const;

  r.post(
    "/repayment-imports",
    {
      schema: {
        tags,
        summary:
          "Upload a bank statement or payment-channel file (multipart: `file` .xlsx or .csv ≤ 10 MiB, `channel`); answers the matched preview",
        consumes: ["multipart/form-data"],
      },
      config,
    },
    async (request, reply) => {
      const upload = await readUpload(request);
      return reply.code(201).send(await createImport(deps, contextOf(request), upload));
    },
  );
  r.get(
    "/repayment-imports",
    { schema: { tags, summary: "Import history, newest first", querystring: listImportsQuery }, config },
    (request) => listImports(db, contextOf(request), request.query),
  );
  r.get(
    "/repayment-imports/sample",
    {
      schema: {
        tags,
        summary: "A sample bank statement written from the loan book",
        querystring: sampleQuery,
      },
      config,
    },
    async (request, reply) => {
      const file = await sampleStatement(db, contextOf(request), request.query.format);
      return reply
        .type(file.contentType)
        .header("content-disposition", `attachment; filename="${file.fileName}"`)
        .send(file.data);
    },
  );
  r.get(
    "/repayment-imports/:id",
    {
      schema: { tags, summary: "An import with counts and sums per row status", params: importIdParams },
      config,
    },
    (request) => getImport(deps, contextOf(request), request.params.id),
  );
  r.get(
    "/repayment-imports/:id/rows",
    {
      schema: {
        tags,
        summary: "Preview rows, filtered by status (or `failed`) and search",
        params: importIdParams,
        querystring: listImportRowsQuery,
      },
      config,
    },
    (request) =>
      listImportRows(db, contextOf(request), {
        id: request.params.id,
        locale: request.locale,
        ...request.query,
      }),
  );
  r.post(
    "/repayment-imports/:id/mapping",
    {
      schema: {
        tags,
        summary: "Correct the column mapping; every row is read and matched again",
        params: importIdParams,
        body: mappingBody,
      },
      config,
    },
    (request) => remapImport(deps, contextOf(request), request.params.id, request.body.mapping),
  );
  r.patch(
    "/repayment-imports/:id/rows/:rowNo",
    {
      schema: {
        tags,
        summary:
          "Settle one row by hand: pay the loan numbered `loanNo` (null: match again), or exclude / include it",
        params: importRowParams,
        body: importRowBody,
      },
      config,
    },
    (request) =>
      updateImportRow(deps, contextOf(request), {
        id: request.params.id,
        rowNo: request.params.rowNo,
        ...request.body,
      }),
  );
  r.post(
    "/repayment-imports/:id/exclude-unresolved",
    {
      schema: {
        tags,
        summary: "Exclude every ambiguous, unmatched and invalid row",
        params: importIdParams,
        body: emptyBody,
      },
      config,
    },
    (request) => excludeUnresolved(deps, contextOf(request), request.params.id),
  );
  r.post(
    "/repayment-imports/:id/post",
    {
      schema: {
        tags,
        summary:
          "Post every matched row in one transaction (Idempotency-Key): all or nothing; a refused row fails the whole import with a row-level report",
        params: importIdParams,
        body: emptyBody,
      },
      config: { ...config, idempotent: { status: 200 } },
    },
    (request) => postImport(deps, contextOf(request), request.params.id),
  );
  r.post(
    "/repayment-imports/:id/discard",
    {
      schema: {
        tags,
        summary: "Discard an import that was not posted",
        params: importIdParams,
        body: emptyBody,
      },
      config,
    },
    (request) => discardImport(deps, contextOf(request), request.params.id),
  );
  r.get(
    "/repayment-imports/:id/report.xlsx",
    {
      schema: {
        tags,
        summary: "Row-level report (status, reason, loan, transaction) as Excel",
        params: importIdParams,
      },
      config,
    },
    async (request, reply) => {
      const { fileName, data } = await importReport(
        db,
        contextOf(request),
        request.params.id,
        request.locale,
      );
      const ascii = fileName.replace(/[^\x20-\x7e]/g, "_");
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .send(data);
    },
  );
}
