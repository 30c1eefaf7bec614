import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "../../platform/auth/actor.ts";
import { Dec, fen } from "../../platform/money.ts";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { getBusinessDate } from "./business-date.ts";
import { withCobLock } from "./cob/cob-lock.ts";
import { runCob } from "./cob/cob-runner.ts";
import { accruePenalty } from "./domain/delinquency.ts";
import { runCobHttp } from "./testing/http.ts";
import { count, fundCompany, ledgerIsConsistent, newLoan, setBusinessDate } from "./testing/loan-factory.ts";

let t: TestApp;
let finance: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  finance = await t.as("finance");
  await fundCompany(t.handle.db);
  await setBusinessDate(t.handle.db, "2026-01-31");
});
afterAll(async () => t.close());

const penaltyOf = (detail: { schedule: { penalty: string }[] }) => detail.schedule.map((r) => r.penalty);

describe("close of business over several dates, a hand-worked loan", () => {
  // 3,000.00 at 12%, 等额本金 over 3 months from 2026-01-31: due 02-28, 03-31, 04-30 (clamped to
  // month ends), 1,000.00 principal each with 30.00, 20.00, 10.00 interest. Never paid. Penalty
  // 18% / 360 on each overdue 1,000.00 = 0.50 a day, from the day after its due date.
  let loanId: string;
  it("on 2026-03-10: 10 days past due, M1, 关注, penalty 5.00, interest 30.00 receivable", async () => {
    ({ loanId } = await newLoan(t.handle.db, {
      startDate: "2026-01-31",
      principal: fen(300_000),
      method: "equal-principal",
      termMonths: 3,
    }));
    const job = await runCobHttp(finance, "2026-03-10");
    expect(job.progress).toMatchObject({
      fromDate: "2026-02-01",
      toDate: "2026-03-10",
      datesTotal: 38,
      datesDone: 38,
      percent: 100,
    });
    const loan = (await finance.get(`/api/v1/loans/${loanId}`)).json();
    expect(loan).toMatchObject({
      dpd: 10,
      bucket: "M1",
      classification: "special-mention",
      lastClosedDate: "2026-03-10",
      businessDate: "2026-03-10",
    });
    expect(loan.schedule.map((r: { dueDate: string }) => r.dueDate)).toEqual([
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
    ]);
    expect(penaltyOf(loan)).toEqual(["5.00", "0.00", "0.00"]);
    expect(loan.balances).toMatchObject({ interest: "30.00", penalty: "5.00", provision: "60.00" });
    expect((await ledgerIsConsistent(t.handle.db)).ok).toBe(true);
  });

  it("on 2026-04-05: 36 days, M2, penalty 18.00 + 2.50", async () => {
    await runCob(t.handle.db, systemContext(), { to: "2026-04-05" });
    const loan = (await finance.get(`/api/v1/loans/${loanId}`)).json();
    expect(loan).toMatchObject({ dpd: 36, bucket: "M2", classification: "special-mention" });
    expect(penaltyOf(loan)).toEqual(["18.00", "2.50", "0.00"]);
    expect(loan.balances.interest).toBe("50.00");
  });

  it("on 2026-06-01: 93 days, M4, 次级, penalty 46.50 + 31.00 + 16.00, provision 25%", async () => {
    await runCob(t.handle.db, systemContext(), { to: "2026-06-01" });
    const loan = (await finance.get(`/api/v1/loans/${loanId}`)).json();
    expect(loan).toMatchObject({ dpd: 93, bucket: "M4", classification: "substandard" });
    expect(penaltyOf(loan)).toEqual(["46.50", "31.00", "16.00"]);
    // The batch's SQL gives the engine's figures: accruePenalty for each installment's days overdue.
    const engine = [93, 62, 32].map((days) =>
      accruePenalty({ overduePrincipal: fen(100_000), penaltyAnnualRate: new Dec("0.18"), days }),
    );
    expect(engine).toEqual([4650, 3100, 1600]);
    expect(loan.balances).toMatchObject({ interest: "60.00", penalty: "93.50", provision: "750.00" });
    const postings = loan.postings as { kind: string }[];
    expect(postings.filter((p) => p.kind === "interest-recognition")).toHaveLength(3);
    // The penalty grows with the date without a nightly entry (cob/as-of.ts): it is written down and
    // posted when something happens to the loan (the repayment below).
    expect(postings.filter((p) => p.kind === "penalty-accrual")).toHaveLength(0);
    expect((await ledgerIsConsistent(t.handle.db)).ok).toBe(true);
  });

  it("queued the reminders (T−3, T+1) from the templates and opened one collection task", async () => {
    const outbox = (await t.handle.db.execute(
      sql`select template_code, period, business_date::text as d, body from notifications_outbox where loan_id = ${loanId} order by business_date, period`,
    )) as unknown as {
      rows: { template_code: string; period: number; d: string; body: string }[];
    };
    expect(outbox.rows.map((r) => [r.template_code, r.period, r.d])).toEqual([
      ["due-reminder", 1, "2026-02-25"],
      ["overdue-notice", 1, "2026-03-01"],
      ["due-reminder", 2, "2026-03-28"],
      ["overdue-notice", 2, "2026-04-01"],
      ["due-reminder", 3, "2026-04-27"],
      ["overdue-notice", 3, "2026-05-01"],
    ]);
    expect(outbox.rows[0].body).toContain("1030.00");
    expect(outbox.rows[0].body).toContain("2026-02-28");
    const tasks = (
      await t.as("loan-admin").then((c) => c.get("/api/v1/collections/tasks?status=open"))
    ).json();
    expect(tasks.items.filter((x: { loanId: string }) => x.loanId === loanId)).toMatchObject([
      { bucket: "M4", dpd: 93, openedOn: "2026-03-01" },
    ]);
  });

  it("a repayment that clears the arrears resolves the task and brings the loan current", async () => {
    const quote = (await finance.get(`/api/v1/loans/${loanId}/payoff`)).json();
    expect(quote.total).toBe("3153.50");
    const res = await finance.post(`/api/v1/loans/${loanId}/repayments`, {
      amount: quote.total,
      date: "2026-06-01",
      channel: "bank-transfer",
    });
    expect(res.json().allocation.loanStatus).toBe("closed");
    const accrual = (await finance.get(`/api/v1/loans/${loanId}`))
      .json()
      .postings.filter((p: { kind: string }) => p.kind === "penalty-accrual");
    expect(accrual).toMatchObject([
      {
        date: "2026-06-01",
        lines: [
          { account: "1303", debit: "93.50" },
          { account: "6012", credit: "93.50" },
        ],
      },
    ]);
    expect(await count(t.handle.db, "collection_tasks", `loan_id = '${loanId}' and status = 'open'`)).toBe(0);
    const loan = (await finance.get(`/api/v1/loans/${loanId}`)).json();
    expect(loan).toMatchObject({
      status: "closed",
      dpd: 0,
      bucket: "M0",
      balances: { provision: "0.00", interest: "0.00", penalty: "0.00" },
    });
    expect((await ledgerIsConsistent(t.handle.db)).ok).toBe(true);
  });

  it("is idempotent per date: closing an already closed date does nothing", async () => {
    const before = await count(t.handle.db, "journal_entries");
    const job = await runCobHttp(finance, "2026-06-01");
    expect(job.progress).toMatchObject({ datesTotal: 0, percent: 100 });
    expect(await count(t.handle.db, "journal_entries")).toBe(before);
    const back = await finance.post("/api/v1/batch/cob", { date: "2026-05-01" });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.fields.date).toBeDefined();
  });

  it("lets one runner at a time hold the batch", async () => {
    await withCobLock(t.handle.db, async () => {
      await expect(runCob(t.handle.db, systemContext(), { to: "2026-06-02" })).rejects.toMatchObject({
        code: "batch-already-running",
      });
      const started = await finance.post("/api/v1/batch/cob", { date: "2026-06-02" });
      expect(started.statusCode).toBe(202);
      let job = { status: "queued", error: null as string | null };
      for (let i = 0; i < 100 && (job.status === "queued" || job.status === "running"); i++) {
        await new Promise((r) => setTimeout(r, 10));
        job = (await finance.get(`/api/v1/batch/jobs/${started.json().jobId}`)).json();
      }
      expect(job).toMatchObject({
        status: "failed",
        error: "batch-already-running",
        errorMessage: "A close of business is already running; try again later",
      });
    });
    expect(await getBusinessDate(t.handle.db)).toBe("2026-06-01");
  });
});

