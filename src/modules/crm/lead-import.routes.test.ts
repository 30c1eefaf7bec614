// Lead list imports: columns found by their Chinese names (or mapped by hand), a preview that writes
// nothing, row errors and 撞单 reported, all rows or none written, owners by the assignment rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { leadBody, newIdNumber, newPhone, rows, upload, userIdOf } from "./testing/lead-fixtures.ts";

let t: TestApp;
let leader: TestClient;
let tm: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  leader = await t.as("tele-leader");
  tm = await t.as("telemarketer");
});
afterAll(async () => t.close());

const HEADER = "姓名,手机,身份证,来源,推荐人,意向金额,城市,备注";
const file = (...lines: string[]) => ({ name: "名单.csv", data: `${[HEADER, ...lines].join("\n")}\n` });
const leadCount = async () =>
  (await rows<{ n: number }>(t.handle.db, "select count(*)::int as n from crm_leads"))[0].n;
const preview = (client: TestClient, f: { name: string; data: string }, options: object = {}) =>
  upload(client, "/api/v1/crm/lead-imports/preview", f, { options: JSON.stringify(options) });
const commit = (client: TestClient, f: { name: string; data: string }, options: object = {}) =>
  upload(client, "/api/v1/crm/lead-imports", f, { options: JSON.stringify(options) });

describe("lead list import", () => {
  it("previews: finds the columns, checks the rows, lists 撞单 with its owner, writes nothing", async () => {
    const taken = newPhone();
    await tm.post("/api/v1/crm/leads", leadBody({ phone: taken, name: "已有线索" }));
    const before = await leadCount();
    const res = await preview(
      leader,
      file(
        `张三,${newPhone()},${newIdNumber()},网络,,5万,杭州,想扩店`,
        `李四,${newPhone()},,转介绍,老客户 陈立新,"¥80,000",宁波,`,
        `王五,${taken},,电销名单,,,温州,`,
      ),
    );
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ status: "preview", totalRows: 3, validRows: 3, errorCount: 0 });
    expect(report.mapping).toEqual({
      姓名: "name",
      手机: "phone",
      身份证: "idNumber",
      来源: "source",
      推荐人: "referrer",
      意向金额: "wantedAmount",
      城市: "city",
      备注: "notes",
    });
    expect(report.duplicates).toEqual([
      expect.objectContaining({
        row: 4,
        name: "王五",
        matches: [expect.objectContaining({ kind: "lead", name: "已有线索" })],
      }),
    ]);
    expect(report.sample.map((s: { wantedAmount: string | null }) => s.wantedAmount)).toEqual([
      "50000.00",
      "80000.00",
      null,
    ]);
    expect(await leadCount()).toBe(before);
  });

  it("reports unknown columns until they are mapped or ignored", async () => {
    const f = { name: "list.csv", data: `客户名,手机,微信\n赵六,${newPhone()},zl123\n` };
    const first = (await preview(leader, f)).json();
    expect(first.errors.map((e: { column: string; code: string }) => [e.column, e.code])).toEqual([
      ["name", "import-missing-column"],
      ["客户名", "import-unknown-column"],
      ["微信", "import-unknown-column"],
    ]);
    const mapped = (await preview(leader, f, { mapping: { 客户名: "name", 微信: "ignore" } })).json();
    expect(mapped).toMatchObject({
      errorCount: 0,
      validRows: 1,
      mapping: { 客户名: "name", 手机: "phone", 微信: "ignore" },
    });
  });

  it("rejects the whole file when any row is wrong, with every row's problem", async () => {
    const before = await leadCount();
    const dup = newPhone();
    const res = await commit(
      leader,
      file(
        `好人,${newPhone()},,网络,,,杭州,`,
        `坏号码,12345,,网络,,,,`,
        `没推荐人,${newPhone()},,转介绍,,,,`,
        `乱金额,${newPhone()},,网络,,很多,,`,
        `怪来源,${newPhone()},,路边,,,,`,
        `重复一,${dup},,网络,,,,`,
        `重复二,${dup},,网络,,,,`,
      ),
    );
    expect(res.statusCode).toBe(422);
    const report = res.json().report;
    expect(report.status).toBe("rejected");
    expect(report.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [3, "import-bad-phone"],
      [4, "referrer-required"],
      [5, "invalid-amount"],
      [6, "import-bad-source"],
      [8, "import-duplicate-in-file"],
    ]);
    expect(await leadCount()).toBe(before);
  });

  it("imports every row, skipping or importing 撞单 as asked, owners round-robin in the group", async () => {
    const taken = newPhone();
    await tm.post("/api/v1/crm/leads", leadBody({ phone: taken }));
    const f = file(`甲,${newPhone()},,网络,,,,`, `乙,${newPhone()},,网络,,,,`, `丙,${taken},,网络,,,,`);
    const before = await leadCount();
    const res = await commit(leader, f);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: "imported", imported: 2, skipped: 1 });
    expect(await leadCount()).toBe(before + 2);
    const owners = await rows<{ owner_id: string; manager_id: string }>(
      t.handle.db,
      "select l.owner_id, u.manager_id from crm_leads l join users u on u.id = l.owner_id where l.name in ('甲', '乙')",
    );
    const leaderId = await userIdOf(t.handle.db, "tele-leader");
    expect(owners.every((o) => o.manager_id === leaderId)).toBe(true);
    expect(new Set(owners.map((o) => o.owner_id)).size).toBe(2);
    const forced = await commit(leader, file(`丁,${taken},,网络,,,,`), { onDuplicate: "import" });
    expect(forced.json()).toMatchObject({ imported: 1, skipped: 0 });
    const [audit] = await rows<{ after: { importedDespiteDuplicate: unknown[] } }>(
      t.handle.db,
      "select after from audit_log where action = 'lead.imported' order by id desc limit 1",
    );
    expect(audit.after.importedDespiteDuplicate).toHaveLength(1);
  });

  it("takes the owner from the file, within the importer's scope", async () => {
    const res = await commit(leader, {
      name: "owners.csv",
      data: `姓名,手机,负责人\n戊,${newPhone()},telemarketer\n己,${newPhone()},gm\n`,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().report.errors).toEqual([
      expect.objectContaining({ row: 3, code: "import-unknown-owner" }),
    ]);
    const ok = await commit(leader, {
      name: "owners.csv",
      data: `姓名,手机,负责人\n戊,${newPhone()},telemarketer\n`,
    });
    expect(ok.statusCode).toBe(201);
    const [lead] = await rows<{ owner_id: string }>(
      t.handle.db,
      "select owner_id from crm_leads where name = '戊'",
    );
    expect(lead.owner_id).toBe(await userIdOf(t.handle.db, "telemarketer"));
  });
});
