import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Fen } from "../../../platform/money.ts";
import { createTestApp, type TestApp, type TestClient } from "../../../platform/testing/test-app.ts";
import { count, fundCompany, ledgerIsConsistent, newLoan, setBusinessDate } from "../testing/loan-factory.ts";
import { seedDemoImport } from "./imports.demo.ts";
import { newBorrower, type StatementLine, statementCsv, uploadStatement } from "./testing/import-fixtures.ts";

let t: TestApp;
let finance: TestClient;
type Loan = { loanId: string; loanNo: string; due: string };
const loans: Record<"a" | "b" | "c" | "d", Loan> = {} as never;

async function open(name: string, principal: number, card: string | null = null): Promise<Loan> {
  const customerId = await newBorrower(t.handle.db, name, card);
  const { loanId, loanNo } = await newLoan(t.handle.db, {
    customerId,
    principal: principal as Fen,
    startDate: "2025-12-15",
  });
  const detail = (await finance.get(`/api/v1/loans/${loanId}`)).json();
  return { loanId, loanNo, due: detail.schedule[0].total };
}

beforeAll(async () => {
  t = await createTestApp();
  finance = await t.as("finance");
  await fundCompany(t.handle.db);
  await setBusinessDate(t.handle.db, "2026-01-15");
  loans.a = await open("张三", 1_200_000, "************2222");
  loans.b = await open("张三", 600_000);
  loans.c = await open("李四", 1_200_000);
  loans.d = await open("王五", 300_000);
});
afterAll(async () => t.close());

const D = "2026-01-15";
const repayments = () => count(t.handle.db, "loan_transactions", "kind = 'repayment'");
const rowsOf = async (id: string, query = "") =>
  (await finance.get(`/api/v1/repayment-imports/${id}/rows?pageSize=100${query}`)).json().items;
const byRow = (rows: { rowNo: number }[], rowNo: number) =>
  rows.find((r) => r.rowNo === rowNo) as never as Record<string, unknown>;

function firstStatement(): StatementLine[] {
  return [
    {
      date: D,
      memo: `还款 ${loans.a.loanNo}`,
      credit: loans.a.due,
      payer: "张三",
      account: "6222 0000 1111 2222",
      reference: "R1",
    },
    {
      date: D,
      memo: "还款",
      credit: loans.c.due,
      payer: "李四",
      account: "6222000033334444",
      reference: "R2",
    },
    {
      date: D,
      memo: "贷款还款",
      credit: loans.b.due,
      payer: "张三",
      account: "6222000055556666",
      reference: "R3",
    },
    { date: D, memo: "还款", credit: "999.00", payer: "张三", account: "6222000077778888", reference: "R4" },
    {
      date: D,
      memo: "货款",
      credit: "5,000.00",
      payer: "杭州恒达贸易有限公司",
      account: "33050161723500000321",
      reference: "R5",
    },
    { date: D, memo: "账户管理费", debit: "20.00", reference: "R6" },
    { date: D, memo: "还款", credit: "100.005", payer: "李四", reference: "R7" },
    { date: D, memo: `还款 ${loans.a.loanNo}`, credit: loans.a.due, payer: "张三", reference: "R1" },
  ];
}

