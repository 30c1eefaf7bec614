// Sign-in for every role with the right menu, the public calculator, user and role admin, the audit trail.
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { assert, menuText, newPage, PHONE, shot, signIn, test } from "../harness.mjs";

// What each demo role's menu must show and must not show (src/platform/auth/permissions.ts).
const EVERYONE = ["工作台", "贷款计算器", "修改密码"];
const ADMIN_ITEMS = ["用户管理", "角色权限"];
const AUDIT_ITEMS = ["审计日志"];
const ROLES = {
  gm: { name: "总经理", admin: false, audit: true },
  risk: { name: "风险评估师", admin: false, audit: false },
  finance: { name: "财务主管", admin: false, audit: false },
  "sales-director": { name: "营销总监", admin: false, audit: false },
  "team-manager": { name: "团队经理", admin: false, audit: false },
  "customer-manager": { name: "客户经理", admin: false, audit: false },
  "tele-leader": { name: "电销组长", admin: false, audit: false },
  telemarketer: { name: "电销专员", admin: false, audit: false },
  "loan-admin": { name: "业务管理员", admin: false, audit: false },
  service: { name: "客服", admin: false, audit: false },
  compliance: { name: "合规 / 审计", admin: false, audit: true },
  hr: { name: "人事", admin: false, audit: false },
  admin: { name: "系统管理员", admin: true, audit: true },
};

