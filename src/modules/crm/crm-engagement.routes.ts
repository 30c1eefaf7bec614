// HTTP for the sales floor after the first call: revisits, appointments, feedback, KPIs, PK, the
// marketing plan, the campaign funnel and the daily report. Thin: parse, call the service, reply.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { ModuleDeps } from "../../platform/http/app.ts";
import { contextOf } from "../../platform/http/request-context.ts";
import {
  createAppointment,
  listAppointments,
  rescheduleAppointment,
  setAppointmentStatus,
} from "./appointments.service.ts";
import { campaignsReport } from "./campaigns-report.service.ts";
import {
  appointmentStatusBody,
  appointmentsQuery,
  assignFeedbackBody,
  campaignsReportQuery,
  closeFollowUpBody,
  createAppointmentBody,
  createFeedbackBody,
  createPkBody,
  dateParams,
  emptyBody,
  feedbackQuery,
  feedbackStatusBody,
  followUpsQuery,
  generateReportBody,
  idParams,
  kpiBoardQuery,
  myDayQuery,
  pkListQuery,
  reportsQuery,
  rescheduleBody,
  scheduleFollowUpBody,
  setTargetBody,
  targetsQuery,
} from "./crm-engagement.contracts.ts";
import { generateDailyReport, getDailyReport, listDailyReports } from "./daily-report.service.ts";
import { dailyReportWorkbook } from "./daily-report-workbook.ts";
import {
  assignFeedback,
  createFeedback,
  getFeedback,
  listFeedback,
  moveFeedback,
} from "./feedback.service.ts";
import { closeFollowUp, listFollowUps, scheduleFollowUp } from "./followups.service.ts";
import { kpiBoard, kpiUnits, myDay } from "./kpi.service.ts";
import { cancelContest, contestBoard, createContest, finalizeContest, listContests } from "./pk.service.ts";
import { listTargets, setTarget } from "./targets.service.ts";

