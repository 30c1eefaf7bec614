// Staff records for the 59 demo people (demo-org.ts): join dates over the two years before the demo
// business date, their seats as the seed's org chart draws them, ranks with a quarterly history (with a
// loan book, the ranks their 2026-Q2 performance earned; without one, spread over the ladder), and a few
// recent joiners — two telemarketers of the demo tele-leader's group still in the 7-day probation and a
// customer manager in their first month after it. Deterministic; essential (tests build on it).
import { eq } from "drizzle-orm";
import { recordAudit } from "../../platform/audit.ts";
import { systemContext } from "../../platform/auth/actor.ts";
import type { Db } from "../../platform/db.ts";
import type { DemoSeeder } from "../../platform/seed.ts";
import { users } from "../identity/identity.schema.ts";
import { buildDemoPeople, type DemoPerson } from "./demo-org.ts";
import { addDays, addMonths } from "./domain/dates.ts";
import { RECRUITMENT_CHANNELS, type StaffPosition } from "./domain/positions.ts";
import { parseQuarter, type Quarter, RANK_KEYS, RANKS } from "./domain/ranks.ts";
import { quarterPerformance, rulesFor } from "./ranks.service.ts";
import { staffAssignments, staffMembers, staffProbations, staffRankHistory } from "./staff.schema.ts";

/** The demo company's business date (the loan book's demo ends on it). */
export const DEMO_TODAY = "2026-11-28";
/** The customer manager who joined last month: first-month stage in November's payroll. */
export const DEMO_RECENT_MANAGER_JOINED = "2026-10-01";

const POSITION_OF_ROLE: Record<string, StaffPosition> = {
  gm: "general-manager",
  risk: "risk-assessor",
  finance: "finance-supervisor",
  "sales-director": "sales-director",
  "team-manager": "team-manager",
  "customer-manager": "customer-manager",
  "tele-leader": "tele-leader",
  telemarketer: "telemarketer",
  "loan-admin": "loan-admin",
  service: "customer-service",
  hr: "hr-officer",
  compliance: "compliance-officer",
  admin: "it-admin",
};

type Plan = { person: DemoPerson; position: StaffPosition; joinedOn: string; probation: boolean };

/** Who joined when: management first, then the sales teams over 2025, the floor in waves. */
function joinPlan(people: DemoPerson[]): Plan[] {
  let cm = 0;
  let tele = 0;
  const telemarketers = people.filter((p) => p.roles[0] === "telemarketer").length;
  return people.map((person, i) => {
    const position = POSITION_OF_ROLE[person.roles[0]];
    let joinedOn = addDays("2024-12-02", (i % 4) * 7);
    let probation = false;
    if (position === "sales-director") joinedOn = "2024-12-09";
    else if (position === "team-manager") joinedOn = addDays("2025-01-06", (i % 5) * 7);
    else if (position === "customer-manager") {
      cm += 1;
      // Everyone sells before the demo book starts (2025-09) except the last one, a recent hire.
      joinedOn = cm === 25 ? DEMO_RECENT_MANAGER_JOINED : addDays("2025-02-03", (cm - 1) * 7);
    } else if (position === "tele-leader") joinedOn = "2025-03-03";
    else if (position === "telemarketer") {
      tele += 1;
      // The newest hires are in the first group, so the demo tele-leader has trainees to decide on.
      const fromEnd = telemarketers / 2 - tele;
      if (fromEnd === 0) [joinedOn, probation] = [addDays(DEMO_TODAY, -1), true];
      else if (fromEnd === 1) [joinedOn, probation] = [addDays(DEMO_TODAY, -3), true];
      else if (fromEnd === 2) joinedOn = addDays(DEMO_TODAY, -18);
      // The floor joined a month apart, the three recent hires of group 1 left out of the count.
      else joinedOn = addMonths("2025-04-07", tele > telemarketers / 2 ? tele - 3 : tele);
    } else if (!["general-manager", "risk-assessor", "finance-supervisor"].includes(position))
      joinedOn = addMonths("2025-01-13", i % 6);
    return { person, position, joinedOn, probation };
  });
}

/**
 * A customer manager's rank steps: one up per quarter from where they started to where they stand,
 * one of every seven having slipped back a rank last quarter.
 */
