/** @module result-view: the view-model of a finished attempt, for the result page and the API. */
import { pack } from "../content/pack";
import { formCount } from "../domain/forms";
import { type AttemptResult, type QuizState, type ReviewLine, review } from "../domain/quiz";
import { explainLean, LEAN_THRESHOLD, type LeanExplanation } from "../domain/scoring";
import { verdictOf } from "./verdicts";

/** Everything a result shows, for the result page and the API. */
export interface ResultView {
  attemptId: string;
  packVersion: string;
  startedAt: string;
  finishedAt: string;
  total: number;
  answered: number;
  correct: number;
  discernment: number;
  hitRate: number;
  falseAlarmRate: number;
  dPrime: number;
  c: number;
  lean: LeanExplanation["lean"];
  leanThreshold: number;
  leanExplanation: Omit<LeanExplanation, "lean">;
  review: ReviewLine[];
  /** For the page: both kinds of statement were answered, so discernment means something. */
  bothKinds: boolean;
  /** A public form's place in its cut of the pack (absent for class attempts and attempts before forms). */
  form?: FormPlace;
}

/** Which form of how many: form `number` (1-based) of the `of` the pack is cut into. */
export interface FormPlace {
  number: number;
  of: number;
}

/**
 * A form reference as clients see it (never the seed: that is ours).
 * @example formPlace({ seed: 7, index: 0 }) // { number: 1, of: 5 }
 */
export function formPlace(form: { index: number }): FormPlace {
  return { number: form.index + 1, of: formCount(pack.items.length) };
}

/**
 * The view-model of a finished attempt.
 * @example resultView(finished.result).discernment
 */
export function resultView(result: AttemptResult): ResultView {
  const { score } = result;
  const lean = explainLean(score);
  const state: QuizState = {
    kind: "quiz",
    id: result.attemptId,
    pack: result.packVersion,
    items: result.items,
    answers: result.answers,
    startedAt: result.startedAt,
  };
  return {
    attemptId: result.attemptId,
    packVersion: result.packVersion,
    startedAt: new Date(result.startedAt).toISOString(),
    finishedAt: new Date(result.finishedAt).toISOString(),
    total: result.items.length,
    answered: score.answered,
    correct: score.correct,
    discernment: score.discernment,
    hitRate: score.hitRate,
    falseAlarmRate: score.falseAlarmRate,
    dPrime: score.dPrime,
    c: score.bias,
    lean: score.lean,
    leanThreshold: LEAN_THRESHOLD,
    leanExplanation: { headline: lean.headline, counts: lean.counts, tip: lean.tip, tentative: lean.tentative },
    review: review(state, verdictOf),
    bothKinds: score.verifiedAnswered > 0 && score.unverifiedAnswered > 0,
    ...(result.form ? { form: formPlace(result.form) } : {}),
  };
}
