/**
 * @module who-says: "Who says so?" — three choices per item, the item's own voice and two others
 * of the pack, and the reader's attribution score. Pure and deterministic: the choices are a
 * function of the item id, the pack and a seed per item, so a reader who reloads (or a JSON client)
 * sees the same three in the same order. The right one's position follows the seeds (keyed with the
 * app's secret by services/who-says.ts), never the public ids alone, and cycles over the pack.
 */
import { seededRandom, shuffle } from "./forms";

/**
 * A speaker as a choice: a stable key, the words shown, its camp (the side or kind of source: Russia's
 * officials, the press…) and the voices it speaks for. Voices can overlap (the Kremlin's spokesman is
 * also one of "Russian officials"), so two that do are never offered together: two choices must never
 * both be right. Two voices of one camp that do not overlap (the Kremlin's spokesman and the military
 * spokesman) may: a wrong choice from the right one's side fits the sentence as well as the right one.
 */
export interface Voice {
  key: string;
  label: string;
  camp: string;
  /** Keys of the voices this one speaks for ("Russian officials" covers Peskov): never offered beside them. */
  covers?: readonly string[];
}

/**
 * True if two voices could both be right: the same voice, or one speaks for the other.
 * @example overlap(russianOfficials, peskov) // true; overlap(peskov, konashenkov) // false
 */
export function overlap(a: Voice, b: Voice): boolean {
  return a.key === b.key || (a.covers ?? []).includes(b.key) || (b.covers ?? []).includes(a.key);
}

/** An item as "who says so?" needs it: its id, its voice, camps its claimant's wording names, and its chosen wrong ones. */
export interface Attributed {
  id: string;
  voice: Voice;
  /** Camps a choice must not come from: e.g. an unattributed claim "unclear: the researcher or the outlet". */
  avoid?: readonly string[];
  /** Keys of voices never offered for this item (a reader could argue they are right). */
  barred?: readonly string[];
  /**
   * Keys of the two wrong choices an editor chose (content/voices.ts), offered when each is a voice of the
   * pack that may stand beside the right one; a missing or unfit one is drawn instead.
   */
  distractors?: readonly string[];
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
 * The choices of every item of a pack. The two wrong ones are voices of other items (so every name is
 * one the report quotes): the item's chosen ones where they fit, else drawn from the item's id. Never a
 * voice that overlaps the right one or the other wrong one (two choices that could both be right, or
 * a pair a reader could strike out together), nor one from a camp the claimant's wording names, nor one
 * barred for the item. The right voice's position is the item's rank by `seeds` (ties by id), modulo 3,
 * so it sits first, second and third equally often. The ids are public (in the forms and the JSON),
 * so the seeds must not be computable from them: the Worker passes an HMAC of each id (whoSeeds in
 * services/who-says.ts). Throws when an item has no seed, rather than fall back to a public order.
 * @example planWho(items, seeds).get("spokesman-gave-toll") // { choices: [3 voices], right: 1 }
 */
export function planWho(items: readonly Attributed[], seeds: ReadonlyMap<string, number>): Map<string, WhoChoices> {
  // Distinct voices in key order, so the pool does not depend on the items' order.
  const pool = [...new Map(items.map((item) => [item.voice.key, item.voice])).values()].sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  const byKey = new Map(pool.map((voice) => [voice.key, voice]));
  const seedOf = (id: string) => {
    const seed = seeds.get(id);
    if (seed === undefined) throw new Error(`No "who says so?" seed for ${id}`);
    return seed;
  };
  const ranked = [...items].sort((a, b) => seedOf(a.id) - seedOf(b.id) || (a.id < b.id ? -1 : 1));
  const plan = new Map<string, WhoChoices>();
  ranked.forEach((item, rank) => {
    const others: Voice[] = [];
    const fits = (voice: Voice) =>
      !overlap(voice, item.voice) &&
      !others.some((other) => overlap(voice, other)) &&
      !(item.avoid ?? []).includes(voice.camp) &&
      !(item.barred ?? []).includes(voice.key);
    const chosen = (item.distractors ?? []).flatMap((key) => byKey.get(key) ?? []);
    // Which wrong voices may follow the public id: they tell nothing of where the right one sits.
    const random = seededRandom(idHash(item.id));
    for (const voice of [...chosen, ...shuffle(pool, random)]) {
      if (others.length === WHO_CHOICES - 1) break;
      if (fits(voice)) others.push(voice);
    }
    const right = rank % (others.length + 1);
    plan.set(item.id, { choices: [...others.slice(0, right), item.voice, ...others.slice(right)], right });
  });
  return plan;
}

/**
 * Seeds from the ids alone (FNV-1a): anyone can compute them, so they are for the build's measures
 * (which see the choices, not the Worker's order) and the Worker's fallback without a secret only.
 * @example planWho(items, publicSeeds(items)) // the order a reader of the source could work out
 */
export function publicSeeds(items: readonly { id: string }[]): Map<string, number> {
  return new Map(items.map((item) => [item.id, idHash(item.id)]));
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
