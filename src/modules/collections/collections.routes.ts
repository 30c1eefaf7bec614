// Collection tasks, the reminder outbox and its templates (post-loan follow-up, collections.work).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/http/app.ts";
import { contextOf } from "../../platform/http/request-context.ts";
import { listOutbox, listTasks, listTemplates, updateTemplate } from "./collections.service.ts";

const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export function registerCollectionsRoutes(api: FastifyInstance, { db }: AppDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ["collections"];
  r.get(
    "/collections/tasks",
    {
      schema: {
        tags,
        summary: "Collection tasks opened by the daily batch",
        querystring: z
          .object({
            status: z.enum(["open", "resolved"]).optional(),
            bucket: z.enum(["M1", "M2", "M3", "M4", "M5", "M6", "M7"]).optional(),
            ...paging,
          })
          .strict(),
      },
      config: { permission: "collections.work" },
    },
    (request) => listTasks(db, contextOf(request), request.query),
  );
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
