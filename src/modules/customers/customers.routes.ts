// HTTP for customer files: thin — parse, call the use-case, answer. Registered as its own plugin so
// the multipart parser (documents) exists only here.
import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ModuleDeps } from "../../platform/http/app.ts";
import { contextOf } from "../../platform/http/request-context.ts";
import { localizeWarnings } from "../../platform/warnings.ts";
import { setBlacklisted } from "./blacklist.service.ts";
import { listConsents, recordConsent, revokeConsent } from "./consents.service.ts";
import {
  consentBody,
  consentParams,
  createCustomerBody,
  documentParams,
  idParams,
  listCustomersQuery,
  piiQuery,
  reasonBody,
  revokeConsentBody,
  updateCustomerBody,
} from "./customers.contracts.ts";
import { createCustomer, getCustomerDetail, listCustomers, updateCustomer } from "./customers.service.ts";
import { listDocuments, MAX_DOCUMENT_BYTES, openDocument, uploadDocument } from "./documents.service.ts";
import { unmaskPersonalData } from "./personal-data.service.ts";
import { readSingleUpload } from "./upload.ts";

const tags = ["customers"];

export function registerCustomerRoutes(api: FastifyInstance, deps: ModuleDeps): void {
  api.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 4, parts: 5 },
    });
    customerRoutes(scope, deps);
  });
}

function customerRoutes(api: FastifyInstance, deps: ModuleDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  r.post(
    "/customers",
    {
      schema: { tags, summary: "Register a customer (201, personal data masked)", body: createCustomerBody },
      config: { permission: "customers.write" },
    },
    async (request, reply) => {
      const { customer, warnings } = await createCustomer(deps, contextOf(request), request.body);
      return reply.code(201).send({ ...customer, warnings: localizeWarnings(warnings, request.locale) });
    },
  );
  r.get(
    "/customers",
    {
      schema: { tags, summary: "Search customers in your data scope", querystring: listCustomersQuery },
      config: { permission: "customers.read" },
    },
    (request) => listCustomers(deps, contextOf(request), request.query),
  );
  r.get(
    "/customers/:id",
    {
      schema: { tags, summary: "Customer profile with consents, documents and timeline", params: idParams },
      config: { permission: "customers.read" },
    },
    (request) => getCustomerDetail(db, contextOf(request), request.params.id),
  );
  r.patch(
    "/customers/:id",
    {
      schema: { tags, summary: "Edit a customer", params: idParams, body: updateCustomerBody },
      config: { permission: "customers.write" },
    },
    async (request) => {
      const { customer, warnings } = await updateCustomer(
        deps,
        contextOf(request),
        request.params.id,
        request.body,
      );
      return { ...customer, warnings: localizeWarnings(warnings, request.locale) };
    },
  );
  r.get(
    "/customers/:id/pii",
    {
      schema: {
        tags,
        summary: "Show one personal-data field in clear (audited)",
        params: idParams,
        querystring: piiQuery,
      },
      config: { permission: "pii.unmask" },
    },
    (request) =>
      unmaskPersonalData(deps, contextOf(request), {
        customerId: request.params.id,
        field: request.query.field,
      }),
  );

  r.post(
    "/customers/:id/blacklist",
    {
      schema: { tags, summary: "Put a customer on the blacklist", params: idParams, body: reasonBody },
      config: { permission: "customers.write" },
    },
    (request) =>
      setBlacklisted(db, contextOf(request), {
        customerId: request.params.id,
        blacklisted: true,
        reason: request.body.reason,
      }),
  );
  r.delete(
    "/customers/:id/blacklist",
    {
      schema: {
        tags,
        summary: "Take a customer off the blacklist (body: reason)",
        params: idParams,
        body: reasonBody,
      },
      config: { permission: "customers.write" },
    },
    (request) =>
      setBlacklisted(db, contextOf(request), {
        customerId: request.params.id,
        blacklisted: false,
        reason: request.body.reason,
      }),
  );

  r.get(
    "/customers/:id/consents",
    {
      schema: { tags, summary: "Consents recorded for a customer", params: idParams },
      config: { permission: "customers.read" },
    },
    (request) => listConsents(db, contextOf(request), request.params.id),
  );
  r.post(
    "/customers/:id/consents",
    {
      schema: { tags, summary: "Record a consent with its purpose", params: idParams, body: consentBody },
      config: { permission: "customers.write" },
    },
    async (request, reply) =>
      reply.code(201).send(await recordConsent(db, contextOf(request), request.params.id, request.body)),
  );
  r.post(
    "/customers/:id/consents/:consentId/revoke",
    {
      schema: { tags, summary: "Revoke a consent", params: consentParams, body: revokeConsentBody },
      config: { permission: "customers.write" },
    },
    (request) =>
      revokeConsent(db, contextOf(request), {
        customerId: request.params.id,
        consentId: request.params.consentId,
        reason: request.body.reason,
      }),
  );

  r.get(
    "/customers/:id/documents",
    {
      schema: { tags, summary: "Documents of a customer", params: idParams },
      config: { permission: "customers.read" },
    },
    (request) => listDocuments(db, contextOf(request), request.params.id),
  );
  r.post(
    "/customers/:id/documents",
    {
      schema: {
        tags,
        summary:
          "Upload a document (multipart: field `kind`, one file ≤ 10 MiB; PDF, JPEG or PNG by content)",
        params: idParams,
        consumes: ["multipart/form-data"],
      },
      config: { permission: "customers.write" },
    },
    async (request, reply) => {
      const upload = await readSingleUpload(request);
      const document = await uploadDocument(deps, contextOf(request), {
        customerId: request.params.id,
        ...upload,
      });
      return reply.code(201).send(document);
    },
  );
  r.get(
    "/customers/:id/documents/:docId",
    {
      schema: {
        tags,
        summary: "Download a document (audited)",
        params: documentParams,
        querystring: z.object({ inline: z.enum(["true", "false"]).optional() }).strict(),
      },
      config: { permission: "customers.read" },
    },
    async (request, reply) => {
      const { document, stream } = await openDocument(deps, contextOf(request), {
        customerId: request.params.id,
        documentId: request.params.docId,
      });
      const disposition = request.query.inline === "true" ? "inline" : "attachment";
      const ascii = document.fileName.replace(/[^\x20-\x7e]/g, "_");
      return reply
        .type(document.contentType)
        .header(
          "content-disposition",
          `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
        )
        .header("cache-control", "private, no-store")
        .header("x-content-sha256", document.sha256)
        .send(stream);
    },
  );
}
