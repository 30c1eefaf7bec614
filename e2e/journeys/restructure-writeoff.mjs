// Troubled loans: the loan-admin proposes an extension with the new schedule previewed beside the old
// one, risk co-signs, the committee votes it into effect; finance proposes a write-off and is refused
// when approving it herself, the GM approves it, finance records a recovery with a receipt, and the
// normal repayment endpoint refuses money on the written-off loan; the recovery is reversed (冲正,
// finance proposes, the GM approves). Finance then proposes a partial
// write-off (部分核销) of part of another loan's principal, the GM approves it and the loan stays active.
import { assert, newPage, shot, signIn, test } from "../harness.mjs";

/** GET from the API inside the signed-in page (same cookies). */
const getJson = (page, path) =>
  page.evaluate(async (p) => {
    const res = await fetch(`/api/v1${p}`, { headers: { accept: "application/json" } });
    return res.json();
  }, path);

async function confirmPopover(page) {
  await page.locator(".ant-popover:visible .ant-btn-primary").click();
}

async function toast(page, text) {
  await page.locator(".ant-message").filter({ hasText: text }).first().waitFor();
}

export default async function journey({ base, browser }) {
  const admin = await newPage(browser);
  const errors = admin.errors;
  let loanId = null;
  let loanNo = null;
  let writeOffLoanId = null;
  const others = [];
  const sessions = new Map();
  // One browser context per person, signed in once.
  const signedIn = async (username) => {
    if (sessions.has(username)) return sessions.get(username).page;
    const session = await newPage(browser);
    others.push(session);
    sessions.set(username, session);
    await signIn(session.page, base, username);
    await session.page.getByTestId("home-page").waitFor();
    return session.page;
  };
  try {
    await test("the loan-admin previews an extension beside the old schedule and proposes it", async () => {
      const { page } = admin;
      await signIn(page, base, "loan-admin");
      await page.getByTestId("home-page").waitFor();
      const pending = await getJson(page, "/loans/pending-approvals");
      const busy = new Set([...pending.restructurings, ...pending.writeOffs].map((x) => x.loanId));
      const list = await getJson(page, "/loans?status=active&bucket=M2&pageSize=50");
      const loan = list.items.find((l) => !busy.has(l.id));
      assert(loan, "no M2 loan free for a restructuring");
      loanId = loan.id;
      loanNo = loan.loanNo;
      await page.goto(`${base}/loans/${loanId}`);
      await page.getByTestId("loan-detail-page").waitFor();
      await page.getByTestId("loan-workout-actions").click();
      await page.locator(".ant-dropdown-menu-item").filter({ hasText: "提议展期/重组" }).click();
      const drawer = page.getByTestId("restructure-drawer");
      await drawer.getByTestId("schedule-compare").waitFor();
      await drawer.getByTestId("restructure-months").fill("9");
      // A new penalty rate of 15% from the day it takes effect: old → new in the preview.
      await drawer.getByTestId("restructure-penalty-rate").fill("15");
      await drawer.getByTestId("penalty-rate-change").filter({ hasText: "→ 15.00%" }).waitFor();
      // The preview follows the form: 9 months on top of what is left.
      await drawer.getByTestId("restructuring-summary").filter({ hasText: "（9 个月）" }).waitFor();
      await drawer.locator(".workout-preview.stale").waitFor({ state: "detached" });
      const rows = await drawer.getByTestId("new-schedule").locator("tr.ant-table-row").count();
      assert(rows >= 9, `new schedule has ${rows} rows`);
      await drawer
        .getByTestId("restructure-reason")
        .fill("借款人主要客户回款延迟,经营流水已恢复,申请展期九个月");
      await shot(page, "restructure-preview");
      await drawer.getByTestId("restructure-submit").click();
      await toast(page, "方案已提交");
      await page.getByTestId("loan-workout-panel").getByText("待风险会签").waitFor();
      await shot(page, "restructure-proposed", true);
    });

    await test("risk co-signs on the approvals page and the committee votes it into effect", async () => {
      assert(loanNo, "no proposal to approve");
      for (const [username, button] of [
        ["risk", "cosign-approve"],
        ["risk", "vote-approve"],
        ["gm", "vote-approve"],
        ["finance", "vote-approve"],
      ]) {
        const page = await signedIn(username);
        await page.goto(`${base}/approvals`);
        const row = page
          .getByTestId("restructuring-approvals")
          .locator("tr.ant-table-row")
          .filter({ hasText: loanNo });
        await row.waitFor();
        if (username === "risk" && button === "cosign-approve") {
          await row.getByTestId("approval-penalty-rate").filter({ hasText: "→ 15.00%" }).waitFor();
          await shot(page, "restructure-approvals");
        }
        await row.getByTestId(button).click();
        await confirmPopover(page);
        await toast(page, "已提交");
      }
      const { page } = admin;
      await page.goto(`${base}/loans/${loanId}`);
      const panel = page.getByTestId("loan-workout-panel");
      await panel.getByText("已生效").waitFor();
      await panel.getByText("第 2 版还款计划").waitFor();
      const applied = await getJson(page, `/loans/${loanId}`);
      assert(applied.penaltyRate === "0.15", `penalty rate after restructuring: ${applied.penaltyRate}`);
      const tag = await page.getByTestId("classification-tag").first().textContent();
      assert(
        tag.includes("次级") || tag.includes("可疑") || tag.includes("损失"),
        `class after restructuring: ${tag}`,
      );
      await shot(page, "restructure-applied", true);
    });

    await test("finance proposes a write-off and cannot approve it herself", async () => {
      const page = await signedIn("finance");
      const pending = await getJson(page, "/loans/pending-approvals");
      const busy = new Set([...pending.restructurings, ...pending.writeOffs].map((x) => x.loanId));
      const list = await getJson(page, "/loans?status=active&bucket=M7&pageSize=50");
      const loan = list.items.find((l) => !busy.has(l.id) && l.dpd >= 180);
      assert(loan, "no loan past 180 days free for a write-off");
      writeOffLoanId = loan.id;
      await page.goto(`${base}/loans/${writeOffLoanId}`);
      await page.getByTestId("loan-workout-actions").click();
      await page.locator(".ant-dropdown-menu-item").filter({ hasText: "提议核销" }).click();
      const modal = page.getByTestId("write-off-modal");
      await modal.locator(".ant-descriptions").waitFor();
      await modal.getByTestId("write-off-reason").fill("逾期超过半年,多次上门催收无果,担保人无代偿能力");
      await shot(page, "write-off-proposal");
      await page.getByTestId("write-off-submit").click();
      await toast(page, "核销申请已提交");
      await page.goto(`${base}/approvals`);
      await page.getByTestId("tab-write-offs").click();
      const row = page
        .getByTestId("write-off-approvals")
        .locator("tr.ant-table-row")
        .filter({ hasText: loan.loanNo });
      await row.getByTestId("write-off-approve").click();
      await confirmPopover(page);
      await toast(page, "核销须由提议人以外的人员审批");
      await shot(page, "write-off-refused-to-proposer");
    });

    await test("the GM approves the write-off; the loan is off the books with its memo", async () => {
      const page = await signedIn("gm");
      await page.goto(`${base}/approvals`);
      await page.getByTestId("tab-write-offs").click();
      const loan = await getJson(page, `/loans/${writeOffLoanId}`);
      const row = page
        .getByTestId("write-off-approvals")
        .locator("tr.ant-table-row")
        .filter({ hasText: loan.loanNo });
      await row.getByTestId("write-off-approve").click();
      await confirmPopover(page);
      await toast(page, "已提交");
      await page.goto(`${base}/loans/${writeOffLoanId}`);
      await page.getByTestId("write-off-memo").waitFor();
      const after = await getJson(page, `/loans/${writeOffLoanId}`);
      assert(
        after.status === "written-off" && after.principalOutstanding === "0.00",
        `loan after: ${after.status}`,
      );
    });

    await test("finance records a recovery with a receipt; a repayment on the loan is refused", async () => {
      const page = await signedIn("finance");
      await page.goto(`${base}/loans/${writeOffLoanId}`);
      await page.getByTestId("write-off-memo").waitFor();
      assert(
        await page.getByTestId("post-repayment").isDisabled(),
        "repayment button enabled on a written-off loan",
      );
      await page.getByTestId("loan-workout-actions").click();
      await page.locator(".ant-dropdown-menu-item").filter({ hasText: "登记核销后收回" }).click();
      const modal = page.getByTestId("recovery-modal");
      await modal.getByTestId("recovery-amount").fill("800");
      await page.getByTestId("recovery-submit").click();
      await modal.getByTestId("recovery-receipt").waitFor();
      await shot(page, "recovery-recorded");
      await page
        .locator(".ant-modal-footer:visible button")
        .filter({ hasText: /关\s*闭/ })
        .click();
      await page.getByTestId("write-off-memo").getByText("¥800.00").first().waitFor();
      await shot(page, "write-off-memo", true);
      const refused = await page.evaluate(async (id) => {
        const csrf =
          document.cookie
            .split("; ")
            .find((c) => c.startsWith("mc_csrf="))
            ?.slice(8) ?? "";
        const res = await fetch(`/api/v1/loans/${id}/repayments`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-csrf-token": decodeURIComponent(csrf) },
          body: JSON.stringify({ amount: "100.00", date: "2026-11-28", channel: "cash" }),
        });
        return { status: res.status, code: (await res.json()).error?.code };
      }, writeOffLoanId);
      assert(
        refused.status === 409 && refused.code === "loan-written-off",
        `repayment: ${JSON.stringify(refused)}`,
      );
    });

    await test("finance proposes reversing the recovery; the GM approves it where reversals are decided", async () => {
      const page = await signedIn("finance");
      await page.goto(`${base}/loans/${writeOffLoanId}`);
      const recoveries = page.getByTestId("recoveries-table");
      const row = recoveries.locator("tr.ant-table-row").filter({ hasText: "¥800.00" });
      await row.getByTestId("recovery-reverse").click();
      await page.getByTestId("recovery-reverse-reason").fill("该款项被法院退回,冲正本笔收回");
      await shot(page, "recovery-reversal-proposal");
      await page.getByTestId("recovery-reverse-submit").click();
      await toast(page, "已提交冲正申请");
      await row.getByText("冲正待审批").waitFor();

      const gm = await signedIn("gm");
      await gm.goto(`${base}/loans/${writeOffLoanId}`);
      // The header's 审批冲正 button opens the reversals tab, where repayment reversals are decided too.
      await gm.getByRole("button", { name: /审批冲正/ }).click();
      const request = gm
        .locator("tr.ant-table-row")
        .filter({ hasText: "该款项被法院退回" })
        .filter({ hasText: "核销后收回" });
      await request.waitFor();
      await request.scrollIntoViewIfNeeded();
      await shot(gm, "recovery-reversal-approval");
      await request.getByRole("button", { name: /审批冲正/ }).click();
      await toast(gm, "冲正已生效");
      const memo = gm.getByTestId("write-off-memo");
      await memo.getByTestId("recoveries-table").getByText("已冲正").waitFor();
      const state = await getJson(gm, `/loans/${writeOffLoanId}/recoveries`);
      assert(
        state.writeOff.recovered === "0.00",
        `recovered after the reversal: ${state.writeOff.recovered}`,
      );
      await memo.scrollIntoViewIfNeeded();
      await shot(gm, "recovery-reversed", true);
    });

    await test("finance proposes a partial write-off; the GM approves it and the loan stays active", async () => {
      const page = await signedIn("finance");
      const pending = await getJson(page, "/loans/pending-approvals");
      const busy = new Set([...pending.restructurings, ...pending.writeOffs].map((x) => x.loanId));
      const list = await getJson(page, "/loans?status=active&bucket=M7&pageSize=50");
      const loan = list.items.find((l) => !busy.has(l.id) && l.dpd >= 180 && l.id !== writeOffLoanId);
      assert(loan, "no loan past 180 days free for a partial write-off");
      await page.goto(`${base}/loans/${loan.id}`);
      await page.getByTestId("loan-workout-actions").click();
      await page.locator(".ant-dropdown-menu-item").filter({ hasText: "提议核销" }).click();
      const modal = page.getByTestId("write-off-modal");
      await modal.getByTestId("write-off-estimate").waitFor();
      await modal.getByTestId("write-off-principal").fill("1000");
      await modal.getByTestId("write-off-partial-rule").waitFor();
      await modal.getByTestId("write-off-estimate").getByText("¥1,000.00").first().waitFor();
      await modal
        .getByTestId("write-off-reason")
        .fill("担保人代偿部分已到位,其余本金预计无法收回,先行部分核销");
      await shot(page, "partial-write-off-proposal");
      await page.getByTestId("write-off-submit").click();
      await toast(page, "核销申请已提交");
      await page.getByTestId("write-off-pending").getByText("部分核销本金 ¥1,000.00").waitFor();

      const gm = await signedIn("gm");
      await gm.goto(`${base}/approvals`);
      await gm.getByTestId("tab-write-offs").click();
      const row = gm
        .getByTestId("write-off-approvals")
        .locator("tr.ant-table-row")
        .filter({ hasText: loan.loanNo });
      await row.getByText("部分核销", { exact: true }).waitFor();
      await shot(gm, "partial-write-off-approvals");
      await row.getByTestId("write-off-approve").click();
      await confirmPopover(gm);
      await toast(gm, "已提交");
      await gm.goto(`${base}/loans/${loan.id}`);
      await gm.getByTestId("partial-write-offs").getByText("¥1,000.00").first().waitFor();
      const after = await getJson(gm, `/loans/${loan.id}`);
      assert(after.status === "active", `loan after a partial write-off: ${after.status}`);
      const before = Math.round(Number(loan.principalOutstanding) * 100);
      const now = Math.round(Number(after.principalOutstanding) * 100);
      assert(
        before - now === 100_000,
        `principal ${loan.principalOutstanding} → ${after.principalOutstanding}`,
      );
      await gm.getByTestId("partial-write-offs").scrollIntoViewIfNeeded();
      await shot(gm, "partial-write-off-loan", true);
    });

    await test("no page errors along the way", async () => {
      const all = [...errors, ...others.flatMap((o) => o.errors)];
      assert(all.length === 0, `page errors: ${all.join("; ")}`);
    });
  } finally {
    await admin.context.close().catch(() => {});
    for (const o of others) await o.context.close().catch(() => {});
  }
}
