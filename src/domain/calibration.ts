/**
 * @module calibration: how sure a reader said they were, against how often they were right.
 * Certainty-based marks (UCL's scheme, as Moodle ships it), calibration per level, the Brier
 * score for teachers, and the self-estimate in words. Pure; scoring.ts keeps the plain score.
 */

/** How sure the reader said they were; null when they skipped the question ("not said"). */
export type Confidence = "sure" | "fairly" | "guessing";

/** Every level in the order pages list them, most sure first. */
export const CONFIDENCE_LEVELS: readonly Confidence[] = ["sure", "fairly", "guessing"];

/** One answer with its stated certainty. */
export interface RatedAnswer {
  correct: boolean;
  confidence: Confidence | null;
}

/**
 * UCL certainty-based marks: right earns 1, 2 or 3 by certainty, wrong costs 0, 2 or 6.
 * "Not said" is marked as the lowest certainty, as Moodle does when no certainty is given.
 */
const MARKS: Record<Confidence, { right: number; wrong: number }> = {
  sure: { right: 3, wrong: -6 },
  fairly: { right: 2, wrong: -2 },
  guessing: { right: 1, wrong: 0 },
};

/**
 * The stated certainty as a probability of being right, for the Brier score. The values sit
 * inside the bands where each certainty pays best under the marks above (above 80%, 67–80%,
 * below 67%); "not said" is a coin toss.
 */
const PROBABILITY: Record<Confidence, number> = { sure: 0.9, fairly: 0.75, guessing: 0.5 };

/** The certainty-based total and what the best possible was (all right and sure). */
export interface CertaintyMarks {
  total: number;
  best: number;
}

/**
 * @example certaintyMarks([{ correct: true, confidence: "sure" }, { correct: false, confidence: "fairly" }]) // { total: 1, best: 6 }
 */
export function certaintyMarks(answers: readonly RatedAnswer[]): CertaintyMarks {
  let total = 0;
  for (const { correct, confidence } of answers) {
    const marks = MARKS[confidence ?? "guessing"];
    total += correct ? marks.right : marks.wrong;
  }
  return { total, best: answers.length * MARKS.sure.right };
}

/** One level of certainty: how many answers were given at it, and how many of those were right. */
export interface CalibrationRow {
  confidence: Confidence | null;
  answered: number;
  right: number;
}

/**
 * One row per level the reader used (most sure first, "not said" last); levels never used are left out.
 * @example calibration(answers)[0] // { confidence: "sure", answered: 6, right: 4 }
 */
export function calibration(answers: readonly RatedAnswer[]): CalibrationRow[] {
  const levels: (Confidence | null)[] = [...CONFIDENCE_LEVELS, null];
  return levels.flatMap((confidence) => {
    const at = answers.filter((a) => a.confidence === confidence);
    if (at.length === 0) return [];
    return [{ confidence, answered: at.length, right: at.filter((a) => a.correct).length }];
  });
}

/**
 * The Brier score, 0 (perfectly calibrated and right) to 1; null with no answers. Guessing at
 * every answer scores 0.25 whatever happens.
 */
export function brierScore(answers: readonly RatedAnswer[]): number | null {
  if (answers.length === 0) return null;
  let sum = 0;
  for (const { correct, confidence } of answers) {
    const p = confidence ? PROBABILITY[confidence] : 0.5;
    sum += (p - (correct ? 1 : 0)) ** 2;
  }
  return sum / answers.length;
}

const LEVEL_WORDS: Record<Confidence, string> = {
  sure: "When you were sure",
  fairly: "When you were fairly sure",
  guessing: "When you were guessing",
};

/** "When you were sure you were right 4 times out of 6." */
export function calibrationLine(row: CalibrationRow): string {
  const start = row.confidence ? LEVEL_WORDS[row.confidence] : "When you did not say";
  return `${start} you were right ${row.right} ${row.right === 1 ? "time" : "times"} out of ${row.answered}.`;
}

/**
 * What they expected against what they got, in plain words; null when they skipped the estimate.
 * @example selfEstimateLine(8, 6) // "You expected 8 and got 6: most people overestimate themselves at first."
 */
export function selfEstimateLine(expected: number | null, got: number): string | null {
  if (expected === null) return null;
  if (expected > got) return `You expected ${expected} and got ${got}: most people overestimate themselves at first.`;
  if (expected < got) return `You expected ${expected} and got ${got}: you did better than you thought.`;
  return `You expected ${expected} and got ${got}: you judged yourself exactly.`;
}