describe("repayment import: upload and preview", () => {
  let id: string;

  it("finds the header under the title lines and gives every row its status", async () => {
    const res = await uploadStatement(finance, statementCsv(firstStatement()), { fileName: "icbc-0115.csv" });
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json();
    id = view.id;
    expect(view).toMatchObject({
      fileName: "icbc-0115.csv",
      fileKind: "csv",
      channel: "bank-transfer",
      status: "previewed",
      headerRow: 3,
      mapping: { date: 0, memo: 1, amount: 3, payerName: 5, payerAccount: 6, reference: 7 },
      missingFields: [],
      rowCount: 9,
      counts: { matched: 3, ambiguous: 1, unmatched: 1, duplicate: 1, invalid: 1, skipped: 2, posted: 0 },
      unresolved: 3,
      createdBy: expect.any(String),
    });
    const matched = (Number(loans.a.due) + Number(loans.b.due) + Number(loans.c.due)).toFixed(2);
    expect(view.amounts.matched).toBe(matched);
    const rows = await rowsOf(id);
    expect(byRow(rows, 4)).toMatchObject({
      status: "matched",
      matchedBy: "loan-no",
      loan: { loanNo: loans.a.loanNo },
      payerAccount: "************2222",
    });
    expect(byRow(rows, 5)).toMatchObject({
      status: "matched",
      matchedBy: "name-amount",
      loan: { loanNo: loans.c.loanNo },
    });
    expect(byRow(rows, 6)).toMatchObject({
      status: "matched",
      matchedBy: "name-amount",
      loan: { loanNo: loans.b.loanNo },
    });
    expect(byRow(rows, 7)).toMatchObject({ status: "ambiguous", reason: "import-row-amount-differs" });
    expect((byRow(rows, 7).candidates as { loanNo: string }[]).map((c) => c.loanNo).sort()).toEqual(
      [loans.a.loanNo, loans.b.loanNo].sort(),
    );
    expect(byRow(rows, 8)).toMatchObject({
      status: "unmatched",
      reasonText: expect.stringContaining("No loan found"),
    });
    expect(byRow(rows, 9)).toMatchObject({ status: "skipped", reason: "import-row-no-amount" });
    expect(byRow(rows, 10)).toMatchObject({
      status: "invalid",
      reason: "invalid-amount",
      reasonText: "Must be a positive amount with at most 2 decimals",
    });
    expect(byRow(rows, 11)).toMatchObject({ status: "duplicate", reason: "import-row-duplicate-in-file" });
    expect(byRow(rows, 12)).toMatchObject({ status: "skipped", reason: "import-row-summary" });
    expect(await rowsOf(id, "&status=matched")).toHaveLength(3);
    expect(await rowsOf(id, `&search=${encodeURIComponent("恒达")}`)).toHaveLength(1);
  });

  it("keeps the payer's account sealed and only masked in the rows table", async () => {
    const raw = await t.handle.db.execute(
      `select cells_sealed, payer_account_masked from repayment_import_rows where import_id = '${id}' and row_no = 4`,
    );
    const [row] = (raw as unknown as { rows: { cells_sealed: string; payer_account_masked: string }[] }).rows;
    expect(row.cells_sealed).toMatch(/^v1:/);
    expect(row.cells_sealed).not.toContain("6222");
    expect(row.payer_account_masked).toBe("************2222");
  });

  it("refuses to post while rows are unresolved, and writes nothing", async () => {
    const before = await repayments();
    const res = await finance.post(
      `/api/v1/repayment-imports/${id}/post`,
      {},
      { "idempotency-key": "imp-1-early" },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "import-unresolved-rows" });
    expect(res.json().error.message).toContain("3 rows");
    expect(await repayments()).toBe(before);
  });

  it("lets a person pick the loan of an ambiguous row and exclude the rest", async () => {
    const bad = await finance.patch(`/api/v1/repayment-imports/${id}/rows/7`, { loanNo: "L20990100001" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ loanNo: "No loan has this number" });
    const res = await finance.patch(`/api/v1/repayment-imports/${id}/rows/7`, {
      loanNo: loans.a.loanNo.toLowerCase(),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rowNo: 7, status: "matched" });
    const excluded = (await finance.post(`/api/v1/repayment-imports/${id}/exclude-unresolved`, {})).json();
    expect(excluded.counts).toMatchObject({
      matched: 4,
      excluded: 2,
      ambiguous: 0,
      unmatched: 0,
      invalid: 0,
    });
    // Included again, the row is matched afresh.
    const back = await finance.patch(`/api/v1/repayment-imports/${id}/rows/8`, { excluded: false });
    expect(back.json()).toEqual({ rowNo: 8, status: "unmatched" });
    await finance.patch(`/api/v1/repayment-imports/${id}/rows/8`, { excluded: true });
  });

  it("posts every matched row at once with its channel reference, once per Idempotency-Key", async () => {
    const before = await repayments();
    const res = await finance.post(
      `/api/v1/repayment-imports/${id}/post`,
      {},
      { "idempotency-key": "imp-1" },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "posted", postedCount: 4, counts: { posted: 4, matched: 0 } });
    expect(res.json().postedBy).toBeTruthy();
    expect(await repayments()).toBe(before + 4);
    const replay = await finance.post(
      `/api/v1/repayment-imports/${id}/post`,
      {},
      { "idempotency-key": "imp-1" },
    );
    expect(replay.headers["idempotent-replayed"]).toBe("true");
    expect(await repayments()).toBe(before + 4);
    const again = await finance.post(
      `/api/v1/repayment-imports/${id}/post`,
      {},
      { "idempotency-key": "imp-1b" },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("import-not-open");
    const refs = await t.handle.db.execute(
      "select reference, channel from loan_transactions where reference like 'R%' order by reference",
    );
    expect((refs as unknown as { rows: unknown[] }).rows).toEqual([
      { reference: "R1", channel: "bank-transfer" },
      { reference: "R2", channel: "bank-transfer" },
      { reference: "R3", channel: "bank-transfer" },
      { reference: "R4", channel: "bank-transfer" },
    ]);
    const a = (await finance.get(`/api/v1/loans/${loans.a.loanId}`)).json();
    expect(a.schedule[0].state).toBe("paid");
    expect((await ledgerIsConsistent(t.handle.db)).detail).toEqual({ checks: [], balanced: true });
  });

  it("downloads a row-level report with every row, its status and reason", async () => {
    const res = await finance.get(`/api/v1/repayment-imports/${id}/report.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(3).getCell(1).value).toBe("Row");
    const statuses = new Map<number, string>();
    sheet.eachRow((row, n) => {
      if (n > 3) statuses.set(Number(row.getCell(1).value), String(row.getCell(2).value));
    });
    expect(statuses.size).toBe(9);
    expect(statuses.get(4)).toBe("Posted");
    expect(statuses.get(10)).toBe("Excluded");
    expect(statuses.get(11)).toBe("Duplicate");
  });

  it("posts nothing twice when the same file is imported again", async () => {
    const before = await repayments();
    const res = await uploadStatement(finance, statementCsv(firstStatement()));
    const view = res.json();
    expect(view.counts).toMatchObject({ duplicate: 5, matched: 0 });
    const rows = await rowsOf(view.id, "&status=duplicate");
    expect(rows.map((r: { reason: string }) => r.reason).sort()).toEqual([
      "import-row-posted-before",
      "import-row-posted-before",
      "import-row-posted-before",
      "import-row-posted-before",
      "import-row-posted-before",
    ]);
    await finance.post(`/api/v1/repayment-imports/${view.id}/exclude-unresolved`, {});
    const post = await finance.post(
      `/api/v1/repayment-imports/${view.id}/post`,
      {},
      { "idempotency-key": "imp-2" },
    );
    expect(post.statusCode).toBe(409);
    expect(post.json().error.code).toBe("import-nothing-to-post");
    const discarded = await finance.post(`/api/v1/repayment-imports/${view.id}/discard`, {});
    expect(discarded.json().status).toBe("discarded");
    expect(await repayments()).toBe(before);
  });
});

describe("repayment import: all or nothing", () => {
  it("rolls the whole import back when one row is refused at posting, and says which", async () => {
    const file = statementCsv([
      { date: D, memo: `还款 ${loans.c.loanNo}`, credit: "100.00", payer: "李四", reference: "AON-1" },
      { date: D, memo: `还款 ${loans.d.loanNo}`, credit: "50.00", payer: "王五", reference: "AON-2" },
    ]);
    const view = (await uploadStatement(finance, file, { channel: "alipay" })).json();
    expect(view.counts.matched).toBe(2);
    // Between preview and posting the second loan is paid off at the counter.
    const payoff = (await finance.get(`/api/v1/loans/${loans.d.loanId}/payoff?date=${D}`)).json();
    const settled = await finance.post(
      `/api/v1/loans/${loans.d.loanId}/repayments`,
      { amount: payoff.total, date: D, channel: "cash" },
      { "idempotency-key": "settle-d" },
    );
    expect(settled.json().allocation.loanStatus).toBe("closed");
    const before = await repayments();
    const cBefore = (await finance.get(`/api/v1/loans/${loans.c.loanId}`)).json().principalOutstanding;
    const res = await finance.post(
      `/api/v1/repayment-imports/${view.id}/post`,
      {},
      { "idempotency-key": "aon-1" },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "import-post-failed" });
    expect(await repayments()).toBe(before);
    expect((await finance.get(`/api/v1/loans/${loans.c.loanId}`)).json().principalOutstanding).toBe(cBefore);
    const failed = await rowsOf(view.id, "&status=failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      rowNo: 5,
      postError: "loan-not-active",
      reasonText: expect.stringContaining("closed"),
    });
    expect((await finance.get(`/api/v1/repayment-imports/${view.id}`)).json()).toMatchObject({
      failedCount: 1,
      status: "previewed",
    });
    // Without the refused row the rest goes through.
    await finance.patch(`/api/v1/repayment-imports/${view.id}/rows/5`, { excluded: true });
    const retry = await finance.post(
      `/api/v1/repayment-imports/${view.id}/post`,
      {},
      { "idempotency-key": "aon-2" },
    );
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json()).toMatchObject({ postedCount: 1, postedAmount: "100.00", failedCount: 0 });
    expect(await repayments()).toBe(before + 1);
  });
});

describe("repayment import: files that are not right", () => {
  const refused = async (file: Buffer, name = "x.csv") => {
    const res = await uploadStatement(finance, file, { fileName: name });
    return { status: res.statusCode, error: res.json().error };
  };

  it("answers empty files, old .xls, PDFs and broken workbooks with a clear 400", async () => {
    expect(await refused(Buffer.alloc(0))).toMatchObject({
      status: 400,
      error: { code: "import-file-empty" },
    });
    expect(await refused(Buffer.from("d0cf11e0a1b11ae1", "hex"), "a.xls")).toMatchObject({
      status: 400,
      error: { code: "import-file-xls", message: expect.stringContaining(".xlsx") },
    });
    expect(await refused(Buffer.from("%PDF-1.4\n\u0000"), "a.xlsx")).toMatchObject({
      error: { code: "import-file-type" },
    });
    expect(await refused(Buffer.from("504b0304deadbeef", "hex"), "a.xlsx")).toMatchObject({
      error: { code: "import-file-unreadable" },
    });
    expect(await refused(Buffer.from("交易日期,金额,流水号\r\n"))).toMatchObject({
      error: { code: "import-file-empty" },
    });
  });

  it("refuses what is not a multipart upload of one file with a known channel", async () => {
    expect((await finance.post("/api/v1/repayment-imports", { file: "x" })).statusCode).toBe(415);
    const wrongChannel = await uploadStatement(finance, statementCsv([]), { channel: "bitcoin" });
    expect(wrongChannel.statusCode).toBe(400);
    expect(wrongChannel.json().error.fields).toMatchObject({ channel: "Invalid value" });
  });

  it("asks for the mapping when no column is recognised, then matches once it is given", async () => {
    // 李四 owes the rest of the next installment (the first is paid).
    const schedule = (await finance.get(`/api/v1/loans/${loans.c.loanId}`)).json().schedule;
    const next = schedule.find((r: { state: string }) => r.state !== "paid").outstanding;
    const file = Buffer.from(`col1,col2,col3,col4\n${D},${next},李四,MAP-1\n${D},12.345,李四,MAP-2\n`);
    const view = (await uploadStatement(finance, file)).json();
    expect(view).toMatchObject({
      headerRow: null,
      headers: ["A", "B", "C", "D"],
      missingFields: ["date", "amount", "reference"],
      counts: { invalid: 3 },
    });
    expect((await rowsOf(view.id))[0].reasonText).toContain("Choose the columns");
    const twice = await finance.post(`/api/v1/repayment-imports/${view.id}/mapping`, {
      mapping: { date: 0, amount: 0, payerName: 2, payerAccount: null, memo: null, reference: 3 },
    });
    expect(twice.statusCode).toBe(400);
    const res = await finance.post(`/api/v1/repayment-imports/${view.id}/mapping`, {
      mapping: { date: 0, amount: 1, payerName: 2, payerAccount: null, memo: null, reference: 3 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ missingFields: [], counts: { matched: 1, invalid: 2 } });
    const rows = await rowsOf(view.id);
    expect(byRow(rows, 1)).toMatchObject({ status: "invalid", reason: "invalid-amount" });
    expect(byRow(rows, 3)).toMatchObject({ status: "invalid", reason: "invalid-amount" });
    await finance.post(`/api/v1/repayment-imports/${view.id}/discard`, {});
  });

  it("keeps imports to finance: other roles get 403", async () => {
    const telemarketer = await t.as("telemarketer");
    expect((await telemarketer.get("/api/v1/repayment-imports")).statusCode).toBe(403);
    expect((await uploadStatement(telemarketer, statementCsv([]))).statusCode).toBe(403);
  });
});

describe("repayment import: the sample statement and the history", () => {
  it("writes a sample statement from the book that imports as matched rows (xlsx and csv)", async () => {
    const res = await finance.get("/api/v1/repayment-imports/sample");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain(`sample-statement-${D}.xlsx`);
    const view = (await uploadStatement(finance, res.rawPayload, { fileName: "sample.xlsx" })).json();
    expect(view).toMatchObject({ fileKind: "xlsx", headerRow: 4, missingFields: [] });
    expect(view.counts.matched).toBeGreaterThan(0);
    expect(view.counts).toMatchObject({ unmatched: 1, skipped: 2 });
    const csv = await finance.get("/api/v1/repayment-imports/sample?format=csv");
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain("交易日期,摘要,借方金额,贷方金额");
  });

  it("lists imports newest first with their status", async () => {
    const list = (await finance.get("/api/v1/repayment-imports?pageSize=50")).json();
    expect(list.total).toBeGreaterThanOrEqual(5);
    expect(list.items[0].fileName).toBe("sample.xlsx");
    const posted = (await finance.get("/api/v1/repayment-imports?status=posted")).json();
    expect(posted.items.every((i: { status: string }) => i.status === "posted")).toBe(true);
  });
});

describe("repayment import: demo data", () => {
  it("seeds one statement posted through upload, match and post, the stranger excluded", async () => {
    const before = (await finance.get("/api/v1/repayment-imports?status=posted")).json().total;
    await seedDemoImport(t.handle.db, Buffer.alloc(32, 7));
    const posted = (await finance.get("/api/v1/repayment-imports?status=posted")).json();
    expect(posted.total).toBe(before + 1);
    const demo = posted.items[0];
    expect(demo.fileName).toMatch(/^建设银行对账单-2026-01-15\.csv$/);
    expect(demo.postedCount).toBeGreaterThan(0);
    expect(demo.counts).toMatchObject({ excluded: 1, skipped: 1 });
    expect((await ledgerIsConsistent(t.handle.db)).detail).toEqual({ checks: [], balanced: true });
  });
});