export default async function journey({ base, browser }) {
  await test("an anonymous visit goes to the sign-in page, which lists the demo sign-ins", async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${base}/admin/users`);
    await page.waitForURL(/\/login$/);
    await page.getByTestId("demo-accounts").waitFor();
    const demo = await page.getByTestId("demo-accounts").textContent();
    assert(demo.includes("Demo@2026") && demo.includes("telemarketer"), "demo hint incomplete");
    await shot(page, "login");
    await context.close();
  });

  await test("a wrong password shows the error in the form", async () => {
    const { page, context } = await newPage(browser);
    await signIn(page, base, "service", "wrong-password");
    const error = page.getByTestId("login-error");
    await error.waitFor();
    assert((await error.textContent()).includes("用户名或密码错误"), "wrong error text");
    assert(page.url().endsWith("/login"), "left the sign-in page");
    await shot(page, "login-error");
    await context.close();
  });

  for (const [role, expected] of Object.entries(ROLES)) {
    await test(`${role} signs in and sees the right menu`, async () => {
      const { page, context, errors } = await newPage(browser);
      await signIn(page, base, role);
      await page.getByTestId("home-page").waitFor();
      const greeting = await page.getByTestId("greeting").textContent();
      assert(greeting.includes(expected.name), `greeting lacks the role name ${expected.name}`);
      const menu = await menuText(page);
      for (const item of EVERYONE) assert(menu.includes(item), `menu lacks ${item}`);
      for (const item of ADMIN_ITEMS)
        assert(menu.includes(item) === expected.admin, `${item} ${expected.admin ? "missing" : "shown"}`);
      for (const item of AUDIT_ITEMS)
        assert(menu.includes(item) === expected.audit, `${item} ${expected.audit ? "missing" : "shown"}`);
      if (expected.admin)
        await page.getByTestId("admin-overview").locator(".ant-statistic-content").first().waitFor();
      if (expected.audit) await page.getByTestId("chain-status").waitFor();
      await page.waitForLoadState("networkidle");
      await shot(page, `home-${role}`, true);
      assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
      await context.close();
    });
  }

  await test("the calculator works without signing in and exports an Excel workbook", async () => {
    const { page, context, errors } = await newPage(browser);
    await page.goto(`${base}/calculator`);
    await page.getByRole("button", { name: "登录" }).waitFor();
    await page.getByTestId("calc-principal").fill("100000");
    await page.getByTestId("calc-rate").fill("18");
    await page.getByTestId("calc-term").fill("12");
    await page.getByTestId("calc-submit").click();
    await page.getByTestId("apr-value").filter({ hasText: "18.00%" }).waitFor();
    const rows = await page.locator(".ant-table-tbody tr.ant-table-row").count();
    assert(rows === 12, `expected 12 schedule rows, saw ${rows}`);
    assert((await page.getByTestId("calc-export").textContent()).includes("导出 Excel"), "export label");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("calc-export").click(),
    ]);
    assert(download.suggestedFilename().endsWith(".xlsx"), "export is not an .xlsx");
    const file = path.join(tmpdir(), `mc-e2e-${Date.now()}.xlsx`);
    await download.saveAs(file);
    const xlsx = readFileSync(file);
    rmSync(file, { force: true });
    // An .xlsx is a zip (PK\x03\x04) holding the worksheet parts.
    assert(xlsx.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])), "not a zip/xlsx file");
    assert(xlsx.includes("xl/worksheets/"), "the workbook has no worksheet");
    await shot(page, "calculator", true);
    assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    await context.close();
  });

  await test("the calculator checks input as one types and shows an APR with a fee", async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${base}/calculator`);
    await page.getByTestId("apr-value").filter({ hasText: "18.00%" }).waitFor();
    await page.getByTestId("calc-term").fill("500");
    await page.getByText("期限须为 1–360 的整数月").waitFor();
    await page.getByTestId("calc-term").fill("12");
    await page.getByTestId("calc-fee").fill("1000");
    // DOMAIN.md §3: the APR is the IRR of what the borrower really receives (99,000) and pays.
    await page.getByTestId("apr-value").filter({ hasText: "19.94%" }).waitFor();
    await page.getByText("¥99,000.00").waitFor();
    await context.close();
  });

  await test("the calculator fits a phone screen", async () => {
    const { page, context } = await newPage(browser, PHONE);
    await page.goto(`${base}/calculator`);
    await page.getByTestId("apr-value").filter({ hasText: "18.00%" }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 1, `page is ${overflow}px wider than the phone`);
    await shot(page, "calculator-phone", true);
    await page.goto(`${base}/login`);
    await page.locator("#login-username").waitFor();
    const loginOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(loginOverflow <= 1, `sign-in page is ${loginOverflow}px wider than the phone`);
    await shot(page, "login-phone", true);
    await context.close();
  });

  let createdPassword = "";
  await test("admin: users list, search, create with a one-time password, edit drawer", async () => {
    const { page, context, errors } = await newPage(browser);
    await signIn(page, base, "admin");
    await page.getByTestId("home-page").waitFor();
    await page.goto(`${base}/admin/users`);
    await page.getByTestId("users-page").locator("tr.ant-table-row").first().waitFor();
    assert(
      (
        await page
          .getByText(/共 \d+ 条/)
          .first()
          .textContent()
      ).match(/共 (\d+) 条/)[1] >= 13,
      "too few users",
    );
    await shot(page, "users");
    await page.keyboard.press("/");
    assert(
      await page
        .getByTestId("user-search")
        .evaluate((el) => el === document.activeElement || el.contains(document.activeElement)),
      "/ did not focus search",
    );
    await page.keyboard.type("telemarketer");
    await page.getByText("共 1 条").waitFor();
    await page.getByTestId("create-user").click();
    const modal = page.locator(".ant-modal").filter({ hasText: "新建用户" });
    await modal.locator("#username").fill("e2e.tester");
    await modal.locator("#displayName").fill("测试员");
    await modal.locator("#roles").click();
    await page.locator(".ant-select-item-option").filter({ hasText: "客服" }).first().click();
    await page.keyboard.press("Escape");
    await modal
      .getByRole("button", { name: "新 建" })
      .or(modal.getByRole("button", { name: "新建" }))
      .click();
    const secret = page.getByTestId("one-time-password");
    await secret.waitFor();
    createdPassword = (await secret.textContent()).trim();
    assert(createdPassword.length >= 10, "no one-time password shown");
    await shot(page, "users-one-time-password");
    await page.locator(".ant-modal-footer").getByRole("button").click();
    await page
      .locator('[data-testid="user-search"] input, input[data-testid="user-search"]')
      .fill("e2e.tester");
    await page.getByText("共 1 条").waitFor();
    await page
      .locator("tr.ant-table-row")
      .first()
      .getByRole("button", { name: /编\s*辑/ })
      .click();
    await page.locator(".ant-drawer").getByText("编辑用户").waitFor();
    await shot(page, "users-edit");
    assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    await context.close();
  });

  await test("a new user must change the one-time password first", async () => {
    assert(createdPassword, "no user was created");
    const { page, context } = await newPage(browser);
    await signIn(page, base, "e2e.tester", createdPassword);
    await page.waitForURL(/\/account\/password$/);
    await page.locator("#currentPassword").fill(createdPassword);
    await page.locator("#newPassword").fill("Harbour#Light2026");
    await page.locator("#confirmPassword").fill("Harbour#Light2026");
    await shot(page, "change-password");
    await page.locator("#confirmPassword").press("Enter");
    await page.getByTestId("home-page").waitFor();
    await context.close();
  });

  await test("admin: roles list and the permissions drawer", async () => {
    const { page, context, errors } = await newPage(browser);
    await signIn(page, base, "admin");
    await page.getByTestId("home-page").waitFor();
    await page.goto(`${base}/admin/roles`);
    const table = page.getByTestId("roles-page");
    await table.getByText("总经理").first().waitFor();
    assert((await table.locator("tr.ant-table-row").count()) >= 13, "fewer than 13 roles");
    await shot(page, "roles");
    await table
      .locator("tr.ant-table-row")
      .filter({ hasText: "telemarketer" })
      .getByRole("button", { name: /编\s*辑/ })
      .click();
    await page.locator(".ant-drawer").getByText("线索与跟进").waitFor();
    await shot(page, "roles-edit");
    assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    await context.close();
  });

  await test("compliance: audit trail with the chain banner and before/after", async () => {
    const { page, context, errors } = await newPage(browser);
    await signIn(page, base, "compliance");
    await page.getByTestId("home-page").waitFor();
    await page.goto(`${base}/audit`);
    const banner = page.getByTestId("chain-banner");
    await banner.waitFor();
    assert((await banner.textContent()).includes("链完整"), "chain banner is not green");
    await page.locator("tr.ant-table-row").first().waitFor();
    const filtered = page.waitForResponse(
      (r) => r.url().includes("/api/v1/audit?") && r.url().includes("action=user."),
    );
    await page.getByLabel("动作").fill("user.");
    await filtered;
    await page.locator("tr.ant-table-row").filter({ hasText: "新建用户" }).first().waitFor();
    await page.locator("tr.ant-table-row").first().locator(".ant-table-row-expand-icon").click();
    await page.getByTestId("audit-detail").waitFor();
    await shot(page, "audit", true);
    assert(errors.length === 0, `page errors: ${errors.join("; ")}`);
    await context.close();
  });
}
