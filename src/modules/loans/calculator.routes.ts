// The public loan calculator: the same engine and JSON as `microcredit schedule --json`.
// It needs no sign-in (the customer site reuses it), so it is rate-limited per address.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { todayInChina } from "../../platform/clock.ts";
import { invalid } from "../../platform/errors.ts";
import type { AppDeps } from "../../platform/http/app.ts";
import { parseScheduleRequest, scheduleToJson } from "./domain/schedule-json.ts";
import { scheduleWorkbook } from "./schedule-workbook.ts";

// Documented for OpenAPI only; the engine's own parser validates, so the CLI and HTTP agree on every message.
const scheduleRequestDoc = z.object({
  principal: z.string().describe("yuan, decimal string, 0.01–100000000.00"),
  annualRate: z.string().describe("annual nominal rate as a decimal, 0.18 = 18%"),
  termMonths: z.number().int().describe("1–360"),
  method: z.enum(["equal-installment", "equal-principal", "interest-only", "bullet", "flat"]),
  startDate: z.string().optional().describe("YYYY-MM-DD, defaults to today (China time)"),
  upfrontFee: z.string().optional().describe("fee taken at disbursement, yuan; counts in the APR"),
});

export function registerCalculatorRoutes(api: FastifyInstance, _deps: AppDeps): void {
  api.post(
    "/calculator/schedule",
    {
      schema: {
        tags: ["calculator"],
        summary: "Repayment schedule with APR (public)",
        security: [],
        description: `Request body (JSON Schema): ${JSON.stringify(z.toJSONSchema(scheduleRequestDoc))}. Bad input → 400 naming each field.`,
      },
      config: { public: true, rateLimit: { max: 300, timeWindow: "1 minute" } },
    },
    async (request) => {
      const parsed = parseScheduleRequest(request.body, { today: todayInChina() });
      if (!parsed.ok) throw invalid(parsed.fields);
      return scheduleToJson(parsed.value);
    },
  );

  api.post(
    "/calculator/schedule.xlsx",
    {
      schema: {
        tags: ["calculator"],
        summary: "The same schedule as an Excel workbook (public)",
        security: [],
      },
      config: { public: true, rateLimit: { max: 60, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const parsed = parseScheduleRequest(request.body, { today: todayInChina() });
      if (!parsed.ok) throw invalid(parsed.fields);
      const json = scheduleToJson(parsed.value);
      const file = await scheduleWorkbook(json, parsed.value.startDate);
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="schedule-${json.method}-${json.termMonths}m.xlsx"`,
        )
        .send(file);
    },
  );
}
