// HTTP helpers for the servicing tests: run the close of business through the API and wait for it.
import { expect } from "vitest";
import type { TestClient } from "../../../platform/testing/test-app.ts";

export async function runCobHttp(finance: TestClient, date: string): Promise<Record<string, unknown>> {
  const started = await finance.post("/api/v1/batch/cob", { date });
  expect(started.statusCode, started.body).toBe(202);
  const { jobId } = started.json();
  for (let i = 0; i < 600; i++) {
    const job = (await finance.get(`/api/v1/batch/jobs/${jobId}`)).json();
    if (job.status === "succeeded" || job.status === "failed") {
      expect(job.status, JSON.stringify(job)).toBe("succeeded");
      return job;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("close of business did not finish");
}
