/**
 * @module who-says: "Who says so?" — three choices per item, the item's own voice and two others
 * of the pack, and the reader's attribution score. Pure and deterministic: the choices are a
 * function of the item id and the pack alone, so a reader who reloads (or a JSON client) sees the
 * same three in the same order, and the position of the right one is no cue (it cycles over the pack).
 */
import { seededRandom, shuffle } from "./forms";

/**
 * A speaker as a choice: a stable key, the words shown, and its camp. Voices of one camp overlap
 * (the Kremlin's spokesman is also one of "Russian officials"), so no two of them are ever offered
 * together: two choices must never both be right.
 */
export interface Voice {
  key: string;
  label: string;
  camp: string;
}

/** An item as "who says so?" needs it: its id, its voice, and camps its claimant's wording names (never offered). */
export interface Attributed {
  id: string;
  voice: Voice;
  /** Camps a choice must not come from: e.g. an unattributed claim "unclear: the researcher or the outlet". */
  avoid?: readonly string[];
}

/** One item's choices in the order shown, and which of them is right (0-based). */
export interface WhoChoices {
  choices: readonly Voice[];
  right: number;
}

/** How many choices an item offers (fewer only when the pack has too few camps). */
export const WHO_CHOICES = 3;

/**
 * FNV-1a over the id's UTF-16 code units: a 32-bit seed that depends on the id alone.
 * @example idHash("evacuation-orders") // the same number in every isolate and release
 */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The choices of every item of a pack. The two others are voices of other items (so every name is
 * one the report quotes), each from a camp of its own, never from the right voice's camp nor from a
 * camp the claimant's wording names; which ones is drawn from the item's id. The right voice's
 * position is the item's rank by id hash, modulo 3, so it sits first, second and third equally often.
 * @example planWho(items).get("spokesman-gave-toll") // { choices: [3 voices], right: 1 }
 */
export function planWho(items: readonly Attributed[]): Map<string, WhoChoices> {
  // Distinct voices in key order, so the pool does not depend on the items' order.
  const pool = [...new Map(items.map((item) => [item.voice.key, item.voice])).values()].sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  const ranked = [...items].sort((a, b) => idHash(a.id) - idHash(b.id) || (a.id < b.id ? -1 : 1));
  const plan = new Map<string, WhoChoices>();
  ranked.forEach((item, rank) => {
    const random = seededRandom(idHash(item.id));
    const barred = new Set([item.voice.camp, ...(item.avoid ?? [])]);
    const others: Voice[] = [];
    for (const voice of shuffle(pool, random)) {
      if (others.length === WHO_CHOICES - 1) break;
      if (barred.has(voice.camp)) continue;
      others.push(voice);
      barred.add(voice.camp);
    }
    const right = rank % (others.length + 1);
    plan.set(item.id, { choices: [...others.slice(0, right), item.voice, ...others.slice(right)], right });
  });
  return plan;
}

/** The attribution score: statements answered with the option on, and how many of them named the right voice. */
export interface WhoTally {
  named: number;
  asked: number;
}

/**
 * Counts right picks over the statements answered; a pick left out ("not said", null) counts as not named.
 * @example whoTally([true, false, null]) // { named: 1, asked: 3 }
 */
export function whoTally(picks: readonly (boolean | null)[]): WhoTally {
  return { named: picks.filter((pick) => pick === true).length, asked: picks.length };
}

/**
 * "You named who says so 6 of 10 times."; one statement reads as one.
 * @example whoLine({ named: 6, asked: 10 }) // "You named who says so 6 of 10 times."
 */
export function whoLine({ named, asked }: WhoTally): string {
  if (asked === 1)
    return `You ${named === 1 ? "named" : "did not name"} who says so for the one statement you answered.`;
  return `You named who says so ${named} of ${asked} times.`;
}
