/**
 * @module class-words: the class as a whole in sentences a teacher can say aloud — what the class
 * did, with the counts behind it. Pure. The figures (discernment, bias c) stay out of these words:
 * the dashboard folds them away for teachers who want them.
 */
import type { Lean } from "./scoring";

/** At or within this distance of 0, discernment is what guessing gives: never praised. */
export const CHANCE_BAND = 0.1;

/** The pooled answers of the class's finished students. */
export interface ClassFigures {
  answered: number;
  discernment: number;
  lean: Lean;
  verifiedAnswered: number;
  verifiedJudgedUnverified: number;
  unverifiedAnswered: number;
  unverifiedJudgedVerified: number;
}

/** What the dashboard says about the class, in order: the headline, the counts, what to discuss. */
export interface ClassWords {
  headline: string;
  counts: string[];
  advice: string;
}

/**
 * One student's discernment in a word or two for the dashboard's Students table (the signed figure
 * stays in the CSV and the JSON): at or near 0 it says what guessing gives, never a reassurance.
 * @example studentDiscernmentWords(0.6) // "mostly"
 */
export function studentDiscernmentWords(discernment: number): string {
  if (discernment >= 0.5) return "mostly";
  if (discernment > CHANCE_BAND) return "partly";
  if (discernment >= -CHANCE_BAND) return "as guessing would";
  return "more often swapped";
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The class's result in words; at or near chance it says what the class did and never reassures.
 * @example classWords(figures).headline // "The class got 12 of 16 answers right."
 */
export function classWords(k: ClassFigures): ClassWords {
  if (k.answered === 0) {
    return { headline: "The class figures appear when the first student finishes.", counts: [], advice: "" };
  }
  const correct = k.answered - k.verifiedJudgedUnverified - k.unverifiedJudgedVerified;
  const counts: string[] = [];
  if (k.verifiedAnswered > 0) {
    counts.push(
      `It called ${k.verifiedJudgedUnverified} of ${plural(k.verifiedAnswered, "answer", "answers")} on facts of record unverified.`,
    );
  }
  if (k.unverifiedAnswered > 0) {
    counts.push(
      `It accepted ${k.unverifiedJudgedVerified} of ${plural(k.unverifiedAnswered, "answer", "answers")} on unproven claims as verified.`,
    );
  }
  return {
    headline: `The class got ${correct} of ${plural(k.answered, "answer", "answers")} right.`,
    counts,
    advice: adviceOf(k),
  };
}

function adviceOf(k: ClassFigures): string {
  const oneKindOnly = k.verifiedAnswered === 0 || k.unverifiedAnswered === 0;
  if (oneKindOnly) {
    return "So far every answer was on one kind of statement, so it does not yet show whether the class tells facts from claims.";
  }
  if (k.discernment < -CHANCE_BAND) {
    return "The class more often took claims for facts and facts for claims than the other way round. Worth going through a few together: who says so, and how do they know?";
  }
  if (k.discernment <= CHANCE_BAND) {
    const what =
      k.lean === "cautious"
        ? "It called most statements unverified, facts of record included."
        : k.lean === "trusting"
          ? "It accepted most statements as verified, unproven claims included."
          : "Its answers on facts and on claims came out about the same.";
    return `${what} That is about what guessing gives: the class has not yet told facts from claims apart. Worth reading one statement's report together.`;
  }
  switch (k.lean) {
    case "cautious":
      return "The class told facts from claims more often than not, but it doubted facts of record. Worth discussing: doubt is good, but a matter of record is a fact.";
    case "trusting":
      return "The class told facts from claims more often than not, but it accepted unproven claims. Worth discussing: who makes each claim, and has anyone outside the fight checked it?";
    default:
      return "The class told facts from claims more often than not, without leaning either way.";
  }
}
