import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_FORBIDDEN_TERMS } from "../collections.settings.ts";
import { chinaClock, inWindow } from "./china-time.ts";
import {
  type AttemptFacts,
  type ConductRules,
  conductRefusals,
  consentCovers,
  thirdPartyMessage,
} from "./conduct.ts";
import { maskName } from "./masking.ts";

const RULES: ConductRules = {
  quietHours: { start: "22:00", end: "08:00", methods: ["call", "sms", "visit"] },
  maxUnansweredPerDay: 6,
  thirdParty: {
    methods: ["call", "sms", "visit"],
    purposes: ["message-relay", "locate"],
    forbiddenTerms: DEFAULT_FORBIDDEN_TERMS,
  },
};

// China is UTC+8: 15:00Z is 23:00 in Beijing, 00:00Z is 08:00, 13:59Z is 21:59.
const at = (utc: string) => new Date(utc);
const facts = (overrides: Partial<AttemptFacts> = {}): AttemptFacts => ({
  at: at("2026-11-29T02:00:00Z"),
  party: "borrower",
  method: "call",
  purpose: "reminder",
  outcome: "answered",
  note: null,
  consents: [],
  unansweredToday: 0,
  ...overrides,
});
const codes = (f: AttemptFacts, rules = RULES) => conductRefusals(f, rules).map((r) => r.code);

describe("quiet hours 22:00–08:00 China time", () => {
  it("allows 21:59 and 08:00, refuses 22:00, 23:00, 03:00 and 07:59", () => {
    expect(codes(facts({ at: at("2026-11-29T13:59:00Z") }))).toEqual([]);
    expect(codes(facts({ at: at("2026-11-29T00:00:00Z") }))).toEqual([]);
    for (const utc of [
      "2026-11-29T14:00:00Z",
      "2026-11-29T15:00:00Z",
      "2026-11-28T19:00:00Z",
      "2026-11-28T23:59:00Z",
    ])
      expect(codes(facts({ at: at(utc) })), utc).toEqual(["collections-quiet-hours"]);
  });

  it("names the window and the China time in the refusal", () => {
    const [refusal] = conductRefusals(facts({ at: at("2026-11-29T15:00:00Z") }), RULES);
    expect(refusal).toEqual({
      code: "collections-quiet-hours",
      field: "occurredAt",
      params: { start: "22:00", end: "08:00", time: "23:00" },
    });
  });

  it("does not apply to letters, which are posted", () => {
    expect(codes(facts({ at: at("2026-11-29T15:00:00Z"), method: "letter", outcome: "sent" }))).toEqual([]);
  });

  it("lets a debtor's recorded consent open exactly its window and validity", () => {
    const consent = {
      windowStart: "22:00",
      windowEnd: "23:30",
      validFrom: "2026-11-20",
      validUntil: "2026-12-31",
    };
    expect(codes(facts({ at: at("2026-11-29T15:00:00Z"), consents: [consent] }))).toEqual([]);
    // 23:45 is outside the window, 2027 outside the validity.
    expect(codes(facts({ at: at("2026-11-29T15:45:00Z"), consents: [consent] }))).toEqual([
      "collections-quiet-hours",
    ]);
    expect(codes(facts({ at: at("2027-01-05T15:00:00Z"), consents: [consent] }))).toEqual([
      "collections-quiet-hours",
    ]);
    // A guarantor may consent for themselves; a third party's consent is worth nothing.
    expect(codes(facts({ at: at("2026-11-29T15:00:00Z"), party: "guarantor", consents: [consent] }))).toEqual(
      [],
    );
    expect(
      codes(
        facts({
          at: at("2026-11-29T15:00:00Z"),
          party: "third-party",
          purpose: "message-relay",
          consents: [consent],
        }),
      ),
    ).toEqual(["collections-quiet-hours"]);
  });

  it("reads a consent over midnight", () => {
    const overnight = { windowStart: "21:00", windowEnd: "09:00", validFrom: "2026-01-01", validUntil: null };
    expect(consentCovers(overnight, at("2026-11-29T18:00:00Z"))).toBe(true); // 02:00
    expect(consentCovers(overnight, at("2026-11-29T02:00:00Z"))).toBe(false); // 10:00
  });
});

