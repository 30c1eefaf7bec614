import { describe, expect, it } from "vitest";
import { buildTree, cycleIfManaged, descendantsOf, nearestManagerIn } from "./org.ts";

// d ← t1 ← c1, c2; d ← t2 ← c3
const LINKS = new Map<string, string | null>([
  ["d", null],
  ["t1", "d"],
  ["t2", "d"],
  ["c1", "t1"],
  ["c2", "t1"],
  ["c3", "t2"],
]);

describe("the reporting line", () => {
  it("names the loop a new manager would close, from the person back to the person", () => {
    expect(cycleIfManaged(LINKS, { staffId: "d", managerId: "c1" })).toEqual(["d", "c1", "t1", "d"]);
    expect(cycleIfManaged(LINKS, { staffId: "t1", managerId: "t1" })).toEqual(["t1", "t1"]);
    expect(cycleIfManaged(LINKS, { staffId: "c1", managerId: "t2" })).toBeNull();
    expect(cycleIfManaged(LINKS, { staffId: "c1", managerId: null })).toBeNull();
  });

  it("does not blame a change for an older loop elsewhere", () => {
    const looped = new Map(LINKS).set("x", "y").set("y", "x");
    expect(cycleIfManaged(looped, { staffId: "c1", managerId: "x" })).toBeNull();
  });

  it("finds everyone below someone", () => {
    expect([...descendantsOf(LINKS, "t1")].sort()).toEqual(["c1", "c2"]);
    expect(descendantsOf(LINKS, "d").size).toBe(5);
    expect(descendantsOf(LINKS, "c3").size).toBe(0);
  });

  it("builds a tree, with orphans as roots", () => {
    const tree = buildTree([
      { id: "d", managerId: null },
      { id: "t1", managerId: "d" },
      { id: "c1", managerId: "t1" },
      { id: "c9", managerId: "gone" },
    ]);
    expect(tree.map((n) => n.id)).toEqual(["d", "c9"]);
    expect(tree[0].children[0].children[0].id).toBe("c1");
  });

  it("skips managers outside a group to the nearest one inside", () => {
    const members = new Set(["d", "c3"]);
    expect(nearestManagerIn(LINKS, { staffId: "c3", members })).toBe("d");
    expect(nearestManagerIn(LINKS, { staffId: "d", members })).toBeNull();
  });
});
