/** @module result-view: the view-model of a finished attempt, for the result page and the API. */
import { pack } from "../content/pack";
import {
  brierScore,
  type CalibrationRow,
  type CertaintyMarks,
  type Confidence,
  calibration,
  calibrationLine,
  certaintyMarks,
  type RatedAnswer,
  selfEstimateLine,
} from "../domain/calibration";
import { type FormRef, formCount } from "../domain/forms";
import { type AttemptResult, confidenceOfChar, type ReviewLine, review, whoPickOf } from "../domain/quiz";
import { explainLean, LEAN_THRESHOLD, type LeanExplanation } from "../domain/scoring";
import { type WhoChoices, whoLine, whoTally } from "../domain/who-says";
import { commonAnswer } from "../views/words";
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
  /** Established facts and unproven claims answered: what always giving one answer would get. */
  verifiedAnswered: number;
  unverifiedAnswered: number;
  /** What always giving the more common answer of the statements answered scores (answer null: a tie). */
  common: { answer: "verified" | "unverified" | null; correct: number };
  /** The self-estimate (null: skipped, a class attempt, or stored before estimates) and it against the score in words. */
  estimate: number | null;
  estimateLine: string | null;
  /** Certainty-based marks over the answered statements; null when no confidence was said at all. */
  certaintyMarks: CertaintyMarks | null;
  /** How often the reader was right at each level they used (empty when no confidence was said). */
  calibration: (CalibrationRow & { line: string })[];
  /** The Brier score of the stated confidences, 0..1 (two decimals); null when none was said. */
  brierScore: number | null;
  /**
   * "Who says so?", scored apart from the verdicts: right picks of the statements answered, and the
   * sentence; null when the attempt did not ask it.
   */
  who: { named: number; asked: number; line: string } | null;
  /** Each statement with its confidence and, when "who says so?" was asked, the key picked (null: not said) and the right one. */
  review: (ReviewLine & { confidence: Confidence | null; who?: { picked: string | null; right: string } })[];
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
 * @example formPlace({ seed: 7, index: 0, run: 2 }) // { number: 1, of: 3 }
 */
export function formPlace(form: Pick<FormRef, "index" | "run">): FormPlace {
  return { number: form.index + 1, of: formCount(pack.items, form) };
}

/**
 * The view-model of a finished attempt; `whoPlan` (services/who-says.ts) scores "who says so?" when it was asked.
 * @example resultView(finished.result).discernment
 */
export function resultView(result: AttemptResult, whoPlan?: ReadonlyMap<string, WhoChoices>): ResultView {
  const { score } = result;
  const lean = explainLean(score);
  const lines = review(
    {
      kind: "quiz",
      id: result.attemptId,
      pack: result.packVersion,
      items: result.items,
      answers: result.answers,
      startedAt: result.startedAt,
    },
    verdictOf,
  ).map((line, index) => {
    const confidence = confidenceOfChar(result.confidences?.[index]);
    const who = whoLineOf(result, line.itemId, whoPlan);
    return who ? { ...line, confidence, who } : { ...line, confidence };
  });
  const rated: RatedAnswer[] = lines.flatMap((line) =>
    line.correct === null ? [] : [{ correct: line.correct, confidence: line.confidence }],
  );
  // Older records and readers who skipped every "how sure": no certainty figures, not all-"not said" ones.
  const said = rated.some((answer) => answer.confidence !== null);
  const brier = said ? brierScore(rated) : null;
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
    verifiedAnswered: score.verifiedAnswered,
    unverifiedAnswered: score.unverifiedAnswered,
    common: commonAnswer(score),
    estimate: result.estimate ?? null,
    estimateLine: selfEstimateLine(result.estimate ?? null, score.correct),
    certaintyMarks: said ? certaintyMarks(rated) : null,
    calibration: said ? calibration(rated).map((row) => ({ ...row, line: calibrationLine(row) })) : [],
    brierScore: brier === null ? null : Math.round(brier * 100) / 100,
    who: whoOf(result, lines),
    review: lines,
    bothKinds: score.verifiedAnswered > 0 && score.unverifiedAnswered > 0,
    ...(result.form ? { form: formPlace(result.form) } : {}),
  };
}

/** One statement's pick and right voice (keys), or undefined when "who says so?" was not asked (or no plan was given). */
function whoLineOf(
  result: AttemptResult,
  itemId: string,
  plan: ReadonlyMap<string, WhoChoices> | undefined,
): { picked: string | null; right: string } | undefined {
  const choices = result.who === undefined ? undefined : plan?.get(itemId);
  const right = choices?.choices[choices.right];
  if (!choices || !right) return undefined;
  const pick = whoPickOf(result, itemId);
  return { picked: pick === null ? null : (choices.choices[pick]?.key ?? null), right: right.key };
}

/** The attribution score over the answered statements, or null when it was not asked (or no plan was given). */
function whoOf(result: AttemptResult, lines: ResultView["review"]): ResultView["who"] {
  if (result.who === undefined || !lines.some((line) => line.who)) return null;
  const picks = lines.flatMap((line) =>
    line.answer === null || !line.who ? [] : [line.who.picked === null ? null : line.who.picked === line.who.right],
  );
  const tally = whoTally(picks);
  return { ...tally, line: whoLine(tally) };
}
