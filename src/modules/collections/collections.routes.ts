// Collections (催收) over HTTP: the work queue and its summary, a task and everything done on it, the
// leads' assignment and collectors, a loan's collection history; and the reminder outbox and
// templates the daily batch feeds. Thin: parse, call the service, reply.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ModuleDeps } from "../../platform/http/app.ts";
import { contextOf } from "../../platform/http/request-context.ts";
import { registerCollectionWorkRoutes } from "./collection-work.routes.ts";
import { idParams, listTasksQuery, summaryQuery } from "./collections.contracts.ts";
import { listOutbox, listTemplates, updateTemplate } from "./collections.service.ts";
import { listQueue } from "./queue.service.ts";
import { collectionsSummary } from "./summary.service.ts";
import { loanCollectionHistory } from "./task-detail.service.ts";

const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export function registerCollectionsRoutes(api: FastifyInstance, deps: ModuleDeps): void {
  const { db } = deps;
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ["collections"];
  r.get(
    "/collections/tasks",
    {
      schema: {
        tags,
        summary: "The collections work queue: a collector's own tasks and the unassigned pool; all for leads",
        querystring: listTasksQuery,
      },
      config: { permission: "collections.read" },
    },
    (request) => listQueue(db, contextOf(request), request.query, new Date()),
  );
  r.get(
    "/collections/summary",
    {
      schema: {
        tags,
        summary: "Open tasks by bucket and queue, promises kept %, actions per collector on a day",
        querystring: summaryQuery,
      },
      config: { permission: "collections.read" },
    },
    (request) => collectionsSummary(db, contextOf(request), request.query, new Date()),
  );
  r.get(
    "/loans/:id/collection-history",
    {
      schema: {
        tags,
        summary: "A loan's collection tasks, attempts, promises and task history",
        params: idParams,
      },
      config: { permission: "loans.read" },
    },
    (request) => loanCollectionHistory(db, contextOf(request), request.params.id),
  );
  registerCollectionWorkRoutes(api, deps);

  r.get(
    "/notifications/outbox",
    {
      schema: {
        tags,
        summary: "Reminders queued by the daily batch",
        querystring: z
          .object({ status: z.enum(["pending", "sent", "failed"]).optional(), ...paging })
          .strict(),
      },
      config: { permission: "collections.work" },
    },
    (request) => listOutbox(db, contextOf(request), request.query),
  );
  r.get(
    "/notification-templates",
    { schema: { tags, summary: "Reminder templates" }, config: { permission: "collections.work" } },
    (request) => listTemplates(db, contextOf(request)),
  );
  r.patch(
    "/notification-templates/:code",
    {
      schema: {
        tags,
        summary: "Edit a reminder template; placeholders {loanNo} {period} {dueDate} {amount}",
        params: z.object({ code: z.enum(["due-reminder", "overdue-notice"]) }).strict(),
        body: z.object({ body: z.string().trim().min(5).max(500) }).strict(),
      },
      config: { permission: "collections.work" },
    },
    (request) => updateTemplate(db, contextOf(request), request.params.code, request.body),
  );
}
