// Call detail record imports through the API: a good file linked to leads, the same file again
// (duplicates counted, not errors), bad files rejected whole with a row-level report, .xlsx, and the
// streamed progress the console's bar reads.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../platform/testing/test-app.ts";
import { leadBody, newPhone, rows, upload } from "./testing/lead-fixtures.ts";

let t: TestApp;
let leader: TestClient;
let employeeNo: string;

const HEADER = "通话ID,方向,坐席,主叫,被叫,开始时间,接通时间,结束时间,通话时长,结果,录音地址,供应商";
const csv = (...lines: string[]) => `\ufeff${[HEADER, ...lines].join("\r\n")}\r\n`;
const callCount = async () =>
  (await rows<{ n: number }>(t.handle.db, "select count(*)::int as n from crm_calls"))[0].n;
const importFile = (data: string | Buffer, name = "cdr.csv", headers: Record<string, string> = {}) =>
  upload(leader, "/api/v1/crm/call-imports", { name, data }, {}, headers);

beforeAll(async () => {
  t = await createTestApp();
  leader = await t.as("tele-leader");
  [{ employee_no: employeeNo }] = await rows<{ employee_no: string }>(
    t.handle.db,
    "select s.employee_no from staff_members s join users u on u.id = s.user_id where u.username = 'telemarketer'",
  );
});
afterAll(async () => t.close());

