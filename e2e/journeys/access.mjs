// 403 and 404 pages, and the language switch.
import { assert, menuText, newPage, PASSWORD, shot, signIn, test } from "../harness.mjs";

export default async function journey({ base, browser }) {
  await test("a telemarketer gets 403 on the admin pages; unknown paths get 404", async () => {
    const { page, context } = await newPage(browser);
    await signIn(page, base, "telemarketer");
    await page.getByTestId("home-page").waitFor();
    await page.goto(`${base}/admin/users`);
    await page.getByText("403", { exact: true }).waitFor();
    await shot(page, "forbidden");
    await page.goto(`${base}/no-such-page`);
    await page.getByText("404", { exact: true }).waitFor();
    await shot(page, "not-found");
    await page.getByTestId("back-home").click();
    await page.getByTestId("home-page").waitFor();
    await context.close();
  });

  await test("the language switch turns the console to English and remembers it", async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${base}/login`);
    await page.getByTestId("language-switch").click();
    await page.getByText("English", { exact: true }).click();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await page.locator("#login-username").fill("gm");
    await page.locator("#login-password").fill(PASSWORD);
    await page.locator("#login-password").press("Enter");
    await page.getByTestId("home-page").waitFor();
    assert((await menuText(page)).includes("Audit trail"), "menu not in English");
    await shot(page, "home-gm-en");
    await context.close();
  });
}
