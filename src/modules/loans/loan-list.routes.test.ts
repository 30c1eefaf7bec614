// The loan book list: search by loan number or borrower name, and the installment each loan owes next.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { residentIdCheckChar } from "../customers/domain/identifiers.ts";
import { fundCompany, newLoan, setBusinessDate } from "./testing/loan-factory.ts";

let t: TestApp;
let finance: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  finance = await t.as("finance");
  await fundCompany(t.handle.db);
  await setBusinessDate(t.handle.db, "2026-01-15");
});
afterAll(async () => t.close());

async function newCustomer(name: string): Promise<string> {
  const body = "33010619850315123";
  const cm = await t.as("customer-manager");
  const res = await cm.post("/api/v1/customers", {
    type: "individual",
    name,
    idNumber: body.slice(0, 17) + residentIdCheckChar(body.slice(0, 17)),
    phone: "13912345678",
    segment: "individual",
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

describe("GET /loans", () => {
  it("finds loans by number or borrower name and tells the installment owed next", async () => {
    const customerId = await newCustomer("欧阳明远");
    const { loanId, loanNo } = await newLoan(t.handle.db, { customerId, startDate: "2026-01-15" });
    await newLoan(t.handle.db, { startDate: "2026-01-15" });

    const byName = (await finance.get(`/api/v1/loans?search=${encodeURIComponent("欧阳")}`)).json();
    expect(byName.items.map((l: { id: string }) => l.id)).toEqual([loanId]);
    const byNumber = (
      await finance.get(`/api/v1/loans?search=${encodeURIComponent(loanNo.slice(-6))}`)
    ).json();
    expect(byNumber.items.map((l: { id: string }) => l.id)).toContain(loanId);
    // 12,000.00 at 12% over 12 months, 等额本息: 1,066.19 due 2026-02-15 first.
    expect(byName.items[0].nextDue).toEqual({ period: 1, dueDate: "2026-02-15", amount: "1066.19" });
    // A LIKE wildcard is matched literally.
    expect((await finance.get("/api/v1/loans?search=%25")).json().total).toBe(0);
    expect((await finance.get(`/api/v1/loans?search=${"x".repeat(65)}`)).statusCode).toBe(400);
  });
});
