// Seeds the demo loan book through the real code paths: funding, openLoanAccount, repayments,
// settlements, prepayments, a refund, a reversal and the close of business, day by day in business
// time, so every figure has its journal entries and the sub-ledger equals the GL at the end.
import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { RequestContext } from "../../../platform/auth/actor.ts";
import { systemContext } from "../../../platform/auth/actor.ts";
import { DEFAULT_ROLES, type RoleKey } from "../../../platform/auth/permissions.ts";
import type { Db } from "../../../platform/db.ts";
import { type Fen, formatAmount } from "../../../platform/money.ts";
import type { DemoSeeder } from "../../../platform/seed.ts";
import { customers } from "../../customers/customers.schema.ts";
import { users } from "../../identity/identity.schema.ts";
import { recordFunding } from "../../ledger/capital.service.ts";
import { productView } from "../../products/product-view.ts";
import { products } from "../../products/products.schema.ts";
import { insertSettingRow } from "../../settings/settings.service.ts";
import { openLoanAccount } from "../accounts.service.ts";
import { getBusinessDate, shiftDate } from "../business-date.ts";
import { withCobLock } from "../cob/cob-lock.ts";
import { closeBusinessDates } from "../cob/cob-runner.ts";
import { loadInstallments, totalOf, unpaidOf } from "../loan-state.ts";
import { installments, loans } from "../loans.schema.ts";
import { getPayoffQuote } from "../payoff.service.ts";
import { postPrepayment } from "../prepayment.service.ts";
import { refundCredit } from "../refunds.service.ts";
import { postRepayment } from "../repayments.service.ts";
import { approveReversal, proposeReversal } from "../reversal.service.ts";
import type { PaymentChannel } from "../servicing.schema.ts";
import { buildDemoPlan, DEMO_BEGIN, DEMO_DAILY_FROM, DEMO_END, type DemoLoanPlan } from "./demo-plan.ts";

const CHANNELS: PaymentChannel[] = ["bank-transfer", "wechat-pay", "alipay", "bank-transfer", "cash"];

export async function personContext(db: Db, username: RoleKey): Promise<RequestContext> {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const role = DEFAULT_ROLES[username];
  return {
    actor: {
      userId: user.id,
      username,
      displayName: user.displayName,
      roles: [username],
      permissions: new Set(role.permissions),
      scope: role.scope,
    },
    requestId: "demo-seed",
    ip: null,
  };
}

/** Every date with a disbursement, a due date or a settlement: 5th, 15th, 25th, and the last daily stretch. */
function eventDates(): string[] {
  const dates: string[] = [];
  for (let d = shiftDate(DEMO_BEGIN, 1); d <= DEMO_END; d = shiftDate(d, 1))
    if (d >= DEMO_DAILY_FROM || ["05", "15", "25"].includes(d.slice(8))) dates.push(d);
  return dates;
}

type Seeded = { plan: DemoLoanPlan; loanId: string; settleOn: string | null };

export async function seedDemoLoans(db: Db): Promise<void> {
  const eligible = await db
    .select({ id: customers.id, ownerId: customers.ownerId })
    .from(customers)
    .where(and(eq(customers.blacklisted, false), sql`${customers.segment} <> 'student'`))
    .orderBy(asc(customers.createdAt), asc(customers.name));
  // The loans belong to the customers demo data; without it there is nobody to lend to.
  if (eligible.length === 0) return;
  const productRows = await db.select({ id: products.id }).from(products);
  const productByMethod = new Map<
    string,
    { id: string; annualRate: string; penaltyRate: string; dayBasis: number; rounding: string }
  >();
  for (const p of productRows) {
    const v = await productView(db, p.id);
    productByMethod.set(v.method, {
      id: v.id,
      annualRate: v.annualRate,
      penaltyRate: v.penaltyRate,
      dayBasis: v.dayBasis,
      rounding: v.rounding,
    });
  }
  const system = systemContext("demo-seed");
  const finance = await personContext(db, "finance");
  const gm = await personContext(db, "gm");
  await recordFunding(db, finance, {
    kind: "shareholder-capital",
    source: "小贷通控股有限公司(股东注资)",
    amount: "50000000.00",
    date: "2025-09-01",
    reference: "验资报告 2025-088",
  });
  await recordFunding(db, finance, {
    kind: "bank-borrowing",
    source: "中国工商银行 流动资金借款",
    amount: "20000000.00",
    date: "2025-09-10",
    annualRate: "0.0435",
    maturityDate: "2027-09-10",
    reference: "借款合同 ICBC-2025-117",
  });
  await insertSettingRow(db, {
    key: "business-date",
    value: DEMO_BEGIN,
    effectiveFrom: DEMO_BEGIN,
    note: "demo seed",
  });

  const plans = buildDemoPlan();
  const seeded: Seeded[] = [];
  const byLoan = new Map<string, Seeded>();
  for (const date of eventDates()) {
    // Close of business up to this date: the real batch, jumping between event dates before the daily stretch.
    await withCobLock(db, () =>
      closeBusinessDates(db, system, { to: date, mode: date < DEMO_DAILY_FROM ? "jump" : "daily" }),
    );
    for (const plan of plans.filter((p) => p.start === date)) {
      const customer = eligible[plan.index % eligible.length];
      const product = productByMethod.get(plan.method);
      const rate = product?.annualRate ?? "0.15";
      const opened = await db.transaction((tx) =>
        openLoanAccount(tx, finance, {
          applicationId: null,
          customerId: customer.id,
          productId: product?.id ?? null,
          officerId: customer.ownerId,
          principal: (plan.principalYuan * 100) as Fen,
          annualRate: rate,
          penaltyRate: product?.penaltyRate ?? "0.225",
          method: plan.method,
          termMonths: plan.termMonths,
          startDate: date,
          dayBasis: product?.dayBasis === 365 ? 365 : 360,
          channel: "bank-transfer",
          reference: `DEMO-${String(plan.index + 1).padStart(3, "0")}`,
        }),
      );
      const entry = { plan, loanId: opened.loanId, settleOn: null };
      seeded.push(entry);
      byLoan.set(opened.loanId, entry);
    }
    const due = await db
      .select({ loanId: installments.loanId, period: installments.period })
      .from(installments)
      .innerJoin(loans, eq(loans.id, installments.loanId))
      .where(and(eq(installments.dueDate, date), eq(loans.status, "active")));
    for (const { loanId, period } of due) {
      const entry = byLoan.get(loanId);
      if (entry) await onDueDate({ db, finance, gm, entry, period, date });
    }
    for (const entry of seeded.filter((s) => s.settleOn === date)) await settle(db, finance, entry, date);
    if (date === DEMO_END)
      for (const entry of seeded.filter((s) => s.plan.profile.kind === "partial-ahead"))
        await payAhead(db, finance, entry, date);
  }
  if ((await getBusinessDate(db)) !== DEMO_END)
    throw new Error("demo seed did not reach the demo business date");
}