describe("unanswered attempts a day", () => {
  it("allows the 6th and refuses the 7th on one contact and method", () => {
    expect(codes(facts({ unansweredToday: 5 }))).toEqual([]);
    expect(conductRefusals(facts({ unansweredToday: 6 }), RULES)).toEqual([
      { code: "collections-attempt-limit", field: "method", params: { max: 6, count: 6 } },
    ]);
  });

  it("follows the setting", () => {
    expect(codes(facts({ unansweredToday: 3 }), { ...RULES, maxUnansweredPerDay: 3 })).toEqual([
      "collections-attempt-limit",
    ]);
  });
});

describe("third parties are never told about the debt", () => {
  const third = (o: Partial<AttemptFacts>) => facts({ party: "third-party", purpose: "message-relay", ...o });

  it("allows asking them to pass on a message, with the settings' template", () => {
    const note = thirdPartyMessage(
      "您好,我是{collector},有事需要联系{debtor}本人,麻烦您转告其方便时回电,谢谢。",
      {
        debtor: "王秀英",
        collector: "李建国",
      },
    );
    expect(note).toBe("您好,我是李建国,有事需要联系王秀英本人,麻烦您转告其方便时回电,谢谢。");
    expect(codes(third({ note, outcome: "message-left" }))).toEqual([]);
  });

  it("refuses a debt purpose, a promise, a letter and a note with a debt word", () => {
    expect(codes(third({ purpose: "demand" }))).toEqual(["collections-third-party-purpose"]);
    expect(codes(third({ purpose: "reminder" }))).toEqual(["collections-third-party-purpose"]);
    expect(codes(third({ outcome: "promise-to-pay" }))).toEqual(["collections-third-party-promise"]);
    expect(codes(third({ method: "letter", outcome: "sent" }))).toEqual(["collections-third-party-method"]);
    expect(conductRefusals(third({ note: "已告知其丈夫王某逾期未还" }), RULES)).toEqual([
      { code: "collections-third-party-disclosure", field: "note", params: { term: "逾期" } },
    ]);
    expect(codes(third({ note: "Told his boss about the LOAN" }))).toEqual([
      "collections-third-party-disclosure",
    ]);
  });

  it("cannot be widened by a setting that lists a debt purpose", () => {
    const widened = {
      ...RULES,
      thirdParty: { ...RULES.thirdParty, purposes: ["message-relay", "demand"] as never },
    };
    expect(codes(third({ purpose: "demand" }), widened)).toEqual(["collections-third-party-purpose"]);
  });

  it("lets guarantors and co-borrowers hear about the debt they owe too", () => {
    expect(codes(facts({ party: "guarantor", purpose: "demand", note: "告知保证人借款逾期" }))).toEqual([]);
    expect(codes(facts({ party: "co-borrower", outcome: "promise-to-pay" }))).toEqual([]);
  });
});

describe("china time", () => {
  it("turns an instant into the Beijing day and time", () => {
    expect(chinaClock(at("2026-11-29T16:30:00Z"))).toEqual({ day: "2026-11-30", minutes: 30, time: "00:30" });
  });

  it("a window and its complement split every minute of the day", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 1439 }),
        fc.integer({ min: 0, max: 1439 }),
        (minute, s, e) => {
          fc.pre(s !== e);
          const hhmm = (m: number) =>
            `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
          return inWindow(minute, hhmm(s), hhmm(e)) !== inWindow(minute, hhmm(e), hhmm(s));
        },
      ),
    );
  });
});

describe("masked names", () => {
  it("keeps the first and last characters", () => {
    expect(maskName("王秀英")).toBe("王*英");
    expect(maskName("张伟")).toBe("张*");
    expect(maskName("杭州某某贸易有限公司")).toBe("杭****司");
    expect(maskName(null)).toBeNull();
  });
});
