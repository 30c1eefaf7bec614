// 经营概览: the general manager reads the book from the workbench card, opens the overview, checks it
// against the API, downloads a chart's data and the monthly table; a team manager sees only the team's
// book; a customer manager has no such page.
import { readFileSync } from "node:fs";
import { assert, menuText, newPage, shot, signIn, test } from "../harness.mjs";

const yuan = (amount) => {
  const [whole, cents] = amount.split(".");
  return `¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
};

async function csvOf(page, click) {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  assert(download.suggestedFilename().endsWith(".csv"), `not a CSV: ${download.suggestedFilename()}`);
  return readFileSync(await download.path(), "utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r\n/);
}

export default async function journey({ base, browser }) {
  let companyOutstanding = null;

  await test("GM: the workbench card leads to the overview, whose figures match the API", async () => {
    const { page, context, errors } = await newPage(browser);
    await signIn(page, base, "gm");
    const card = page.getByTestId("home-portfolio");
    await card.getByText("在贷余额").waitFor();
    assert((await menuText(page)).includes("经营概览"), "the menu lacks 经营概览");
    await card.getByTestId("home-portfolio-open").click();
    await page.getByTestId("portfolio-kpis").waitFor();
    const report = await page.evaluate(async () => (await fetch("/api/v1/reports/portfolio")).json());
    companyOutstanding = Number(report.book.principalOutstanding);
    assert(report.book.loans > 50 && report.months.length === 12, "the demo book is missing");
    const outstanding = await page.getByTestId("kpi-outstanding").textContent();
    assert(outstanding.includes(yuan(report.book.principalOutstanding)), `outstanding: ${outstanding}`);
    const npl = await page.getByTestId("kpi-npl").textContent();
    const nplPercent = `${(Number(report.book.nplRatio) * 100).toFixed(2)}%`;
    assert(npl.includes(nplPercent), `NPL card ${npl} against ${nplPercent}`);
    const total = await page.getByTestId("portfolio-class-table").locator(".ant-table-summary").textContent();
    assert(total.includes(yuan(report.book.principalOutstanding)), `class total: ${total}`);
    // The demo has overdue and non-performing loans, so the quality cards are not all zero.
    assert(report.book.overdueLoans > 0 && report.book.nplLoans > 0, "no delinquency in the demo book");
    // 刷新 asks the server to compute now instead of answering from its cache.
    const [fresh] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("/reports/portfolio") && r.url().includes("fresh=true")),
      page.getByTestId("portfolio-refresh").click(),
    ]);
    const refreshed = await fresh.json();
    assert(fresh.status() === 200 && refreshed.computedAt > report.computedAt, "refresh did not recompute");
    await shot(page, "portfolio-gm", true);
    assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    await context.close();
  });

  await test("GM: a chart's data and the monthly table download as CSV; 6 months narrows both", async () => {
    const { page, context, errors } = await newPage(browser);
    await signIn(page, base, "gm");
    await page.getByTestId("home-page").waitFor();
    await page.goto(`${base}/portfolio`);
    await page.getByTestId("portfolio-trend").waitFor();
    const trend = await csvOf(page, () =>
      page.getByTestId("portfolio-trend").getByTestId("chart-download").click(),
    );
    assert(
      trend[0].startsWith("月份,放款,回款,回收率") && trend.length === 13,
      `trend CSV: ${trend[0]} (${trend.length})`,
    );
    const classes = await csvOf(page, () =>
      page.getByTestId("portfolio-classification").getByTestId("chart-download").click(),
    );
    assert(classes.length === 6 && classes[1].startsWith("正常,"), `class CSV: ${classes.join(" | ")}`);
    await page.getByTestId("portfolio-months").getByText("近 6 个月").click();
    await page.waitForFunction(
      () => document.querySelectorAll("[data-testid=portfolio-month-table] tr.ant-table-row").length === 6,
    );
    const table = await csvOf(page, () => page.getByTestId("portfolio-export").click());
    assert(
      table.length === 7 && table[0].startsWith("月份,放款笔数"),
      `table CSV: ${table[0]} (${table.length})`,
    );
    assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    await context.close();
  });

  await test("team manager: the team's book only; a customer manager has no overview", async () => {
    const { page, context, errors } = await newPage(browser);
    await signIn(page, base, "team-manager");
    await page.getByTestId("home-portfolio").getByText("本团队").waitFor();
    await page.goto(`${base}/portfolio`);
    await page.getByTestId("portfolio-kpis").waitFor();
    const report = await page.evaluate(async () => (await fetch("/api/v1/reports/portfolio")).json());
    assert(report.scope === "team", `scope ${report.scope}`);
    const team = Number(report.book.principalOutstanding);
    assert(team > 0 && team < companyOutstanding, `team ${team} of company ${companyOutstanding}`);
    await page.getByText("范围：本团队").waitFor();
    await shot(page, "portfolio-team-manager");
    assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    await context.close();

    const cm = await newPage(browser);
    await signIn(cm.page, base, "customer-manager");
    await cm.page.getByTestId("home-page").waitFor();
    assert((await cm.page.getByTestId("home-portfolio").count()) === 0, "a customer manager sees the card");
    assert(!(await menuText(cm.page)).includes("经营概览"), "a customer manager has the menu entry");
    await cm.page.goto(`${base}/portfolio`);
    await cm.page.getByText("403", { exact: true }).waitFor();
    await cm.context.close();
  });
}
