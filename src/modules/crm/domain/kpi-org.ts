// Who belonged where on each day, and the roll-up of per-agent-per-day figures to a person, a group,
// a team or the floor. A call counts for the group its agent sat in on the call's day, so someone who
// moves group mid-month takes nothing of the past with them. Pure: the service loads the seats.
import { addInto, type Figures, type Targets, zeroFigures, zeroTargets } from "./kpi-figures.ts";
import { type DateRange, daysOf, isoWeekday } from "./kpi-periods.ts";

export type Seat = { position: string; managerUserId: string | null; from: string; to: string | null };

export type OrgPerson = {
  userId: string;
  name: string;
  rank: string | null;
  /** Effective-dated seats (staff assignments); empty for a user without a staff record. */
  seats: Seat[];
  /** For a user without a staff record: the seat their account implies today, used for every day. */
  fallback: { position: string | null; managerUserId: string | null } | null;
};

export type UnitKind = "group" | "team";
/** A group is a tele-leader and their direct reports; a team a team manager and theirs. */
export const LEADER_POSITION: Record<UnitKind, string> = { group: "tele-leader", team: "team-manager" };
export const FLOOR_POSITIONS: ReadonlySet<string> = new Set(["telemarketer", "tele-leader"]);

export type KpiScope =
  | { level: "person"; userId: string }
  | { level: "group" | "team"; leaderId: string }
  | { level: "floor" };

export class OrgTimeline {
  private readonly people: Map<string, OrgPerson>;

  constructor(people: OrgPerson[]) {
    this.people = new Map(people.map((p) => [p.userId, p]));
  }

  person(userId: string): OrgPerson | undefined {
    return this.people.get(userId);
  }

  ids(): string[] {
    return [...this.people.keys()];
  }

  nameOf(userId: string): string {
    return this.people.get(userId)?.name ?? "—";
  }

  seatOn(userId: string, day: string): { position: string | null; managerUserId: string | null } | null {
    const person = this.people.get(userId);
    if (!person) return null;
    if (person.seats.length === 0) return person.fallback;
    const seat = person.seats.find((s) => s.from <= day && (s.to === null || s.to >= day));
    return seat ? { position: seat.position, managerUserId: seat.managerUserId } : null;
  }

  /** The leader's user id of the group or team the person sat in on `day` (a leader leads their own). */
  unitOn(userId: string, day: string, kind: UnitKind): string | null {
    const seat = this.seatOn(userId, day);
    if (!seat) return null;
    if (seat.position === LEADER_POSITION[kind]) return userId;
    const manager = seat.managerUserId;
    if (manager && this.seatOn(manager, day)?.position === LEADER_POSITION[kind]) return manager;
    return null;
  }

  /** Leaders of every unit of the kind that existed on some day of the range. */
  leadersIn(range: DateRange, kind: UnitKind): string[] {
    const days = daysOf(range);
    return this.ids().filter((id) =>
      days.some((d) => this.seatOn(id, d)?.position === LEADER_POSITION[kind]),
    );
  }

  /** The first day the person held the leader's seat of the kind (a team's first month). */
  firstLeaderDay(userId: string, kind: UnitKind): string | null {
    const seats = this.people.get(userId)?.seats ?? [];
    const days = seats.filter((s) => s.position === LEADER_POSITION[kind]).map((s) => s.from);
    return days.length ? days.sort()[0] : null;
  }

  belongsOn(scope: KpiScope, userId: string, day: string): boolean {
    if (scope.level === "person") return userId === scope.userId;
    if (scope.level === "floor") {
      const position = this.seatOn(userId, day)?.position;
      return position !== undefined && position !== null && FLOOR_POSITIONS.has(position);
    }
    return this.unitOn(userId, day, scope.level) === scope.leaderId;
  }
}

export type Fact = { agentId: string; day: string; figures: Partial<Figures> };

export type Tally = { figures: Figures; target: Targets; dueToDate: Targets };

export type MemberTally = Tally & {
  userId: string;
  /** Days of the range the person belonged to the scope. */
  days: number;
  /** Position and sub-unit on the last day they belonged. */
  position: string | null;
  unitId: string | null;
};

export type RollUpInput = {
  facts: Fact[];
  timeline: OrgTimeline;
  scope: KpiScope;
  range: DateRange;
  /** Days after this have no target due yet. */
  today: string;
  workingDays: readonly number[];
  dailyTargetOf: (seat: { position: string | null; rank: string | null }) => Targets | null;
  /** Also total by group or team (the floor page's groups). */
  subUnit?: UnitKind;
};

export type RollUp = {
  total: Tally;
  members: MemberTally[];
  units: (Tally & { unitId: string; memberIds: string[] })[];
  byDay: { day: string; figures: Figures }[];
};

const emptyTally = (): Tally => ({ figures: zeroFigures(), target: zeroTargets(), dueToDate: zeroTargets() });

export function rollUp(input: RollUpInput): RollUp {
  const { timeline, scope, range } = input;
  const days = daysOf(range);
  const factsByKey = new Map<string, Partial<Figures>>();
  const candidates = new Set(timeline.ids());
  for (const f of input.facts) {
    if (f.day < range.from || f.day > range.to) continue;
    candidates.add(f.agentId);
    const key = `${f.agentId}|${f.day}`;
    factsByKey.set(key, addInto({ ...zeroFigures(), ...(factsByKey.get(key) ?? {}) }, f.figures));
  }
  const total = emptyTally();
  const byDay = new Map(days.map((d) => [d, zeroFigures()]));
  const members: MemberTally[] = [];
  const units = new Map<string, Tally & { unitId: string; memberIds: Set<string> }>();

  for (const userId of candidates) {
    let member: MemberTally | null = null;
    for (const day of days) {
      if (!timeline.belongsOn(scope, userId, day)) continue;
      member ??= { ...emptyTally(), userId, days: 0, position: null, unitId: null };
      const seat = timeline.seatOn(userId, day);
      const unitId = input.subUnit ? timeline.unitOn(userId, day, input.subUnit) : null;
      member.days += 1;
      member.position = seat?.position ?? null;
      member.unitId = unitId;
      const figures = factsByKey.get(`${userId}|${day}`);
      const working = input.workingDays.includes(isoWeekday(day));
      const daily = working
        ? input.dailyTargetOf({
            position: seat?.position ?? null,
            rank: timeline.person(userId)?.rank ?? null,
          })
        : null;
      const due = daily && day <= input.today ? daily : null;
      const parts: Tally[] = [member, total];
      if (unitId) {
        let unit = units.get(unitId);
        if (!unit) {
          unit = { ...emptyTally(), unitId, memberIds: new Set() };
          units.set(unitId, unit);
        }
        unit.memberIds.add(userId);
        parts.push(unit);
      }
      for (const part of parts) {
        if (figures) addInto(part.figures, figures);
        if (daily) addInto(part.target, daily);
        if (due) addInto(part.dueToDate, due);
      }
      if (figures) addInto(byDay.get(day) as Figures, figures);
    }
    if (member) members.push(member);
  }
  return {
    total,
    members,
    units: [...units.values()].map((u) => ({ ...u, memberIds: [...u.memberIds] })),
    byDay: days.map((day) => ({ day, figures: byDay.get(day) as Figures })),
  };
}
