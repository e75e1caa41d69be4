/**
 * @module who-says service: the pack's "who says so?" choices (planned once per isolate from the
 * claimants in the item texts file) and the checks on a pick a page or a client sends.
 */
import { pack } from "../content/pack";
import { type ItemTexts, itemTexts, textsOf } from "../content/texts";
import { attributed } from "../content/voices";
import { planWho, type WhoChoices } from "../domain/who-says";
import { AppError } from "./errors";

export type { WhoChoices } from "../domain/who-says";

const plans = new WeakMap<ReadonlyMap<string, ItemTexts>, Map<string, WhoChoices>>();

/** Every item's choices, planned once per texts file (the file is read once per isolate). */
export function whoPlanOf(texts: ReadonlyMap<string, ItemTexts>): Map<string, WhoChoices> {
  let plan = plans.get(texts);
  if (!plan) {
    plan = planWho(pack.items.map((item) => attributed(item.id, textsOf(texts, item.id).claimant, item.name)));
    plans.set(texts, plan);
  }
  return plan;
}

/**
 * One item's choices (a ContentUnavailableError, a 503, when the texts file cannot be read).
 * @example (await whoChoicesOf(c.env, "spokesman-gave-toll")).choices.map((v) => v.label)
 */
export async function whoChoicesOf(env: Env, itemId: string): Promise<WhoChoices> {
  const choices = whoPlanOf(await itemTexts(env.ASSETS)).get(itemId);
  if (!choices) throw new Error(`No "who says so?" choices for ${itemId}`);
  return choices;
}

/**
 * The plan when an attempt asked "who says so?" (for its result), else undefined without reading any file.
 * @example resultView(result, await whoPlanFor(c.env, result))
 */
export async function whoPlanFor(env: Env, attempt: { who?: string }): Promise<Map<string, WhoChoices> | undefined> {
  return attempt.who === undefined ? undefined : whoPlanOf(await itemTexts(env.ASSETS));
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
