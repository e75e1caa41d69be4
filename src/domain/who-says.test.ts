import { describe, expect, it } from "vitest";
import { type Attributed, idHash, planWho, type Voice, whoLine, whoTally } from "./who-says";

const voice = (key: string, camp: string): Voice => ({ key, label: key.toUpperCase(), camp });
const A1 = voice("a1", "a");
const A2 = voice("a2", "a");
const B1 = voice("b1", "b");
const C1 = voice("c1", "c");
const D1 = voice("d1", "d");

const items: Attributed[] = [
  { id: "one", voice: A1 },
  { id: "two", voice: A2 },
  { id: "three", voice: B1 },
  { id: "four", voice: C1 },
  { id: "five", voice: D1, avoid: ["b"] },
  { id: "six", voice: A1 },
];

describe("planWho", () => {
  it("offers the item's voice and two of other camps, three distinct camps per item", () => {
    const plan = planWho(items);
    for (const item of items) {
      const choices = plan.get(item.id);
      expect(choices?.choices).toHaveLength(3);
      expect(choices?.choices[choices.right]).toEqual(item.voice);
      expect(new Set(choices?.choices.map((v) => v.camp)).size).toBe(3);
    }
  });

  it("never offers a voice of the right one's camp (two choices would both be right)", () => {
    const plan = planWho(items);
    for (const id of ["one", "two", "six"]) {
      const keys = plan.get(id)?.choices.map((v) => v.key) ?? [];
      expect(keys.filter((k) => k === "a1" || k === "a2")).toHaveLength(1);
    }
  });

  it("never offers a camp the claimant's wording names", () => {
    expect(
      planWho(items)
        .get("five")
        ?.choices.map((v) => v.camp),
    ).not.toContain("b");
  });

  it("is a function of the ids and the pack alone: the same in any order of the items", () => {
    const reversed = planWho([...items].reverse());
    expect(Object.fromEntries(reversed)).toEqual(Object.fromEntries(planWho(items)));
  });

  it("puts the right voice first, second and third in turn over the pack", () => {
    const many: Attributed[] = Array.from({ length: 30 }, (_, i) => ({
      id: `item-${i}`,
      voice: [A1, B1, C1, D1][i % 4] as Voice,
    }));
    const counts = [0, 0, 0];
    for (const { right } of planWho(many).values()) counts[right] = (counts[right] ?? 0) + 1;
    expect(counts).toEqual([10, 10, 10]);
  });

  it("offers fewer choices, never a repeat, when the pack has too few camps", () => {
    const plan = planWho([
      { id: "x", voice: A1 },
      { id: "y", voice: B1 },
    ]);
    expect(
      plan
        .get("x")
        ?.choices.map((v) => v.key)
        .sort(),
    ).toEqual(["a1", "b1"]);
    expect(planWho([{ id: "z", voice: A1 }]).get("z")).toEqual({ choices: [A1], right: 0 });
  });
});

describe("idHash", () => {
  it("is FNV-1a: fixed numbers, different for different ids", () => {
    expect(idHash("")).toBe(0x811c9dc5);
    expect(idHash("a")).toBe(0xe40c292c);
    expect(idHash("one")).not.toBe(idHash("two"));
  });
});

describe("whoTally and whoLine", () => {
  it("counts right picks over the statements answered; not said counts as not named", () => {
    expect(whoTally([true, false, null, true])).toEqual({ named: 2, asked: 4 });
    expect(whoTally([])).toEqual({ named: 0, asked: 0 });
  });

  it("says it in words", () => {
    expect(whoLine({ named: 6, asked: 10 })).toBe("You named who says so 6 of 10 times.");
    expect(whoLine({ named: 1, asked: 1 })).toBe("You named who says so for the one statement you answered.");
    expect(whoLine({ named: 0, asked: 1 })).toBe("You did not name who says so for the one statement you answered.");
  });
});
