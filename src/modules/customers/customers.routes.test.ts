import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { residentIdCheckChar } from "./domain/identifiers.ts";

let t: TestApp;
let gm: TestClient;
let cm: TestClient;
beforeAll(async () => {
  t = await createTestApp({}, { demo: "full" });
  gm = await t.as("gm");
  cm = await t.as("customer-manager");
});
afterAll(async () => t.close());

// Valid IDs from a body: region 330106 (杭州西湖), the birth date, a sequence; check character computed.
let seq = 500;
const newId = (birth = "19880512") => {
  const body = `330106${birth}${seq++}`;
  return body + residentIdCheckChar(body);
};
let phoneSeq = 10_000_000;
const newPhone = () => `139${phoneSeq++}`;
const individual = (extra: Record<string, unknown> = {}) => ({
  type: "individual",
  name: "测试客户",
  idNumber: newId(),
  phone: newPhone(),
  ...extra,
});

async function sql<T>(text: string): Promise<T[]> {
  return ((await t.handle.db.execute(text)) as unknown as { rows: T[] }).rows;
}

describe("registering customers", () => {
  it("creates an individual and answers 201 with personal data masked", async () => {
    const idNumber = newId();
    const res = await cm.post("/api/v1/customers", {
      type: "individual",
      name: "王小明",
      idNumber,
      phone: "13856785678",
      monthlyIncome: "12000.50",
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.idNumber).toBe(`330***********${idNumber.slice(-4)}`);
    expect(body.phone).toBe("138****5678");
    expect(body.monthlyIncome).toBe("12000.50");
    expect(body.segment).toBe("individual");
    expect(body.warnings).toEqual([]);
    expect(JSON.stringify(body)).not.toContain(idNumber);
    // At rest only the sealed value, its blind index and the mask.
    const [row] = await sql<Record<string, string>>(`select * from customers where id = '${body.id}'`);
    expect(JSON.stringify(row)).not.toContain(idNumber);
    expect(JSON.stringify(row)).not.toContain("13856785678");
    expect(row.id_number_enc).toMatch(/^v1:/);
  });

  it("creates a business with a valid credit code; a business needs one", async () => {
    const ok = await cm.post("/api/v1/customers", {
      type: "business",
      name: "杭州鑫达贸易有限公司",
      idNumber: newId(),
      phone: newPhone(),
      creditCode: "91350100M000100Y43",
      businessKind: "small-business",
      legalRepresentative: "李四",
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      type: "business",
      segment: "small-business",
      creditCode: "91350100M000100Y43",
    });
    const missing = await cm.post("/api/v1/customers", {
      type: "business",
      name: "某店",
      idNumber: newId(),
      phone: newPhone(),
      businessKind: "sole-proprietor",
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toHaveProperty("creditCode");
  });

  it("refuses duplicates with 409 naming the field", async () => {
    const idNumber = newId();
    expect((await cm.post("/api/v1/customers", individual({ idNumber }))).statusCode).toBe(201);
    const dupId = await cm.post("/api/v1/customers", individual({ idNumber }));
    expect(dupId.statusCode).toBe(409);
    expect(dupId.json().error.code).toBe("duplicate-id-number");
    expect(Object.keys(dupId.json().error.fields)).toEqual(["idNumber"]);
    // Another manager's duplicate is refused too, though they cannot see the first file.
    const other = await t.as("sunting");
    expect((await other.post("/api/v1/customers", individual({ idNumber }))).statusCode).toBe(409);

    const business = {
      type: "business",
      name: "某科技公司",
      phone: newPhone(),
      creditCode: "91110000802100433B",
      businessKind: "small-business",
    };
    expect((await cm.post("/api/v1/customers", { ...business, idNumber: newId() })).statusCode).toBe(201);
    const dupCode = await cm.post("/api/v1/customers", {
      ...business,
      idNumber: newId(),
      creditCode: "91110000802100433b",
    });
    expect(dupCode.statusCode).toBe(409);
    expect(Object.keys(dupCode.json().error.fields)).toEqual(["creditCode"]);
  });

  it("answers bad identifiers with 400 naming each field", async () => {
    const valid = newId();
    const wrongCheck = valid.slice(0, 17) + (valid[17] === "1" ? "2" : "1");
    const res = await cm.post("/api/v1/customers", {
      type: "individual",
      name: "甲",
      idNumber: wrongCheck,
      phone: "12345678901",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({
      idNumber: "The ID number's check character is wrong",
      phone: "Enter a mainland mobile number (11 digits starting with 1)",
    });
    const region = `99${valid.slice(2, 17)}`;
    const badRegion = await cm.post(
      "/api/v1/customers",
      individual({ idNumber: region + residentIdCheckChar(region) }),
    );
    expect(badRegion.json().error.fields).toHaveProperty("idNumber");
    const badCode = await cm.post("/api/v1/customers", {
      type: "business",
      name: "乙",
      idNumber: newId(),
      phone: newPhone(),
      creditCode: "91350100M000100Y44",
      businessKind: "sole-proprietor",
    });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.fields).toEqual({ creditCode: "The credit code's check character is wrong" });
    const missing = await cm.post("/api/v1/customers", { type: "individual" });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields).sort()).toEqual(["idNumber", "name", "phone"]);
  });

  it("stores a card failing Luhn with a warning, and stores students so origination can refuse them", async () => {
    const res = await cm.post(
      "/api/v1/customers",
      individual({ bankCard: "6222 0202 0011 2233 445", segment: "student" }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().bankCard).toBe("***************3445");
    expect(res.json().segment).toBe("student");
    expect(res.json().warnings).toEqual([
      { code: "bank-card-checksum", field: "bankCard", message: expect.stringContaining("Luhn") },
    ]);
  });
});

describe("personal data", () => {
  it("unmasks one field for a role with pii.unmask and audits the look without the value", async () => {
    const idNumber = newId();
    const created = (
      await cm.post("/api/v1/customers", individual({ idNumber, phone: "13900001111" }))
    ).json();
    const res = await gm.get(`/api/v1/customers/${created.id}/pii?field=idNumber`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ field: "idNumber", value: idNumber });
    expect((await gm.get(`/api/v1/customers/${created.id}/pii?field=phone`)).json().value).toBe(
      "13900001111",
    );
    const compliance = await t.as("compliance");
    const audit = (
      await compliance.get(
        `/api/v1/audit?entityType=customer&entityId=${created.id}&action=customer.pii-unmasked`,
      )
    ).json();
    expect(audit.items).toHaveLength(2);
    expect(audit.items.map((e: { after: { field: string } }) => e.after.field).sort()).toEqual([
      "idNumber",
      "phone",
    ]);
    expect(JSON.stringify(audit)).not.toContain(idNumber);
    expect((await cm.get(`/api/v1/customers/${created.id}/pii?field=idNumber`)).statusCode).toBe(403);
  });

  it("edits keep the trail masked: before/after show only masked values", async () => {
    const created = (await cm.post("/api/v1/customers", individual({ phone: "13700001234" }))).json();
    const res = await cm.patch(`/api/v1/customers/${created.id}`, {
      phone: "13700005678",
      address: "杭州市西湖区文三路 1 号",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().phone).toBe("137****5678");
    const detail = (await cm.get(`/api/v1/customers/${created.id}`)).json();
    const update = detail.timeline.find((e: { action: string }) => e.action === "customer.updated");
    expect(update.before).toEqual({ phone: "137****1234", address: null });
    expect(update.after).toEqual({ phone: "137****5678", address: "杭州市西湖区文三路 1 号" });
    expect(JSON.stringify(detail.timeline)).not.toContain("13700005678");
    const bad = await cm.patch(`/api/v1/customers/${created.id}`, { phone: "123" });
    expect(bad.json().error.fields).toHaveProperty("phone");
  });
});

describe("data scope", () => {
  it("a customer manager sees only their own customers; others answer 404", async () => {
    const mine = (await cm.post("/api/v1/customers", individual({ name: "范围测试甲" }))).json();
    const colleague = await t.as("zhaolei"); // same team, another manager
    expect((await colleague.get(`/api/v1/customers/${mine.id}`)).statusCode).toBe(404);
    expect((await colleague.patch(`/api/v1/customers/${mine.id}`, { notes: "x" })).statusCode).toBe(404);
    expect((await colleague.post(`/api/v1/customers/${mine.id}/blacklist`, { reason: "x" })).statusCode).toBe(
      404,
    );
    const list = (await colleague.get("/api/v1/customers?q=范围测试")).json();
    expect(list.total).toBe(0);
    const own = (await cm.get("/api/v1/customers?pageSize=200")).json();
    const me = (await cm.get("/api/v1/auth/me")).json().user.id;
    expect(own.items.every((c: { ownerId: string }) => c.ownerId === me)).toBe(true);
  });

  it("team manager sees the team, another team's manager does not, the sales director and risk see all", async () => {
    const mine = (await cm.post("/api/v1/customers", individual({ name: "范围测试乙" }))).json();
    expect((await (await t.as("team-manager")).get(`/api/v1/customers/${mine.id}`)).statusCode).toBe(200);
    expect((await (await t.as("xuqiang")).get(`/api/v1/customers/${mine.id}`)).statusCode).toBe(404);
    expect((await (await t.as("sales-director")).get(`/api/v1/customers/${mine.id}`)).statusCode).toBe(200);
    expect((await (await t.as("risk")).get(`/api/v1/customers/${mine.id}`)).statusCode).toBe(200);
    const teamList = (await (await t.as("team-manager")).get("/api/v1/customers?pageSize=200")).json();
    const allList = (await gm.get("/api/v1/customers?pageSize=1")).json();
    expect(teamList.total).toBeGreaterThan(0);
    expect(teamList.total).toBeLessThan(allList.total);
  });

  it("a team manager may hand a customer to a team member, not to someone outside the team", async () => {
    const tm = await t.as("team-manager");
    const users = (await (await t.as("admin")).get("/api/v1/users?search=zhaolei")).json().items;
    const outside = (await (await t.as("admin")).get("/api/v1/users?search=sunting")).json().items;
    const created = await tm.post("/api/v1/customers", individual({ ownerId: users[0].id }));
    expect(created.statusCode).toBe(201);
    expect(created.json().ownerId).toBe(users[0].id);
    const refused = await tm.post("/api/v1/customers", individual({ ownerId: outside[0].id }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toHaveProperty("ownerId");
  });
});

describe("search and the demo book", () => {
  it("finds by exact phone and ID through the blind index, by name prefix, and filters", async () => {
    const idNumber = newId();
    const created = (
      await cm.post("/api/v1/customers", individual({ name: "欧阳娜娜", idNumber, phone: "13600002222" }))
    ).json();
    const byPhone = (await cm.get("/api/v1/customers?q=136-0000-2222")).json();
    expect(byPhone.items.map((c: { id: string }) => c.id)).toEqual([created.id]);
    const byId = (await cm.get(`/api/v1/customers?q=${idNumber}`)).json();
    expect(byId.items.map((c: { id: string }) => c.id)).toEqual([created.id]);
    const byName = (await cm.get(`/api/v1/customers?q=${encodeURIComponent("欧阳")}`)).json();
    expect(byName.items.map((c: { id: string }) => c.id)).toEqual([created.id]);
    expect((await cm.get(`/api/v1/customers?q=${encodeURIComponent("娜娜")}`)).json().total).toBe(0);
  });

  it("has ~60 demo customers across the sales team, some blacklisted, with consents", async () => {
    const all = (await gm.get("/api/v1/customers?pageSize=200")).json();
    expect(all.total).toBeGreaterThanOrEqual(60);
    const owners = new Set(all.items.map((c: { ownerId: string }) => c.ownerId));
    expect(owners.size).toBeGreaterThanOrEqual(25);
    const blacklisted = (await gm.get("/api/v1/customers?blacklisted=true")).json();
    expect(blacklisted.total).toBeGreaterThanOrEqual(3);
    expect(blacklisted.items[0].blacklistReason).toBeTruthy();
    const businesses = (await gm.get("/api/v1/customers?type=business&pageSize=200")).json();
    expect(
      businesses.items.every((c: { creditCode: string }) => /^9[12]\d{6}[0-9A-Z]{10}$/.test(c.creditCode)),
    ).toBe(true);
    const detail = (await gm.get(`/api/v1/customers/${businesses.items.at(-1).id}`)).json();
    expect(detail.consents.length).toBeGreaterThanOrEqual(2);
  });
});

describe("blacklist and consents", () => {
  it("blacklists and lifts with a reason, each audited, and flags the customer in list and detail", async () => {
    const created = (await cm.post("/api/v1/customers", individual({ name: "黑名单测试" }))).json();
    const on = await cm.post(`/api/v1/customers/${created.id}/blacklist`, { reason: "提供虚假材料" });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ blacklisted: true, blacklistReason: "提供虚假材料" });
    expect((await cm.post(`/api/v1/customers/${created.id}/blacklist`, { reason: "again" })).statusCode).toBe(
      409,
    );
    const listed = (
      await cm.get(`/api/v1/customers?blacklisted=true&q=${encodeURIComponent("黑名单测试")}`)
    ).json();
    expect(listed.items[0].blacklisted).toBe(true);
    const noReason = await cm.request({
      method: "DELETE",
      url: `/api/v1/customers/${created.id}/blacklist`,
      payload: {},
    });
    expect(noReason.statusCode).toBe(400);
    const off = await cm.request({
      method: "DELETE",
      url: `/api/v1/customers/${created.id}/blacklist`,
      payload: { reason: "经核实为误报" },
    });
    expect(off.json().blacklisted).toBe(false);
    const detail = (await cm.get(`/api/v1/customers/${created.id}`)).json();
    expect(detail.timeline.map((e: { action: string }) => e.action).slice(0, 3)).toEqual([
      "customer.unblacklisted",
      "customer.blacklisted",
      "customer.created",
    ]);
    expect(detail.timeline[0].after.reason).toBe("经核实为误报");
  });

  it("records consents with purpose, time and recorder; revokes once", async () => {
    const created = (await cm.post("/api/v1/customers", individual())).json();
    const res = await cm.post(`/api/v1/customers/${created.id}/consents`, {
      kind: "credit-inquiry",
      purpose: "贷款审查查询征信",
      grantedAt: "2026-11-01T10:00:00+08:00",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: "credit-inquiry",
      purpose: "贷款审查查询征信",
      grantedAt: "2026-11-01T02:00:00.000Z",
      recordedByName: "杨帆",
      active: true,
    });
    const byDay = await cm.post(`/api/v1/customers/${created.id}/consents`, {
      kind: "sensitive-data",
      purpose: "资料核验",
      grantedAt: "2026-11-02",
    });
    expect(byDay.json().grantedAt).toBe("2026-11-01T16:00:00.000Z");
    const future = await cm.post(`/api/v1/customers/${created.id}/consents`, {
      kind: "sensitive-data",
      purpose: "x",
      grantedAt: "2999-01-01T00:00:00Z",
    });
    expect(future.json().error.fields).toHaveProperty("grantedAt");
    const bad = await cm.post(`/api/v1/customers/${created.id}/consents`, {
      kind: "marketing",
      purpose: "x",
    });
    expect(bad.json().error.fields).toHaveProperty("kind");
    const revoke = await cm.post(`/api/v1/customers/${created.id}/consents/${res.json().id}/revoke`, {
      reason: "客户撤回授权",
    });
    expect(revoke.json()).toMatchObject({ active: false, revokeReason: "客户撤回授权" });
    expect(
      (await cm.post(`/api/v1/customers/${created.id}/consents/${res.json().id}/revoke`, {})).statusCode,
    ).toBe(409);
    const list = (await cm.get(`/api/v1/customers/${created.id}/consents`)).json();
    expect(list).toHaveLength(2);
  });
});

function multipart(parts: { name: string; value: string | Buffer; filename?: string; type?: string }[]) {
  const boundary = "----mc-test-boundary";
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ""}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.filename ? `Content-Type: ${p.type ?? "application/octet-stream"}\r\n` : ""}\r\n`;
    chunks.push(
      Buffer.from(head),
      Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value),
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe("documents", () => {
  const upload = (
    client: TestClient,
    customerId: string,
    parts: Parameters<typeof multipart>[0],
    csrf = true,
  ) => {
    const body = multipart(parts);
    return client.request({
      method: "POST",
      url: `/api/v1/customers/${customerId}/documents`,
      payload: body.payload,
      headers: {
        "content-type": body.contentType,
        ...(csrf ? { "x-csrf-token": client.cookies.mc_csrf } : {}),
      },
    });
  };
  const pdf = Buffer.concat([
    Buffer.from("%PDF-1.4\n"),
    Buffer.from("1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"),
  ]);

  it("stores a PDF with its SHA-256 and streams it back, audited as a read", async () => {
    const created = (await cm.post("/api/v1/customers", individual())).json();
    const res = await upload(cm, created.id, [
      { name: "kind", value: "id-card-front" },
      { name: "file", value: pdf, filename: "身份证正面.pdf", type: "application/pdf" },
    ]);
    expect(res.statusCode).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({
      kind: "id-card-front",
      contentType: "application/pdf",
      size: pdf.length,
      fileName: "身份证正面.pdf",
    });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    const back = await cm.get(`/api/v1/customers/${created.id}/documents/${doc.id}`);
    expect(back.statusCode).toBe(200);
    expect(back.headers["content-type"]).toBe("application/pdf");
    expect(back.rawPayload.equals(pdf)).toBe(true);
    const detail = (await cm.get(`/api/v1/customers/${created.id}`)).json();
    expect(detail.documents.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    expect(detail.timeline[0]).toMatchObject({
      action: "customer.document-read",
      after: { documentId: doc.id },
    });
    expect(
      (await (await t.as("zhaolei")).get(`/api/v1/customers/${created.id}/documents/${doc.id}`)).statusCode,
    ).toBe(404);
  });

  it("judges type by content: a text file named .pdf is refused", async () => {
    const created = (await cm.post("/api/v1/customers", individual())).json();
    const res = await upload(cm, created.id, [
      { name: "kind", value: "bank-statement" },
      { name: "file", value: "not really a pdf", filename: "statement.pdf", type: "application/pdf" },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty("file");
    const noKind = await upload(cm, created.id, [{ name: "file", value: pdf, filename: "a.pdf" }]);
    expect(noKind.json().error.fields).toHaveProperty("kind");
    const json = await cm.post(`/api/v1/customers/${created.id}/documents`, { kind: "other" });
    expect(json.statusCode).toBe(415);
  });

  it("refuses a file over 10 MiB with 413 and an upload without the CSRF token with 403", async () => {
    const created = (await cm.post("/api/v1/customers", individual())).json();
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]);
    const res = await upload(cm, created.id, [
      { name: "kind", value: "other" },
      { name: "file", value: big, filename: "big.pdf" },
    ]);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("file-too-large");
    const noCsrf = await upload(
      cm,
      created.id,
      [
        { name: "kind", value: "other" },
        { name: "file", value: pdf, filename: "a.pdf" },
      ],
      false,
    );
    expect(noCsrf.statusCode).toBe(403);
    expect((await cm.get(`/api/v1/customers/${created.id}/documents`)).json()).toEqual([]);
  });
});
