/** @module lesson service: what the worksheet shows publicly (statements) and the teacher's answer key. */
import { pack } from "../content/pack";
import { itemTexts, textsOf } from "../content/texts";
import { worksheetItems } from "../domain/class";
import type { PreviewItem, PreviewStatement } from "../views/lesson-plan";

/** Every item with what the public pages may show: its statement and the article's sentences. */
const STATEMENTS = pack.items.map(({ id, statement, verdict, quote }) => ({ id, statement, verdict, quote }));

/**
 * The statements alone, for the public pages: a student who finds them mid-quiz learns no verdict.
 * @example publicStatements("worksheet") // the six worksheet statements with the article's sentences
 */
export function publicStatements(page: "lesson" | "worksheet"): PreviewStatement[] {
  const items = page === "worksheet" ? worksheetItems(STATEMENTS) : STATEMENTS;
  return items.map(({ id, statement, quote }) => ({ id, statement, quote }));
}

/**
 * The answer key for a class's teacher pages (the caller has checked the teacher's cookie):
 * each item with its verdict, claimant, explanation and check.
 * @example await answerKey(c.env, "lesson") // every item in the pack, with its verdict
 */
export async function answerKey(env: Env, page: "lesson" | "worksheet"): Promise<PreviewItem[]> {
  const texts = await itemTexts(env.ASSETS);
  const items = page === "worksheet" ? worksheetItems(pack.items) : pack.items;
  return items.map(({ id, statement, verdict, quote }) => ({ id, statement, verdict, quote, ...textsOf(texts, id) }));
}
