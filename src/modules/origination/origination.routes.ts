import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { notFound } from "../../platform/errors.ts";
import type { ModuleDeps } from "../../platform/http/app.ts";
import { contextOf } from "../../platform/http/request-context.ts";
import { loadApplication } from "./application-store.ts";
import { getApplication, listApplications } from "./applications-read.service.ts";
import { castVote } from "./committee.service.ts";
import { disburse } from "./disbursement.service.ts";
import {
  assessmentBody,
  disbursementBody,
  idParams,
  interviewBody,
  listApplicationsQuery,
  qualificationBody,
  rejectBody,
  riskPlanBody,
  savedViewBody,
  savedViewParams,
  savedViewQuery,
  submitBody,
  voteBody,
  withdrawBody,
} from "./origination.contracts.ts";
import {
  assessCredit,
  decideQualification,
  qualificationChecks,
  recordInterview,
  rejectApplication,
  submitRiskPlan,
  withdrawApplication,
} from "./review.service.ts";
import { deleteView, listSavedViews, saveView } from "./saved-views.service.ts";
import { submitApplication } from "./submission.service.ts";

export function registerOriginationRoutes(api: FastifyInstance, { db, storage }: ModuleDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ["applications"];

  r.get(
    "/applications",
    { schema: { tags, querystring: listApplicationsQuery }, config: { permission: "applications.read" } },
    (req) => listApplications(db, contextOf(req), req.query),
  );
  r.post(
    "/applications",
    {
      schema: { tags, summary: "Step 1 客户申请", body: submitBody },
      config: { permission: "applications.create" },
    },
    async (req, reply) => reply.code(201).send(await submitApplication(db, contextOf(req), req.body)),
  );
  r.get(
    "/applications/:id",
    { schema: { tags, params: idParams }, config: { permission: "applications.read" } },
    (req) => getApplication(db, contextOf(req), req.params.id),
  );
  r.post(
    "/applications/:id/interview",
    {
      schema: { tags, summary: "Step 2 客户面谈", params: idParams, body: interviewBody },
      config: { permission: "applications.create" },
    },
    (req) => recordInterview(db, contextOf(req), req.params.id, req.body),
  );
  r.get(
    "/applications/:id/qualification-checks",
    {
      schema: { tags, summary: "Automatic checks for step 3", params: idParams },
      config: { permission: "applications.review" },
    },
    (req) => qualificationChecks(db, contextOf(req), req.params.id),
  );
  r.post(
    "/applications/:id/qualification",
    {
      schema: { tags, summary: "Step 3 资格审查", params: idParams, body: qualificationBody },
      config: { permission: "applications.review" },
    },
    (req) => decideQualification(db, contextOf(req), req.params.id, req.body),
  );
  r.post(
    "/applications/:id/assessment",
    {
      schema: { tags, summary: "Step 4 信用评估 (scorecard)", params: idParams, body: assessmentBody },
      config: { permission: "applications.review" },
    },
    (req) => assessCredit(db, contextOf(req), req.params.id, req.body),
  );
  r.post(
    "/applications/:id/risk-plan",
    {
      schema: { tags, summary: "Step 5 风险把控", params: idParams, body: riskPlanBody },
      config: { permission: "applications.review" },
    },
    (req) =>
      submitRiskPlan(db, contextOf(req), req.params.id, { ...req.body, method: req.body.method as never }),
  );
  r.post(
    "/applications/:id/votes",
    {
      schema: { tags, summary: "Step 6 committee vote", params: idParams, body: voteBody },
      config: { permission: "applications.vote" },
    },
    (req) => castVote(db, contextOf(req), req.params.id, req.body),
  );
  r.post(
    "/applications/:id/disbursement",
    {
      schema: { tags, summary: "Step 6 放款", params: idParams, body: disbursementBody },
      config: { permission: "loans.disburse", idempotent: { status: 200 } },
    },
    (req) => disburse({ db, storage }, contextOf(req), req.params.id, req.body),
  );
  r.post(
    "/applications/:id/reject",
    { schema: { tags, params: idParams, body: rejectBody }, config: { permission: "applications.review" } },
    (req) => rejectApplication(db, contextOf(req), req.params.id, req.body),
  );
  r.post(
    "/applications/:id/withdraw",
    { schema: { tags, params: idParams, body: withdrawBody }, config: { permission: "applications.create" } },
    (req) => withdrawApplication(db, contextOf(req), req.params.id, req.body),
  );
  r.get(
    "/applications/:id/contract.pdf",
    {
      schema: { tags, summary: "The signed contract (PDF)", params: idParams },
      config: { permission: "applications.read" },
    },
    async (req, reply) => {
      const app = await loadApplication(db, contextOf(req), req.params.id);
      const stream = app.contractFile ? await storage.open(app.contractFile) : null;
      if (!stream) throw notFound("contract");
      return reply
        .type("application/pdf")
        .header("content-disposition", `inline; filename="contract-${app.appNo}.pdf"`)
        .send(stream);
    },
  );

  r.get("/saved-views", { schema: { tags: ["views"], querystring: savedViewQuery } }, (req) =>
    listSavedViews(db, contextOf(req), req.query.page),
  );
  r.post("/saved-views", { schema: { tags: ["views"], body: savedViewBody } }, async (req, reply) =>
    reply.code(201).send(await saveView(db, contextOf(req), req.body)),
  );
  r.delete("/saved-views/:viewId", { schema: { tags: ["views"], params: savedViewParams } }, async (req) => {
    await deleteView(db, contextOf(req), req.params.viewId);
    return { ok: true };
  });
}