describe("importing call records", () => {
  it("imports a good file, links calls to leads by number and counts a second import as duplicates", async () => {
    const tm = await t.as("telemarketer");
    const phone = newPhone("139");
    const lead = (await tm.post("/api/v1/crm/leads", leadBody({ phone }))).json();
    const file = csv(
      `A-1,呼出,telemarketer,8001,${phone},2026-11-03 09:15:00,2026-11-03 09:15:08,2026-11-03 09:16:48,,ANSWERED,https://rec.example/a1.mp3,云呼`,
      `A-2,呼出,${employeeNo},8001,13700001111,2026-11-03 09:20:00,,2026-11-03 09:20:30,0,NO ANSWER,,云呼`,
      `A-3,呼入,tele-leader,13700002222,8002,2026/11/3 10:00:00,2026/11/3 10:00:05,2026/11/3 10:00:25,20,ANSWERED,,云呼`,
    );
    const res = await importFile(file);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: "imported",
      totalRows: 3,
      importedRows: 3,
      duplicateRows: 0,
      linkedRows: 1,
      errors: [],
    });
    const calls = await rows<{
      vendor_call_id: string;
      talk_seconds: number;
      connected: boolean;
      effective: boolean;
      lead_id: string | null;
    }>(
      t.handle.db,
      "select vendor_call_id, talk_seconds, connected, effective, lead_id from crm_calls where vendor = '云呼' order by vendor_call_id",
    );
    expect(calls).toEqual([
      { vendor_call_id: "A-1", talk_seconds: 100, connected: true, effective: true, lead_id: lead.id },
      { vendor_call_id: "A-2", talk_seconds: 0, connected: false, effective: false, lead_id: null },
      { vendor_call_id: "A-3", talk_seconds: 20, connected: true, effective: false, lead_id: null },
    ]);
    const after = (await tm.get(`/api/v1/crm/leads/${lead.id}`)).json();
    expect(after.stage).toBe("contacted");
    expect(after.timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(["call", "stage"]),
    );

    const again = await importFile(file);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ importedRows: 0, duplicateRows: 3 });
  });

  it("rejects a file with bad rows whole, reporting every row and column", async () => {
    const before = await callCount();
    const res = await importFile(
      csv(
        "B-1,呼出,telemarketer,8001,13700003333,2026-11-04 09:00:00,,2026-11-04 09:00:30,0,,,v",
        "B-2,呼出,telemarketer,8001,12345,2026-11-04 09:01:00,,,0,,,v",
        "B-3,呼出,nobody,8001,13700003334,2026-11-04 09:02:00,,,0,,,v",
        "B-4,呼出,telemarketer,8001,13700003335,2026-11-04 09:10:00,,2026-11-04 09:05:00,0,,,v",
        "B-5,呼出,telemarketer,8001,13700003336,not a time,,,0,,,v",
        "B-1,呼出,telemarketer,8001,13700003337,2026-11-04 09:20:00,,,0,,,v",
      ),
    );
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe("import-rejected");
    expect(body.import).toMatchObject({ status: "rejected", totalRows: 6, importedRows: 0, errorCount: 5 });
    expect(
      body.import.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]),
    ).toEqual([
      [3, "被叫", "import-bad-phone"],
      [4, "坐席", "import-unknown-agent"],
      [5, "结束时间", "import-end-before-start"],
      [6, "开始时间", "import-bad-time"],
      [7, "通话ID", "import-duplicate-in-file"],
    ]);
    expect(body.import.errors[0].message).toBe("“被叫” is not a valid phone number");
    expect(await callCount()).toBe(before);
    const history = (await leader.get("/api/v1/crm/call-imports")).json();
    expect(history.items[0]).toMatchObject({ id: body.import.id, status: "rejected", errorCount: 5 });
    const report = await leader.get(`/api/v1/crm/call-imports/${body.import.id}/errors.csv`);
    expect(report.headers["content-type"]).toContain("text/csv");
    expect(report.body).toContain("Repeats row 2");
  });

  it("rejects missing and unknown columns before reading rows", async () => {
    const res = await importFile(
      "通话ID,坐席,被叫,开始时间,心情\r\nX-1,telemarketer,13700004444,2026-11-04 09:00:00,好\r\n",
    );
    expect(res.statusCode).toBe(422);
    const errors = res.json().import.errors.map((e: { column: string; code: string }) => [e.column, e.code]);
    expect(errors).toEqual([
      ["direction", "import-missing-column"],
      ["caller", "import-missing-column"],
      ["心情", "import-unknown-column"],
    ]);
    expect((await importFile("")).json().import.errors[0].code).toBe("import-empty-file");
    expect((await importFile(`${HEADER}\r\n`)).json().import.errors[0].code).toBe("import-no-rows");
  });

  it("imports .xlsx and streams progress when asked", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("CDR");
    sheet.addRow([
      "call id",
      "direction",
      "agent",
      "caller",
      "callee",
      "start",
      "answer",
      "end",
      "talk seconds",
      "result",
      "recording url",
      "vendor",
    ]);
    for (let i = 1; i <= 30; i++)
      sheet.addRow([
        `X-${i}`,
        "outbound",
        "telemarketer",
        "8001",
        `1370000${String(5000 + i)}`,
        new Date(Date.UTC(2026, 10, 5, 9, i)),
        null,
        null,
        i * 3,
        "",
        "",
        "xlsx-vendor",
      ]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await importFile(data, "cdr.xlsx", { accept: "application/x-ndjson" });
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.some((l) => l.type === "progress")).toBe(true);
    const result = lines.at(-1);
    expect(result).toMatchObject({
      type: "result",
      code: 201,
      body: { status: "imported", importedRows: 30 },
    });
    const [{ n }] = await rows<{ n: number }>(
      t.handle.db,
      "select count(*) filter (where effective)::int as n from crm_calls where vendor = 'xlsx-vendor'",
    );
    expect(n).toBe(21); // talk 30 s and up: calls 10..30
  });

  it("is for people who assign leads, and wants a spreadsheet", async () => {
    const tm = await t.as("telemarketer");
    expect((await upload(tm, "/api/v1/crm/call-imports", { name: "a.csv", data: csv() })).statusCode).toBe(
      403,
    );
    const binary = Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00]);
    expect((await importFile(binary, "a.bin")).statusCode).toBe(415);
    expect((await leader.post("/api/v1/crm/call-imports", {})).statusCode).toBe(415);
  });
});
