// The onboarding probation (DOMAIN.md §6): a trainee becomes formal only when 通关训练 is passed within
// the probation days AND the leader approves; a leader's refusal, or the end of the period without
// both, fails the probation.

export type ProbationFacts = {
  startsOn: string;
  endsOn: string;
  /** Dates of passed gate (通关) exams, any order. */
  gatePassedOn: readonly string[];
  leaderDecision: "approved" | "rejected" | null;
};

export type ProbationState =
  | { state: "open"; missing: ("gate" | "approval")[]; daysLeft: number }
  | { state: "passed"; on: string }
  | { state: "failed"; reason: "leader-rejected" | "gate-not-passed" | "not-approved" | "expired" };

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Where a probation stands on `today`: the outcome it has reached, or what is still missing. */
export function evaluateProbation(facts: ProbationFacts, today: string): ProbationState {
  if (facts.leaderDecision === "rejected") return { state: "failed", reason: "leader-rejected" };
  const inPeriod = facts.gatePassedOn.filter((d) => d >= facts.startsOn && d <= facts.endsOn).sort();
  const gate = inPeriod.length > 0;
  const approved = facts.leaderDecision === "approved";
  if (gate && approved) return { state: "passed", on: today < facts.endsOn ? today : facts.endsOn };
  if (today > facts.endsOn) {
    const reason = !gate && !approved ? "expired" : !gate ? "gate-not-passed" : "not-approved";
    return { state: "failed", reason };
  }
  const missing: ("gate" | "approval")[] = [];
  if (!gate) missing.push("gate");
  if (!approved) missing.push("approval");
  return { state: "open", missing, daysLeft: daysBetween(today, facts.endsOn) + 1 };
}
