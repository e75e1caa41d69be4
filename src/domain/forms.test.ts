import { describe, expect, it } from "vitest";
import { pack } from "../content/pack";
import {
  drawForm,
  FORM_SIZE,
  type FormItem,
  formCount,
  formSizes,
  hasTwins,
  planForms,
  publicForm,
  seededRandom,
  verifiedBounds,
} from "./forms";

const items: FormItem[] = pack.items;
const verdictOf = new Map(items.map((item) => [item.id, item.verdict]));
const verifiedIn = (ids: readonly string[]) => ids.filter((id) => verdictOf.get(id) === "verified").length;

describe("public forms", () => {
  // 20 readers' plans of 5 forms each: 100 public forms.
  const plans = Array.from({ length: 20 }, (_, s) => planForms(items, 1000 + s * 7919));
  const forms = plans.flat();

  it("draws 100 forms of 10 with no twin pair inside one", () => {
    expect(forms.length).toBeGreaterThanOrEqual(100);
    for (const form of forms) {
      expect(form).toHaveLength(FORM_SIZE);
      expect(hasTwins(items, form)).toBe(false);
    }
  });

  it("keeps each form's verified share between 30% and 70%, with at least three different counts", () => {
    const counts = forms.map(verifiedIn);
    for (const n of counts) {
      expect(n / FORM_SIZE).toBeGreaterThanOrEqual(0.3);
      expect(n / FORM_SIZE).toBeLessThanOrEqual(0.7);
    }
    expect(new Set(counts).size).toBeGreaterThanOrEqual(3);
    // The first form alone (what most readers play) varies too.
    expect(new Set(plans.map((plan) => verifiedIn(plan[0] ?? []))).size).toBeGreaterThanOrEqual(3);
  });

  it("never repeats a statement until the pack is done, then has no next form", () => {
    for (const plan of plans) {
      const seen = plan.flat();
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual(items.map((item) => item.id).sort());
    }
    const seed = 424242;
    const count = formCount(items.length);
    const seen = new Set<string>();
    for (let index = 0; index < count; index++) {
      const form = publicForm(items, { seed, index }) ?? [];
      for (const id of form) expect(seen.has(id)).toBe(false);
      for (const id of form) seen.add(id);
    }
    expect(seen.size).toBe(items.length);
    expect(publicForm(items, { seed, index: count })).toBeNull();
  });

  it("gives the same plan for the same seed and another for another seed", () => {
    expect(planForms(items, 77)).toEqual(planForms(items, 77));
    expect(planForms(items, 77)).not.toEqual(planForms(items, 78));
  });

  it("sizes forms as evenly as the pack allows, none above the form size", () => {
    expect(formSizes(50)).toEqual([10, 10, 10, 10, 10]);
    expect(formSizes(53)).toEqual([9, 9, 9, 9, 9, 8]);
    expect(formSizes(7)).toEqual([7]);
    expect(formSizes(0)).toEqual([]);
  });

  it("computes the bounds in whole numbers (0.3 × 10 is not 3 in floating point)", () => {
    expect(verifiedBounds(10)).toEqual({ lo: 3, hi: 7 });
    expect(verifiedBounds(6)).toEqual({ lo: 2, hi: 4 });
    expect(verifiedBounds(8)).toEqual({ lo: 3, hi: 5 });
  });

  it("lets twins meet only when a group is larger than the number of forms", () => {
    const big: FormItem[] = [
      ...Array.from({ length: 3 }, (_, i) => ({ id: `t${i}`, verdict: "verified" as const, twin: "g" })),
      ...Array.from({ length: 3 }, (_, i) => ({ id: `u${i}`, verdict: "unverified" as const })),
    ];
    const plan = planForms(big, 1);
    expect(plan).toHaveLength(1);
    expect(plan.flat().sort()).toEqual(big.map((item) => item.id).sort());
  });
});

describe("drawForm (a class's statements)", () => {
  it.each([6, 8, 12])("draws %i with twins apart and 30–70 percent verified, not always half", (n) => {
    const counts = new Set<number>();
    for (let seed = 1; seed <= 60; seed++) {
      const ids = drawForm(items, n, seededRandom(seed));
      expect(ids).toHaveLength(n);
      expect(new Set(ids).size).toBe(n);
      expect(hasTwins(items, ids)).toBe(false);
      const share = verifiedIn(ids) / n;
      expect(share).toBeGreaterThanOrEqual(0.3);
      expect(share).toBeLessThanOrEqual(0.7);
      counts.add(verifiedIn(ids));
    }
    expect(counts.size).toBeGreaterThanOrEqual(3);
  });

  it("returns the ids in pack order, and every item when asked for the whole pack", () => {
    const ids = drawForm(items, 8, seededRandom(5));
    const order = items.map((item) => item.id);
    expect(ids).toEqual([...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(drawForm(items, items.length, seededRandom(5))).toEqual(order);
    expect(drawForm(items, 999, seededRandom(5))).toEqual(order);
  });
});
