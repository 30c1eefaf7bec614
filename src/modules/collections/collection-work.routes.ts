// A collection task and the work on it: the task file, the conduct check, logging attempts, contacts
// and quiet-hours consents; the leads' assignment and the collectors list.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { ModuleDeps } from "../../platform/http/app.ts";
import { contextOf } from "../../platform/http/request-context.ts";
import { messageFor } from "../../platform/messages.ts";
import { checkContact, logAction } from "./actions.service.ts";
import { assignTasks, listCollectors, updateCollector } from "./assignment.service.ts";
import {
  actionBody,
  assignmentBody,
  collectorBody,
  consentBody,
  consentParams,
  contactBody,
  contactCheckQuery,
  idParams,
  revokeConsentBody,
} from "./collections.contracts.ts";
import { addContact, recordConsent, revokeConsent } from "./contacts.service.ts";
import { getTaskDetail } from "./task-detail.service.ts";

export function registerCollectionWorkRoutes(api: FastifyInstance, { db, pii }: ModuleDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ["collections"];
  r.get(
    "/collections/tasks/:id",
    {
      schema: {
        tags,
        summary: "A task with the loan's arrears, the borrower, contacts, attempts, promises and history",
        params: idParams,
      },
      config: { permission: "collections.read" },
    },
    (request) => getTaskDetail(db, contextOf(request), request.params.id),
  );
  r.get(
    "/collections/tasks/:id/contact-check",
    {
      schema: {
        tags,
        summary: "Whether this contact may be reached by this method now (or at `at`), and why not",
        params: idParams,
        querystring: contactCheckQuery,
      },
      config: { permission: "collections.work" },
    },
    async (request) => {
      const verdict = await checkContact(
        db,
        contextOf(request),
        request.params.id,
        request.query,
        new Date(),
      );
      return {
        ...verdict,
        refusals: verdict.refusals.map((x) => ({
          ...x,
          message: messageFor(x.code, request.locale, x.params),
        })),
      };
    },
  );
  r.post(
    "/collections/tasks/:id/actions",
    {
      schema: {
        tags,
        summary: "Log a contact attempt (refused with 422 when a conduct rule forbids it)",
        params: idParams,
        body: actionBody,
      },
      config: { permission: "collections.work" },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await logAction(db, contextOf(request), request.params.id, request.body, new Date())),
  );
  r.post(
    "/collections/tasks/:id/contacts",
    {
      schema: {
        tags,
        summary: "Add a guarantor, co-borrower or third-party contact",
        params: idParams,
        body: contactBody,
      },
      config: { permission: "collections.work" },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addContact({ db, pii }, contextOf(request), request.params.id, request.body)),
  );
  r.post(
    "/collections/tasks/:id/consents",
    {
      schema: {
        tags,
        summary: "Record a debtor's consent to be contacted in the quiet hours, with its evidence",
        params: idParams,
        body: consentBody,
      },
      config: { permission: "collections.work" },
    },
    async (request, reply) =>
      reply.code(201).send(await recordConsent(db, contextOf(request), request.params.id, request.body)),
  );
  r.post(
    "/collections/tasks/:id/consents/:consentId/revoke",
    {
      schema: {
        tags,
        summary: "Revoke a quiet-hours consent",
        params: consentParams,
        body: revokeConsentBody,
      },
      config: { permission: "collections.work" },
    },
    (request) =>
      revokeConsent(db, contextOf(request), request.params.id, request.params.consentId, request.body),
  );
  r.post(
    "/collections/assignments",
    {
      schema: {
        tags,
        summary: "Assign tasks to a collector (or back to the pool) and optionally move their queue",
        body: assignmentBody,
      },
      config: { permission: "collections.manage" },
    },
    (request) => assignTasks(db, contextOf(request), request.body),
  );
  r.get(
    "/collections/collectors",
    {
      schema: { tags, summary: "People who may collect, their queues, capacity and load" },
      config: { permission: "collections.manage" },
    },
    (request) => listCollectors(db, contextOf(request), new Date()),
  );
  r.patch(
    "/collections/collectors/:id",
    {
      schema: {
        tags,
        summary: "Set a collector's queues, capacity and whether the batch assigns to them",
        params: idParams,
        body: collectorBody,
      },
      config: { permission: "collections.manage" },
    },
    (request) => updateCollector(db, contextOf(request), request.params.id, request.body),
  );
}
