// 资金: the capital position and forecast (ledger.read), and recording funding (finance).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/http/app.ts";
import { contextOf } from "../../platform/http/request-context.ts";
import { amountString, dateString } from "../../platform/http/schemas.ts";
import { capitalPosition, listFunding, recordFunding } from "./capital.service.ts";

const fundingBody = z
  .object({
    kind: z.enum(["shareholder-capital", "bank-borrowing"]),
    source: z.string().trim().min(1).max(100),
    amount: amountString,
    date: dateString,
    annualRate: z
      .string()
      .regex(/^(0(\.\d{1,6})?|1(\.0{1,6})?)$/)
      .optional(),
    maturityDate: dateString.optional(),
    reference: z.string().trim().min(1).max(64).optional(),
  })
  .strict();

export function registerCapitalRoutes(api: FastifyInstance, { db }: AppDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ["capital"];
  r.get(
    "/capital",
    {
      schema: { tags, summary: "Funds available, principal lent, leverage and a 7/30/90-day cash forecast" },
      config: { permission: "ledger.read" },
    },
    (request) => capitalPosition(db, contextOf(request)),
  );
  r.get(
    "/capital/funding",
    { schema: { tags, summary: "Funding sources" }, config: { permission: "ledger.read" } },
    (request) => listFunding(db, contextOf(request)),
  );
  r.post(
    "/capital/funding",
    {
      schema: {
        tags,
        summary: "Record shareholder capital or a bank borrowing (Idempotency-Key)",
        body: fundingBody,
      },
      config: { permission: "loans.disburse", idempotent: { status: 201 } },
    },
    async (request, reply) => reply.code(201).send(await recordFunding(db, contextOf(request), request.body)),
  );
}
