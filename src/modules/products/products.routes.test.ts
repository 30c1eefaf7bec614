import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "../../platform/auth/actor.ts";
import { todayInChina } from "../../platform/clock.ts";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { setSetting } from "../settings/settings.service.ts";

let t: TestApp;
let gm: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  gm = await t.as("gm");
});
afterAll(async () => t.close());

let n = 0;
const product = (extra: Record<string, unknown> = {}) => ({
  code: `T-${++n}`,
  name: `测试产品${n}`,
  method: "equal-installment",
  annualRate: "0.18",
  minAmount: "10000",
  maxAmount: "100000",
  termOptions: [6, 12],
  ...extra,
});
const addDays = (day: string, days: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe("the demo catalogue", () => {
  it("offers an active product of each repayment method, each with its APR", async () => {
    const res = await (await t.as("customer-manager")).get("/api/v1/products?status=active");
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      method: string;
      apr: string;
      annualRate: string;
      termOptions: number[];
      minAmount: string;
    }[];
    expect(new Set(items.map((p) => p.method))).toEqual(
      new Set(["equal-installment", "equal-principal", "interest-only", "bullet", "flat"]),
    );
    for (const p of items) {
      expect(p.apr).toMatch(/^\d+\.\d{2}$/);
      expect(Number(p.apr)).toBeLessThanOrEqual(24);
      expect(p.minAmount).toMatch(/^\d+\.\d{2}$/);
    }
    expect(items.find((p) => p.method === "equal-installment")).toMatchObject({
      name: "经营周转贷",
      annualRate: "0.18",
      apr: "18.00",
    });
  });
});

