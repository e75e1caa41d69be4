import { describe, expect, it } from "vitest";
import {
  chooseClassItems,
  cleanClassName,
  type ItemVerdict,
  resolveItemCount,
  shuffled,
  studentOrder,
  worksheetItems,
} from "./class";
import { type FormItem, seededRandom } from "./forms";

/** A pack like ours: 12 verified, 13 unverified. */
const items: ItemVerdict[] = Array.from({ length: 25 }, (_, i) => ({
  id: `item-${String(i).padStart(2, "0")}`,
  verdict: i % 2 === 0 && i < 24 ? "verified" : "unverified",
}));

/** A deterministic random source (a small LCG) for repeatable shuffles. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 2 ** 32;
    return s / 2 ** 32;
  };
}

const share = (ids: string[], verdict: string) =>
  ids.filter((id) => items.find((i) => i.id === id)?.verdict === verdict).length / ids.length;

describe("chooseClassItems", () => {
  it.each([6, 8, 12])("picks %i items with each verdict at 30 percent or more, not always half", (n) => {
    const verifiedCounts = new Set<number>();
    for (let seed = 1; seed <= 40; seed++) {
      const ids = chooseClassItems(items, n, seededRandom(seed));
      expect(ids).toHaveLength(n);
      expect(new Set(ids).size).toBe(n);
      expect(share(ids, "verified")).toBeGreaterThanOrEqual(0.3);
      expect(share(ids, "unverified")).toBeGreaterThanOrEqual(0.3);
      verifiedCounts.add(Math.round(share(ids, "verified") * n));
    }
    expect(verifiedCounts.size).toBeGreaterThan(1);
  });

  it("never puts two twins in one class", () => {
    const twins: FormItem[] = items.map((item, i) => (i < 20 ? { ...item, twin: `pair-${Math.floor(i / 2)}` } : item));
    for (let seed = 1; seed <= 20; seed++) {
      const ids = chooseClassItems(twins, 12, seeded(seed));
      const groups = ids.flatMap((id) => twins.find((t) => t.id === id)?.twin ?? []);
      expect(new Set(groups).size).toBe(groups.length);
    }
  });

  it("returns the items in the draw's shuffled order, not pack order, the same for the same draw", () => {
    const inPackOrder = Array.from({ length: 20 }, (_, s) => chooseClassItems(items, 8, seeded(s + 1))).filter(
      (ids) => ids.join() === [...ids].sort().join(),
    );
    expect(inPackOrder).toHaveLength(0);
    expect(chooseClassItems(items, 8, seeded(7))).toEqual(chooseClassItems(items, 8, seeded(7)));
  });

  it("caps the count at the pack size", () => {
    expect(chooseClassItems(items, 99)).toHaveLength(25);
  });

  it("lets availability win when one verdict is scarce", () => {
    const lopsided: ItemVerdict[] = [
      { id: "a", verdict: "verified" },
      ...Array.from({ length: 9 }, (_, i) => ({ id: `u${i}`, verdict: "unverified" as const })),
    ];
    const ids = chooseClassItems(lopsided, 6, seeded(3));
    expect(ids).toHaveLength(6);
    expect(ids).toContain("a");
  });

  it("varies with the random source (chosen at creation, not fixed forever)", () => {
    const picks = new Set(Array.from({ length: 10 }, (_, s) => chooseClassItems(items, 8, seeded(s + 1)).join()));
    expect(picks.size).toBeGreaterThan(1);
  });
});

describe("studentOrder", () => {
  it("keeps the class order without shuffle", () => {
    expect(studentOrder({ itemIds: ["a", "b", "c"], shuffle: false })).toEqual(["a", "b", "c"]);
  });

  it("shuffles per student, keeping the same items", () => {
    const ids = items.map((i) => i.id);
    const a = studentOrder({ itemIds: ids, shuffle: true }, seeded(1));
    const b = studentOrder({ itemIds: ids, shuffle: true }, seeded(2));
    expect([...a].sort()).toEqual(ids);
    expect(a).not.toEqual(b);
  });

  it("shuffled() is a permutation", () => {
    expect(shuffled([1, 2, 3, 4, 5], seeded(9)).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("options", () => {
  it("resolves item counts", () => {
    expect(resolveItemCount("8", 25)).toBe(8);
    expect(resolveItemCount("all", 25)).toBe(25);
    expect(resolveItemCount("12", 10)).toBe(10);
    expect(resolveItemCount("7", 25)).toBeNull();
    expect(resolveItemCount("", 25)).toBeNull();
  });

  it("cleans class names", () => {
    expect(cleanClassName("  Year\t9   media ")).toBe("Year 9 media");
    expect(cleanClassName("Ｙｅａｒ 9")).toBe("Year 9");
    expect(cleanClassName("x".repeat(61))).toBeNull();
    expect(cleanClassName("bad\u0000name")).toBeNull();
    expect(cleanClassName("")).toBe("");
  });
});

describe("worksheetItems", () => {
  it("gives three of each verdict", () => {
    const sheet = worksheetItems(items);
    expect(sheet).toHaveLength(6);
    expect(sheet.filter((i) => i.verdict === "verified")).toHaveLength(3);
  });
});
