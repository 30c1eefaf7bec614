// 经营概览 through the HTTP layer: the book by class and bucket with NPL, PAR30 and coverage, the
// monthly flows (a reversed repayment is not collected), and the data scope of the person asking.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Fen } from "../../platform/money.ts";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { rowsOf } from "../loans/cob/sql-helpers.ts";
import { fundCompany, newLoan, setBusinessDate, userId } from "../loans/testing/loan-factory.ts";
import { ratio } from "./portfolio-figures.ts";

let t: TestApp;
let finance: TestClient;
let gm: TestClient;
let loanA: string;
let loanB: string;
beforeAll(async () => {
  t = await createTestApp();
  finance = await t.as("finance");
  gm = await t.as("gm");
  await fundCompany(t.handle.db);
  await setBusinessDate(t.handle.db, "2025-11-15");
  // A: the customer manager's (team 1), 12,000.00 at 12% over 12 months, 1,066.19 a month.
  loanA = (await newLoan(t.handle.db, { startDate: "2025-11-15" })).loanId;
  // B: officered by someone outside the sales organisation, 24,000.00 on the same terms (2,132.37).
  loanB = (
    await newLoan(t.handle.db, {
      startDate: "2025-11-15",
      principal: 2_400_000 as Fen,
      officerId: await userId(t.handle.db, "risk"),
    })
  ).loanId;
  // Each payment on its day, as finance would post it (no catch-up, no penalty).
  await setBusinessDate(t.handle.db, "2025-12-15");
  const paid = await finance.post(`/api/v1/loans/${loanA}/repayments`, {
    amount: "1066.19",
    date: "2025-12-15",
    channel: "bank-transfer",
  });
  if (paid.statusCode !== 201) throw new Error(paid.body);
  // January's payment is posted and then reversed (冲正): it must not count as collected.
  await setBusinessDate(t.handle.db, "2026-01-15");
  const january = await finance.post(`/api/v1/loans/${loanA}/repayments`, {
    amount: "1066.19",
    date: "2026-01-15",
    channel: "alipay",
    reference: "ALI-1",
  });
  const txId = january.json().id;
  await finance.post(`/api/v1/loans/${loanA}/repayments/${txId}/reversal`, { reason: "渠道退回" });
  const approved = await gm.post(`/api/v1/loans/${loanA}/repayments/${txId}/reversal/approve`, {});
  if (approved.statusCode !== 200) throw new Error(approved.body);
  await setBusinessDate(t.handle.db, "2026-01-20");
  // B is 66 days past due as the batch would leave it: 关注, M3, 2% provision.
  await t.handle.db.execute(sql`
    update loans set dpd = 66, bucket = 'M3', classification = 'special-mention', provision_fen = 48000
    where id = ${loanB}::uuid`);
  await t.handle.db.execute(sql`update loans set provision_fen = 11000 where id = ${loanA}::uuid`);
});
afterAll(async () => t.close());

