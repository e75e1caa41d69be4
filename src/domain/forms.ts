/**
 * @module forms: which statements a quiz plays, drawn from the pack (pure, seeded).
 *
 * A form is the set of items one quiz plays. It never holds two items of one twin group (the
 * feedback on one would answer the other), and its verified share lies between 30% and 70% and
 * varies from form to form, so counting answers tells a reader nothing about the last ones.
 * The public quiz cuts the whole pack into forms from one seed (`planForms`): form k+1 ("10 more")
 * holds only statements forms 0..k did not, until the pack is done. A class draws one form (`drawForm`).
 */
import type { Judgement } from "./scoring";

/** An item as drawing needs it: its id, verdict and twin group (absent: it has no twin). */
export interface FormItem {
  id: string;
  verdict: Judgement;
  twin?: string | undefined;
}

/** How many statements a public form plays. */
export const FORM_SIZE = 10;

/** A form's verified share stays within these tenths: 30% to 70%. */
const MIN_VERIFIED_TENTHS = 3;
const MAX_VERIFIED_TENTHS = 7;

/** Placement is retried this often with fresh draws before twins are allowed to meet. */
const ATTEMPTS = 40;

/** The public quiz's place in its seed's plan: form `index` (0-based) of the pack cut by `seed`. */
export interface FormRef {
  /** A 32-bit unsigned integer. */
  seed: number;
  index: number;
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

/** The items in twin groups: one group per twin slug, one of its own for an item without a twin. */
function groupsOf(items: readonly FormItem[]): FormItem[][] {
  const groups = new Map<string, FormItem[]>();
  for (const item of items) {
    const key = item.twin === undefined ? `\u0000${item.id}` : item.twin;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()];
}

/** How many forms of at most `size` the pack makes, and each one's size (as even as they can be). */
export function formSizes(total: number, size = FORM_SIZE): number[] {
  if (total <= 0 || size <= 0) return [];
  const forms = Math.ceil(total / size);
  const base = Math.floor(total / forms);
  return Array.from({ length: forms }, (_, f) => base + (f < total % forms ? 1 : 0));
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

/** One try at placing every item into forms with the given verified counts; null when it got stuck. */
function place(
  groups: readonly FormItem[][],
  sizes: readonly number[],
  counts: readonly number[],
  random: () => number,
  twinsMayMeet: boolean,
): string[][] | null {
  const room = sizes.map((size, f) => ({ verified: counts[f] as number, unverified: size - (counts[f] as number) }));
  const forms: string[][] = sizes.map(() => []);
  // Largest groups first, while every form still has room; ties in random order.
  const order = shuffle(groups, random).sort((a, b) => b.length - a.length);
  for (const group of order) {
    const used = new Set<number>();
    for (const item of shuffle(group, random)) {
      let best: number[] = [];
      let most = 0;
      room.forEach((r, f) => {
        if (r[item.verdict] === 0 || (used.has(f) && !twinsMayMeet)) return;
        const free = r[item.verdict] - (used.has(f) ? sizes.length * 100 : 0);
        if (best.length === 0 || free > most) [best, most] = [[f], free];
        else if (free === most) best.push(f);
      });
      const f = best[between(0, best.length - 1, random)];
      if (f === undefined) return null;
      used.add(f);
      (room[f] as (typeof room)[number])[item.verdict]--;
      (forms[f] as string[]).push(item.id);
    }
  }
  return forms.map((ids) => shuffle(ids, random));
}

/**
 * Cuts the pack into forms of at most `size` items from one seed: every item in exactly one form,
 * no twins in one form, each form's verified share within 30–70% (as far as the pack allows), each
 * form in its own random order. The same seed always gives the same plan.
 * @example planForms(pack.items, 1234)[0] // the first form's 10 ids
 */
export function planForms(items: readonly FormItem[], seed: number, size = FORM_SIZE): string[][] {
  const random = seededRandom(seed);
  const sizes = formSizes(items.length, size);
  const verified = items.filter((item) => item.verdict === "verified").length;
  const groups = groupsOf(items);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const forms = place(groups, sizes, verifiedCounts(sizes, verified, random), random, false);
    if (forms) return forms;
  }
  // Only a pack with a twin group larger than its number of forms gets here: twins must meet.
  return place(groups, sizes, verifiedCounts(sizes, verified, random), random, true) ?? [];
}

/**
 * The ids of one public form, or null past the last form (the reader has seen the whole pack).
 * @example publicForm(pack.items, { seed: 1234, index: 1 }) // "10 more": none of form 0's ids
 */
export function publicForm(items: readonly FormItem[], ref: FormRef, size = FORM_SIZE): string[] | null {
  return planForms(items, ref.seed, size)[ref.index] ?? null;
}

/** How many public forms the pack makes. */
export function formCount(total: number, size = FORM_SIZE): number {
  return formSizes(total, size).length;
}

/**
 * Draws one form of `count` items (a class's statements): twins apart and a verified share within
 * 30–70% drawn at random (not always half), as far as the pack allows; all items when `count`
 * reaches the pack size. Returned in pack order.
 * @example drawForm(pack.items, 8, secureRandom) // 8 ids, 3 to 5 of them verified
 */
export function drawForm(items: readonly FormItem[], count: number, random: () => number): string[] {
  const n = Math.min(Math.max(1, Math.floor(count)), items.length);
  const verified = items.filter((item) => item.verdict === "verified").length;
  const { lo, hi } = verifiedBounds(n);
  // Availability wins over the bounds: n − unverified verified items at least, `verified` at most.
  const least = Math.max(n - (items.length - verified), Math.min(lo, verified));
  const most = Math.max(least, Math.min(verified, hi));
  const groups = groupsOf(items);
  let chosen = new Set<string>();
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const k = between(least, most, random);
    const need = { verified: k, unverified: n - k };
    chosen = new Set<string>();
    for (const group of shuffle(groups, random)) {
      const pick = shuffle(group, random).find((item) => need[item.verdict] > 0);
      if (!pick) continue;
      chosen.add(pick.id);
      need[pick.verdict]--;
    }
    if (need.verified === 0 && need.unverified === 0) break;
    // More items asked than there are groups: twins must meet, so fill from the rest.
    if (n > groups.length || attempt === ATTEMPTS - 1) {
      for (const item of shuffle(items, random)) {
        if (chosen.has(item.id) || need[item.verdict] === 0) continue;
        chosen.add(item.id);
        need[item.verdict]--;
      }
      break;
    }
  }
  return items.filter((item) => chosen.has(item.id)).map((item) => item.id);
}

/**
 * True when some twin group has two items among `ids`.
 * @example hasTwins(pack.items, form) // false for every drawn form
 */
export function hasTwins(items: readonly FormItem[], ids: readonly string[]): boolean {
  const twinOf = new Map(items.map((item) => [item.id, item.twin]));
  const seen = new Set<string>();
  for (const id of ids) {
    const twin = twinOf.get(id);
    if (twin === undefined) continue;
    if (seen.has(twin)) return true;
    seen.add(twin);
  }
  return false;
}
