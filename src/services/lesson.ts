/** @module lesson service: what the lesson plan and worksheet show, publicly (statements) and to a teacher (the key). */
import { pack } from "../content/pack";
import { worksheetItems } from "../domain/class";
import type { PreviewItem, PreviewStatement } from "../views/lesson-plan";

/** Every item with its verdict, claimant, explanation and check: only for a signed-in teacher's pages. */
const ANSWER_KEY: readonly PreviewItem[] = pack.items.map(
  ({ id, statement, verdict, claimant, explanation, check, quote }) => ({
    id,
    statement,
    verdict,
    claimant,
    explanation,
    check,
    quote,
  }),
);

const cardLink = (slug: string) => {
  const card = pack.cardBySlug.get(slug);
  return card ? { slug: card.slug, title: card.title } : undefined;
};

/** The cards the plan opens and closes with. */
export const LESSON_CARDS = { warmUp: cardLink("attribution"), wrapUp: cardLink("unverified-is-not-false") };

/**
 * The statements alone, for the public pages: a student who finds them mid-quiz learns no verdict.
 * @example publicStatements("worksheet") // the six worksheet statements with the article's sentences
 */
export function publicStatements(page: "lesson" | "worksheet"): PreviewStatement[] {
  const items = page === "worksheet" ? worksheetItems(ANSWER_KEY) : ANSWER_KEY;
  return items.map(({ id, statement, quote }) => ({ id, statement, quote }));
}

/**
 * The answer key for a class's teacher pages (the caller has checked the teacher's cookie).
 * @example answerKey("lesson") // every item in the pack, with its verdict
 */
export function answerKey(page: "lesson" | "worksheet"): readonly PreviewItem[] {
  return page === "worksheet" ? worksheetItems(ANSWER_KEY) : ANSWER_KEY;
}