export function registerCrmEngagementRoutes(api: FastifyInstance, { db }: ModuleDeps): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const leads = { permission: "crm.leads" as const };
  const kpi = { permission: "kpi.read" as const };
  const manage = { permission: "crm.manage" as const };
  const service = { permission: "service.feedback" as const };
  const tags = ["crm"];

  r.get(
    "/crm/follow-ups",
    { schema: { tags, summary: "Revisit tasks", querystring: followUpsQuery }, config: leads },
    (req) => listFollowUps(db, contextOf(req), req.query),
  );
  r.post(
    "/crm/follow-ups",
    {
      schema: { tags, summary: "Set a lead's revisit date by hand", body: scheduleFollowUpBody },
      config: leads,
    },
    async (req, reply) => reply.code(201).send(await scheduleFollowUp(db, contextOf(req), req.body)),
  );
  r.post(
    "/crm/follow-ups/:id/close",
    {
      schema: {
        tags,
        summary: "Done without a call, or cancelled",
        params: idParams,
        body: closeFollowUpBody,
      },
      config: leads,
    },
    (req) => closeFollowUp(db, contextOf(req), req.params.id, req.body),
  );

  r.get("/crm/appointments", { schema: { tags, querystring: appointmentsQuery }, config: leads }, (req) =>
    listAppointments(db, contextOf(req), req.query),
  );
  r.post(
    "/crm/appointments",
    { schema: { tags, summary: "Book an appointment", body: createAppointmentBody }, config: leads },
    async (req, reply) => reply.code(201).send(await createAppointment(db, contextOf(req), req.body)),
  );
  r.post(
    "/crm/appointments/:id/status",
    {
      schema: { tags, summary: "Done, no-show or cancelled", params: idParams, body: appointmentStatusBody },
      config: leads,
    },
    (req) => setAppointmentStatus(db, contextOf(req), req.params.id, req.body),
  );
  r.post(
    "/crm/appointments/:id/reschedule",
    { schema: { tags, params: idParams, body: rescheduleBody }, config: leads },
    (req) => rescheduleAppointment(db, contextOf(req), req.params.id, req.body),
  );

  r.get("/crm/feedback", { schema: { tags, querystring: feedbackQuery }, config: service }, (req) =>
    listFeedback(db, contextOf(req), { ...req.query, overdue: req.query.overdue === "true" }),
  );
  r.get("/crm/feedback/:id", { schema: { tags, params: idParams }, config: service }, (req) =>
    getFeedback(db, contextOf(req), req.params.id),
  );
  r.post(
    "/crm/feedback",
    {
      schema: { tags, summary: "Record feedback or a complaint", body: createFeedbackBody },
      config: service,
    },
    async (req, reply) => reply.code(201).send(await createFeedback(db, contextOf(req), req.body)),
  );
  r.post(
    "/crm/feedback/:id/status",
    { schema: { tags, params: idParams, body: feedbackStatusBody }, config: service },
    (req) => moveFeedback(db, contextOf(req), req.params.id, req.body),
  );
  r.post(
    "/crm/feedback/:id/assign",
    { schema: { tags, params: idParams, body: assignFeedbackBody }, config: service },
    (req) => assignFeedback(db, contextOf(req), req.params.id, req.body),
  );

  r.get(
    "/crm/kpi/my-day",
    { schema: { tags, summary: "我的今日", querystring: myDayQuery }, config: kpi },
    (req) => myDay(db, contextOf(req), req.query),
  );
  r.get(
    "/crm/kpi/board",
    {
      schema: {
        tags,
        summary: "A person, group, team or the floor over a day, week or month",
        querystring: kpiBoardQuery,
      },
      config: kpi,
    },
    (req) => kpiBoard(db, contextOf(req), req.query),
  );
  r.get("/crm/kpi/units", { schema: { tags, summary: "Groups and teams in scope" }, config: kpi }, (req) =>
    kpiUnits(db, contextOf(req)),
  );

  r.get("/crm/pk", { schema: { tags, querystring: pkListQuery }, config: kpi }, (req) =>
    listContests(db, contextOf(req), req.query),
  );
  r.get("/crm/pk/:id", { schema: { tags, summary: "Leaderboard", params: idParams }, config: kpi }, (req) =>
    contestBoard(db, contextOf(req), req.params.id),
  );
  r.post("/crm/pk", { schema: { tags, body: createPkBody }, config: manage }, async (req, reply) =>
    reply.code(201).send(await createContest(db, contextOf(req), req.body)),
  );
  r.post(
    "/crm/pk/:id/cancel",
    { schema: { tags, params: idParams, body: emptyBody }, config: manage },
    (req) => cancelContest(db, contextOf(req), req.params.id),
  );
  r.post(
    "/crm/pk/:id/finalize",
    {
      schema: { tags, summary: "Write the results of an ended PK", params: idParams, body: emptyBody },
      config: manage,
    },
    (req) => finalizeContest(db, contextOf(req), req.params.id),
  );

  r.get(
    "/crm/targets",
    { schema: { tags, summary: "Team plan against disbursements", querystring: targetsQuery }, config: kpi },
    (req) => listTargets(db, contextOf(req), req.query),
  );
  r.post(
    "/crm/targets",
    { schema: { tags, summary: "Set a team's monthly target", body: setTargetBody }, config: manage },
    (req) => setTarget(db, contextOf(req), req.body),
  );
  r.get(
    "/crm/campaigns-report",
    {
      schema: { tags, summary: "Cost → leads → applications → disbursed", querystring: campaignsReportQuery },
      config: kpi,
    },
    (req) => campaignsReport(db, contextOf(req), req.query),
  );

  r.get("/crm/daily-reports", { schema: { tags, querystring: reportsQuery }, config: kpi }, (req) =>
    listDailyReports(db, contextOf(req), req.query),
  );
  r.get("/crm/daily-reports/:date", { schema: { tags, params: dateParams }, config: kpi }, (req) =>
    getDailyReport(db, contextOf(req), req.params.date),
  );
  r.get(
    "/crm/daily-reports/:date/export.xlsx",
    { schema: { tags, params: dateParams }, config: kpi },
    async (req, reply) => {
      const { file, name } = await dailyReportWorkbook(db, contextOf(req), req.params.date);
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(file);
    },
  );
  r.post(
    "/crm/daily-reports",
    {
      schema: { tags, summary: "Produce (or redo) a date's report", body: generateReportBody },
      config: manage,
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await generateDailyReport(db, contextOf(req), { date: req.body.date, trigger: "manual" })),
  );
}
