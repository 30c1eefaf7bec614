// The words of a collection attempt: how (method), whom (party), why (purpose) and what came of it
// (outcome). Pure data, shared by the conduct rules, the contracts and the console.

export const CONTACT_METHODS = ["call", "sms", "visit", "letter"] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export const CONTACT_PARTIES = ["borrower", "guarantor", "co-borrower", "third-party"] as const;
export type ContactParty = (typeof CONTACT_PARTIES)[number];

/** Guarantors and co-borrowers are liable for the loan; a third party (family, employer…) is not. */
export const LIABLE_PARTIES: readonly ContactParty[] = ["borrower", "guarantor", "co-borrower"];

export const CONTACT_RELATIONS = [
  "spouse",
  "parent",
  "child",
  "sibling",
  "relative",
  "friend",
  "colleague",
  "employer",
  "other",
] as const;
export type ContactRelation = (typeof CONTACT_RELATIONS)[number];

// What an attempt is for. Only the last two say nothing about a debt, so only they may be used with
// a third party (the settings can narrow that list, never widen it).
export const DEBT_PURPOSES = [
  "reminder",
  "demand",
  "negotiation",
  "promise-follow-up",
  "verification",
] as const;
export const THIRD_PARTY_PURPOSES = ["message-relay", "locate"] as const;
export const CONTACT_PURPOSES = [...DEBT_PURPOSES, ...THIRD_PARTY_PURPOSES] as const;
export type ContactPurpose = (typeof CONTACT_PURPOSES)[number];
export type ThirdPartyPurpose = (typeof THIRD_PARTY_PURPOSES)[number];

export const CONTACT_OUTCOMES = [
  "answered",
  "no-answer",
  "busy",
  "switched-off",
  "wrong-number",
  "promise-to-pay",
  "refused",
  "paid-claimed",
  "message-left",
  "met",
  "not-home",
  "sent",
  "failed",
  "returned",
] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** Outcomes in which nobody was reached: these count towards the daily attempt limit. */
export const UNANSWERED_OUTCOMES: readonly ContactOutcome[] = [
  "no-answer",
  "busy",
  "switched-off",
  "not-home",
];

export const OUTCOMES_BY_METHOD: Record<ContactMethod, readonly ContactOutcome[]> = {
  call: [
    "answered",
    "no-answer",
    "busy",
    "switched-off",
    "wrong-number",
    "promise-to-pay",
    "refused",
    "paid-claimed",
    "message-left",
  ],
  sms: ["sent", "failed"],
  visit: ["met", "not-home", "promise-to-pay", "refused", "paid-claimed", "message-left"],
  letter: ["sent", "returned"],
};

export const isUnanswered = (outcome: ContactOutcome): boolean => UNANSWERED_OUTCOMES.includes(outcome);
