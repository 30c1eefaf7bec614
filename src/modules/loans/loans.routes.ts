// Loan accounts and their servicing: thin routes over the use-case services.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "../../platform/http/app.ts";
import { contextOf } from "../../platform/http/request-context.ts";
import { getLoanDetail, listLoans } from "./loan-queries.service.ts";
import {
  decisionBody,
  listLoansQuery,
  loanIdParams,
  loanTxParams,
  payoffQuery,
  prepaymentBody,
  refundBody,
  repaymentBody,
  reversalBody,
} from "./loans.contracts.ts";
import { getPayoffQuote } from "./payoff.service.ts";
import { postPrepayment } from "./prepayment.service.ts";
import { repaymentReceipt } from "./receipt-pdf.ts";
import { refundCredit } from "./refunds.service.ts";
import { postRepayment } from "./repayments.service.ts";
import { approveReversal, proposeReversal, rejectReversal } from "./reversal.service.ts";

export function registerLoanRoutes(api: FastifyInstance, { db }: AppDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ["loans"];

  r.get(
    "/loans",
    {
      schema: { tags, summary: "Loan accounts in the caller's scope", querystring: listLoansQuery },
      config: { permission: "loans.read" },
    },
    (request) => listLoans(db, contextOf(request), request.query),
  );
  r.get(
    "/loans/:id",
    {
      schema: {
        tags,
        summary: "A loan with balances, schedule, transactions and postings",
        params: loanIdParams,
      },
      config: { permission: "loans.read" },
    },
    (request) => getLoanDetail(db, contextOf(request), request.params.id),
  );
  r.get(
    "/loans/:id/payoff",
    {
      schema: {
        tags,
        summary: "Payoff (提前结清) quote on a date, default the business date",
        params: loanIdParams,
        querystring: payoffQuery,
      },
      config: { permission: "loans.read" },
    },
    (request) => getPayoffQuote(db, contextOf(request), request.params.id, request.query),
  );
  r.post(
    "/loans/:id/repayments",
    {
      schema: {
        tags,
        summary: "Post a repayment (Idempotency-Key); paying the payoff quote settles the loan",
        params: loanIdParams,
        body: repaymentBody,
      },
      config: { permission: "repayments.post", idempotent: { status: 201 } },
    },
    async (request, reply) =>
      reply.code(201).send(await postRepayment(db, contextOf(request), request.params.id, request.body)),
  );
  r.post(
    "/loans/:id/prepayments",
    {
      schema: {
        tags,
        summary: "Partial prepayment with re-scheduling (Idempotency-Key)",
        params: loanIdParams,
        body: prepaymentBody,
      },
      config: { permission: "repayments.post", idempotent: { status: 201 } },
    },
    async (request, reply) =>
      reply.code(201).send(await postPrepayment(db, contextOf(request), request.params.id, request.body)),
  );
  r.post(
    "/loans/:id/refunds",
    {
      schema: {
        tags,
        summary: "Refund (part of) the credit balance (Idempotency-Key)",
        params: loanIdParams,
        body: refundBody,
      },
      config: { permission: "repayments.post", idempotent: { status: 201 } },
    },
    async (request, reply) =>
      reply.code(201).send(await refundCredit(db, contextOf(request), request.params.id, request.body)),
  );
  r.post(
    "/loans/:id/repayments/:txId/reversal",
    {
      schema: {
        tags,
        summary:
          "Propose a reversal (冲正) of a repayment or of a recovery after write-off; another person approves",
        params: loanTxParams,
        body: reversalBody,
      },
      config: { permission: "repayments.post" },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await proposeReversal(db, contextOf(request), request.params.id, request.params.txId, request.body),
        ),
  );
  r.post(
    "/loans/:id/repayments/:txId/reversal/approve",
    {
      schema: {
        tags,
        summary: "Approve a proposed reversal (not the proposer)",
        params: loanTxParams,
        body: decisionBody,
      },
      config: { permission: "repayments.approve" },
    },
    (request) => approveReversal(db, contextOf(request), request.params.id, request.params.txId),
  );
  r.post(
    "/loans/:id/repayments/:txId/reversal/reject",
    {
      schema: { tags, summary: "Reject a proposed reversal", params: loanTxParams, body: decisionBody },
      config: { permission: "repayments.approve" },
    },
    (request) => rejectReversal(db, contextOf(request), request.params.id, request.params.txId),
  );
  r.get(
    "/loans/:id/repayments/:txId/receipt.pdf",
    {
      schema: { tags, summary: "Receipt (还款凭证) as PDF", params: loanTxParams },
      config: { permission: "loans.read" },
    },
    async (request, reply) => {
      const { fileName, pdf } = await repaymentReceipt(
        db,
        contextOf(request),
        request.params.id,
        request.params.txId,
      );
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="${fileName}"`)
        .send(pdf);
    },
  );
}
