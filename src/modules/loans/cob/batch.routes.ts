// The close of business over HTTP: queue a run (202), follow its job; and read the business date.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../../platform/http/app.ts";
import { contextOf } from "../../../platform/http/request-context.ts";
import { dateString } from "../../../platform/http/schemas.ts";
import { type Locale, messageFor } from "../../../platform/messages.ts";
import { getBusinessDate } from "../business-date.ts";
import { listClosedDates } from "./cob-history.ts";
import { getJob, type JobView, listJobs, startCobJob } from "./cob-jobs.ts";

/** A failed job keeps its error code; the answer also says it in the caller's language. */
const withMessage = (job: JobView, locale: Locale) => ({
  ...job,
  errorMessage: job.error ? messageFor(job.error, locale) : null,
});

export function registerBatchRoutes(api: FastifyInstance, { db }: AppDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ["batch"];
  r.post(
    "/batch/cob",
    {
      schema: {
        tags,
        summary: "Run the close of business (日终) up to a date; answers 202 with the job",
        body: z.object({ date: dateString }).strict(),
      },
      config: { permission: "batch.run" },
    },
    async (request, reply) => {
      const started = await startCobJob(db, contextOf(request), request.body, (error) =>
        request.log.error({ err: error }, "close of business failed"),
      );
      return reply.code(202).send(started);
    },
  );
  r.get(
    "/batch/jobs",
    {
      schema: {
        tags,
        summary: "The latest close-of-business runs, newest first",
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }).strict(),
      },
      config: { permission: "batch.run" },
    },
    async (request) => ({
      items: (await listJobs(db, contextOf(request), request.query)).map((j) =>
        withMessage(j, request.locale),
      ),
    }),
  );
  r.get(
    "/batch/closes",
    {
      schema: {
        tags,
        summary: "Closed business dates, newest first (before = a date, to page back)",
        querystring: z
          .object({
            limit: z.coerce.number().int().min(1).max(100).default(30),
            before: dateString.optional(),
          })
          .strict(),
      },
      config: { permission: "batch.run" },
    },
    async (request) => ({ items: await listClosedDates(db, contextOf(request), request.query) }),
  );
  r.get(
    "/batch/jobs/:id",
    {
      schema: {
        tags,
        summary: "A batch job's status and progress",
        params: z.object({ id: z.uuid() }).strict(),
      },
      config: { permission: "batch.run" },
    },
    async (request) => withMessage(await getJob(db, contextOf(request), request.params.id), request.locale),
  );
  r.get(
    "/batch/business-date",
    { schema: { tags, summary: "The current business date (营业日)" }, config: { permission: "loans.read" } },
    async () => ({
      businessDate: await getBusinessDate(db),
    }),
  );
}
