// The demo's collections: tasks across buckets with both loan administrators, weeks of attempts that
// themselves obey the conduct rules, and promises kept, broken and pending.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../platform/testing/test-app.ts";
import { ledgerIsConsistent } from "../loans/testing/loan-factory.ts";
import { DEFAULT_FORBIDDEN_TERMS } from "./collections.settings.ts";
import { chinaClock, inWindow } from "./domain/china-time.ts";
import { disclosingTerm } from "./domain/conduct.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { demo: "full" });
}, 600_000);
afterAll(async () => t.close());

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.handle.db.execute(query)) as unknown as { rows: T[] }).rows;
}

describe("demo collections", () => {
  it("assigns open tasks in every bucket to the two loan administrators, legal work to the second", async () => {
    const tasks = await rows<{ bucket: string; queue: string; username: string | null }>(sql`
      select c.bucket, c.queue, u.username from collection_tasks c left join users u on u.id = c.assigned_to
      where c.status = 'open'`);
    expect(new Set(tasks.map((x) => x.bucket))).toEqual(new Set(["M1", "M2", "M3", "M4", "M5", "M6", "M7"]));
    expect(tasks.every((x) => x.username !== null)).toBe(true);
    const usernames = new Set(tasks.map((x) => x.username));
    expect(usernames.size).toBe(2);
    expect(usernames.has("loan-admin")).toBe(true);
    // The legal queue is the second administrator's alone; senior tasks are shared.
    expect(tasks.filter((x) => x.queue === "legal").every((x) => x.username !== "loan-admin")).toBe(true);
    expect(tasks.some((x) => x.queue === "senior" && x.username === "loan-admin")).toBe(true);
  });

  it("has weeks of attempts that keep the quiet hours, the daily limit and third parties' ignorance", async () => {
    const actions = await rows<{
      occurred_at: string;
      party: string;
      note: string | null;
      consented: boolean;
    }>(sql`
      select a.occurred_at, a.party, a.note,
        exists (select 1 from collection_consents k where k.loan_id = a.loan_id and k.contact_key = a.contact_key) as consented
      from collection_actions a where a.method <> 'letter'`);
    expect(actions.length).toBeGreaterThan(100);
    for (const a of actions) {
      const quiet = inWindow(chinaClock(new Date(a.occurred_at)).minutes, "22:00", "08:00");
      expect(!quiet || a.consented, a.occurred_at).toBe(true);
      if (a.party === "third-party") expect(disclosingTerm(a.note, DEFAULT_FORBIDDEN_TERMS)).toBeNull();
    }
    const [worst] = await rows<{ n: number }>(sql`
      select coalesce(max(n), 0)::int as n from (select count(*) as n from collection_actions where unanswered
      group by loan_id, contact_key, method, contact_day) x`);
    expect(worst.n).toBeLessThanOrEqual(6);
    const days = await rows<{ n: number }>(
      sql`select count(distinct contact_day)::int as n from collection_actions`,
    );
    expect(days[0].n).toBeGreaterThanOrEqual(14);
  });

  it("has promises kept (paid), broken and pending, and the ledger still balances", async () => {
    const promises = await rows<{ status: string; n: number }>(
      sql`select status, count(*)::int as n from collection_promises group by status`,
    );
    const by = Object.fromEntries(promises.map((p) => [p.status, p.n]));
    expect(by.kept).toBeGreaterThan(0);
    expect(by.broken).toBeGreaterThan(0);
    expect(by.pending).toBeGreaterThan(0);
    const summary = (await (await t.as("gm")).get("/api/v1/collections/summary")).json();
    expect(Number(summary.promises.keptRate)).toBeGreaterThan(0);
    expect((await ledgerIsConsistent(t.handle.db)).ok).toBe(true);
  });
});
