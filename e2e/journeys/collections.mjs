// Collections: a loan administrator opens the work queue and a task, logs a call with a promise to
// pay, is refused a call logged at 23:00 (the quiet hours) and a note that tells a third party about
// the debt; a lead reads the overview and the loan page shows the collection history.
import { assert, menuText, newPage, pick, shot, signIn, test } from "../harness.mjs";

// China time (UTC+8) as "YYYY-MM-DD HH:mm", the format of the form's time picker.
const china = (date) => new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
const HOUR = 3600_000;

/** A daytime moment in the last hours (10:00 today, or 20:30 yesterday before 10:00), and the latest 23:00 passed. */
function moments(now = new Date()) {
  const today = china(now).slice(0, 10);
  const at = (day, time) => new Date(`${day}T${time}:00+08:00`);
  const yesterday = china(new Date(now.getTime() - 24 * HOUR)).slice(0, 10);
  const daytime = at(today, "10:00") <= now ? at(today, "10:00") : at(yesterday, "20:30");
  const night = at(today, "23:00") <= now ? at(today, "23:00") : at(yesterday, "23:00");
  const promise = china(new Date(now.getTime() + 3 * 24 * HOUR)).slice(0, 10);
  return { daytime: china(daytime), night: china(night), promise };
}

// Typed into the picker and committed by leaving it (Enter would also submit the form).
async function setPicker(page, testId, text) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(text);
  await page.locator(".ant-card-head-title").filter({ hasText: "登记联系" }).click();
  await page.waitForFunction(
    ([id, value]) => document.querySelector(`[data-testid="${id}"]`)?.value === value,
    [testId, text],
    { timeout: 30_000 },
  );
}

