import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "./client.ts";
import type { Schedule, ScheduleRequest } from "./types.ts";

/** Public: works without a session, so a 401 here never sends anyone to the sign-in page. */
export const fetchSchedule = (request: ScheduleRequest) =>
  api.post<Schedule>("/calculator/schedule", request, { quietUnauthorized: true });

/**
 * A live quote for a form being typed in: the schedule of `request` once it has stayed the same for
 * `delayMs`, the last answer kept on screen meanwhile. Null asks for nothing.
 */
export function useScheduleQuote(request: ScheduleRequest | null, delayMs = 350) {
  const [settled, setSettled] = useState(request);
  // By value: callers build a new object on every render.
  const key = JSON.stringify(request);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(key === "null" ? null : JSON.parse(key)), delayMs);
    return () => clearTimeout(timer);
  }, [key, delayMs]);
  return useQuery({
    queryKey: ["calculator", settled],
    queryFn: () => fetchSchedule(settled as ScheduleRequest),
    enabled: settled !== null,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Infinity,
  });
}
