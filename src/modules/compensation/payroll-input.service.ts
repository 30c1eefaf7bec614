// The engine's input for a month, from the database: the org as it stood at month end (staff/), the
// month's loans summed per officer and term (loan-performance.ts) and the plan given. The engine
// itself (domain/payroll.ts) is the only place pay is computed.
import type { Queryable } from "../../platform/db.ts";
import { DomainError } from "../../platform/errors.ts";
import { type Fen, formatAmount } from "../../platform/money.ts";
import { monthEnd } from "../staff/domain/dates.ts";
import { nearestManagerIn } from "../staff/domain/org.ts";
import { type MonthSeat, seatsForPeriod } from "../staff/org.service.ts";
import type { RunWarning } from "./compensation.schema.ts";
import { PayrollInputError } from "./domain/errors.ts";
import type { LoanGroupInput } from "./domain/loan-groups.ts";
import { computePayroll, type PayrollResult } from "./domain/payroll.ts";
import type { PayrollInput } from "./domain/payroll-input.ts";
import { type CompensationPlan, POSITIONS, type Position } from "./domain/plan.ts";
import { loanGroupsBetween } from "./loan-performance.ts";

export type PayrollFacts = {
  month: string;
  staff: PayrollInput["staff"];
  loanGroups: LoanGroupInput[];
  people: Map<string, MonthSeat & { loanCount: number }>;
  warnings: RunWarning[];
  loanCount: number;
  principal: Fen;
};

const isPosition = (p: string): p is Position => (POSITIONS as readonly string[]).includes(p);

/** Everything but the plan: the same facts serve the run and the simulator's two plans. */
export async function payrollFacts(db: Queryable, month: string): Promise<PayrollFacts> {
  const range = { first: `${month}-01`, last: monthEnd(month) };
  const [seats, groups] = await Promise.all([
    seatsForPeriod(db, range),
    loanGroupsBetween(db, { from: range.first, to: range.last }),
  ]);
  const members = seats.filter((s) => isPosition(s.position));
  const memberIds = new Set(members.map((m) => m.staffId));
  const links = new Map(seats.map((s) => [s.staffId, s.managerId]));
  const staffOfUser = new Map(members.flatMap((m) => (m.userId ? [[m.userId, m.staffId] as const] : [])));
  const people = new Map(members.map((m) => [m.staffId, { ...m, loanCount: 0 }]));
  const loanGroups: LoanGroupInput[] = [];
  let unpaidCount = 0;
  let unpaidPrincipal = 0;
  for (const g of groups) {
    const staffId = g.officerId ? staffOfUser.get(g.officerId) : undefined;
    if (staffId === undefined) {
      unpaidCount += g.loanCount;
      unpaidPrincipal += g.principal;
      continue;
    }
    loanGroups.push({ ...g, staffId });
    const person = people.get(staffId);
    if (person) person.loanCount += g.loanCount;
  }
  const warnings: RunWarning[] =
    unpaidCount > 0
      ? [
          {
            code: "loans-without-payee",
            params: { count: unpaidCount, principal: formatAmount(unpaidPrincipal) },
          },
        ]
      : [];
  return {
    month,
    // Someone under a leader who is not on the sales payroll counts toward the next manager up who is.
    staff: members.map((m) => ({
      id: m.staffId,
      position: m.position as Position,
      managerId: nearestManagerIn(links, { staffId: m.staffId, members: memberIds }),
      joinedOn: m.joinedOn,
      leftOn: m.leftOn,
    })),
    loanGroups,
    people,
    warnings,
    loanCount: groups.reduce((n, g) => n + g.loanCount, 0),
    principal: groups.reduce((n, g) => n + g.principal, 0) as Fen,
  };
}

/** The engine over the facts; data the engine refuses is a conflict to fix, never a server fault. */
export function runEngine(facts: PayrollFacts, plan: CompensationPlan): PayrollResult {
  try {
    return computePayroll({
      month: facts.month,
      plan,
      staff: facts.staff,
      loans: [],
      loanGroups: facts.loanGroups,
    });
  } catch (error) {
    if (!(error instanceof PayrollInputError)) throw error;
    const names = new Map([...facts.people.values()].map((p) => [p.staffId, `${p.name}(${p.employeeNo})`]));
    const detail = error.message.replace(/"([0-9a-f-]{36})"/g, (m, id: string) => names.get(id) ?? m);
    throw new DomainError({ code: "payroll-input-invalid", status: 409, params: { detail } });
  }
}
