/**
 * @module forms: which statements a quiz plays, drawn from the pack (pure, seeded).
 *
 * A form is the set of items one quiz plays, in its own seeded order (never the pack's: the pack's
 * order would carry the verdicts). Items of one draw group — a declared `twin` group, or items shown
 * the same passage — never meet in one reader's run: the feedback on one would answer the other.
 * The public quiz draws a run from one seed (`planRun`): one member of each draw group, cut into
 * forms ("10 more" plays the next, until the run is done). Each form's verified share lies between
 * 30% and 70% and varies from form to form, so counting answers tells a reader little about the last
 * ones. The seed given here is the plan's seed, which the services derive with the app's secret
 * (a seed a reader can read must not give the plan). A class draws one form (`drawForm`).
 */
import type { Judgement } from "./scoring";

/**
 * An item as drawing needs it: its id, verdict, twin group (absent: no declared twin) and passage
 * (the context shown before answering, as a key: items with one passage count as twins).
 */
export interface FormItem {
  id: string;
  verdict: Judgement;
  twin?: string | undefined;
  passage?: string | undefined;
}

/** How many statements a public form plays. */
export const FORM_SIZE = 10;

/** A form's verified share stays within these tenths: 30% to 70%. */
const MIN_VERIFIED_TENTHS = 3;
const MAX_VERIFIED_TENTHS = 7;

/** Drawing is retried this often with fresh draws before the bounds (or twins) give way. */
const ATTEMPTS = 40;

/**
 * The public quiz's place in its seed's run: form `index` (0-based) of the run drawn from `seed`.
 * `run: 2` marks a run (one member per draw group, the plan drawn from the seed keyed with the
 * secret); absent on forms of the whole-pack cut of before, which "10 more" no longer continues.
 */
export interface FormRef {
  /** A 32-bit unsigned integer. */
  seed: number;
  index: number;
  run?: 2;
}

/**
 * A deterministic random source (mulberry32) from a 32-bit seed: the same seed gives the same forms.
 * @example const random = seededRandom(42); random() // 0.6011…
 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A whole number in [lo, hi]. */
function between(lo: number, hi: number, random: () => number): number {
  return lo + Math.min(hi - lo, Math.floor(random() * (hi - lo + 1)));
}

/** A copy of `list` in the order a Fisher–Yates shuffle with `random` gives. */
export function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = between(0, i, random);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The fewest and most verified items a form of `size` may hold (integer tenths: 0.3 × 10 is not 3 in floats). */
export function verifiedBounds(size: number): { lo: number; hi: number } {
  return { lo: Math.ceil((MIN_VERIFIED_TENTHS * size) / 10), hi: Math.floor((MAX_VERIFIED_TENTHS * size) / 10) };
}

/**
 * The pack's draw groups: items joined by a declared `twin` slug or by an identical passage (and so
 * on, transitively), one group of its own for an item with neither; in pack order.
 * @example drawGroups(pack.items).length // 27 for a pack of 50 with 15 groups of twins
 */
export function drawGroups<T extends FormItem>(items: readonly T[]): T[][] {
  const parent = items.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  const firstBy = new Map<string, number>();
  items.forEach((item, i) => {
    const keys = [
      item.twin === undefined ? null : `t\u0000${item.twin}`,
      item.passage === undefined ? null : `p\u0000${item.passage}`,
    ];
    for (const key of keys) {
      if (key === null) continue;
      const first = firstBy.get(key);
      if (first === undefined) firstBy.set(key, i);
      else parent[Math.max(root(first), root(i))] = Math.min(root(first), root(i));
    }
  });
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(item);
    else groups.set(r, [item]);
  });
  return [...groups.values()];
}

/** How many forms of at most `size` the items make, and each one's size (as even as they can be). */
export function formSizes(total: number, size = FORM_SIZE): number[] {
  if (total <= 0 || size <= 0) return [];
  const forms = Math.ceil(total / size);
  const base = Math.floor(total / forms);
  return Array.from({ length: forms }, (_, f) => base + (f < total % forms ? 1 : 0));
}

