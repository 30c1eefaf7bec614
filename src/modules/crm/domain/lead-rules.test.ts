import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { judgeCall } from "./call-rules.ts";
import { type AgentSlot, assignRoundRobin } from "./lead-assignment.ts";
import {
  checkStageMove,
  LEAD_STAGES,
  OPEN_STAGES,
  sourceRequirements,
  stageAfterCall,
} from "./lead-rules.ts";

describe("lead sources", () => {
  it("asks a referral for its referrer and an event lead for its campaign", () => {
    expect(sourceRequirements({ source: "referral", referrer: " " })).toEqual({
      referrer: "referrer-required",
    });
    expect(sourceRequirements({ source: "referral", referrer: "老客户 陈立新" })).toEqual({});
    expect(sourceRequirements({ source: "event" })).toEqual({ campaignId: "campaign-required" });
    expect(sourceRequirements({ source: "event", campaignId: "c1" })).toEqual({});
    expect(sourceRequirements({ source: "online" })).toEqual({});
  });
});

describe("stage moves by hand", () => {
  it("moves freely among open stages and to invalid, back from invalid, applied only by converting", () => {
    expect(checkStageMove("new", "appointment")).toEqual({ ok: true });
    expect(checkStageMove("appointment", "contacted")).toEqual({ ok: true });
    expect(checkStageMove("intent", "invalid")).toEqual({ ok: true });
    expect(checkStageMove("invalid", "contacted")).toEqual({ ok: true });
    expect(checkStageMove("applied", "disbursed")).toEqual({ ok: true });
    expect(checkStageMove("intent", "applied")).toEqual({ ok: false, code: "stage-move-not-allowed" });
    expect(checkStageMove("disbursed", "new")).toEqual({ ok: false, code: "stage-move-not-allowed" });
    expect(checkStageMove("invalid", "disbursed")).toEqual({ ok: false, code: "stage-move-not-allowed" });
    expect(checkStageMove("new", "new")).toEqual({ ok: false, code: "stage-unchanged" });
  });
});

describe("what a call does to a lead", () => {
  const flags = (connected: boolean, intent = false, appointment = false) => ({
    connected,
    intent,
    appointment,
  });
  it("moves an open lead forward only", () => {
    expect(stageAfterCall("new", flags(false))).toBe("new");
    expect(stageAfterCall("new", flags(true))).toBe("contacted");
    expect(stageAfterCall("contacted", flags(true, true))).toBe("intent");
    expect(stageAfterCall("new", flags(true, true, true))).toBe("appointment");
    expect(stageAfterCall("appointment", flags(true, true))).toBe("appointment");
    expect(stageAfterCall("invalid", flags(true, true))).toBe("invalid");
    expect(stageAfterCall("applied", flags(true, true, true))).toBe("applied");
  });
  it("never moves a lead back (property)", () => {
    const order = [...OPEN_STAGES];
    fc.assert(
      fc.property(
        fc.constantFrom(...LEAD_STAGES),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (stage, c, i, a) => {
          const after = stageAfterCall(stage, flags(c, i, a));
          if (!order.includes(stage as (typeof order)[number])) return after === stage;
          return (
            order.indexOf(after as (typeof order)[number]) >= order.indexOf(stage as (typeof order)[number])
          );
        },
      ),
    );
  });
});

describe("effective calls (DOMAIN.md §6)", () => {
  it("needs a connected call with at least the threshold of talk time", () => {
    expect(judgeCall({ connected: true, talkSeconds: 30, thresholdSeconds: 30 })).toEqual({
      connected: true,
      effective: true,
    });
    expect(judgeCall({ connected: true, talkSeconds: 29, thresholdSeconds: 30 }).effective).toBe(false);
    expect(judgeCall({ connected: false, talkSeconds: 300, thresholdSeconds: 30 }).effective).toBe(false);
    expect(judgeCall({ connected: true, talkSeconds: 45, thresholdSeconds: 60 }).effective).toBe(false);
    expect(
      judgeCall({ connected: true, talkSeconds: 300, thresholdSeconds: 30, outcomeAllowsEffective: false })
        .effective,
    ).toBe(false);
  });
});

describe("round-robin assignment", () => {
  const slot = (userId: string, extra: Partial<AgentSlot> = {}): AgentSlot => ({
    userId,
    sortKey: userId,
    openLeads: 0,
    capacity: 10,
    away: false,
    lastAssignedAt: null,
    ...extra,
  });

  it("rotates through the group, starting with whoever was given a lead longest ago", () => {
    const result = assignRoundRobin(
      [slot("a", { lastAssignedAt: 300 }), slot("b", { lastAssignedAt: 100 }), slot("c")],
      5,
      1000,
    );
    expect(result?.ownerIds).toEqual(["c", "b", "a", "c", "b"]);
  });

  it("skips people who are away or at their cap, and gives up when nobody has room", () => {
    const slots = [
      slot("a", { away: true }),
      slot("b", { openLeads: 2, capacity: 2 }),
      slot("c", { openLeads: 8, capacity: 10 }),
    ];
    expect(assignRoundRobin(slots, 2, 0)?.ownerIds).toEqual(["c", "c"]);
    expect(assignRoundRobin(slots, 3, 0)).toBeNull();
  });

  it("never exceeds anyone's cap and never picks someone away (property)", () => {
    const slots = fc.array(
      fc.record({
        open: fc.integer({ min: 0, max: 5 }),
        cap: fc.integer({ min: 0, max: 6 }),
        away: fc.boolean(),
        last: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      }),
      { minLength: 1, maxLength: 6 },
    );
    fc.assert(
      fc.property(slots, fc.integer({ min: 1, max: 20 }), (raw, count) => {
        const group = raw.map((r, i) =>
          slot(`u${i}`, { openLeads: r.open, capacity: r.cap, away: r.away, lastAssignedAt: r.last }),
        );
        const room = group.reduce((sum, s) => sum + (s.away ? 0 : Math.max(0, s.capacity - s.openLeads)), 0);
        const result = assignRoundRobin(group, count, 1000);
        if (count > room) return result === null;
        if (!result) return false;
        return group.every((s) => {
          const given = result.ownerIds.filter((id) => id === s.userId).length;
          return s.away ? given === 0 : s.openLeads + given <= Math.max(s.capacity, s.openLeads);
        });
      }),
    );
  });
});
