import { api } from "./client.ts";
import type { Schedule, ScheduleRequest } from "./types.ts";

/** Public: works without a session, so a 401 here never sends anyone to the sign-in page. */
export const fetchSchedule = (request: ScheduleRequest) =>
  api.post<Schedule>("/calculator/schedule", request, { quietUnauthorized: true });
