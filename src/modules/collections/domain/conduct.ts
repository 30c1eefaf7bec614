// The collections conduct rules of DOMAIN.md §8, as one pure check the server runs before it records
// an attempt (and the console runs through the API to explain a refusal before anyone dials):
//   • no contact in the quiet hours (22:00–08:00 China time) unless the debtor recorded consent to be
//     contacted at that time;
//   • at most N unanswered attempts a day on one contact method for one contact;
//   • a third party is never told about the debt: only a purpose that says nothing about it, no
//     promise taken from them, only the allowed methods, and a note free of debt words.
// The thresholds come from settings; the rule itself is not switchable.
import { chinaClock, inWindow } from "./china-time.ts";
import {
  type ContactMethod,
  type ContactOutcome,
  type ContactParty,
  type ContactPurpose,
  LIABLE_PARTIES,
  OUTCOMES_BY_METHOD,
  THIRD_PARTY_PURPOSES,
  type ThirdPartyPurpose,
} from "./contact-vocabulary.ts";

export type ConductRules = {
  quietHours: { start: string; end: string; methods: ContactMethod[] };
  maxUnansweredPerDay: number;
  thirdParty: { methods: ContactMethod[]; purposes: ThirdPartyPurpose[]; forbiddenTerms: string[] };
};

export type ConsentWindow = {
  windowStart: string;
  windowEnd: string;
  validFrom: string;
  validUntil: string | null;
};

/** A reason an attempt may not be made (or recorded), as a message code with its parameters. */
export type Refusal = { code: string; field: string; params?: Record<string, string | number> };

export type AttemptFacts = {
  at: Date;
  party: ContactParty;
  method: ContactMethod;
  /** Unknown while the console only asks whether a contact is allowed. */
  purpose?: ContactPurpose;
  outcome?: ContactOutcome;
  note?: string | null;
  /** Unrevoked quiet-hours consents of this contact. */
  consents: readonly ConsentWindow[];
  /** Unanswered attempts already logged today (China day of `at`) on this contact and method. */
  unansweredToday: number;
};

export function consentCovers(consent: ConsentWindow, at: Date): boolean {
  const clock = chinaClock(at);
  if (clock.day < consent.validFrom) return false;
  if (consent.validUntil !== null && clock.day > consent.validUntil) return false;
  return inWindow(clock.minutes, consent.windowStart, consent.windowEnd);
}

/** The first debt word found in a text (case-insensitive), or null. */
export function disclosingTerm(text: string | null | undefined, terms: readonly string[]): string | null {
  if (!text) return null;
  const haystack = text.toLowerCase();
  return terms.find((term) => term.trim() !== "" && haystack.includes(term.toLowerCase())) ?? null;
}

export function conductRefusals(facts: AttemptFacts, rules: ConductRules): Refusal[] {
  const refusals: Refusal[] = [];
  const clock = chinaClock(facts.at);
  const liable = LIABLE_PARTIES.includes(facts.party);

  const { start, end, methods } = rules.quietHours;
  if (methods.includes(facts.method) && inWindow(clock.minutes, start, end)) {
    // Only the person who owes can agree to be called at night; a third party's word counts for nothing.
    const consented = liable && facts.consents.some((c) => consentCovers(c, facts.at));
    if (!consented)
      refusals.push({
        code: "collections-quiet-hours",
        field: "occurredAt",
        params: { start, end, time: clock.time },
      });
  }

  if (facts.unansweredToday >= rules.maxUnansweredPerDay)
    refusals.push({
      code: "collections-attempt-limit",
      field: "method",
      params: { max: rules.maxUnansweredPerDay, count: facts.unansweredToday },
    });

  if (!liable) {
    if (!rules.thirdParty.methods.includes(facts.method))
      refusals.push({ code: "collections-third-party-method", field: "method" });
    // The settings may narrow the purposes allowed with a third party, never add a debt purpose.
    const allowed = rules.thirdParty.purposes.filter((p) => THIRD_PARTY_PURPOSES.includes(p));
    if (facts.purpose && !(allowed as string[]).includes(facts.purpose))
      refusals.push({ code: "collections-third-party-purpose", field: "purpose" });
    if (facts.outcome === "promise-to-pay")
      refusals.push({ code: "collections-third-party-promise", field: "outcome" });
    const term = disclosingTerm(facts.note, rules.thirdParty.forbiddenTerms);
    if (term) refusals.push({ code: "collections-third-party-disclosure", field: "note", params: { term } });
  }
  return refusals;
}

/** Shape checks that are not conduct rules: an outcome that fits the method. */
export function outcomeFits(method: ContactMethod, outcome: ContactOutcome): boolean {
  return OUTCOMES_BY_METHOD[method].includes(outcome);
}

/** The only text a third party hears: the settings' template with the debtor's and the collector's names. */
export function thirdPartyMessage(template: string, values: { debtor: string; collector: string }): string {
  return template.replaceAll("{debtor}", values.debtor).replaceAll("{collector}", values.collector);
}