/**
 * The forms of a run of `total` statements: full forms of `size` (what /quiz promises), the last
 * part a form of its own when it is at least half a form, else shared evenly with the form before.
 * @example runSizes(27) // [10, 10, 7]; runSizes(22) // [10, 6, 6]
 */
export function runSizes(total: number, size = FORM_SIZE): number[] {
  if (total <= 0 || size <= 0) return [];
  const full = Math.floor(total / size);
  const rest = total % size;
  const fulls = (n: number) => Array.from({ length: n }, () => size);
  if (full === 0 || rest === 0) return full === 0 ? [total] : fulls(full);
  return rest * 2 >= size ? [...fulls(full), rest] : [...fulls(full - 1), ...formSizes(size + rest, size)];
}

/**
 * Verified counts per form summing to `verified`: each within its form's bounds when the pack allows,
 * the rest spread at random so the counts vary from form to form.
 */
function verifiedCounts(sizes: readonly number[], verified: number, random: () => number): number[] {
  const counts = sizes.map((size) => Math.min(verifiedBounds(size).lo, size));
  let left = verified - counts.reduce((a, b) => a + b, 0);
  // Too few verified items for every form's floor: availability wins, taken from random forms.
  while (left < 0) {
    const some = counts.flatMap((n, f) => (n > 0 ? [f] : []));
    const f = some[between(0, some.length - 1, random)] as number;
    counts[f] = (counts[f] as number) - 1;
    left++;
  }
  while (left > 0) {
    let room = counts.flatMap((n, f) => (n < verifiedBounds(sizes[f] as number).hi ? [f] : []));
    if (room.length === 0) room = counts.flatMap((n, f) => (n < (sizes[f] as number) ? [f] : []));
    const f = room[between(0, room.length - 1, random)] as number;
    counts[f] = (counts[f] as number) + 1;
    left--;
  }
  return counts;
}

/** How many verified items forms of `sizes` may hold together: the sum of their bounds. */
function runBounds(sizes: readonly number[]): { lo: number; hi: number } {
  return sizes.reduce((sum, size) => ({ lo: sum.lo + verifiedBounds(size).lo, hi: sum.hi + verifiedBounds(size).hi }), {
    lo: 0,
    hi: 0,
  });
}

/**
 * One member of each group, drawn at random; redrawn (then nudged through groups with both verdicts)
 * until the run's verified total fits its forms' bounds, as far as the pack allows.
 */
function pickMembers(groups: readonly FormItem[][], bounds: { lo: number; hi: number }, random: () => number) {
  let picks: FormItem[] = [];
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    picks = groups.map((group) => group[between(0, group.length - 1, random)] as FormItem);
    const verified = picks.filter((item) => item.verdict === "verified").length;
    if (verified >= bounds.lo && verified <= bounds.hi) return picks;
  }
  for (const g of shuffle(
    groups.map((_, g) => g),
    random,
  )) {
    const verified = picks.filter((item) => item.verdict === "verified").length;
    const want: Judgement | null = verified < bounds.lo ? "verified" : verified > bounds.hi ? "unverified" : null;
    if (want === null) break;
    const other = (groups[g] as FormItem[]).find((item) => item.verdict === want);
    if (other && picks[g]?.verdict !== want) picks[g] = other;
  }
  return picks;
}

/**
 * One reader's run from the plan's seed: one member of each draw group (so no two twins, and no two
 * items on one passage, ever meet in it), cut into forms (`runSizes`), each form's verified share
 * within 30–70% (as far as the pack allows) and varying, each form in its own shuffled order. The
 * same seed always gives the same run. The seed is the plan's: the services derive it from the
 * token's seed with the secret, so a reader of the token cannot compute the plan.
 * @example planRun(pack.items, planSeed)[0] // the first form's 10 ids, in the order asked
 */
