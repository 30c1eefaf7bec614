// Restructuring / extension (展期/重组), write-off (核销), recovery after write-off and the approvals
// waiting for someone: thin routes over the work-out services.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppDeps } from "../../platform/http/app.ts";
import { contextOf } from "../../platform/http/request-context.ts";
import { pendingApprovals } from "./approvals.service.ts";
import { loanIdParams } from "./loans.contracts.ts";
import { listRecoveries, postRecovery } from "./recoveries.service.ts";
import {
  cosignRestructuring,
  previewRestructuring,
  proposeRestructuring,
  voteOnRestructuring,
  withdrawRestructuring,
} from "./restructuring.service.ts";
import { getRestructuring, listRestructurings } from "./restructuring-queries.ts";
import {
  decisionWithComment,
  recoveryBody,
  restructuringBody,
  restructuringParams,
  restructuringTerms,
  writeOffBody,
  writeOffDecisionBody,
  writeOffQuery,
} from "./workout.contracts.ts";
import {
  approveWriteOff,
  getWriteOff,
  proposeWriteOff,
  rejectWriteOff,
  withdrawWriteOff,
} from "./write-off.service.ts";

export function registerWorkoutRoutes(api: FastifyInstance, { db }: AppDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ["loans"];
  const base = "/loans/:id/restructurings";

  r.get(
    "/loans/pending-approvals",
    {
      schema: { tags, summary: "Restructurings and write-offs waiting for approval (待审批)" },
      config: { permission: "loans.read" },
    },
    (request) => pendingApprovals(db, contextOf(request)),
  );

  r.post(
    `${base}/preview`,
    {
      schema: {
        tags,
        summary: "The new schedule a restructuring would give, beside the installments it replaces",
        params: loanIdParams,
        body: restructuringTerms,
      },
      config: { permission: "loans.read" },
    },
    (request) => previewRestructuring(db, contextOf(request), request.params.id, request.body),
  );
  r.get(
    base,
    {
      schema: {
        tags,
        summary: "A loan's restructuring proposals with co-signature and votes",
        params: loanIdParams,
      },
      config: { permission: "loans.read" },
    },
    (request) => listRestructurings(db, contextOf(request), request.params.id),
  );
  r.post(
    base,
    {
      schema: {
        tags,
        summary: "Propose a restructuring / extension (loan-admin); risk co-signs, the committee approves",
        params: loanIdParams,
        body: restructuringBody,
      },
      config: { permission: "collections.work" },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await proposeRestructuring(db, contextOf(request), request.params.id, request.body)),
  );
  r.get(
    `${base}/:rid`,
    {
      schema: {
        tags,
        summary: "One restructuring: as proposed, previewed today, or the schedule it replaced",
        params: restructuringParams,
      },
      config: { permission: "loans.read" },
    },
    (request) => getRestructuring(db, contextOf(request), request.params.id, request.params.rid),
  );
  r.post(
    `${base}/:rid/cosign`,
    {
      schema: {
        tags,
        summary: "Risk co-signs (or rejects) a proposed restructuring; never the proposer",
        params: restructuringParams,
        body: decisionWithComment,
      },
      config: { permission: "collections.work" },
    },
    (request) =>
      cosignRestructuring(db, contextOf(request), request.params.id, request.params.rid, request.body),
  );
  r.post(
    `${base}/:rid/votes`,
    {
      schema: {
        tags,
        summary: "A committee member's vote; the approving vote applies the new schedule",
        params: restructuringParams,
        body: decisionWithComment,
      },
      config: { permission: "applications.vote" },
    },
    (request) =>
      voteOnRestructuring(db, contextOf(request), request.params.id, request.params.rid, request.body),
  );
  r.post(
    `${base}/:rid/withdraw`,
    {
      schema: {
        tags,
        summary: "The proposer withdraws a pending restructuring",
        params: restructuringParams,
      },
      config: { permission: "collections.work" },
    },
    (request) => withdrawRestructuring(db, contextOf(request), request.params.id, request.params.rid),
  );

  r.get(
    "/loans/:id/write-off",
    {
      schema: {
        tags,
        summary: "The loan's write-off: pending or approved memo, recoveries, and today's estimate",
        params: loanIdParams,
        querystring: writeOffQuery,
      },
      config: { permission: "loans.read" },
    },
    (request) => getWriteOff(db, contextOf(request), request.params.id, request.query),
  );
  r.post(
    "/loans/:id/write-off",
    {
      schema: {
        tags,
        summary:
          "Propose a write-off (核销) of a loan past the DPD threshold (finance or loan-admin), of all of it or of `principal`",
        params: loanIdParams,
        body: writeOffBody,
      },
      // Finance (repayments.post) or a loan-admin (collections.work): the service checks which.
      config: { permission: "loans.read" },
    },
    async (request, reply) =>
      reply.code(201).send(await proposeWriteOff(db, contextOf(request), request.params.id, request.body)),
  );
  r.post(
    "/loans/:id/write-off/approve",
    {
      schema: {
        tags,
        summary: "Approve the write-off (not the proposer)",
        params: loanIdParams,
        body: writeOffDecisionBody,
      },
      config: { permission: "repayments.approve" },
    },
    (request) => approveWriteOff(db, contextOf(request), request.params.id, request.body),
  );
  r.post(
    "/loans/:id/write-off/reject",
    {
      schema: {
        tags,
        summary: "Reject the write-off (not the proposer)",
        params: loanIdParams,
        body: writeOffDecisionBody,
      },
      config: { permission: "repayments.approve" },
    },
    (request) => rejectWriteOff(db, contextOf(request), request.params.id, request.body),
  );
  r.post(
    "/loans/:id/write-off/withdraw",
    {
      schema: {
        tags,
        summary: "The proposer withdraws a pending write-off",
        params: loanIdParams,
        body: writeOffDecisionBody,
      },
      config: { permission: "loans.read" },
    },
    (request) => withdrawWriteOff(db, contextOf(request), request.params.id),
  );

  r.get(
    "/loans/:id/recoveries",
    {
      schema: {
        tags,
        summary: "Recoveries after write-off, with the written-off amount they count against",
        params: loanIdParams,
      },
      config: { permission: "loans.read" },
    },
    (request) => listRecoveries(db, contextOf(request), request.params.id),
  );
  r.post(
    "/loans/:id/recoveries",
    {
      schema: {
        tags,
        summary:
          "Record money recovered on a written-off loan (Idempotency-Key); receipt at …/repayments/{txId}/receipt.pdf",
        params: loanIdParams,
        body: recoveryBody,
      },
      config: { permission: "repayments.post", idempotent: { status: 201 } },
    },
    async (request, reply) =>
      reply.code(201).send(await postRecovery(db, contextOf(request), request.params.id, request.body)),
  );
}
