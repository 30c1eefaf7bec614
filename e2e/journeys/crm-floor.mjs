// The telemarketing floor: a telemarketer's day (my day, callbacks, booking tomorrow's appointment,
// which shows up as a next-day appointment), the leader's group board and the PK leaderboard on the
// wall screen, the director's floor and plan, the daily report, and customer service's complaints.
import { assert, newPage, PHONE, pick, shot, signIn, test } from "../harness.mjs";

async function openMyDay(page, base) {
  await page.goto(`${base}/crm/my-day`);
  await page.getByTestId("my-day-page").waitFor();
  await page.getByTestId("today-calls").waitFor();
}

const tomorrowCount = async (page) =>
  Number(
    (
      (await page.getByTestId("appointments-tomorrow").locator(".ant-card-head-title").textContent()) ?? ""
    ).match(/(\d+)\s*$/)?.[1] ?? -1,
  );

export default async function journey({ base, browser }) {
  await test("telemarketer: my day with today's calls against target, callbacks and tomorrow's appointments", async () => {
    const { page, context, errors } = await newPage(browser);
    await signIn(page, base, "telemarketer");
    await page.getByTestId("home-page").waitFor();
    await openMyDay(page, base);
    await page.getByTestId("callbacks").waitFor();
    const calls = await page.getByTestId("today-calls").locator(".kpi-card-value").textContent();
    assert(/^\d[\d,]*$/.test(calls ?? ""), `calls today shown as a number, saw ${calls}`);
    assert((await page.getByTestId("callback-item").count()) > 0, "the demo telemarketer has callbacks due");
    assert((await tomorrowCount(page)) > 0, "the demo telemarketer has appointments tomorrow");
    await page.waitForLoadState("networkidle");
    await shot(page, "crm-my-day", true);
    assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    await context.close();
  });

  await test("telemarketer: my day fits a phone", async () => {
    const { page, context } = await newPage(browser, PHONE);
    await signIn(page, base, "telemarketer");
    await page.getByTestId("home-page").waitFor();
    await openMyDay(page, base);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 1, `my day scrolls sideways on a phone by ${overflow}px`);
    await shot(page, "crm-my-day-phone");
    await context.close();
  });

  await test("telemarketer: works the overdue revisits and books an appointment for tomorrow", async () => {
    const { page, context, errors } = await newPage(browser);
    await signIn(page, base, "telemarketer");
    await page.getByTestId("home-page").waitFor();
    await openMyDay(page, base);
    const before = await tomorrowCount(page);
    const nextDayBefore = Number(
      await page.getByTestId("today-nextDayAppointments").locator(".kpi-card-value").textContent(),
    );
    await page.goto(`${base}/crm/follow-ups`);
    await page.getByTestId("followups-page").waitFor();
    await page.getByRole("tab", { name: /逾期/ }).click();
    await page.getByTestId("followups-table").locator("tr.ant-table-row").first().waitFor();
    await shot(page, "crm-followups");
    await page.goto(`${base}/crm/appointments`);
    await page.getByTestId("appointments-page").waitFor();
    await page.getByTestId("appointment-book").click();
    const modal = page.locator(".ant-modal").filter({ hasText: "预约约见" });
    await pick(page, modal.getByTestId("appointment-lead"), 0);
    await modal.getByTestId("appointment-place").fill("公司二楼洽谈室(e2e)");
    const [booked] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith("/api/v1/crm/appointments") && r.request().method() === "POST",
        {
          timeout: 30_000,
        },
      ),
      page.getByTestId("appointment-save").click(),
    ]);
    assert(booked.status() === 201, `booking answered ${booked.status()}`);
    await shot(page, "crm-appointments", true);
    await openMyDay(page, base);
    await page.waitForFunction(
      (n) => {
        const title =
          document.querySelector('[data-testid="appointments-tomorrow"] .ant-card-head-title')?.textContent ??
          "";
        return Number(title.match(/(\d+)\s*$/)?.[1] ?? -1) === n;
      },
      before + 1,
      { timeout: 30_000 },
    );
    const nextDay = Number(
      await page.getByTestId("today-nextDayAppointments").locator(".kpi-card-value").textContent(),
    );
    assert(
      nextDay === nextDayBefore + 1,
      `a booking for tomorrow is a 次日约见: ${nextDayBefore} → ${nextDay}`,
    );
    assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    await context.close();
  });

  await test("leader: the group's board and the PK leaderboard on the wall screen", async () => {
    const { page, context, errors } = await newPage(browser);
    await signIn(page, base, "tele-leader");
    await page.getByTestId("home-page").waitFor();
    await page.goto(`${base}/crm/kpi?period=week`);
    await page.getByTestId("board-members").locator("tr.ant-table-row").first().waitFor();
    await page.getByTestId("behind-count").waitFor();
    await page.waitForLoadState("networkidle");
    await shot(page, "crm-kpi-group", true);
    await page.goto(`${base}/crm/pk`);
    await page.getByTestId("pk-card").first().waitFor();
    await shot(page, "crm-pk-list", true);
    await page.getByTestId("pk-card").first().getByText("排行榜").click();
    await page.getByTestId("pk-wall").waitFor();
    const rows = await page.getByTestId("pk-row").count();
    assert(rows >= 2, `the leaderboard ranks at least two groups, saw ${rows}`);
    await page.waitForTimeout(400);
    await shot(page, "crm-pk-board");
    await page.getByTestId("pk-fullscreen").click();
    await page.waitForTimeout(600);
    await shot(page, "crm-pk-wall");
    assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    await context.close();
  });

  await test("director: the floor by group, the marketing plan and the daily report", async () => {
    const { page, context, errors } = await newPage(browser);
    await signIn(page, base, "sales-director");
    await page.getByTestId("home-page").waitFor();
    await page.goto(`${base}/crm/kpi?level=floor&period=month`);
    await page.getByTestId("board-members").locator("tr.ant-table-row").first().waitFor();
    await page.waitForLoadState("networkidle");
    await shot(page, "crm-kpi-floor", true);
    await page.goto(`${base}/crm/targets`);
    await page.getByTestId("targets-table").locator("tr.ant-table-row").first().waitFor();
    await page.waitForLoadState("networkidle");
    await shot(page, "crm-targets", true);
    await page.goto(`${base}/crm/targets?tab=campaigns`);
    await page.getByTestId("campaigns-table").waitFor();
    await page.waitForLoadState("networkidle");
    await shot(page, "crm-campaigns", true);
    await page.goto(`${base}/crm/daily-reports`);
    await page.getByTestId("report-view").waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("report-export").click(),
    ]);
    assert(download.suggestedFilename().endsWith(".xlsx"), "the daily report exports an .xlsx");
    await shot(page, "crm-daily-report", true);
    assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    await context.close();
  });

  await test("customer service: complaints past their time limit, worked to a resolution", async () => {
    const { page, context, errors } = await newPage(browser);
    await signIn(page, base, "service");
    await page.getByTestId("home-page").waitFor();
    await page.goto(`${base}/crm/feedback`);
    await page.getByTestId("feedback-table").locator("tr.ant-table-row").first().waitFor();
    assert((await page.getByText(/超时 \d+ 小时/).count()) > 0, "an overdue complaint is flagged");
    await shot(page, "crm-feedback", true);
    await page.getByTestId("feedback-create").click();
    const modal = page.locator(".ant-modal").filter({ hasText: "登记反馈/投诉" });
    await pick(page, modal.getByTestId("feedback-category"), "催收行为");
    await modal.getByTestId("feedback-contact").fill("赵先生");
    const subject = `晚上十点后仍接到催收电话(e2e ${Date.now() % 100000})`;
    await modal.getByTestId("feedback-subject").fill(subject);
    const [recorded] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith("/api/v1/crm/feedback") && r.request().method() === "POST",
        { timeout: 30_000 },
      ),
      page.getByTestId("feedback-save").click(),
    ]);
    assert(recorded.status() === 201, `recording answered ${recorded.status()}: ${await recorded.text()}`);
    await page.getByText(/已登记 FB\d{8}-\d{3}/).waitFor();
    await page.getByTestId("feedback-table").getByText(subject).click();
    const drawer = page.getByTestId("feedback-drawer");
    await drawer.getByTestId("feedback-outcome").fill("已核实并向客户致歉,催收组已整改");
    await drawer.getByTestId("feedback-to-resolved").click();
    await page.getByText("状态已更新").first().waitFor();
    await shot(page, "crm-feedback-resolved");
    assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    await context.close();
  });
}