describe("creating products", () => {
  it("the GM creates a product; the answer shows the APR, the version and the LPR warning", async () => {
    const res = await gm.post("/api/v1/products", product({ fees: { monthlyFixed: "20" } }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      version: 1,
      status: "active",
      annualRate: "0.18",
      penaltyRate: "0.27",
      minAmount: "10000.00",
      termOptions: [6, 12],
    });
    expect(body.representativeLoan).toEqual({ amount: "100000.00", termMonths: 12 });
    // ¥20 a month on ¥100,000 lifts the APR a little above the nominal 18%.
    expect(Number(body.apr)).toBeGreaterThan(18);
    expect(Number(body.apr)).toBeLessThan(19);
    expect(body.rateFlags).toEqual(["above-4x-lpr"]);
    expect(body.warnings[0]).toMatchObject({ code: "apr-above-4x-lpr", field: "annualRate" });
    expect(body.warnings[0].message).toContain("12.00%");
  });

  it("a low-rate product carries no LPR flag", async () => {
    const res = await gm.post("/api/v1/products", product({ annualRate: "0.1" }));
    expect(res.json()).toMatchObject({ apr: "10.00", rateFlags: [], warnings: [] });
  });

  it("refuses an APR above the cap with 409 naming annualRate", async () => {
    const res = await gm.post("/api/v1/products", product({ annualRate: "0.3" }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("apr-above-cap");
    expect(res.json().error.message).toContain("24.00%");
    expect(Object.keys(res.json().error.fields)).toEqual(["annualRate"]);
    // Fees count: 22% nominal plus ¥200 a month on ¥10,000 is far above 24%.
    const fees = await gm.post(
      "/api/v1/products",
      product({ annualRate: "0.22", minAmount: "10000", fees: { monthlyFixed: "200" } }),
    );
    expect(fees.statusCode).toBe(409);
  });

  it("never lets students in", async () => {
    const res = await gm.post("/api/v1/products", product({ eligibleSegments: ["individual", "student"] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ eligibleSegments: "Students are never eligible" });
  });

  it("checks the terms and names the fields", async () => {
    const res = await gm.post("/api/v1/products", product({ minAmount: "500000" }));
    expect(res.json().error.fields).toHaveProperty("minAmount");
    const rate = await gm.post("/api/v1/products", product({ annualRate: "18%" }));
    expect(rate.json().error.fields).toHaveProperty("annualRate");
    const missing = await gm.post("/api/v1/products", { name: "x" });
    expect(Object.keys(missing.json().error.fields).sort()).toEqual([
      "annualRate",
      "maxAmount",
      "method",
      "minAmount",
      "termOptions",
    ]);
    const dup = await gm.post("/api/v1/products", product({ code: "JYZZ-01" }));
    expect(dup.statusCode).toBe(409);
  });

  it("only products.manage may change the catalogue; everyone with products.read may read it", async () => {
    const cm = await t.as("customer-manager");
    expect((await cm.post("/api/v1/products", product())).statusCode).toBe(403);
    expect((await (await t.as("admin")).post("/api/v1/products", product())).statusCode).toBe(403);
    expect((await (await t.as("service")).get("/api/v1/products")).statusCode).toBe(200);
  });
});

describe("versions", () => {
  it("an edit writes a new version; a future-dated edit waits for its date; history lists them all", async () => {
    const created = (await gm.post("/api/v1/products", product())).json();
    const edited = await gm.patch(`/api/v1/products/${created.id}`, { annualRate: "0.15", note: "下调利率" });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      version: 2,
      annualRate: "0.15",
      penaltyRate: "0.225",
      apr: "15.00",
      effectiveFrom: todayInChina(),
    });
    const later = addDays(todayInChina(), 30);
    const scheduled = await gm.patch(`/api/v1/products/${created.id}`, {
      maxAmount: "200000",
      effectiveFrom: later,
    });
    expect(scheduled.json()).toMatchObject({ version: 3, maxAmount: "200000.00" });
    const current = (await gm.get(`/api/v1/products/${created.id}`)).json();
    expect(current).toMatchObject({
      version: 2,
      maxAmount: "100000.00",
      upcoming: { version: 3, effectiveFrom: later },
    });
    expect((await gm.get(`/api/v1/products/${created.id}?asOf=${later}`)).json().version).toBe(3);
    const history = (await gm.get(`/api/v1/products/${created.id}/versions`)).json();
    expect(
      history.versions.map((v: { version: number; annualRate: string }) => [v.version, v.annualRate]),
    ).toEqual([
      [1, "0.18"],
      [2, "0.15"],
      [3, "0.15"],
    ]);
    const past = await gm.patch(`/api/v1/products/${created.id}`, { name: "x", effectiveFrom: "2020-01-01" });
    expect(past.json().error.fields).toHaveProperty("effectiveFrom");
    const tooHigh = await gm.patch(`/api/v1/products/${created.id}`, {
      annualRate: "0.4",
      effectiveFrom: later,
    });
    expect(tooHigh.statusCode).toBe(409);
    const audit = (await gm.get(`/api/v1/audit?entityType=product&entityId=${created.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual([
      "product.updated",
      "product.updated",
      "product.created",
    ]);
  });

  it("draft → active → retired, and a retired product is final", async () => {
    const draft = (await gm.post("/api/v1/products", product({ status: "draft" }))).json();
    expect(draft.status).toBe("draft");
    const active = await gm.post(`/api/v1/products/${draft.id}/activate`, {});
    expect(active.json()).toMatchObject({ status: "active", version: 2 });
    const retired = await gm.post(`/api/v1/products/${draft.id}/retire`, { note: "停售" });
    expect(retired.json()).toMatchObject({ status: "retired", version: 3 });
    expect((await gm.post(`/api/v1/products/${draft.id}/activate`, {})).statusCode).toBe(409);
    expect((await gm.patch(`/api/v1/products/${draft.id}`, { name: "复活" })).statusCode).toBe(409);
    const list = (await gm.get("/api/v1/products?status=retired")).json();
    expect(list.items.map((p: { id: string }) => p.id)).toContain(draft.id);
  });

  it("unknown products answer 404", async () => {
    expect((await gm.get("/api/v1/products/00000000-0000-4000-8000-00000000abcd")).statusCode).toBe(404);
  });
});

describe("rate settings", () => {
  it("an upfront fee needs the setting, and then counts in the APR", async () => {
    const withFee = product({ fees: { upfrontRate: "0.01" } });
    const refused = await gm.post("/api/v1/products", withFee);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("upfront-fee-not-allowed");
    await setSetting(t.handle.db, systemContext(), {
      key: "fees.upfront-allowed",
      value: true,
      effectiveFrom: "2026-01-01",
    });
    const ok = await gm.post("/api/v1/products", withFee);
    expect(ok.statusCode).toBe(201);
    expect(ok.json().fees).toMatchObject({ upfrontRate: "0.01", upfrontFixed: "0.00" });
    expect(Number(ok.json().apr)).toBeGreaterThan(19.5);
    expect(Number(ok.json().aprMax)).toBeGreaterThan(Number(ok.json().apr));
  });

  it("the cap is a dated setting: raising it lets a higher rate through from its date", async () => {
    await setSetting(t.handle.db, systemContext(), {
      key: "rates.apr-cap",
      value: "0.36",
      effectiveFrom: "2026-01-01",
    });
    const res = await gm.post("/api/v1/products", product({ annualRate: "0.3" }));
    expect(res.statusCode).toBe(201);
    expect(res.json().apr).toBe("30.00");
  });
});
