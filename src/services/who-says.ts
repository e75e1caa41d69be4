/**
 * @module who-says service: the pack's "who says so?" choices (planned once per isolate and secret
 * from the claimants in the item texts file) and the checks on a pick a page or a client sends.
 */
import { pack } from "../content/pack";
import { type ItemTexts, itemTexts, textsOf } from "../content/texts";
import { attributed } from "../content/voices";
import { deriveSigningKey } from "../domain/token";
import { planWho, publicSeeds, type WhoChoices } from "../domain/who-says";
import { AppError } from "./errors";
import { quizSecret } from "./secrets";

export type { WhoChoices } from "../domain/who-says";

/** Plans per texts file (one per isolate and pack), then per secret; more secrets than this clear the lot. */
const MAX_SECRETS = 4;
const plans = new WeakMap<ReadonlyMap<string, ItemTexts>, Map<string, Promise<Map<string, WhoChoices>>>>();

/**
 * Each id's seed: the first 32 bits of HMAC(key, id), the key HKDF of the secret with info
 * "who-says". The ids are public; without the secret the seeds, and so the right one's position, are not.
 * @example planWho(items, await whoSeeds(secret, items.map((item) => item.id)))
 */
export async function whoSeeds(secret: string, ids: readonly string[]): Promise<Map<string, number>> {
  const key = await deriveSigningKey(secret, "who-says");
  const encoder = new TextEncoder();
  const macs = await Promise.all(ids.map((id) => crypto.subtle.sign("HMAC", key, encoder.encode(id))));
  return new Map(ids.map((id, index) => [id, new DataView(macs[index] as ArrayBuffer).getUint32(0)]));
}

async function planOf(texts: ReadonlyMap<string, ItemTexts>, secret: string | null): Promise<Map<string, WhoChoices>> {
  const items = pack.items.map((item) => attributed(item.id, textsOf(texts, item.id).claimant, item.name));
  // Without a usable secret, the public order: every route that shows or checks a choice sits behind
  // requireSecret (a 503 without one), so it never reaches a reader; it keeps this callable, as the
  // pace signal (services/class-live.ts) does without one.
  const ids = items.map((item) => item.id);
  const seeds = secret ? await whoSeeds(secret, ids) : publicSeeds(items);
  return planWho(items, seeds);
}

/**
 * Every item's choices, planned once per texts file (read once per isolate) and secret: a question,
 * an answer and its feedback each ask, so the HMACs are made once.
 * @example (await whoPlanOf(c.env)).get("spokesman-gave-toll")?.right
 */
export async function whoPlanOf(env: Env): Promise<Map<string, WhoChoices>> {
  const texts = await itemTexts(env.ASSETS);
  const secret = quizSecret(env);
  const bySecret = plans.get(texts) ?? new Map<string, Promise<Map<string, WhoChoices>>>();
  plans.set(texts, bySecret);
  const id = secret ?? "";
  let plan = bySecret.get(id);
  if (!plan) {
    if (bySecret.size >= MAX_SECRETS) bySecret.clear();
    plan = planOf(texts, secret);
    bySecret.set(id, plan);
    // A failed plan (never expected: Web Crypto) is not kept, so the next request tries again.
    plan.catch(() => bySecret.delete(id));
  }
  return plan;
}

/**
 * One item's choices (a ContentUnavailableError, a 503, when the texts file cannot be read).
 * @example (await whoChoicesOf(c.env, "spokesman-gave-toll")).choices.map((v) => v.label)
 */
export async function whoChoicesOf(env: Env, itemId: string): Promise<WhoChoices> {
  const choices = (await whoPlanOf(env)).get(itemId);
  if (!choices) throw new Error(`No "who says so?" choices for ${itemId}`);
  return choices;
}

/**
 * The plan when an attempt asked "who says so?" (for its result), else undefined without reading any file.
 * @example resultView(result, await whoPlanFor(c.env, result))
 */
export async function whoPlanFor(env: Env, attempt: { who?: string }): Promise<Map<string, WhoChoices> | undefined> {
  return attempt.who === undefined ? undefined : whoPlanOf(env);
}

/**
 * The position of the voice `key` among an item's choices. Throws a 422 AppError naming `field`
 * when it is not one of them.
 * @example whoPosition(choices, "ru-konashenkov", "body.who") // 1
 */
export function whoPosition(choices: WhoChoices, key: string, field: string): number {
  const position = choices.choices.findIndex((voice) => voice.key === key);
  if (position !== -1) return position;
  throw new AppError(422, {
    slug: "who-not-a-choice",
    title: "That is not one of this statement's choices",
    detail: `"Who says so?" for this statement takes ${choices.choices.map((v) => `"${v.key}"`).join(", ")}, or null to skip. Nothing was recorded.`,
    field,
  });
}

/** A pick sent for an attempt that does not ask "who says so?". */
export function whoNotAsked(field: string): AppError {
  return new AppError(422, {
    slug: "who-not-asked",
    title: "This attempt does not ask who says so",
    detail:
      'Start the attempt with "who": true to answer "who says so?", or leave the field out. Nothing was recorded.',
    field,
  });
}
