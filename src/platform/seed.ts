// First-start bootstrap and the demo company. The embedded default's first start seeds the demo
// company (never in production mode); any other first start creates `admin` with a random
// password that is printed once.
import { count, eq } from "drizzle-orm";
import { auditLog } from "../modules/audit/audit.schema.ts";
import { collectionsDemoSeeder, collectionsTeamDemoSeeder } from "../modules/collections/collections.demo.ts";
import { compensationDemoSeeder } from "../modules/compensation/compensation.demo.ts";
import { crmCallsDemoSeeder, crmOutcomesDemoSeeder } from "../modules/crm/calls.demo.ts";
import { crmEngagementDemoSeeder } from "../modules/crm/crm-engagement.demo.ts";
import { crmLeadsDemoSeeder } from "../modules/crm/leads.demo.ts";
import { customersDemoSeeder } from "../modules/customers/customers.demo.ts";
import { userRoles, users } from "../modules/identity/identity.schema.ts";
import { ensureBuiltInRoles } from "../modules/identity/roles.service.ts";
import { generatePassword } from "../modules/identity/users.service.ts";
import { loansDemoSeeder } from "../modules/loans/demo/loans.demo.ts";
import { loanWorkoutDemoSeeder } from "../modules/loans/demo/workout.demo.ts";
import { repaymentImportsDemoSeeder } from "../modules/loans/imports/imports.demo.ts";
import { originationDemoSeeder } from "../modules/origination/origination.demo.ts";
import { productsDemoSeeder } from "../modules/products/products.demo.ts";
import { buildDemoPeople, DEMO_DEPARTMENTS } from "../modules/staff/demo-org.ts";
import { staffDemoSeeder } from "../modules/staff/staff.demo.ts";
import { departments } from "../modules/staff/staff.schema.ts";
import { staffActivityDemoSeeder } from "../modules/staff/staff-activity.demo.ts";
import { recordAudit } from "./audit.ts";
import { systemContext } from "./auth/actor.ts";
import { hashPassword } from "./auth/passwords.ts";
import type { Db } from "./db.ts";

export const DEMO_PASSWORD = "Demo@2026";

/**
 * What a demo seeder may need besides the database: the data key seals demo personal data. `depth`
 * "essentials" (the people and the product catalogue) is what integration tests start from; "full"
 * adds the months of customers, loans, calls and payroll a newcomer sees.
 */
export type SeedEnv = { dataKey: Buffer; depth?: "essentials" | "full" };
export type DemoSeeder = { name: string; run: (db: Db, env: SeedEnv) => Promise<void>; essential?: boolean };

/** Capabilities add their demo data here, in dependency order. */
export const DEMO_SEEDERS: DemoSeeder[] = [
  productsDemoSeeder,
  customersDemoSeeder,
  // Collectors first, so the loan book's close of business assigns its tasks as they open.
  collectionsTeamDemoSeeder,
  loansDemoSeeder,
  repaymentImportsDemoSeeder,
  loanWorkoutDemoSeeder,
  collectionsDemoSeeder,
  originationDemoSeeder,
  // Staff records are essential (tests build on them); payroll runs read the loans seeded above.
  staffDemoSeeder,
  staffActivityDemoSeeder,
  compensationDemoSeeder,
  // The sales pipeline: outcomes are essential (tests log calls); leads read the customers above.
  crmOutcomesDemoSeeder,
  crmLeadsDemoSeeder,
  crmCallsDemoSeeder,
  // Appointments, revisits, feedback, plans, PKs and daily reports follow the leads and calls.
  crmEngagementDemoSeeder,
];

export async function userCount(db: Db): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  return n;
}

async function demoAlreadyLoaded(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(eq(auditLog.action, "system.demo-seeded"))
    .limit(1);
  return Boolean(row);
}

/** Loads the demo company once; a second call changes nothing and says so. */
export async function seedDemoCompany(
  db: Db,
  env: SeedEnv,
): Promise<{ users: number; alreadyLoaded: boolean }> {
  await ensureBuiltInRoles(db);
  if (await demoAlreadyLoaded(db)) return { users: 0, alreadyLoaded: true };
  // One hash for every demo account: the password is public anyway, and it keeps the first start fast.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = buildDemoPeople();
  await db.transaction(async (tx) => {
    const departmentIds = new Map<string, number>();
    for (const [i, d] of DEMO_DEPARTMENTS.entries()) {
      const [row] = await tx
        .insert(departments)
        .values({
          code: d.code,
          nameZh: d.nameZh,
          nameEn: d.nameEn,
          parentId: d.parent ? departmentIds.get(d.parent) : null,
          sortOrder: i,
        })
        .onConflictDoUpdate({ target: departments.code, set: { nameZh: d.nameZh } })
        .returning({ id: departments.id });
      departmentIds.set(d.code, row.id);
    }
    const userIds = new Map<string, string>();
    for (const p of people) {
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, p.username));
      if (existing) {
        userIds.set(p.username, existing.id);
        continue;
      }
      const [row] = await tx
        .insert(users)
        .values({
          username: p.username,
          displayName: p.displayName,
          passwordHash,
          departmentId: departmentIds.get(p.department),
          title: p.title,
          passwordChangedAt: new Date(),
        })
        .returning({ id: users.id });
      userIds.set(p.username, row.id);
      await tx.insert(userRoles).values(p.roles.map((roleKey) => ({ userId: row.id, roleKey })));
    }
    for (const p of people) {
      if (p.manager)
        await tx
          .update(users)
          .set({ managerId: userIds.get(p.manager) })
          .where(eq(users.username, p.username));
    }
    await recordAudit(tx, systemContext(), {
      action: "system.demo-seeded",
      entityType: "system",
      after: { departments: DEMO_DEPARTMENTS.length, users: people.length },
    });
  });
  for (const seeder of DEMO_SEEDERS) {
    if (env.depth === "essentials" && !seeder.essential) continue;
    await seeder.run(db, env);
  }
  return { users: people.length, alreadyLoaded: false };
}

export async function createFirstAdmin(db: Db): Promise<string> {
  await ensureBuiltInRoles(db);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ username: "admin", displayName: "系统管理员", passwordHash, mustChangePassword: true })
      .returning({ id: users.id });
    await tx.insert(userRoles).values({ userId: row.id, roleKey: "admin" });
    await recordAudit(tx, systemContext(), {
      action: "user.created",
      entityType: "user",
      entityId: row.id,
      after: { username: "admin", roles: ["admin"] },
    });
  });
  return password;
}
