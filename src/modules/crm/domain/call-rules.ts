// What a call counts as (DOMAIN.md §6): effective = connected and talk time at least the threshold
// in force on the call's date. A logged call's outcome may also rule a call out of "effective" (a
// connected call that ended in 要求勿扰 is no selling conversation however long it took).

export type CallJudgement = { connected: boolean; effective: boolean };

export function judgeCall(input: {
  connected: boolean;
  talkSeconds: number;
  thresholdSeconds: number;
  /** The outcome's own flag; imported calls have no outcome and pass `true`. */
  outcomeAllowsEffective?: boolean;
}): CallJudgement {
  const effective =
    input.connected && input.talkSeconds >= input.thresholdSeconds && input.outcomeAllowsEffective !== false;
  return { connected: input.connected, effective };
}

/** China time (UTC+8) calendar date of an instant: the date whose threshold applies. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
