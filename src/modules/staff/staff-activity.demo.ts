// What HR has been doing in the demo company, through the real services: training for the newest
// telemarketers (one waiting for the leader's approval after passing 通关, one just started) and the
// Q3 2026 rank review, run by HR and waiting for the sales director's confirmation.
import { asc, eq, inArray } from "drizzle-orm";
import type { RequestContext } from "../../platform/auth/actor.ts";
import { DEFAULT_ROLES, type RoleKey } from "../../platform/auth/permissions.ts";
import type { Db } from "../../platform/db.ts";
import type { DemoSeeder } from "../../platform/seed.ts";
import { users } from "../identity/identity.schema.ts";
import { addDays } from "./domain/dates.ts";
import { runRankReview } from "./ranks.service.ts";
import { staffMembers, trainingCourses } from "./staff.schema.ts";
import { businessToday } from "./staff-store.ts";
import { createSession, recordResults } from "./training.service.ts";

/**
 * A demo user acting with a built-in role — their own for the sign-ins named after a role, as the
 * seeders of the other modules do, or the one given for anyone else of the demo company.
 */
export async function demoContext(
  db: Db,
  username: string,
  roleKey: RoleKey = username as RoleKey,
): Promise<RequestContext> {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const role = DEFAULT_ROLES[roleKey];
  return {
    actor: {
      userId: user.id,
      username,
      displayName: user.displayName,
      roles: [roleKey],
      permissions: new Set(role.permissions),
      scope: role.scope,
    },
    requestId: "demo-seed",
    ip: null,
  };
}

export async function seedStaffActivity(db: Db): Promise<void> {
  const hr = await demoContext(db, "hr");
  const today = await businessToday(db);
  const newest = await db
    .select()
    .from(staffMembers)
    .where(eq(staffMembers.position, "telemarketer"))
    .orderBy(asc(staffMembers.joinedOn));
  const [formalRecent, waiting, starting] = newest.slice(-3);
  if (!starting) return;
  const courses = new Map(
    (
      await db
        .select()
        .from(trainingCourses)
        .where(inArray(trainingCourses.code, ["culture", "sales-process", "sales-skills", "product", "gate"]))
    ).map((c) => [c.code, c.id]),
  );
  const steps: [string, number, number | null][] = [
    ["culture", 0, null],
    ["sales-process", 0, null],
    ["sales-skills", 1, 78],
    ["product", 1, 88],
    ["gate", 2, 86],
  ];
  for (const person of [formalRecent, waiting]) {
    for (const [code, day, score] of steps) {
      const heldOn = addDays(person.joinedOn, day);
      if (heldOn > today) continue;
      const session = await createSession(db, hr, {
        courseId: courses.get(code) as string,
        heldOn,
        trainer: "王秀英",
      });
      await recordResults(db, hr, session.id, [{ staffId: person.id, attended: true, score }]);
    }
  }
  const culture = await createSession(db, hr, {
    courseId: courses.get("culture") as string,
    heldOn: starting.joinedOn,
    trainer: "王秀英",
    location: "三楼培训室",
  });
  await recordResults(db, hr, culture.id, [{ staffId: starting.id, attended: true }]);
  // The Q3 review runs only once the quarter is over on the demo's business date.
  if (today > "2026-09-30") await runRankReview(db, hr, { quarter: "2026-Q3" });
}

export const staffActivityDemoSeeder: DemoSeeder = {
  name: "staff-activity",
  run: (db) => seedStaffActivity(db),
};
