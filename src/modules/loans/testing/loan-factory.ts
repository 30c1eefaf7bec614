// Test factories for servicing: money in the bank, a loan opened through the real account opening
// (schedule, ledger posting), and the business date set as tests need it (STYLE.md: tests set it).
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { systemContext } from "../../../platform/auth/actor.ts";
import type { Db } from "../../../platform/db.ts";
import type { Fen } from "../../../platform/money.ts";
import { users } from "../../identity/identity.schema.ts";
import { recordFunding } from "../../ledger/capital.service.ts";
import { trialBalance } from "../../ledger/ledger.service.ts";
import { subLedgerCheck } from "../../ledger/sub-ledger.ts";
import { insertSettingRow } from "../../settings/settings.service.ts";
import { type OpenLoanInput, openLoanAccount } from "../accounts.service.ts";

export async function setBusinessDate(db: Db, date: string): Promise<void> {
  await insertSettingRow(db, { key: "business-date", value: date, effectiveFrom: date, note: "test" });
}

export async function fundCompany(db: Db, options: { amount?: string; date?: string } = {}): Promise<void> {
  await recordFunding(db, systemContext(), {
    kind: "shareholder-capital",
    source: "测试股东",
    amount: options.amount ?? "50000000.00",
    date: options.date ?? "2024-01-01",
  });
}

export async function userId(db: Db, username: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row.id;
}

export async function newLoan(
  db: Db,
  overrides: Partial<OpenLoanInput> = {},
): Promise<{ loanId: string; loanNo: string }> {
  const officerId =
    overrides.officerId === undefined ? await userId(db, "customer-manager") : overrides.officerId;
  return db.transaction((tx) =>
    openLoanAccount(tx, systemContext(), {
      applicationId: null,
      customerId: randomUUID(),
      productId: null,
      principal: 1_200_000 as Fen,
      annualRate: "0.12",
      penaltyRate: "0.18",
      method: "equal-installment",
      termMonths: 12,
      startDate: "2026-01-15",
      channel: "bank-transfer",
      ...overrides,
      officerId,
    }),
  );
}

/** Sub-ledger = GL and a balanced trial balance: what every scenario must leave behind. */
export async function ledgerIsConsistent(db: Db): Promise<{ ok: boolean; detail: unknown }> {
  const check = await subLedgerCheck(db, systemContext());
  const tb = await trialBalance(db, systemContext(), null);
  return {
    ok: check.ok && tb.balanced,
    detail: { checks: check.checks.filter((c) => !c.ok), balanced: tb.balanced },
  };
}

export async function count(db: Db, table: string, where = "true"): Promise<number> {
  const result = await db.execute(sql.raw(`select count(*)::int as n from ${table} where ${where}`));
  return (result as unknown as { rows: { n: number }[] }).rows[0].n;
}
