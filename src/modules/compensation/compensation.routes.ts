import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { ModuleDeps } from "../../platform/http/app.ts";
import { contextOf } from "../../platform/http/request-context.ts";
import {
  addVersionBody,
  answerBody,
  commentBody,
  createPlanBody,
  createRunBody,
  disputeBody,
  exportQuery,
  idParams,
  inForceQuery,
  recomputeBody,
  renamePlanBody,
  returnBody,
  runQuery,
  simulationBody,
} from "./compensation.contracts.ts";
import { answerDispute, listDisputes, raiseDispute } from "./disputes.service.ts";
import { getRun, getStatement, listRuns, myStatement, myStatements } from "./payroll-read.service.ts";
import { createRun, moveRun, recomputeRun } from "./payroll-runs.service.ts";
import { payrollWorkbook } from "./payroll-workbook.ts";
import {
  addPlanVersion,
  createPlan,
  deletePlan,
  getPlan,
  listPlans,
  planInForce,
  renamePlan,
  type versionView,
} from "./plans.service.ts";
import { simulatePayroll } from "./simulation.service.ts";
import { warningViews } from "./warnings.ts";

export function registerCompensationRoutes(api: FastifyInstance, { db }: ModuleDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const plans = ["pay-plans"];
  const payroll = ["payroll"];
  const read = { permission: "payroll.read" as const };
  const prepare = { permission: "payroll.prepare" as const };
  const approve = { permission: "payroll.approve" as const };
  const own = { permission: "payroll.own" as const };

  // Plan views carry warning codes; words follow the caller's language.
  const localized = <T extends { warnings: ReturnType<typeof versionView>["warnings"] }>(
    v: T,
    locale: "zh-CN" | "en-US",
  ) => ({
    ...v,
    warnings: warningViews(v.warnings, locale),
  });
  const planOut = (p: Awaited<ReturnType<typeof getPlan>>, locale: "zh-CN" | "en-US") => ({
    ...p,
    versions: p.versions.map((v) => localized(v, locale)),
  });

  r.get("/pay-plans", { schema: { tags: plans }, config: read }, async (req) => {
    const list = await listPlans(db, contextOf(req));
    return {
      items: list.items.map((p) => ({ ...p, latest: p.latest ? localized(p.latest, req.locale) : null })),
    };
  });
  r.post(
    "/pay-plans",
    { schema: { tags: plans, body: createPlanBody }, config: prepare },
    async (req, reply) =>
      reply.code(201).send(planOut(await createPlan(db, contextOf(req), req.body), req.locale)),
  );
  r.get("/pay-plans/:id", { schema: { tags: plans, params: idParams }, config: read }, async (req) =>
    planOut(await getPlan(db, contextOf(req), req.params.id), req.locale),
  );
  r.patch(
    "/pay-plans/:id",
    { schema: { tags: plans, params: idParams, body: renamePlanBody }, config: prepare },
    async (req) => planOut(await renamePlan(db, contextOf(req), req.params.id, req.body), req.locale),
  );
  r.delete("/pay-plans/:id", { schema: { tags: plans, params: idParams }, config: prepare }, (req) =>
    deletePlan(db, contextOf(req), req.params.id),
  );
  r.post(
    "/pay-plans/:id/versions",
    {
      schema: {
        tags: plans,
        summary: "A new version: changes over the latest",
        params: idParams,
        body: addVersionBody,
      },
      config: prepare,
    },
    async (req, reply) => {
      const created = await addPlanVersion(db, contextOf(req), req.params.id, req.body);
      return reply.code(201).send({ ...created, version: localized(created.version, req.locale) });
    },
  );
  r.get(
    "/pay-plans/:id/in-force",
    {
      schema: {
        tags: plans,
        summary: "The version in force for a month",
        params: idParams,
        querystring: inForceQuery,
      },
      config: read,
    },
    async (req) =>
      localized(await planInForce(db, contextOf(req), req.params.id, req.query.month), req.locale),
  );

  r.get("/payroll/runs", { schema: { tags: payroll }, config: read }, (req) => listRuns(db, contextOf(req)));
  r.post(
    "/payroll/runs",
    {
      schema: { tags: payroll, summary: "Compute a month (draft, version 1)", body: createRunBody },
      config: prepare,
    },
    async (req, reply) => reply.code(201).send(await createRun(db, contextOf(req), req.body)),
  );
  r.get(
    "/payroll/runs/:id",
    { schema: { tags: payroll, params: idParams, querystring: runQuery }, config: read },
    (req) => getRun(db, contextOf(req), req.params.id, { ...req.query, locale: req.locale }),
  );
  r.post(
    "/payroll/runs/:id/recompute",
    {
      schema: {
        tags: payroll,
        summary: "A new version (before the lock)",
        params: idParams,
        body: recomputeBody,
      },
      config: prepare,
    },
    (req) => recomputeRun(db, contextOf(req), req.params.id, req.body),
  );
  r.post(
    "/payroll/runs/:id/review",
    { schema: { tags: payroll, params: idParams, body: commentBody }, config: prepare },
    (req) => moveRun(db, contextOf(req), req.params.id, { action: "review", comment: req.body.comment }),
  );
  r.post(
    "/payroll/runs/:id/approve",
    {
      schema: {
        tags: payroll,
        summary: "By someone who did not prepare or review it",
        params: idParams,
        body: commentBody,
      },
      config: approve,
    },
    (req) => moveRun(db, contextOf(req), req.params.id, { action: "approve", comment: req.body.comment }),
  );
  r.post(
    "/payroll/runs/:id/return",
    { schema: { tags: payroll, params: idParams, body: returnBody }, config: approve },
    (req) => moveRun(db, contextOf(req), req.params.id, { action: "return", comment: req.body.reason }),
  );
  r.post(
    "/payroll/runs/:id/lock",
    { schema: { tags: payroll, params: idParams, body: commentBody }, config: approve },
    (req) => moveRun(db, contextOf(req), req.params.id, { action: "lock", comment: req.body.comment }),
  );
  r.get(
    "/payroll/runs/:id/export.xlsx",
    {
      schema: {
        tags: payroll,
        summary: "Statements and lines as Excel",
        params: idParams,
        querystring: exportQuery,
      },
      config: read,
    },
    async (req, reply) => {
      const { file, name } = await payrollWorkbook(db, contextOf(req), req.params.id, req.query);
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(file);
    },
  );
  r.get("/payroll/runs/:id/disputes", { schema: { tags: payroll, params: idParams }, config: read }, (req) =>
    listDisputes(db, contextOf(req), req.params.id),
  );
  r.get("/payroll/statements/:id", { schema: { tags: payroll, params: idParams }, config: read }, (req) =>
    getStatement(db, contextOf(req), req.params.id, req.locale),
  );
  r.post(
    "/payroll/disputes/:id/answer",
    {
      schema: {
        tags: payroll,
        summary: "HR resolves or rejects a dispute",
        params: idParams,
        body: answerBody,
      },
      config: prepare,
    },
    (req) => answerDispute(db, contextOf(req), req.params.id, req.body),
  );
  r.post(
    "/payroll/simulations",
    {
      schema: {
        tags: payroll,
        summary: "What-if: the month under a changed plan (no writes)",
        body: simulationBody,
      },
      config: read,
    },
    (req) => simulatePayroll(db, contextOf(req), { ...req.body, locale: req.locale }),
  );

  r.get(
    "/payroll/my/statements",
    { schema: { tags: payroll, summary: "Own statements" }, config: own },
    (req) => myStatements(db, contextOf(req), req.locale),
  );
  r.get("/payroll/my/statements/:id", { schema: { tags: payroll, params: idParams }, config: own }, (req) =>
    myStatement(db, contextOf(req), req.params.id, req.locale),
  );
  r.post(
    "/payroll/my/statements/:id/disputes",
    {
      schema: {
        tags: payroll,
        summary: "Dispute a line of one's own statement",
        params: idParams,
        body: disputeBody,
      },
      config: own,
    },
    async (req, reply) =>
      reply.code(201).send(await raiseDispute(db, contextOf(req), req.params.id, req.body)),
  );
}
