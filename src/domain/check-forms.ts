/**
 * @module check-forms: a class's check-in and check-out — two parallel forms of six statements
 * drawn once (pure, seeded by the caller's random source), and which one a student plays first.
 *
 * The two forms are made of matched pairs: each pair has one verdict, and as far as the pack allows
 * one lesson and one side of the conflict (the claimant's camp), one member in each form, so each
 * form has three verified statements and three unverified ones and the same mix of lessons and
 * sides. No draw group (twins, one passage) appears twice across the class's statements and both
 * forms: the feedback on one statement would otherwise answer the other. Half the class plays form
 * A first and half form B (by join order), so a harder form does not read as a change.
 */
import { drawGroups, type FormItem, shuffle } from "./forms";
import type { Judgement } from "./scoring";

/** How many statements a check-in (and a check-out) has. */
export const CHECK_SIZE = 6;

/** An item as the check draw needs it: a form item with its lesson and its claimant's side. */
export interface CheckItem extends FormItem {
  lesson: string;
  /** The claimant's camp (content/voices.ts: russia, ukraine, militias, press, expert, none). */
  side: string;
}

/** The two parallel forms, as ids in the order asked. */
export interface CheckForms {
  a: string[];
  b: string[];
}

/** One of the two forms. */
export type CheckFormName = keyof CheckForms;

/** Fresh draws tried; the best-matched one is kept. */
const DRAWS = 60;

/** How alike two items are: one point for a shared lesson, one for a shared side. */
function likeness(x: CheckItem, y: CheckItem): number {
  return (x.lesson === y.lesson ? 1 : 0) + (x.side === y.side ? 1 : 0);
}

/** Pairs `count` pairs from `pool` (one verdict), the most alike pair first; null when too few. */
function pairUp(pool: CheckItem[], count: number): { pairs: [CheckItem, CheckItem][]; score: number } | null {
  const left = [...pool];
  const pairs: [CheckItem, CheckItem][] = [];
  let score = 0;
  while (pairs.length < count) {
    let best: [number, number, number] | null = null;
    for (let i = 0; i < left.length; i++) {
      for (let j = i + 1; j < left.length; j++) {
        const s = likeness(left[i] as CheckItem, left[j] as CheckItem);
        if (!best || s > best[2]) best = [i, j, s];
      }
    }
    if (!best) return null;
    const [i, j, s] = best;
    pairs.push([left[i] as CheckItem, left[j] as CheckItem]);
    score += s;
    left.splice(j, 1);
    left.splice(i, 1);
  }
  return { pairs, score };
}

/**
 * Draws the check-in and check-out forms: `size` statements each (half of each verdict), none of
 * `exclude`'s draw groups (the class's own statements), no draw group twice; null when the pack has
 * too few groups left (a class that plays nearly every statement).
 * @example drawCheckForms(items, classItemIds, secureRandom) // { a: [6 ids], b: [6 ids] }
 */
export function drawCheckForms(
  items: readonly CheckItem[],
  exclude: readonly string[],
  random: () => number,
  size = CHECK_SIZE,
): CheckForms | null {
  const excluded = new Set(exclude);
  const groups = drawGroups(items).filter((group) => !group.some((item) => excluded.has(item.id)));
  const perVerdict = Math.floor(size / 2);
  const need: Record<Judgement, number> = { verified: perVerdict, unverified: size - perVerdict };
  let best: { pairs: [CheckItem, CheckItem][]; score: number } | null = null;
  for (let draw = 0; draw < DRAWS; draw++) {
    // One member of each group (twins apart); a group with both verdicts offers either.
    const picks = shuffle(groups, random).map((group) => shuffle(group, random)[0] as CheckItem);
    const verified = pairUp(
      picks.filter((item) => item.verdict === "verified"),
      need.verified,
    );
    const unverified = pairUp(
      picks.filter((item) => item.verdict !== "verified"),
      need.unverified,
    );
    if (!verified || !unverified) continue;
    const score = verified.score + unverified.score;
    if (!best || score > best.score) best = { pairs: [...verified.pairs, ...unverified.pairs], score };
  }
  if (!best) return null;
  const a: string[] = [];
  const b: string[] = [];
  for (const [x, y] of best.pairs) {
    const [first, second] = random() < 0.5 ? [x, y] : [y, x];
    a.push(first.id);
    b.push(second.id);
  }
  return { a: shuffle(a, random), b: shuffle(b, random) };
}

/**
 * Which form a student plays first, by their place in the join order (1 for the first to join):
 * odd places form A, even places form B, so half the class starts with each.
 * @example checkOrder(1) // ["a", "b"]; checkOrder(2) // ["b", "a"]
 */
export function checkOrder(turn: number): [CheckFormName, CheckFormName] {
  return turn % 2 === 1 ? ["a", "b"] : ["b", "a"];
}

/**
 * Whether a stored pair of forms is still playable: two forms of the same size, every id in the pack,
 * no id in both or among the class's statements.
 */
export function checkFormsValid(forms: CheckForms, known: (id: string) => boolean, classItems: readonly string[]) {
  const all = [...forms.a, ...forms.b];
  return (
    forms.a.length > 0 &&
    forms.a.length === forms.b.length &&
    new Set([...all, ...classItems]).size === all.length + classItems.length &&
    all.every(known)
  );
}
