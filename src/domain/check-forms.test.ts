import { describe, expect, it } from "vitest";
import { pack } from "../content/pack";
import { type CheckItem, checkFormsValid, checkOrder, drawCheckForms } from "./check-forms";
import { drawForm, drawGroups, hasTwins, seededRandom } from "./forms";

// Sides as the service gives them come from the claimants' texts; a stand-in (three sides in turn) is
// enough to see the matching work here.
const items: CheckItem[] = pack.items.map((item, i) => ({
  ...item,
  side: ["russia", "ukraine", "press"][i % 3] ?? "",
}));
const verdictOf = new Map(items.map((item) => [item.id, item.verdict]));
const verifiedIn = (ids: readonly string[]) => ids.filter((id) => verdictOf.get(id) === "verified").length;
const byId = new Map(items.map((item) => [item.id, item]));
/** How many of `a`'s values `b` lacks (a multiset difference). */
function unmatched(a: readonly string[], b: readonly string[]): number {
  const left = [...b];
  let n = 0;
  for (const x of a) {
    const i = left.indexOf(x);
    if (i === -1) n++;
    else left.splice(i, 1);
  }
  return n;
}

describe("drawCheckForms", () => {
  it("draws two forms of six, three of each verdict, twins apart from each other and the class", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const main = drawForm(items, 12, random);
      const forms = drawCheckForms(items, main, random);
      expect(forms).not.toBeNull();
      if (!forms) continue;
      expect(forms.a).toHaveLength(6);
      expect(forms.b).toHaveLength(6);
      expect(verifiedIn(forms.a)).toBe(3);
      expect(verifiedIn(forms.b)).toBe(3);
      expect(hasTwins(items, [...main, ...forms.a, ...forms.b])).toBe(false);
      expect(checkFormsValid(forms, (id) => byId.has(id), main)).toBe(true);
    }
  });

  it("matches the forms on lesson and side as far as the pack allows", () => {
    let lessonMisses = 0;
    let sideMisses = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(seed);
      const forms = drawCheckForms(items, drawForm(items, 8, random), random);
      if (!forms) throw new Error("no forms");
      const of = (ids: string[], key: "lesson" | "side") => ids.map((id) => byId.get(id)?.[key] ?? "");
      lessonMisses += unmatched(of(forms.a, "lesson"), of(forms.b, "lesson"));
      sideMisses += unmatched(of(forms.a, "side"), of(forms.b, "side"));
    }
    // Matched pairs: on average at most one lesson, and half a side, differs between the forms.
    expect(lessonMisses / 40).toBeLessThanOrEqual(1);
    expect(sideMisses / 40).toBeLessThanOrEqual(0.5);
  });

  it("is null when the class plays too much of the pack to leave twelve groups", () => {
    const groups = drawGroups(items).length;
    const random = seededRandom(3);
    expect(
      drawCheckForms(
        items,
        items.map((item) => item.id),
        random,
      ),
    ).toBeNull();
    // Every group but eleven taken by the class: one short.
    const taken = drawGroups(items)
      .slice(0, groups - 11)
      .flatMap((group) => group.map((item) => item.id));
    expect(drawCheckForms(items, taken, random)).toBeNull();
  });

  it("is the same for the same seed", () => {
    expect(drawCheckForms(items, [], seededRandom(9))).toEqual(drawCheckForms(items, [], seededRandom(9)));
  });
});

describe("checkOrder", () => {
  it("gives half the class form A first, by join order", () => {
    const firsts = Array.from({ length: 30 }, (_, i) => checkOrder(i + 1)[0]);
    expect(firsts.filter((f) => f === "a")).toHaveLength(15);
    expect(checkOrder(1)).toEqual(["a", "b"]);
    expect(checkOrder(2)).toEqual(["b", "a"]);
    expect(checkOrder(3)).toEqual(["a", "b"]);
  });
});

describe("checkFormsValid", () => {
  it("refuses forms that overlap, differ in size, meet the class's statements or name unknown ids", () => {
    const known = (id: string) => byId.has(id);
    const [x, y, z] = items.map((item) => item.id);
    if (!x || !y || !z) throw new Error("pack too small");
    expect(checkFormsValid({ a: [x], b: [y] }, known, [z])).toBe(true);
    expect(checkFormsValid({ a: [x], b: [x] }, known, [])).toBe(false);
    expect(checkFormsValid({ a: [x], b: [y, z] }, known, [])).toBe(false);
    expect(checkFormsValid({ a: [x], b: [y] }, known, [y])).toBe(false);
    expect(checkFormsValid({ a: [x], b: ["s0nothere"] }, known, [])).toBe(false);
    expect(checkFormsValid({ a: [], b: [] }, known, [])).toBe(false);
  });
});
