// Demo: one bank statement already imported and posted on the demo business date, through the same
// upload → match → post path a cashier uses, so the import history is not empty on first start.
import { and, asc, eq } from "drizzle-orm";
import type { RequestContext } from "../../../platform/auth/actor.ts";
import { DEFAULT_ROLES } from "../../../platform/auth/permissions.ts";
import type { Db } from "../../../platform/db.ts";
import { formatAmount } from "../../../platform/money.ts";
import { createPiiCipher } from "../../../platform/pii.ts";
import type { DemoSeeder } from "../../../platform/seed.ts";
import { customers } from "../../customers/customers.schema.ts";
import { users } from "../../identity/identity.schema.ts";
import { getBusinessDate } from "../business-date.ts";
import { loadInstallments, totalOf, unpaidOf } from "../loan-state.ts";
import { loans } from "../loans.schema.ts";
import { postImport } from "./import-posting.service.ts";
import { createImport, excludeUnresolved } from "./imports.service.ts";
import { readStatement } from "./statement-reader.ts";

async function financeContext(db: Db): Promise<RequestContext | null> {
  const [user] = await db.select().from(users).where(eq(users.username, "finance"));
  if (!user) return null;
  const role = DEFAULT_ROLES.finance;
  return {
    actor: {
      userId: user.id,
      username: "finance",
      displayName: user.displayName,
      roles: ["finance"],
      permissions: new Set(role.permissions),
      scope: role.scope,
    },
    requestId: "demo-seed",
    ip: null,
  };
}

export async function seedDemoImport(db: Db, dataKey: Buffer): Promise<void> {
  const ctx = await financeContext(db);
  if (!ctx) return;
  const date = await getBusinessDate(db);
  const current = await db
    .select({ id: loans.id, loanNo: loans.loanNo, name: customers.name })
    .from(loans)
    .innerJoin(customers, eq(customers.id, loans.customerId))
    .where(and(eq(loans.status, "active"), eq(loans.dpd, 0)))
    .orderBy(asc(loans.loanNo))
    .limit(6);
  if (current.length === 0) return;
  const compact = date.replaceAll("-", "");
  const lines = ["交易日期,摘要,借方金额,贷方金额,对方户名,对方账号,流水号"];
  for (const [i, loan] of current.entries()) {
    const next = (await loadInstallments(db, loan.id)).find((r) => totalOf(unpaidOf(r)) > 0);
    if (!next) continue;
    const memo = i % 2 === 0 ? `还款 ${loan.loanNo}` : "还款";
    lines.push(
      `${date},${memo},,${formatAmount(totalOf(unpaidOf(next)))},${loan.name},62220210${String(1000 + i).padStart(8, "0")},CCB${compact}${String(i + 1).padStart(4, "0")}`,
    );
  }
  lines.push(`${date},转账手续费,5.00,,,,CCB${compact}9001`);
  lines.push(`${date},往来款,,3000.00,宁波鑫源五金有限公司,33001617235051234567,CCB${compact}9002`);
  async function* content() {
    yield Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
  }
  const deps = { db, pii: createPiiCipher(dataKey) };
  const view = await createImport(deps, ctx, {
    fileName: `建设银行对账单-${date}.csv`,
    channel: "bank-transfer",
    file: await readStatement(content()),
  });
  if (view.unresolved > 0) await excludeUnresolved(deps, ctx, view.id);
  if (view.counts.matched > 0) await postImport(deps, ctx, view.id);
}

export const repaymentImportsDemoSeeder: DemoSeeder = {
  name: "repayment-imports",
  run: (db, env) => seedDemoImport(db, env.dataKey),
};
