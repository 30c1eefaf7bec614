// Loan servicing: finance opens the loan book and an overdue loan, posts a repayment through the
// drawer, runs the close of business to the next date, then reads the ledger and capital.
import { assert, menuText, newPage, pick, shot, signIn, test } from "../harness.mjs";

const nextDay = (date) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

export default async function journey({ base, browser }) {
  const { page, context, errors } = await newPage(browser);
  let loanUrl = null;
  try {
    await test("finance signs in and sees the servicing menu and shortcuts", async () => {
      await signIn(page, base, "finance");
      await page.getByTestId("home-page").waitFor();
      const menu = await menuText(page);
      for (const item of ["贷款账户", "日终批处理", "总账", "资金"])
        assert(menu.includes(item), `menu lacks ${item}`);
      await page.getByTestId("shortcut-loans").waitFor();
    });

    await test("/loans lists the loan book with filters, total and classification tags", async () => {
      await page.goto(`${base}/loans`);
      await page.getByTestId("loans-table").locator("tr.ant-table-row").first().waitFor();
      const total = await page.locator(".ant-pagination-total-text").textContent();
      assert(/共 \d+ 条/.test(total ?? ""), `no total: ${total}`);
      await shot(page, "servicing-loans");
      // Overdue loans: bucket M1 (1–30 days past due).
      await pick(page, page.getByTestId("filter-bucket"), "M1");
      await page.waitForFunction(() => {
        const rows = [...document.querySelectorAll("[data-testid=loans-table] tr.ant-table-row")];
        return rows.length > 0 && rows.every((r) => r.textContent.includes("M1"));
      });
      assert(
        (await page.getByTestId("classification-tag").first().textContent()).includes("关注"),
        "M1 not 关注",
      );
      await shot(page, "servicing-loans-overdue");
    });

    await test("an overdue loan shows its schedule at once, KPIs and tabs", async () => {
      await page.getByTestId("loans-table").locator("tr.ant-table-row a").first().click();
      await page.getByTestId("loan-detail-page").waitFor();
      loanUrl = page.url();
      const schedule = page.getByTestId("loan-schedule");
      await schedule.locator("tr.ant-table-row").first().waitFor();
      assert((await schedule.textContent()).includes("逾期"), "no overdue installment in the schedule");
      await page.getByTestId("loan-kpis").waitFor();
      await shot(page, "servicing-loan-detail", true);
    });

    await test("a repayment through the drawer shows the allocation and posts once", async () => {
      const before = await page.getByTestId("loan-transactions").locator("tr.ant-table-row").count();
      await page.getByTestId("post-repayment").click();
      const drawer = page.getByTestId("repayment-drawer");
      await drawer.getByTestId("repayment-amount").fill("500");
      // The drawer fills in its defaults as it opens: submit only once the typed amount has stuck.
      await page.waitForFunction(
        () =>
          document.querySelector("[data-testid=repayment-drawer] [data-testid=repayment-amount]")?.value ===
          "500",
      );
      await shot(page, "servicing-repayment-form");
      // The allocation is shown when the server has answered, and the first payment on a loan also
      // brings the loan up to the business date: wait for that answer (not the page default), and
      // fail with what the server said rather than a timeout.
      const answered = page.waitForResponse(
        (r) =>
          r.request().method() === "POST" &&
          /\/api\/v1\/loans\/[^/]+\/repayments$/.test(new URL(r.url()).pathname),
        { timeout: 60_000 },
      );
      // A double click: one payment (disabled while pending, one Idempotency-Key per form). Both clicks
      // land before the answer; a second click sent later could hit the "done" button that takes the
      // submit button's place once the answer is shown, and close the drawer.
      await page.getByTestId("repayment-submit").dblclick();
      const response = await answered;
      assert(response.status() === 201, `repayment answered ${response.status()}: ${await response.text()}`);
      await page.getByTestId("repayment-result").waitFor();
      const result = await page.getByTestId("repayment-result").textContent();
      assert(result.includes("¥500.00"), `allocation does not show the amount: ${result.slice(0, 120)}`);
      await shot(page, "servicing-repayment-result");
      await page.getByTestId("repayment-done").click();
      await page.waitForFunction(
        (n) => document.querySelectorAll("[data-testid=loan-transactions] tr.ant-table-row").length === n + 1,
        before,
      );
      await page.waitForTimeout(500);
      const after = await page.getByTestId("loan-transactions").locator("tr.ant-table-row").count();
      assert(after === before + 1, `expected ${before + 1} transactions, found ${after}`);
    });

    await test("the close of business runs to the next date with a progress bar", async () => {
      await page.goto(`${base}/batch`);
      const dateCard = page.getByTestId("business-date");
      await dateCard
        .locator(".ant-statistic-content")
        .filter({ hasText: /\d{4}-\d{2}-\d{2}/ })
        .waitFor();
      const current = (await dateCard.locator(".ant-statistic-content").textContent()).trim();
      const target = nextDay(current);
      const input = page.getByTestId("cob-date");
      assert((await input.inputValue()) === target, `default date ${await input.inputValue()} ≠ ${target}`);
      await page.getByTestId("cob-run").click();
      await page
        .locator(".ant-modal-confirm")
        .getByRole("button", { name: /确\s*定|OK/ })
        .click();
      // A short batch can finish before the progress bar is caught: either state shows it started.
      await page.locator("[data-testid=cob-progress], [data-testid=cob-succeeded]").first().waitFor();
      await shot(page, "servicing-batch-running");
      await page.getByTestId("cob-succeeded").waitFor({ timeout: 120_000 });
      await dateCard.locator(".ant-statistic-content").filter({ hasText: target }).waitFor();
      // The server's record: the run among the latest jobs, the date on top of the closed dates.
      await page
        .getByTestId("cob-jobs")
        .locator("tr.ant-table-row")
        .filter({ hasText: target })
        .first()
        .waitFor();
      const firstClosed = page.getByTestId("cob-closes").locator("tr.ant-table-row").first();
      await firstClosed.filter({ hasText: target }).waitFor();
      assert((await firstClosed.textContent()).includes("逐日"), "the new close is not marked daily");
      // The picker moves on to the following date, ready for the next run.
      const following = nextDay(target);
      await page.waitForFunction(
        (expected) => document.querySelector("[data-testid=cob-date]")?.value === expected,
        following,
      );
      await shot(page, "servicing-batch");
    });

    await test("/ledger shows a balanced trial balance, a statement and the sub-ledger check", async () => {
      await page.goto(`${base}/ledger`);
      const badge = page.getByTestId("balanced-badge");
      await badge.waitFor();
      assert((await badge.textContent()).includes("借贷平衡"), "trial balance not balanced");
      await page.getByTestId("sub-ledger").locator("tr.ant-table-row").first().waitFor();
      await page.getByTestId("trial-balance").locator("tr.ant-table-row").filter({ hasText: "1301" }).click();
      await page.getByTestId("statement").locator(".ant-statistic").first().waitFor();
      await page.getByTestId("statement").locator("tr.ant-table-row").first().waitFor();
      await shot(page, "servicing-ledger", true);
    });

    await test("/capital shows funds, leverage and the 7/30/90-day forecast", async () => {
      await page.goto(`${base}/capital`);
      await page.getByTestId("capital-kpis").waitFor();
      await page.getByTestId("forecast-table").locator("tr.ant-table-row").nth(2).waitFor();
      await shot(page, "servicing-capital", true);
    });

    if (loanUrl)
      await test("the loan detail still reads after the close of business", async () => {
        await page.goto(loanUrl);
        await page.getByTestId("loan-schedule").locator("tr.ant-table-row").first().waitFor();
      });

    await test("no page errors along the way", async () => {
      assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    });
  } finally {
    await context.close().catch(() => {});
  }
}
