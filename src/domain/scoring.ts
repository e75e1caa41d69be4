/** @module scoring: score, discernment and signal-detection lean of a set of answers (docs/ARCHITECTURE.md, "Scoring"). */

/** A verdict, or a reader's judgement of one. */
export type Judgement = "verified" | "unverified";

/** One answered item: the truth and what the reader said. */
export interface AnsweredItem {
  verdict: Judgement;
  answer: Judgement;
}

/** Which way a reader leans when unsure. */
export type Lean = "cautious" | "trusting" | "balanced";

/** |c| at or above this is reported as a lean; below it the reader is balanced. */
export const LEAN_THRESHOLD = 0.5;

/** Below this many answers the lean is a rough guess (c is noisy with few items). */
export const FEW_ITEMS = 6;

/** Everything we report about a set of answers. */
export interface Score {
  answered: number;
  correct: number;
  verifiedAnswered: number;
  verifiedJudgedVerified: number;
  unverifiedAnswered: number;
  unverifiedJudgedVerified: number;
  /** Share of verified judged verified minus share of unverified judged verified, −1..1. */
  discernment: number;
  /** H with the log-linear correction: (hits + 0.5) / (verifiedAnswered + 1). */
  hitRate: number;
  /** F with the log-linear correction: (false alarms + 0.5) / (unverifiedAnswered + 1). */
  falseAlarmRate: number;
  /** Sensitivity d′ = z(H) − z(F). */
  dPrime: number;
  /** Bias c = −½ (z(H) + z(F)); positive = says "unverified" too often. */
  bias: number;
  lean: Lean;
}

// Acklam's rational approximation of the inverse normal CDF (P. J. Acklam, "An
// algorithm for computing the inverse normal cumulative distribution function",
// 2003); relative error below 1.15e-9 over (0, 1), ample for two-decimal figures.
// biome-ignore format: coefficient tables
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
];
// biome-ignore format: coefficient tables
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
// biome-ignore format: coefficient tables
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
// biome-ignore format: coefficient tables
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Evaluates a polynomial with coefficients from the highest power down (Horner). */
function poly(coefficients: readonly number[], x: number): number {
  return coefficients.reduce((sum, k) => sum * x + k, 0);
}

/** Lower-tail formula, reused mirrored for the upper tail so z is exactly odd there. */
function tail(p: number): number {
  const q = Math.sqrt(-2 * Math.log(p));
  return poly(C, q) / (poly(D, q) * q + 1);
}

/** Inverse standard normal CDF: the z with Φ(z) = p. Infinite at 0 and 1, NaN outside. */
export function inverseNormal(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p < P_LOW) return tail(p);
  if (p > 1 - P_LOW) return -tail(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (poly(A, r) * q) / (poly(B, r) * r + 1);
}

/**
 * Scores answered items. A kind with no answered items contributes 0 to
 * discernment (not NaN), and the log-linear correction turns its rate into
 * 0.5, so an empty or one-sided attempt still yields finite numbers.
 */
export function scoreAnswers(items: readonly AnsweredItem[]): Score {
  let correct = 0;
  let verifiedAnswered = 0;
  let verifiedJudgedVerified = 0;
  let unverifiedAnswered = 0;
  let unverifiedJudgedVerified = 0;
  for (const { verdict, answer } of items) {
    if (verdict === answer) correct++;
    if (verdict === "verified") {
      verifiedAnswered++;
      if (answer === "verified") verifiedJudgedVerified++;
    } else {
      unverifiedAnswered++;
      if (answer === "verified") unverifiedJudgedVerified++;
    }
  }
  const share = (count: number, n: number) => (n === 0 ? 0 : count / n);
  const hitRate = (verifiedJudgedVerified + 0.5) / (verifiedAnswered + 1);
  const falseAlarmRate = (unverifiedJudgedVerified + 0.5) / (unverifiedAnswered + 1);
  const zH = inverseNormal(hitRate);
  const zF = inverseNormal(falseAlarmRate);
  // Adding 0 turns −0 into 0, so a balanced reader never shows "−0".
  const bias = -0.5 * (zH + zF) + 0;
  return {
    answered: items.length,
    correct,
    verifiedAnswered,
    verifiedJudgedVerified,
    unverifiedAnswered,
    unverifiedJudgedVerified,
    discernment:
      share(verifiedJudgedVerified, verifiedAnswered) - share(unverifiedJudgedVerified, unverifiedAnswered) + 0,
    hitRate,
    falseAlarmRate,
    dPrime: zH - zF + 0,
    bias,
    lean: leanOf(bias),
  };
}

/** Names the lean for a bias c, using LEAN_THRESHOLD. */
export function leanOf(bias: number): Lean {
  if (bias >= LEAN_THRESHOLD) return "cautious";
  if (bias <= -LEAN_THRESHOLD) return "trusting";
  return "balanced";
}

/** Rounds to a number of decimal places, never returning −0 (compact KV metadata, display). */
export function roundTo(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor + 0;
}

/** A copy of a score with its fractional figures rounded (counts are untouched). */
export function roundScore(score: Score, places = 2): Score {
  return {
    ...score,
    discernment: roundTo(score.discernment, places),
    hitRate: roundTo(score.hitRate, places),
    falseAlarmRate: roundTo(score.falseAlarmRate, places),
    dPrime: roundTo(score.dPrime, places),
    bias: roundTo(score.bias, places),
  };
}

/** The lean in kind, plain words, with the counts behind it. */
export interface LeanExplanation {
  lean: Lean;
  headline: string;
  /** One sentence per kind of item answered, e.g. "You called 3 of 8 established facts unverified." */
  counts: string[];
  tip: string;
  /** True when there are too few answers for the lean to mean much. */
  tentative: boolean;
}

/** "1 established fact" / "8 established facts". */
function ofCount(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * Explains a score's lean for a 13-year-old. Counts are always shown because
 * c is noisy with few items; the wording never shames, since the goal is a
 * discerning reader, not a cynical one.
 */
export function explainLean(score: Score): LeanExplanation {
  const counts: string[] = [];
  if (score.verifiedAnswered > 0) {
    const doubted = score.verifiedAnswered - score.verifiedJudgedVerified;
    counts.push(
      `You called ${doubted} of ${ofCount(score.verifiedAnswered, "established fact", "established facts")} unverified.`,
    );
  }
  if (score.unverifiedAnswered > 0) {
    counts.push(
      `You accepted ${score.unverifiedJudgedVerified} of ${ofCount(score.unverifiedAnswered, "unproven claim", "unproven claims")} as verified.`,
    );
  }
  const tentative = score.answered < FEW_ITEMS;
  if (score.answered === 0) {
    return {
      lean: "balanced",
      headline: "Answer a few questions to see how you lean.",
      counts,
      tip: "There are no trick questions: just ask who says so, and how they know.",
      tentative,
    };
  }
  switch (score.lean) {
    case "cautious":
      return {
        lean: score.lean,
        headline: "You were extra careful.",
        counts,
        tip: "Doubting is a good habit, but when the report shows something was done or said on the record, it's fine to call it verified.",
        tentative,
      };
    case "trusting":
      return {
        lean: score.lean,
        headline: "You were quite trusting.",
        counts,
        tip: "Before you accept a claim, ask who is making it and whether anyone outside the fight has checked it.",
        tentative,
      };
    default:
      return {
        lean: score.lean,
        headline: "You kept a good balance.",
        counts,
        tip:
          score.discernment > 0
            ? "Keep asking: who says so, and how do they know?"
            : "You didn't lean either way; now look at who makes each claim to tell them apart.",
        tentative,
      };
  }
}