async function dueAmount(db: Db, loanId: string, date: string): Promise<number> {
  const rows = await db
    .select()
    .from(installments)
    .where(and(eq(installments.loanId, loanId), lte(installments.dueDate, date)));
  return rows.reduce((s, r) => s + totalOf(unpaidOf(r)), 0);
}

async function pay(db: Db, ctx: RequestContext, entry: Seeded, date: string, amount: number) {
  if (amount <= 0) return null;
  const channel = CHANNELS[entry.plan.index % CHANNELS.length];
  return postRepayment(db, ctx, entry.loanId, {
    amount: formatAmount(amount),
    date,
    channel,
    reference: `PAY-${date.replaceAll("-", "")}-${entry.plan.index + 1}`,
  });
}

async function onDueDate(options: {
  db: Db;
  finance: RequestContext;
  gm: RequestContext;
  entry: Seeded;
  period: number;
  date: string;
}) {
  const { db, finance, entry, period, date } = options;
  const profile = entry.plan.profile;
  const owed = await dueAmount(db, entry.loanId, date);
  const lastBeforeEnd = async () =>
    !(await loadInstallments(db, entry.loanId)).some((r) => r.dueDate > date && r.dueDate <= DEMO_END);
  switch (profile.kind) {
    case "stop":
      if (period < profile.firstUnpaid) await pay(db, finance, entry, date, owed);
      return;
    case "partial-due":
      await pay(db, finance, entry, date, (await lastBeforeEnd()) ? Math.round(owed / 2) : owed);
      return;
    case "settle":
      if (period < profile.atPeriod) await pay(db, finance, entry, date, owed);
      if (period === profile.atPeriod - 1) entry.settleOn = shiftDate(date, 10);
      return;
    case "prepay":
      await pay(db, finance, entry, date, owed);
      if (period === profile.atPeriod) {
        const loan = (await db.select().from(loans).where(eq(loans.id, entry.loanId)))[0];
        const amount = Math.round((loan.principalOutstanding * 0.3) / 100) * 100;
        await postPrepayment(db, finance, entry.loanId, {
          amount: formatAmount(amount),
          date,
          choice: profile.choice,
          channel: "bank-transfer",
          reference: `PRE-${entry.plan.index + 1}`,
        });
      }
      return;
    case "reversal": {
      const posted = await pay(db, finance, entry, date, owed);
      if (posted && (await lastBeforeEnd())) {
        // Posted to the wrong loan by the cashier: reversed by finance, approved by the GM, posted again.
        await proposeReversal(db, finance, entry.loanId, posted.id, {
          reason: "柜员误录入金额,冲正后重新入账",
        });
        await approveReversal(db, options.gm, entry.loanId, posted.id);
        await pay(db, finance, entry, date, owed);
      }
      return;
    }
    default:
      await pay(db, finance, entry, date, owed);
  }
}

async function settle(db: Db, finance: RequestContext, entry: Seeded, date: string) {
  const quote = await getPayoffQuote(db, finance, entry.loanId, { date });
  const overpay = entry.plan.profile.kind === "settle" && entry.plan.profile.overpay;
  const total = Math.round(Number(quote.total) * 100) + (overpay ? 10_000 : 0);
  await pay(db, finance, entry, date, total);
  if (overpay)
    await refundCredit(db, finance, entry.loanId, {
      amount: "60.00",
      date,
      channel: "bank-transfer",
      reference: "溢缴款部分退还",
    });
}

async function payAhead(db: Db, finance: RequestContext, entry: Seeded, date: string) {
  const next = (await loadInstallments(db, entry.loanId)).find((r) => r.dueDate > date);
  if (next) await pay(db, finance, entry, date, Math.round(totalOf(unpaidOf(next)) * 0.4));
}

export const loansDemoSeeder: DemoSeeder = { name: "loans", run: (db) => seedDemoLoans(db) };