export default async function journey({ base, browser }) {
  const { page, context, errors } = await newPage(browser);
  const when = moments();
  let taskUrl = null;
  try {
    await test("a loan administrator opens the collections workbench with their tasks", async () => {
      await signIn(page, base, "loan-admin");
      await page.getByTestId("home-page").waitFor();
      assert((await menuText(page)).includes("催收工作台"), "menu lacks 催收工作台");
      await page.goto(`${base}/collections`);
      await page.getByTestId("queue-table").locator("tr.ant-table-row").first().waitFor();
      const total = await page.locator(".ant-pagination-total-text").textContent();
      assert(/共 \d+ 条/.test(total ?? ""), `no total: ${total}`);
      // Borrowers are masked in the list: 王*英.
      const first = await page.getByTestId("queue-table").locator("tr.ant-table-row").first().textContent();
      assert(first.includes("*"), `borrower not masked: ${first.slice(0, 80)}`);
      await shot(page, "collections-queue");
    });

    await test("a task shows the arrears, the contact history and the form with the conduct check", async () => {
      await page.getByTestId("queue-table").locator("tr.ant-table-row a.strong-link").first().click();
      await page.getByTestId("collection-task-page").waitFor();
      taskUrl = page.url();
      await page.getByTestId("task-arrears").locator("tr.ant-table-row").first().waitFor();
      await page.getByTestId("task-timeline").waitFor();
      await shot(page, "collections-task", true);
    });

    await test("logs a call with a promise to pay", async () => {
      await setPicker(page, "action-occurred-at", when.daytime);
      await page.getByTestId("contact-allowed").waitFor();
      await pick(page, page.getByTestId("action-purpose"), "还款协商");
      await pick(page, page.getByTestId("action-outcome"), "承诺还款");
      await page.getByTestId("action-promise-amount").fill("500");
      await setPicker(page, "action-promise-date", when.promise);
      await page.getByTestId("action-note").fill("客户承诺三天内先还 500 元");
      await shot(page, "collections-promise-form");
      await page.getByTestId("action-submit").click();
      await page.locator(".ant-message").filter({ hasText: "已登记" }).waitFor();
      await page
        .getByTestId("task-promises")
        .locator("tr.ant-table-row")
        .filter({ hasText: "待兑现" })
        .first()
        .waitFor();
      const timeline = await page.getByTestId("task-timeline").textContent();
      assert(timeline.includes("承诺还款"), "the promise is not in the timeline");
      await shot(page, "collections-promise-logged", true);
    });

    await test("is refused a call at 23:00: the quiet hours, with the reason shown", async () => {
      await setPicker(page, "action-occurred-at", when.night);
      // Late in the evening the form's own "now" is already in the quiet hours: wait for the answer
      // about 23:00, not the one about the time the form opened with.
      const refused = page.getByTestId("contact-refused").filter({ hasText: "23:00" });
      await refused.waitFor();
      const text = await refused.textContent();
      assert(text.includes("23:00") && text.includes("禁止联系时段"), `no quiet-hours reason: ${text}`);
      assert(await page.getByTestId("action-submit").isDisabled(), "submit is not disabled");
      await page.getByTestId("action-card").scrollIntoViewIfNeeded();
      await shot(page, "collections-quiet-hours");
    });

    await test("a third party may only be asked to pass on a message; a debt word is refused", async () => {
      await page.reload();
      await page.getByTestId("collection-task-page").waitFor();
      await page.getByTestId("add-contact").click();
      const modal = page.locator(".ant-modal").filter({ hasText: "添加联系人" });
      await modal
        .getByText("第三方(亲属、单位等)", { exact: false })
        .first()
        .waitFor()
        .catch(() => {});
      await pick(page, modal.locator("#relation"), "工作单位");
      await modal.locator("input#name").fill("单位前台");
      await modal.locator("input#phone").fill("057188886666");
      await modal.getByRole("button", { name: /保\s*存/ }).click();
      await page.locator(".ant-message").filter({ hasText: "已添加联系人" }).waitFor();
      await setPicker(page, "action-occurred-at", when.daytime);
      await pick(page, page.getByTestId("action-contact"), "单位前台");
      const note = page.getByTestId("action-note");
      await page.waitForFunction(() =>
        document.querySelector("[data-testid=action-note]")?.value.includes("转告"),
      );
      await pick(page, page.getByTestId("action-outcome"), "已留言/转告");
      await note.fill("已告知其单位该员工欠款逾期");
      await page.getByTestId("action-submit").click();
      const error = page.getByTestId("action-error");
      await error.waitFor();
      const text = await error.textContent();
      assert(text.includes("不得向第三方透露债务"), `no third-party refusal: ${text}`);
      await shot(page, "collections-third-party-refused", true);
    });

    await test("the loan page shows the collection history", async () => {
      await page
        .getByTestId("collection-task-page")
        .getByRole("link", { name: /贷款账户/ })
        .click();
      await page.getByTestId("loan-detail-page").waitFor();
      await page.getByRole("tab", { name: "催收记录" }).click();
      await page.getByTestId("loan-collection-history").waitFor();
      assert(
        (await page.getByTestId("loan-collection-history").textContent()).includes("承诺还款"),
        "no promise",
      );
      await shot(page, "collections-loan-history", true);
    });

    await test("a lead reads the overview: tasks by bucket, promises kept, collectors' day", async () => {
      await context.clearCookies();
      await signIn(page, base, "risk");
      await page.getByTestId("home-page").waitFor();
      await page.goto(`${base}/collections/summary`);
      await page.getByTestId("summary-kpis").waitFor();
      await page.getByTestId("collectors-table").locator("tr.ant-table-row").first().waitFor();
      await shot(page, "collections-summary", true);
      await page.goto(`${base}/collections`);
      await page.getByTestId("queue-table").locator("tr.ant-table-row").first().waitFor();
      await page.getByTestId("queue-table").locator("tr.ant-table-row .ant-checkbox-input").first().check();
      await page.getByTestId("assign-selected").click();
      await page.locator(".ant-modal").filter({ hasText: "分配催收任务" }).waitFor();
      await shot(page, "collections-assign");
      await page.keyboard.press("Escape");
    });

    if (taskUrl)
      await test("no page errors along the way", async () => {
        assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
      });
  } finally {
    await context.close().catch(() => {});
  }
}