describe("the record of runs and closed dates", () => {
  it("lists the runs newest first and every closed date with who closed it", async () => {
    const jobs = await finance.get("/api/v1/batch/jobs?limit=5");
    expect(jobs.statusCode).toBe(200);
    const items = jobs.json().items as { targetDate: string; status: string; createdAt: string }[];
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items[0]).toMatchObject({
      targetDate: "2026-06-02",
      status: "failed",
      errorMessage: "A close of business is already running; try again later",
    });
    expect(items.map((j) => j.createdAt)).toEqual([...items.map((j) => j.createdAt)].sort().reverse());

    const closes = (await finance.get("/api/v1/batch/closes?limit=100")).json().items as {
      date: string;
      closedBy: string | null;
      loansChanged: number;
    }[];
    const dates = closes.map((c) => c.date);
    expect(dates[0]).toBe("2026-06-01");
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates).toContain("2026-03-10");
    expect(closes.every((c) => c.loansChanged >= 0)).toBe(true);
    // A run from the console names the person; the test's own closes ran as the system.
    const me = (await finance.get("/api/v1/auth/me")).json();
    expect(closes.find((c) => c.date === "2026-03-10")?.closedBy).toBe(me.user.displayName);
    expect(closes.find((c) => c.date === "2026-06-01")?.closedBy).toBeNull();
    const older = (await finance.get("/api/v1/batch/closes?limit=2&before=2026-03-10")).json().items;
    expect(older.every((c: { date: string }) => c.date < "2026-03-10")).toBe(true);
  });

  it("shows them only to those who may run the batch, and refuses bad paging", async () => {
    const hr = await t.as("hr");
    expect((await hr.get("/api/v1/batch/jobs")).statusCode).toBe(403);
    expect((await hr.get("/api/v1/batch/closes")).statusCode).toBe(403);
    expect((await finance.get("/api/v1/batch/jobs?limit=0")).statusCode).toBe(400);
    expect((await finance.get("/api/v1/batch/closes?before=2026-02-30")).statusCode).toBe(400);
  });
});

