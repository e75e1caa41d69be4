/**
 * @module Short readings in plain words for the quiz result: a score against what always giving
 * the more common answer would get, and a lean headline that never praises what is not there.
 */

/** How a score reads against always giving the more common answer of the statements answered. */
export type ResultTone = "discerning" | "same" | "below";

export interface ResultReading {
  tone: ResultTone;
  sentence: string;
}

/** The figures a reading needs: the score and how many of each kind were answered. */
export interface ResultFigures {
  correct: number;
  answered: number;
  verifiedAnswered: number;
  unverifiedAnswered: number;
  /** Share of facts called verified minus share of claims called verified, −1..1. */
  discernment: number;
}

/** At or below this |discernment| facts and claims got the same answers about as often: never praised. */
export const NEAR_ZERO_DISCERNMENT = 0.1;

/**
 * What always giving one answer would score on the statements answered: the more common kind's
 * count, and that answer (null when both kinds are equally common: either answer scores the same).
 * @example commonAnswer({ verifiedAnswered: 4, unverifiedAnswered: 6 }) // { answer: "unverified", correct: 6 }
 */
export function commonAnswer(f: Pick<ResultFigures, "verifiedAnswered" | "unverifiedAnswered">): {
  answer: "verified" | "unverified" | null;
  correct: number;
} {
  const { verifiedAnswered: v, unverifiedAnswered: u } = f;
  return { answer: v === u ? null : v > u ? "verified" : "unverified", correct: Math.max(v, u) };
}

/**
 * One plain sentence on a score, measured against always giving the more common answer (which
 * tells nothing apart). Only a score above that line with discernment above NEAR_ZERO_DISCERNMENT
 * reads as telling facts from claims; anything else says so kindly, with what to try next.
 * @example readResult({ correct: 6, answered: 10, verifiedAnswered: 4, unverifiedAnswered: 6, discernment: 0 }).tone // "same"
 */
export function readResult(f: ResultFigures): ResultReading {
  const common = commonAnswer(f);
  const always =
    common.answer === null
      ? `Giving the same answer every time would get ${common.correct} of ${f.answered}`
      : `Always answering “${common.answer}” would get ${common.correct} of ${f.answered}`;
  const tip = "Next time, ask of each statement who says so, and whether anyone outside the fighting could check it.";
  if (f.correct > common.correct && f.discernment > NEAR_ZERO_DISCERNMENT) {
    return {
      tone: "discerning",
      sentence: `${always} here, and you got ${f.correct}: you told established facts from claims more often than not.`,
    };
  }
  if (f.correct >= common.correct) {
    return {
      tone: "same",
      sentence: `${always} here, the same as you, so this score alone does not show that you can tell facts from claims. ${tip}`,
    };
  }
  return { tone: "below", sentence: `${always} here, more than your ${f.correct}. ${tip}` };
}

/**
 * The lean's headline, unless it would praise a balance that is only the same answer for facts and
 * claims (|discernment| ≤ NEAR_ZERO_DISCERNMENT), or facts judged verified less often than claims
 * (negative): a "balanced" reader then gets a plain statement instead.
 * @example leanHeadline("balanced", "You kept a good balance.", 0.05) // "No clear lean either way."
 */
export function leanHeadline(lean: string, headline: string, discernment: number): string {
  return lean === "balanced" && discernment <= NEAR_ZERO_DISCERNMENT ? "No clear lean either way." : headline;
}

/**
 * The first sentence of a text (an explanation), for a one-line why; the whole text when it has one.
 * @example firstSentence("A side says so. Nobody checked.") // "A side says so."
 */
export function firstSentence(text: string): string {
  return text.split(/(?<=[.!?])\s+(?=[A-Z“"‘(])/)[0] ?? text;
}