describe("GET /reports/portfolio", () => {
  it("adds up the book by class and bucket, with PAR30, NPL and coverage", async () => {
    const res = await gm.get("/api/v1/reports/portfolio?months=3");
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ businessDate: "2026-01-20", scope: "all", recoveryGoal: "0.9" });
    // A: 12,000.00 less December's principal (1,066.19 − 120.00 interest) = 11,053.81; B untouched.
    expect(report.book).toEqual({
      loans: 2,
      principalOutstanding: "35053.81",
      overdueLoans: 1,
      overduePrincipal: "24000.00",
      nplLoans: 0,
      nplPrincipal: "0.00",
      nplRatio: "0.0000",
      par30Principal: "24000.00",
      par30Ratio: ratio(2_400_000, 3_505_381),
      provision: "590.00",
      provisionCoverage: null,
    });
    expect(report.byClassification.map((c: { classification: string }) => c.classification)).toEqual([
      "normal",
      "special-mention",
      "substandard",
      "doubtful",
      "loss",
    ]);
    expect(report.byClassification[1]).toEqual({
      classification: "special-mention",
      loans: 1,
      principal: "24000.00",
      provision: "480.00",
      share: "0.6847",
    });
    // By officer, largest book first, with the officer's leader.
    expect(report.byOfficer).toEqual([
      {
        officerId: await userId(t.handle.db, "risk"),
        officer: expect.any(String),
        leader: expect.any(String),
        loans: 1,
        principal: "24000.00",
        overduePrincipal: "24000.00",
        nplRatio: "0.0000",
        par30Ratio: "1.0000",
        disbursedThisMonth: "0.00",
      },
      expect.objectContaining({
        loans: 1,
        principal: "11053.81",
        overduePrincipal: "0.00",
        par30Ratio: "0.0000",
      }),
    ]);
    const [cm] = rowsOf<{ name: string; leader: string }>(
      await t.handle.db.execute(sql`
      select u.display_name as name, m.display_name as leader from users u join users m on m.id = u.manager_id
      where u.username = 'customer-manager'`),
    );
    expect(report.byOfficer[1]).toMatchObject({ officer: cm.name, leader: cm.leader });
    expect(report.byBucket.find((b: { bucket: string }) => b.bucket === "M3")).toEqual({
      bucket: "M3",
      loans: 1,
      principal: "24000.00",
      share: "0.6847",
    });

    // Moving B to 次级 makes it non-performing.
    await t.handle.db.execute(
      sql`update loans set classification = 'substandard', provision_fen = 600000 where id = ${loanB}::uuid`,
    );
    // Within the cache's minutes the answer is the kept one, the same computation; fresh computes anew.
    const kept = (await gm.get("/api/v1/reports/portfolio?months=3")).json();
    expect(kept.computedAt).toBe(report.computedAt);
    expect(kept.book.nplLoans).toBe(0);
    const fresh = (await gm.get("/api/v1/reports/portfolio?months=3&fresh=true")).json();
    expect(fresh.computedAt >= report.computedAt).toBe(true);
    const npl = fresh.book;
    expect(npl).toMatchObject({ nplLoans: 1, nplPrincipal: "24000.00", nplRatio: "0.6847" });
    expect(npl.provisionCoverage).toBe(ratio(611_000, 2_400_000));
    await t.handle.db.execute(
      sql`update loans set classification = 'special-mention', provision_fen = 48000 where id = ${loanB}::uuid`,
    );
  });

  it("gives each month's disbursements, collections net of reversals, and the recovery rate", async () => {
    const { months } = (await gm.get("/api/v1/reports/portfolio?months=3&fresh=true")).json();
    expect(months.map((m: { month: string }) => m.month)).toEqual(["2025-11", "2025-12", "2026-01"]);
    expect(months[0]).toMatchObject({
      disbursedLoans: 2,
      disbursed: "36000.00",
      due: "0.00",
      recoveryRate: null,
    });
    // December: A paid its 1,066.19, B not its 2,132.37.
    expect(months[1]).toMatchObject({
      disbursedLoans: 0,
      collected: "1066.19",
      due: "3198.56",
      paidAgainstDue: "1066.19",
      recoveryRate: ratio(106_619, 319_856),
    });
    // This month so far (to the 20th) is compared with December to the 20th: A's payment of the 15th.
    const report = (await gm.get("/api/v1/reports/portfolio?months=3")).json();
    expect(report.lastMonthToDate).toEqual({
      until: "2025-12-20",
      disbursedLoans: 0,
      disbursed: "0.00",
      collected: "1066.19",
    });
    // January: the payment was reversed, so nothing collected and nothing paid against what fell due.
    expect(months[2]).toMatchObject({
      collected: "0.00",
      due: "3198.56",
      paidAgainstDue: "0.00",
      recoveryRate: "0.0000",
    });
  });

  it("keeps to the asker's data scope and needs reports.read", async () => {
    const team = (await (await t.as("team-manager")).get("/api/v1/reports/portfolio?months=3")).json();
    expect(team.scope).toBe("team");
    expect(team.book).toMatchObject({ loans: 1, principalOutstanding: "11053.81", overdueLoans: 0 });
    expect(team.months[0]).toMatchObject({ disbursedLoans: 1, disbursed: "12000.00" });
    for (const role of ["customer-manager", "telemarketer", "loan-admin"]) {
      const res = await (await t.as(role)).get("/api/v1/reports/portfolio");
      expect(res.statusCode, role).toBe(403);
    }
    expect((await gm.get("/api/v1/reports/portfolio?months=0")).statusCode).toBe(400);
    expect((await gm.get("/api/v1/reports/portfolio?months=37")).statusCode).toBe(400);
    expect((await gm.get("/api/v1/reports/portfolio?month=2026-01")).statusCode).toBe(400);
    expect((await gm.get("/api/v1/reports/portfolio?fresh=yes")).statusCode).toBe(400);
  });
});
