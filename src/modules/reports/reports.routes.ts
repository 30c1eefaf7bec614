// 经营报表: read-only views over the book for the people who run the company (reports.read).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/http/app.ts";
import { contextOf } from "../../platform/http/request-context.ts";
import { booleanQuery } from "../../platform/http/schemas.ts";
import { portfolioReport } from "./portfolio.service.ts";

export const portfolioQuery = z
  .object({
    /** How many months of flows, ending with the business date's month. */
    months: z.coerce.number().int().min(1).max(36).default(12),
    /** Compute now instead of answering from the last few minutes' cache. */
    fresh: booleanQuery.optional(),
  })
  .strict();

export function registerReportRoutes(api: FastifyInstance, { db }: AppDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/reports/portfolio",
    {
      schema: {
        tags: ["reports"],
        summary:
          "经营概览: the loan book, NPL and PAR30, provisions, and monthly disbursements and collections",
        querystring: portfolioQuery,
      },
      config: { permission: "reports.read" },
    },
    (request) => portfolioReport(db, contextOf(request), request.query),
  );
}
