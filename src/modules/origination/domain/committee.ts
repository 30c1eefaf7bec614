// The credit committee (暂行委员会: gm + risk + finance). Default rule: unanimous; configurable to
// majority. A decision is reached as soon as the outcome can no longer change.
export type VoteDecision = "approve" | "reject";
export type CommitteeRule = "unanimous" | "majority";
export type CommitteeOutcome = "approved" | "rejected" | "pending";

export function committeeOutcome(options: {
  votes: readonly VoteDecision[];
  members: number;
  rule: CommitteeRule;
}): CommitteeOutcome {
  const approvals = options.votes.filter((v) => v === "approve").length;
  const rejections = options.votes.length - approvals;
  if (options.rule === "unanimous") {
    if (rejections > 0) return "rejected";
    return approvals >= options.members ? "approved" : "pending";
  }
  const needed = Math.floor(options.members / 2) + 1;
  if (approvals >= needed) return "approved";
  if (options.members - rejections < needed) return "rejected";
  return "pending";
}