describe("a batch killed halfway and rerun", () => {
  // The same book on two databases: one batch crashes after its first chunk and is rerun, the other
  // runs through. Everything per loan, and the ledger, must come out the same.
  async function book(app: TestApp) {
    await fundCompany(app.handle.db);
    await setBusinessDate(app.handle.db, "2026-03-01");
    const methods = ["equal-installment", "equal-principal", "interest-only", "bullet", "flat"] as const;
    for (let i = 0; i < 12; i++)
      await newLoan(app.handle.db, {
        startDate: "2026-03-01",
        principal: fen(100_000 * (i + 3)),
        method: methods[i % 5],
        termMonths: 2 + (i % 4),
        annualRate: i % 2 ? "0.15" : "0.2",
        penaltyRate: "0.3",
      });
  }
  async function snapshot(app: TestApp) {
    const loans = await app.handle.db.execute(sql`
      select l.loan_no, l.principal_outstanding_fen::text, l.dpd, l.bucket, l.classification, l.provision_fen::text, l.last_closed_date::text,
        (select sum(penalty_accrued_fen)::text from installments i where i.loan_id = l.id) as penalty,
        (select count(*)::int from installments i where i.loan_id = l.id and recognised_date is not null) as recognised
      from loans l order by l.loan_no`);
    const journal = await app.handle.db.execute(
      sql`select kind, count(*)::int as n, sum(l.debit_fen)::text as debit from journal_entries e join journal_lines l on l.entry_id = e.id group by kind order by kind`,
    );
    const tb = (await (await app.as("finance")).get("/api/v1/ledger/trial-balance")).json();
    return {
      loans: (loans as unknown as { rows: unknown[] }).rows,
      journal: (journal as unknown as { rows: unknown[] }).rows,
      trialBalance: tb,
      outbox: await count(app.handle.db, "notifications_outbox"),
      tasks: await count(app.handle.db, "collection_tasks"),
      businessDate: await getBusinessDate(app.handle.db),
    };
  }

  it("gives the same balances as an uninterrupted run", async () => {
    const crashed = await createTestApp();
    const clean = await createTestApp();
    try {
      await book(crashed);
      await book(clean);
      let chunks = 0;
      const crash = async () => {
        chunks += 1;
        if (chunks === 10) throw new Error("simulated crash (kill -9) between chunks");
      };
      await expect(
        runCob(crashed.handle.db, systemContext(), { to: "2026-05-10", chunkSize: 5, afterChunk: crash }),
      ).rejects.toThrow("simulated crash");
      // Four chunks a date (12 loans in chunks of 5, rounded up to a power of two): the crash came in
      // the middle of the third date.
      expect(await getBusinessDate(crashed.handle.db)).toBe("2026-03-03");
      const closed = "business_date = '2026-03-04' and closed_at is not null";
      // On PostgreSQL chunks run side by side (one per spare connection), so a chunk already in flight
      // when the crash came may still have committed; on PGlite they run one after another.
      const closedChunks = await count(crashed.handle.db, "cob_chunks", closed);
      expect(closedChunks).toBeGreaterThanOrEqual(2);
      expect(closedChunks).toBeLessThan(4);
      const rerun = await runCob(crashed.handle.db, systemContext(), { to: "2026-05-10", chunkSize: 5 });
      expect(rerun.fromDate).toBe("2026-03-04");
      await runCob(clean.handle.db, systemContext(), { to: "2026-05-10", chunkSize: 5 });
      const [a, b] = [await snapshot(crashed), await snapshot(clean)];
      expect(a).toEqual(b);
      expect(a.trialBalance.balanced).toBe(true);
      expect(a.businessDate).toBe("2026-05-10");
      expect((await ledgerIsConsistent(crashed.handle.db)).ok).toBe(true);
    } finally {
      await crashed.close();
      await clean.close();
    }
    // Seventy dates closed twice over, on two in-process databases.
  }, 300_000);
});
