import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { ModuleDeps } from "../../platform/http/app.ts";
import { contextOf } from "../../platform/http/request-context.ts";
import { CHANNEL_NAMES, LEAVE_REASONS, POSITION_NAMES, STAFF_STATUSES } from "./domain/positions.ts";
import { RANKS } from "./domain/ranks.ts";
import { orgChart } from "./org.service.ts";
import { closeProbations, decideProbation, probationBoard } from "./probation.service.ts";
import { decideRankProposal, getRankReview, listRankReviews, runRankReview } from "./ranks.service.ts";
import {
  closeProbationsBody,
  createSessionBody,
  createStaffBody,
  dateQuery,
  idParams,
  leaveBody,
  listSessionsQuery,
  listStaffQuery,
  onboardBody,
  probationBoardQuery,
  probationDecisionBody,
  promoteBody,
  proposalDecisionBody,
  resultsBody,
  runReviewBody,
  transferBody,
} from "./staff.contracts.ts";
import { createStaff, onboardStaff } from "./staff.service.ts";
import { leaveStaff, promoteStaff, transferStaff } from "./staff-changes.service.ts";
import { getStaff, listStaff } from "./staff-read.service.ts";
import { businessToday } from "./staff-store.ts";
import { createSession, getSession, listCourses, listSessions, recordResults } from "./training.service.ts";

export function registerStaffRoutes(api: FastifyInstance, { db }: ModuleDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const tags = ["staff"];
  const read = { permission: "staff.read" as const };
  const manage = { permission: "staff.manage" as const };

  r.get(
    "/staff/reference",
    { schema: { tags, summary: "Positions, ranks, statuses, channels" }, config: read },
    () => ({
      positions: Object.entries(POSITION_NAMES).map(([key, n]) => ({ key, ...n })),
      ranks: RANKS,
      statuses: STAFF_STATUSES,
      recruitmentChannels: Object.entries(CHANNEL_NAMES).map(([key, n]) => ({ key, ...n })),
      leaveReasons: LEAVE_REASONS,
    }),
  );
  r.get("/staff", { schema: { tags, querystring: listStaffQuery }, config: read }, (req) =>
    listStaff(db, contextOf(req), req.query),
  );
  r.get(
    "/staff/org-chart",
    { schema: { tags, summary: "The org chart on a date, as a tree", querystring: dateQuery }, config: read },
    async (req) => orgChart(db, contextOf(req), req.query.date ?? (await businessToday(db))),
  );
  r.get(
    "/staff/probations",
    { schema: { tags, summary: "Probation board", querystring: probationBoardQuery }, config: read },
    (req) => probationBoard(db, contextOf(req), { all: req.query.all === "true" }),
  );
  r.post(
    "/staff/probations/close",
    {
      schema: { tags, summary: "Fail the probations past their last day", body: closeProbationsBody },
      config: manage,
    },
    (req) => closeProbations(db, contextOf(req), req.body),
  );
  r.get("/staff/:id", { schema: { tags, params: idParams }, config: read }, (req) =>
    getStaff(db, contextOf(req), req.params.id),
  );
  r.post(
    "/staff",
    { schema: { tags, summary: "Hire (or record a candidate)", body: createStaffBody }, config: manage },
    async (req, reply) => reply.code(201).send(await createStaff(db, contextOf(req), req.body)),
  );
  r.post(
    "/staff/:id/onboard",
    { schema: { tags, params: idParams, body: onboardBody }, config: manage },
    (req) => onboardStaff(db, contextOf(req), req.params.id, req.body),
  );
  r.post(
    "/staff/:id/transfer",
    { schema: { tags, params: idParams, body: transferBody }, config: manage },
    (req) => transferStaff(db, contextOf(req), req.params.id, req.body),
  );
  r.post(
    "/staff/:id/promote",
    { schema: { tags, params: idParams, body: promoteBody }, config: manage },
    (req) => promoteStaff(db, contextOf(req), req.params.id, req.body),
  );
  r.post("/staff/:id/leave", { schema: { tags, params: idParams, body: leaveBody }, config: manage }, (req) =>
    leaveStaff(db, contextOf(req), req.params.id, req.body),
  );
  r.post(
    "/staff/:id/probation/decision",
    {
      schema: {
        tags,
        summary: "The leader approves or refuses a probation",
        params: idParams,
        body: probationDecisionBody,
      },
      config: { permission: "probation.approve" },
    },
    (req) => decideProbation(db, contextOf(req), req.params.id, req.body),
  );

  const training = ["training"];
  r.get("/training/courses", { schema: { tags: training }, config: read }, (req) =>
    listCourses(db, contextOf(req)),
  );
  r.get(
    "/training/sessions",
    { schema: { tags: training, querystring: listSessionsQuery }, config: read },
    (req) => listSessions(db, contextOf(req), req.query),
  );
  r.post(
    "/training/sessions",
    { schema: { tags: training, body: createSessionBody }, config: manage },
    async (req, reply) => reply.code(201).send(await createSession(db, contextOf(req), req.body)),
  );
  r.get("/training/sessions/:id", { schema: { tags: training, params: idParams }, config: read }, (req) =>
    getSession(db, contextOf(req), req.params.id),
  );
  r.post(
    "/training/sessions/:id/results",
    {
      schema: { tags: training, summary: "Attendance and scores", params: idParams, body: resultsBody },
      config: manage,
    },
    (req) => recordResults(db, contextOf(req), req.params.id, req.body.results),
  );

  const ranks = ["ranks"];
  r.get("/rank-reviews", { schema: { tags: ranks }, config: read }, (req) =>
    listRankReviews(db, contextOf(req)),
  );
  r.post(
    "/rank-reviews",
    {
      schema: { tags: ranks, summary: "Run the quarterly review (proposals)", body: runReviewBody },
      config: manage,
    },
    async (req, reply) => reply.code(201).send(await runRankReview(db, contextOf(req), req.body)),
  );
  r.get("/rank-reviews/:id", { schema: { tags: ranks, params: idParams }, config: read }, (req) =>
    getRankReview(db, contextOf(req), req.params.id),
  );
  r.post(
    "/rank-proposals/:id/decision",
    {
      schema: {
        tags: ranks,
        summary: "Confirm or reject one proposal",
        params: idParams,
        body: proposalDecisionBody,
      },
      config: { permission: "ranks.confirm" },
    },
    (req) => decideRankProposal(db, contextOf(req), req.params.id, req.body),
  );
}
