// 批量还款导入: finance downloads the sample statement (written from the loan book), uploads it, settles
// the ambiguous row and excludes the stranger, posts the whole file at once, downloads the report,
// and sees a second upload of the same file post nothing twice.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { assert, menuText, newPage, pick, shot, signIn, test } from "../harness.mjs";

/** Confirms the open confirmation dialog and waits until it is gone (so the next one is not confused with it). */
async function confirmModal(page) {
  const dialog = page.locator(".ant-modal-confirm").last();
  await dialog.getByRole("button", { name: /确\s*定|确认入账|OK/ }).click();
  await dialog.waitFor({ state: "detached" });
}

async function uploadFile(page, file) {
  await page.getByTestId("import-upload").locator("input[type=file]").setInputFiles(file);
  await page.getByTestId("import-detail-page").waitFor();
  await page.getByTestId("import-rows").locator("tr.ant-table-row").first().waitFor();
}

export default async function journey({ base, browser }) {
  const { page, context, errors } = await newPage(browser);
  const downloads = mkdtempSync(path.join(tmpdir(), "mc-import-"));
  let sample = null;
  let postedUrl = null;
  try {
    await test("finance finds 批量还款导入 in the menu with the demo import posted", async () => {
      await signIn(page, base, "finance");
      await page.getByTestId("home-page").waitFor();
      assert((await menuText(page)).includes("批量还款导入"), "menu lacks 批量还款导入");
      await page.goto(`${base}/repayment-imports`);
      const table = page.getByTestId("imports-table");
      await table.locator("tr.ant-table-row").first().waitFor();
      assert((await table.textContent()).includes("已入账"), "no posted import in the history");
      await shot(page, "import-list");
    });

    await test("the sample statement downloads as an .xlsx written from the book", async () => {
      await page.getByTestId("sample-download").hover();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator(".ant-dropdown-menu-item").filter({ hasText: "Excel" }).click(),
      ]);
      sample = path.join(downloads, download.suggestedFilename());
      await download.saveAs(sample);
      assert(sample.endsWith(".xlsx"), `sample is ${sample}`);
    });

    await test("uploading it reads the header, matches rows and shows the preview with totals", async () => {
      await uploadFile(page, sample);
      postedUrl = page.url();
      const kpis = await page.getByTestId("import-kpis").textContent();
      assert(/¥[\d,]+\.\d{2}/.test(kpis), `no amount in the KPIs: ${kpis}`);
      const rows = await page.getByTestId("import-rows").textContent();
      for (const word of ["已匹配", "未匹配", "非还款行"])
        assert(rows.includes(word), `preview lacks ${word}`);
      assert(await page.getByTestId("import-post").isDisabled(), "post enabled while rows are unresolved");
      await shot(page, "import-preview", true);
    });

    await test("the ambiguous row gets its loan chosen, the stranger is excluded, then it posts at once", async () => {
      await page
        .getByTestId("row-filter")
        .getByText(/待确认/)
        .click();
      // The select gives way to the chosen loan once the row is resolved.
      const choices = await page.getByTestId("choose-candidate").count();
      await pick(page, page.getByTestId("choose-candidate").first(), 0, {
        took: () =>
          page
            .waitForFunction(
              (n) => document.querySelectorAll("[data-testid=choose-candidate]").length < n,
              choices,
              { timeout: 5_000 },
            )
            .then(() => true)
            .catch(() => false),
      });
      await page.getByTestId("row-filter").getByText(/^全部/).click();
      await page.getByTestId("exclude-unresolved").click();
      await confirmModal(page);
      await page.getByTestId("exclude-unresolved").waitFor({ state: "detached" });
      const post = page.getByTestId("import-post");
      await page.waitForFunction(() => !document.querySelector("[data-testid=import-post]")?.disabled);
      await post.click();
      await confirmModal(page);
      await page.getByTestId("import-posted").waitFor({ timeout: 60_000 });
      const result = await page.getByTestId("import-posted").textContent();
      assert(/已入账 \d+ 笔/.test(result), `result: ${result}`);
      await shot(page, "import-posted");
    });

    await test("the row-level report downloads as Excel", async () => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("import-report").first().click(),
      ]);
      assert(download.suggestedFilename().endsWith(".xlsx"), `report is ${download.suggestedFilename()}`);
    });

    await test("the same file uploaded again posts nothing twice", async () => {
      await page.goto(`${base}/repayment-imports`);
      await uploadFile(page, sample);
      assert(page.url() !== postedUrl, "no new import");
      const rows = await page.getByTestId("import-rows").textContent();
      assert(rows.includes("重复"), "no duplicate rows on re-import");
      assert(rows.includes("已入账过"), "duplicates do not say they were posted before");
      await shot(page, "import-reimport", true);
      await page.getByTestId("import-discard").click();
      await confirmModal(page);
      await page.getByTestId("import-status").filter({ hasText: "已作废" }).waitFor();
    });

    await test("no page errors along the way", async () => {
      assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    });
  } finally {
    await context.close().catch(() => {});
  }
}
