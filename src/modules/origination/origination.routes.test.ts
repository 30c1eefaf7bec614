// The seven steps through HTTP with the four roles: customer manager, risk, the committee and finance.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "../../platform/auth/actor.ts";
import { todayInChina } from "../../platform/clock.ts";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { creditCodeCheckChar, residentIdCheckChar } from "../customers/domain/identifiers.ts";
import { postJournal } from "../ledger/ledger.service.ts";

let t: TestApp;
let cm: TestClient;
let risk: TestClient;
let gm: TestClient;
let finance: TestClient;
let productId: string;
let seq = 100;

const newId = (birth = "19850315") => {
  const body = `330106${birth}${String(seq++).padStart(3, "0")}`;
  return body + residentIdCheckChar(body);
};
const newCreditCode = () => {
  const first = `91330106MA${String(1_000_000 + seq++)}`;
  return first + creditCodeCheckChar(first);
};

async function newBusinessCustomer(client: TestClient, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await client.post("/api/v1/customers", {
    type: "business",
    name: "杭州顺发五金店",
    idNumber: newId(),
    phone: `139${String(10_000_000 + seq++)}`,
    creditCode: newCreditCode(),
    businessKind: "sole-proprietor",
    legalRepresentative: "陈顺发",
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

beforeAll(async () => {
  t = await createTestApp();
  [cm, risk, gm, finance] = await Promise.all(
    ["customer-manager", "risk", "gm", "finance"].map((u) => t.as(u)),
  );
  const products = (await gm.get("/api/v1/products")).json();
  productId = products.items.find((p: { code: string }) => p.code === "JYZZ-01").id;
  // The company's paid-in capital, so finance has funds to lend.
  await t.handle.db.transaction((tx) =>
    postJournal(tx, systemContext(), {
      date: "2026-01-01",
      kind: "capital",
      description: "股东注资",
      lines: [
        { account: "1002", debit: 5_000_000_000 },
        { account: "4001", credit: 5_000_000_000 },
      ],
    }),
  );
});
afterAll(async () => t.close());

async function applyAndInterview(): Promise<string> {
  const customerId = await newBusinessCustomer(cm);
  const created = await cm.post("/api/v1/applications", {
    customerId,
    productId,
    amount: "100000",
    termMonths: 12,
    purpose: "进货周转",
  });
  expect(created.statusCode).toBe(201);
  expect(created.json().status).toBe("submitted");
  const id = created.json().id;
  const interview = await cm.post(`/api/v1/applications/${id}/interview`, {
    notes: "店铺经营五年,月流水稳定",
    monthlyIncome: "30000",
    monthlyDebt: "3000",
    repaymentSource: "经营收入",
    premisesVisited: true,
  });
  expect(interview.json().status).toBe("interviewed");
  return id;
}

async function toCommittee(id: string) {
  expect(
    (await risk.post(`/api/v1/applications/${id}/qualification`, { decision: "pass" })).json().status,
  ).toBe("qualified");
  const assessed = await risk.post(`/api/v1/applications/${id}/assessment`, {
    monthlyIncome: "30000",
    monthlyDebt: "3000",
    businessYears: 5,
    overdueCount24m: 0,
    hasCollateral: false,
  });
  expect(assessed.statusCode).toBe(200);
  const plan = await risk.post(`/api/v1/applications/${id}/risk-plan`, {
    amount: "100000",
    annualRate: "0.18",
    termMonths: 12,
    method: "equal-installment",
    guarantee: "credit",
    conditions: "放款前补充近三个月银行流水",
  });
  expect(plan.json().status).toBe("pending-committee");
  return assessed.json();
}

describe("the seven steps", () => {
  it("runs from application to disbursement with the four roles", async () => {
    const id = await applyAndInterview();
    const checks = (await risk.get(`/api/v1/applications/${id}/qualification-checks`)).json();
    expect(checks.every((c: { passed: boolean }) => c.passed)).toBe(true);
    const assessed = await toCommittee(id);
    // income 30,000 → 25; DTI 0.10 → 25; 5 years → 20; no overdue → 20; no collateral → 0
    expect(assessed).toMatchObject({
      score: 90,
      grade: "A",
      recommendedLimit: "300000.00",
      status: "assessed",
    });
    expect(assessed.factors).toHaveLength(5);

    expect(
      (await gm.post(`/api/v1/applications/${id}/votes`, { decision: "approve", comment: "同意" })).json()
        .status,
    ).toBe("pending-committee");
    expect((await risk.post(`/api/v1/applications/${id}/votes`, { decision: "approve" })).json().status).toBe(
      "pending-committee",
    );
    expect(
      (await finance.post(`/api/v1/applications/${id}/votes`, { decision: "approve" })).json().status,
    ).toBe("approved");

    const paid = await finance.post(`/api/v1/applications/${id}/disbursement`, {
      date: todayInChina(),
      channel: "bank-transfer",
      reference: "BANK-0001",
    });
    expect(paid.statusCode, paid.body).toBe(200);
    const { loanId } = paid.json();
    expect(loanId).toMatch(/^[0-9a-f-]{36}$/);

    const detail = (await cm.get(`/api/v1/applications/${id}`)).json();
    expect(detail.status).toBe("disbursed");
    expect(detail.timeline.map((e: { status: string }) => e.status)).toEqual([
      "submitted",
      "interviewed",
      "qualified",
      "assessed",
      "pending-committee",
      "pending-committee",
      "pending-committee",
      "approved",
      "disbursed",
    ]);
    expect(detail.votes.map((v: { voterRole: string }) => v.voterRole)).toEqual(["gm", "risk", "finance"]);

    const rows = (await t.handle.db.execute(
      `select principal_fen, apr from loans where id = '${loanId}'`,
    )) as unknown as { rows: { principal_fen: string; apr: string }[] };
    expect(rows.rows[0]).toMatchObject({ apr: "18.00" });
    expect(Number(rows.rows[0].principal_fen)).toBe(10_000_000);
    const contract = await cm.get(`/api/v1/applications/${id}/contract.pdf`);
    expect(contract.headers["content-type"]).toBe("application/pdf");
    expect(contract.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");

    const again = await finance.post(`/api/v1/applications/${id}/disbursement`, {
      date: todayInChina(),
      channel: "bank-transfer",
    });
    expect(again.statusCode).toBe(409);
  });

  it("refuses steps out of order with 409 and roles that may not act with 403", async () => {
    const id = await applyAndInterview();
    expect(
      (
        await risk.post(`/api/v1/applications/${id}/assessment`, {
          monthlyIncome: "1",
          monthlyDebt: "0",
          businessYears: 1,
          overdueCount24m: 0,
          hasCollateral: false,
        })
      ).statusCode,
    ).toBe(409);
    expect((await cm.post(`/api/v1/applications/${id}/qualification`, { decision: "pass" })).statusCode).toBe(
      403,
    );
    expect((await risk.post(`/api/v1/applications/${id}/interview`, { notes: "再次面谈" })).statusCode).toBe(
      403,
    );
    expect((await gm.post(`/api/v1/applications/${id}/votes`, { decision: "approve" })).statusCode).toBe(409);
    expect(
      (await finance.post(`/api/v1/applications/${id}/disbursement`, { date: "2026-11-20", channel: "cash" }))
        .statusCode,
    ).toBe(409);
    const compliance = await t.as("compliance");
    expect(
      (await compliance.post(`/api/v1/applications/${id}/votes`, { decision: "approve" })).statusCode,
    ).toBe(403);
  });

  it("lets each committee member vote once, and one rejection decides under the unanimous rule", async () => {
    const id = await applyAndInterview();
    await toCommittee(id);
    expect((await gm.post(`/api/v1/applications/${id}/votes`, { decision: "approve" })).statusCode).toBe(200);
    expect((await gm.post(`/api/v1/applications/${id}/votes`, { decision: "approve" })).statusCode).toBe(409);
    expect((await risk.post(`/api/v1/applications/${id}/votes`, { decision: "reject" })).statusCode).toBe(
      400,
    );
    const rejected = await risk.post(`/api/v1/applications/${id}/votes`, {
      decision: "reject",
      comment: "负债偏高",
    });
    expect(rejected.json().status).toBe("rejected");
    expect((await finance.post(`/api/v1/applications/${id}/votes`, { decision: "approve" })).statusCode).toBe(
      409,
    );
  });

  it("never lets the customer manager who brought it review it, even holding the risk role", async () => {
    const id = await applyAndInterview();
    const admin = await t.as("admin");
    const me = (await cm.get("/api/v1/auth/me")).json();
    await admin.patch(`/api/v1/users/${me.user.id}`, { roles: ["customer-manager", "risk"] });
    const both = await t.as("customer-manager");
    const res = await both.post(`/api/v1/applications/${id}/qualification`, { decision: "pass" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("maker-checker");
    await admin.patch(`/api/v1/users/${me.user.id}`, { roles: ["customer-manager"] });
    cm = await t.as("customer-manager");
  });

  it("refuses a risk plan whose APR is above the cap, a term not offered and an amount outside the product", async () => {
    const id = await applyAndInterview();
    await risk.post(`/api/v1/applications/${id}/qualification`, { decision: "pass" });
    await risk.post(`/api/v1/applications/${id}/assessment`, {
      monthlyIncome: "30000",
      monthlyDebt: "3000",
      businessYears: 5,
      overdueCount24m: 0,
      hasCollateral: false,
    });
    const high = await risk.post(`/api/v1/applications/${id}/risk-plan`, {
      amount: "100000",
      annualRate: "0.3",
      termMonths: 12,
      method: "equal-installment",
      guarantee: "credit",
    });
    expect(high.statusCode).toBe(409);
    expect(high.json().error.code).toBe("apr-above-cap");
    const bad = await risk.post(`/api/v1/applications/${id}/risk-plan`, {
      amount: "900000",
      annualRate: "0.18",
      termMonths: 9,
      method: "equal-installment",
      guarantee: "mortgage",
    });
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(["amount", "guarantee", "termMonths"]);
    const detail = (await risk.get(`/api/v1/applications/${id}`)).json();
    expect(detail.status).toBe("assessed");
  });

  it("requires a reason to pass despite failed checks, and never passes a student", async () => {
    const student = await cm.post("/api/v1/customers", {
      type: "individual",
      name: "学生小王",
      idNumber: newId("20050101"),
      phone: `139${String(10_000_000 + seq++)}`,
      segment: "student",
    });
    expect(student.statusCode).toBe(201);
    const refused = await cm.post("/api/v1/applications", {
      customerId: student.json().id,
      productId,
      amount: "20000",
      termMonths: 6,
      purpose: "学费",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("student-ineligible");

    const id = await applyAndInterview();
    await cm.post(`/api/v1/applications/${id}/withdraw`, { reason: "客户暂缓" });
    expect((await cm.get(`/api/v1/applications/${id}`)).json().status).toBe("withdrawn");
  });

  it("keeps applications within the customer manager's scope", async () => {
    const id = await applyAndInterview();
    const other = await t.as("zhouJie".toLowerCase());
    expect((await other.get(`/api/v1/applications/${id}`)).statusCode).toBe(404);
    const list = (await other.get("/api/v1/applications")).json();
    expect(list.items.find((a: { id: string }) => a.id === id)).toBeUndefined();
    const manager = await t.as("team-manager");
    expect((await manager.get(`/api/v1/applications/${id}`)).statusCode).toBe(200);
  });

  it("validates the submission: amount outside the product, term not offered, unknown customer", async () => {
    const customerId = await newBusinessCustomer(cm);
    const res = await cm.post("/api/v1/applications", {
      customerId,
      productId,
      amount: "5000",
      termMonths: 7,
      purpose: "周转",
    });
    expect(Object.keys(res.json().error.fields).sort()).toEqual(["amount", "termMonths"]);
    const unknown = await cm.post("/api/v1/applications", {
      customerId: "00000000-0000-4000-8000-000000000000",
      productId,
      amount: "50000",
      termMonths: 12,
      purpose: "周转",
    });
    expect(unknown.json().error.fields).toHaveProperty("customerId");
  });
});

describe("expiry", () => {
  it("expires an application idle past the setting at the close of business, with a timeline entry", async () => {
    const id = await applyAndInterview();
    await t.handle.db.execute(
      `update applications set status_changed_at = now() - interval '40 days' where id = '${id}'`,
    );
    const { expireStaleApplications } = await import("./expiry.service.ts");
    const expired = await t.handle.db.transaction((tx) =>
      expireStaleApplications(tx, systemContext(), todayInChina()),
    );
    expect(expired).toBeGreaterThanOrEqual(1);
    const detail = (await cm.get(`/api/v1/applications/${id}`)).json();
    expect(detail.status).toBe("expired");
    expect(detail.timeline.at(-1)).toMatchObject({ status: "expired", action: "expire" });
    expect((await cm.post(`/api/v1/applications/${id}/withdraw`, { reason: "再撤回" })).statusCode).toBe(409);
  });
});

describe("reading applications", () => {
  it("filters by customer, tells hours in the current stage, and warns only about the stage it is in", async () => {
    const id = await applyAndInterview();
    const { customerId } = (await cm.get(`/api/v1/applications/${id}`)).json();
    // Submitted 200 h ago, interviewed 100 h ago: both stages passed their 48 h limit.
    await t.handle.db.execute(
      `update application_events set at = now() - interval '200 hours' where application_id = '${id}' and to_status = 'submitted'`,
    );
    await t.handle.db.execute(
      `update application_events set at = now() - interval '100 hours' where application_id = '${id}' and to_status = 'interviewed'`,
    );
    await t.handle.db.execute(
      `update applications set status_changed_at = now() - interval '100 hours' where id = '${id}'`,
    );

    const list = (await cm.get(`/api/v1/applications?customerId=${customerId}`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id, customerId, overLimit: true });
    expect(list.items[0].hoursInStage).toBeCloseTo(100, 0);

    const detail = (await cm.get(`/api/v1/applications/${id}`)).json();
    expect(detail.stages.map((s: { overLimit: boolean }) => s.overLimit)).toEqual([true, true]);
    expect(detail.warnings).toEqual([
      expect.objectContaining({ code: "stage-over-limit", status: "interviewed" }),
    ]);

    const withdrawn = await cm.post(`/api/v1/applications/${id}/withdraw`, { reason: "客户暂不需要" });
    expect(withdrawn.statusCode).toBe(200);
    const ended = (await cm.get(`/api/v1/applications?customerId=${customerId}`)).json().items[0];
    expect(ended).toMatchObject({ hoursInStage: null, overLimit: false });
    expect((await cm.get(`/api/v1/applications?customerId=not-a-uuid`)).statusCode).toBe(400);
  });
});
