/** @module Short readings in plain words for the quiz pages: a score against chance. */

/** How a score reads against tossing a coin for every statement. */
export type ScoreTone = "chance" | "above" | "well-above" | "all";

export interface ScoreReading {
  tone: ScoreTone;
  sentence: string;
}

/**
 * One plain sentence on a score, measured against the coin-flip line (half right).
 * At or below half it never praises: it says so kindly and what to try next.
 *
 * @example readScore(7, 8).tone // "well-above"
 */
export function readScore(correct: number, answered: number): ScoreReading {
  const share = answered > 0 ? correct / answered : 0;
  if (share <= 0.5) {
    return {
      tone: "chance",
      sentence:
        "Tossing a coin for each statement would get about half right, so this is no better than chance yet. That is a normal start: next time, ask of each statement who says so, and whether anyone outside the fighting could check it.",
    };
  }
  if (share < 0.75) {
    return {
      tone: "above",
      sentence:
        "Better than tossing a coin, which would get about half right. Open the statements you missed below to see what gave them away.",
    };
  }
  if (correct < answered) {
    return {
      tone: "well-above",
      sentence:
        "Well above tossing a coin, which would get about half right: you can tell a matter of record from a claim.",
    };
  }
  return {
    tone: "all",
    sentence: "Every one right, where tossing a coin would get about half.",
  };
}
