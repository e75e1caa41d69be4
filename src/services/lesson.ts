/** @module lesson service: what the worksheet shows publicly (statements) and the teacher's answer key. */
import { pack } from "../content/pack";
import { articleQuotes } from "../content/quotes";
import { itemTexts, statementOf, textsOf } from "../content/texts";
import { worksheetItems } from "../domain/class";
import type { PreviewItem, PreviewStatement } from "../views/lesson-plan";

/**
 * The worksheet's statements alone, for the public worksheet (a student who finds them mid-quiz
 * learns no verdict), with the article's sentences (both read once per isolate from static files). (The lesson plan,
 * which lists every statement, is a static page.)
 * @example await worksheetStatements(c.env) // the six worksheet statements with the article's sentences
 */
export async function worksheetStatements(env: Env): Promise<PreviewStatement[]> {
  const [texts, quotes] = await Promise.all([itemTexts(env.ASSETS), articleQuotes(env.ASSETS)]);
  return worksheetItems(pack.items).map(({ id, location }) => ({
    id,
    statement: statementOf(texts, id),
    quote: quotes.quote(location),
  }));
}

/**
 * The answer key for a class's teacher pages (the caller has checked the teacher's cookie):
 * each item with its statement, verdict, claimant, explanation and check, and the article's sentences
 * (read once per isolate from static files).
 * @example await answerKey(c.env, "lesson") // every item in the pack, with its verdict
 */
export async function answerKey(env: Env, page: "lesson" | "worksheet"): Promise<PreviewItem[]> {
  const [texts, quotes] = await Promise.all([itemTexts(env.ASSETS), articleQuotes(env.ASSETS)]);
  // The lesson's key follows the lesson plan's list (pack.listed), so a teacher finds each statement.
  const items = page === "worksheet" ? worksheetItems(pack.items) : pack.listed;
  return items.map(({ id, verdict, location }) => ({
    id,
    verdict,
    quote: quotes.quote(location),
    ...textsOf(texts, id),
  }));
}