function rankSteps(options: {
  index: number;
  joinedOn: string;
  /** The rank their 2026-Q2 performance earned, when the demo has a loan book. */
  earned: number | null;
}): { level: number; from: string }[] {
  // A hire of the last two quarters starts on the first step.
  const target = options.joinedOn >= "2026-07-01" ? 1 : (options.earned ?? 1 + ((options.index * 7) % 11));
  const quarterStarts: string[] = [];
  // Reviews through Q2 2026 are history; the Q3 review is left pending for the demo (staff-activity).
  for (let d = "2025-04-01"; d <= "2026-07-01"; d = addMonths(d, 3))
    if (d > options.joinedOn) quarterStarts.push(d);
  const slips = options.index % 7 === 3 && quarterStarts.length >= 2 && target < 12;
  const climbs = slips ? quarterStarts.length - 1 : quarterStarts.length;
  const start = Math.max(1, target + (slips ? 1 : 0) - climbs);
  const steps = [{ level: start, from: options.joinedOn }];
  let level = start;
  quarterStarts.forEach((from, q) => {
    const last = q === quarterStarts.length - 1;
    if (slips && last) level -= 1;
    else if (level < target + (slips ? 1 : 0)) level += 1;
    else return;
    steps.push({ level, from });
  });
  return steps;
}

/**
 * The rank (1–12) each customer manager's 2026-Q2 年化业绩 reaches: the highest whose quarterly
 * target it meets. With it the ranks the Q3 review starts from agree with the loan book, so the review
 * promotes those who grew and demotes those who fell back. Empty without a book (the essentials seed).
 */
async function ranksEarnedInQ2(db: Db, userIds: string[]): Promise<Map<string, number>> {
  const quarter = parseQuarter("2026-Q2") as Quarter;
  const performance = await quarterPerformance(db, quarter, userIds);
  if (performance.size === 0) return new Map();
  const { targets } = await rulesFor(db, quarter);
  const earned = new Map<string, number>();
  for (const id of userIds) {
    const value = performance.get(id) ?? 0;
    earned.set(id, Math.max(1, RANK_KEYS.filter((k) => targets[k] <= value).length));
  }
  return earned;
}

export async function seedDemoStaff(db: Db): Promise<void> {
  const plans = joinPlan(buildDemoPeople());
  const accounts = await db
    .select({ id: users.id, username: users.username, departmentId: users.departmentId })
    .from(users);
  const account = new Map(accounts.map((a) => [a.username, a]));
  const earned = await ranksEarnedInQ2(
    db,
    accounts.map((a) => a.id),
  );
  await db.transaction(async (tx) => {
    const staffIds = new Map<string, string>();
    for (const [i, plan] of plans.entries()) {
      const user = account.get(plan.person.username);
      if (!user) continue;
      const [existing] = await tx
        .select({ id: staffMembers.id })
        .from(staffMembers)
        .where(eq(staffMembers.userId, user.id));
      if (existing) return; // already seeded
      const [row] = await tx
        .insert(staffMembers)
        .values({
          userId: user.id,
          employeeNo: `E${String(i + 1).padStart(4, "0")}`,
          name: plan.person.displayName,
          position: plan.position,
          status: plan.probation ? "probation" : "formal",
          joinedOn: plan.joinedOn,
          recruitmentChannel: RECRUITMENT_CHANNELS[i % 3],
        })
        .returning({ id: staffMembers.id });
      staffIds.set(plan.person.username, row.id);
    }
    let cmIndex = 0;
    for (const plan of plans) {
      const staffId = staffIds.get(plan.person.username);
      const user = account.get(plan.person.username);
      if (!staffId || !user) continue;
      await tx.insert(staffAssignments).values({
        staffId,
        departmentId: user.departmentId,
        managerId: plan.person.manager ? (staffIds.get(plan.person.manager) ?? null) : null,
        position: plan.position,
        validFrom: plan.joinedOn,
        reason: "hire",
      });
      if (plan.probation)
        await tx
          .insert(staffProbations)
          .values({ staffId, startsOn: plan.joinedOn, endsOn: addDays(plan.joinedOn, 6) });
      if (plan.position !== "customer-manager") continue;
      const steps = rankSteps({
        index: cmIndex++,
        joinedOn: plan.joinedOn,
        earned: earned.get(user.id) ?? null,
      });
      let previous: string | null = null;
      for (const step of steps) {
        const rank = RANKS[step.level - 1].key;
        await tx.insert(staffRankHistory).values({
          staffId,
          rank,
          previousRank: previous,
          effectiveFrom: step.from,
          reason: previous === null ? "hire" : "review",
          createdByName: "系统 System",
        });
        previous = rank;
      }
      await tx.update(staffMembers).set({ rank: previous }).where(eq(staffMembers.id, staffId));
    }
    await recordAudit(tx, systemContext(), {
      action: "staff.demo-seeded",
      entityType: "system",
      after: { staff: staffIds.size },
    });
  });
}

export const staffDemoSeeder: DemoSeeder = { name: "staff", run: (db) => seedDemoStaff(db), essential: true };
