// The general ledger over HTTP: trial balance (API.md contract), chart of accounts with balances,
// account statements and the sub-ledger check.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppDeps } from "../../platform/http/app.ts";
import { contextOf } from "../../platform/http/request-context.ts";
import { dateString } from "../../platform/http/schemas.ts";
import { accountsWithBalances } from "./accounts-view.ts";
import { accountStatement, trialBalance } from "./ledger.service.ts";
import { subLedgerCheck } from "./sub-ledger.ts";

export function registerLedgerRoutes(api: FastifyInstance, { db }: AppDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ["ledger"];
  r.get(
    "/ledger/trial-balance",
    {
      schema: {
        tags,
        summary: "Trial balance (试算平衡表), optionally as of a date",
        querystring: z.object({ date: dateString.optional() }).strict(),
      },
      config: { permission: "ledger.read" },
    },
    (request) => trialBalance(db, contextOf(request), request.query.date ?? null),
  );
  r.get(
    "/ledger/accounts",
    { schema: { tags, summary: "Chart of accounts with balances" }, config: { permission: "ledger.read" } },
    (request) => accountsWithBalances(db, contextOf(request)),
  );
  r.get(
    "/ledger/accounts/:code/statement",
    {
      schema: {
        tags,
        summary: "Account statement (明细账) between two dates",
        params: z.object({ code: z.string().regex(/^\d{4}$/) }).strict(),
        querystring: z.object({ from: dateString, to: dateString }).strict(),
      },
      config: { permission: "ledger.read" },
    },
    (request) => accountStatement(db, contextOf(request), { code: request.params.code, ...request.query }),
  );
  r.get(
    "/ledger/sub-ledger-check",
    {
      schema: { tags, summary: "Loan sub-ledger = general ledger, per account" },
      config: { permission: "ledger.read" },
    },
    (request) => subLedgerCheck(db, contextOf(request)),
  );
}