export function planRun(items: readonly FormItem[], seed: number, size = FORM_SIZE): string[][] {
  const random = seededRandom(seed);
  const groups = drawGroups(items);
  const sizes = runSizes(groups.length, size);
  const picks = shuffle(pickMembers(groups, runBounds(sizes), random), random);
  const verified = picks.filter((item) => item.verdict === "verified");
  const unverified = picks.filter((item) => item.verdict !== "verified");
  const counts = verifiedCounts(sizes, verified.length, random);
  return sizes.map((n, f) => {
    const k = Math.min(counts[f] as number, verified.length, n);
    const ids = [...verified.splice(0, k), ...unverified.splice(0, n - k)].map((item) => item.id);
    return shuffle(ids, random);
  });
}

/**
 * The ids of form `index` of the run drawn from `planSeed`, in the order asked; null past the last
 * form (the reader has seen every statement of the run).
 * @example publicForm(pack.items, planSeed, 1) // "10 more": none of form 0's ids or their twins
 */
export function publicForm(
  items: readonly FormItem[],
  planSeed: number,
  index: number,
  size = FORM_SIZE,
): string[] | null {
  return planRun(items, planSeed, size)[index] ?? null;
}

/**
 * The sizes of a run's forms over `items` (every run of a pack has the same: one statement per draw group).
 * @example runFormSizes(pack.items) // [10, 10, 7]
 */
export function runFormSizes(items: readonly FormItem[], size = FORM_SIZE): number[] {
  return runSizes(drawGroups(items).length, size);
}

/**
 * How many forms `form`'s run has; for a form of the whole-pack cut of before (no `run`), that cut's.
 * @example formCount(pack.items, { run: 2 }) // 3
 */
export function formCount(items: readonly FormItem[], form: Pick<FormRef, "run">, size = FORM_SIZE): number {
  return form.run === 2 ? runFormSizes(items, size).length : formSizes(items.length, size).length;
}

/**
 * Draws one form of `count` items (a class's statements): no two of one draw group and a verified
 * share within 30–70% drawn at random (not always half), as far as the pack allows; all items when
 * `count` reaches the pack size. Returned in an order shuffled by `random`, never the pack's.
 * @example drawForm(pack.items, 8, secureRandom) // 8 ids, 3 to 5 of them verified
 */
export function drawForm(items: readonly FormItem[], count: number, random: () => number): string[] {
  const n = Math.min(Math.max(1, Math.floor(count)), items.length);
  const verified = items.filter((item) => item.verdict === "verified").length;
  const { lo, hi } = verifiedBounds(n);
  // Availability wins over the bounds: n − unverified verified items at least, `verified` at most.
  const least = Math.max(n - (items.length - verified), Math.min(lo, verified));
  const most = Math.max(least, Math.min(verified, hi));
  const groups = drawGroups(items);
  let chosen: string[] = [];
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const k = between(least, most, random);
    const need = { verified: k, unverified: n - k };
    chosen = [];
    for (const group of shuffle(groups, random)) {
      const pick = shuffle(group, random).find((item) => need[item.verdict] > 0);
      if (!pick) continue;
      chosen.push(pick.id);
      need[pick.verdict]--;
    }
    if (need.verified === 0 && need.unverified === 0) break;
    // More items asked than there are groups: twins must meet, so fill from the rest.
    if (n > groups.length || attempt === ATTEMPTS - 1) {
      for (const item of shuffle(items, random)) {
        if (chosen.includes(item.id) || need[item.verdict] === 0) continue;
        chosen.push(item.id);
        need[item.verdict]--;
      }
      break;
    }
  }
  return shuffle(chosen, random);
}

/**
 * True when some draw group (a twin group, or one passage) has two items among `ids`.
 * @example hasTwins(pack.items, form) // false for every drawn form
 */
export function hasTwins(items: readonly FormItem[], ids: readonly string[]): boolean {
  const groupOf = new Map<string, number>();
  drawGroups(items).forEach((group, g) => {
    for (const item of group) groupOf.set(item.id, g);
  });
  const seen = new Set<number>();
  for (const id of ids) {
    const g = groupOf.get(id);
    if (g === undefined) continue;
    if (seen.has(g)) return true;
    seen.add(g);
  }
  return false;
}
