// Leads and calls on the telemarketing floor: a telemarketer opens their leads, logs a call in two
// clicks, registers a lead whose number is already a customer manager's (撞单 warning naming the
// owner), the leader reassigns leads in bulk and looks at the kanban, and call records are imported
// with a progress bar and a row-level error report.
import { assert, newPage, pick, shot, signIn, test } from "../harness.mjs";

const phone = () => `136${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

export default async function journey({ base, browser }) {
  const taken = phone();

  await test("customer manager registers a lead (the number another person will type again)", async () => {
    const { page, context } = await newPage(browser);
    await signIn(page, base, "customer-manager");
    await page.getByTestId("home-page").waitFor();
    const res = await page.request.post(`${base}/api/v1/crm/leads`, {
      data: { name: "陈先生", phone: taken, source: "walk-in", city: "杭州" },
    });
    assert(res.status() === 201, `lead not created: ${res.status()} ${await res.text()}`);
    await context.close();
  });

  await test("telemarketer: my leads, one open, a call logged in two clicks", async () => {
    const { page, context, errors } = await newPage(browser);
    await signIn(page, base, "telemarketer");
    await page.getByTestId("home-page").waitFor();
    await page.goto(`${base}/crm/leads?stage=new,contacted`);
    await page.getByTestId("leads-page").locator("tr.ant-table-row").first().waitFor();
    await shot(page, "crm-leads-table");
    await page.getByTestId("lead-link").first().click();
    await page.getByTestId("lead-detail").waitFor();
    const before = await page.getByTestId("lead-timeline").locator(".ant-timeline-item").count();
    await page.getByTestId("outcome-callback").click(); // click 1: the outcome
    await page.getByTestId("call-logger").locator(".ant-input-number input").fill("95");
    await page.getByTestId("save-call").click(); // click 2: save
    await page.locator(".ant-message").filter({ hasText: "已记录通话" }).waitFor();
    await page.waitForFunction(
      (n) => document.querySelectorAll("[data-testid=lead-timeline] .ant-timeline-item").length > n,
      before,
    );
    await page.getByTestId("lead-timeline").getByText("通话：回访/再联系").first().waitFor();
    await shot(page, "crm-lead-call-logged", true);
    assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    await context.close();
  });

  await test("telemarketer: a new lead with someone else's number shows whose it is (撞单)", async () => {
    const { page, context, errors } = await newPage(browser);
    await signIn(page, base, "telemarketer");
    await page.getByTestId("home-page").waitFor();
    await page.goto(`${base}/crm/leads`);
    await page.getByTestId("create-lead").click();
    await page.getByTestId("lead-name").fill("陈先生");
    await page.getByTestId("lead-phone").fill(taken);
    const warning = page.getByTestId("duplicate-warning");
    await warning.waitFor();
    const owner = (await warning.getByTestId("duplicate-owner").first().textContent()) ?? "";
    assert(owner.startsWith("负责人 ") && owner.length > 4, `the warning does not name the owner: ${owner}`);
    await shot(page, "crm-lead-duplicate-warning");
    await page.getByTestId("lead-submit").click();
    await page.getByTestId("duplicate-modal").getByTestId("create-anyway").waitFor();
    await shot(page, "crm-lead-duplicate-confirm");
    await page.getByTestId("create-anyway").click();
    await page.getByTestId("lead-detail").waitFor();
    await page.getByTestId("duplicates-banner").waitFor();
    await shot(page, "crm-lead-duplicate-banner");
    assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    await context.close();
  });

  await test("leader: reassigns two leads in bulk and sees the kanban", async () => {
    const { page, context, errors } = await newPage(browser);
    await signIn(page, base, "tele-leader");
    await page.getByTestId("home-page").waitFor();
    await page.goto(`${base}/crm/leads?stage=new`);
    const rows = page.getByTestId("leads-page").locator("tr.ant-table-row");
    await rows.first().waitFor();
    await rows.nth(0).locator(".ant-checkbox-input").check();
    await rows.nth(1).locator(".ant-checkbox-input").check();
    await page.getByTestId("bulk-reassign").click();
    await pick(page, page.getByTestId("reassign-owner"), 2);
    await shot(page, "crm-leads-reassign");
    await page.getByTestId("reassign-submit").click();
    await page.locator(".ant-message").filter({ hasText: "已改派" }).waitFor();
    await page.goto(`${base}/crm/leads`);
    await page.getByTestId("leads-view-switch").getByText("看板").click();
    await page.getByTestId("lead-kanban").getByTestId("lead-card").first().waitFor();
    await shot(page, "crm-leads-kanban");
    await page.goto(`${base}/crm/assignment`);
    await page.getByTestId("leads-assignment-page").locator("tr.ant-table-row").first().waitFor();
    await shot(page, "crm-leads-assignment");
    assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    await context.close();
  });

  await test("leader: imports call records — a bad file is reported row by row, a good one imported", async () => {
    const { page, context, errors } = await newPage(browser);
    await signIn(page, base, "tele-leader");
    await page.getByTestId("home-page").waitFor();
    await page.goto(`${base}/crm/call-imports`);
    const header = "通话ID,方向,坐席,主叫,被叫,开始时间,接通时间,结束时间,通话时长,结果,录音地址,供应商";
    const stamp = Date.now();
    const bad = `${header}\nE${stamp}-1,呼出,telemarketer,8001,12345,2026-11-27 09:00:00,,,0,,,e2e\nE${stamp}-2,呼出,nobody,8001,13700001234,2026-11-27 09:01:00,,,0,,,e2e\n`;
    const upload = page.getByTestId("call-import-page").locator("input[type=file]");
    await upload.setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await page.getByTestId("cdr-start").click();
    await page
      .getByTestId("cdr-result")
      .getByTestId("import-errors")
      .locator("tr.ant-table-row")
      .first()
      .waitFor();
    await shot(page, "crm-call-import-rejected");
    const good = `${header}\nG${stamp}-1,呼出,telemarketer,8001,${taken},2026-11-27 10:00:00,2026-11-27 10:00:05,2026-11-27 10:02:05,120,ANSWERED,,e2e\nG${stamp}-2,呼出,telemarketer,8001,13700004321,2026-11-27 10:05:00,,,0,NO ANSWER,,e2e\n`;
    await upload.setInputFiles({ name: "good.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await page.getByTestId("cdr-start").click();
    await page.getByTestId("cdr-result").filter({ hasText: "已导入 2 条通话" }).waitFor();
    await page.getByTestId("cdr-progress").waitFor();
    await shot(page, "crm-call-import-done");
    assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    await context.close();
  });
}
