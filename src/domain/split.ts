/**
 * @module split: how a class split on each statement, from the answers its object recorded
 * (finished or not), and the statements that fooled the class most — the projector's discussion.
 */
import type { Tally } from "./room";
import type { Judgement } from "./scoring";

/** One statement's split: what the class said, and (for after the reveal) how many were right. */
export interface Split {
  itemId: string;
  verdict: Judgement;
  verified: number;
  unverified: number;
  total: number;
  right: number;
}

/**
 * The split on one statement (no answers: all zero).
 * @example splitOf("a", { v: 18, u: 12 }, "unverified").right // 12
 */
export function splitOf(itemId: string, tally: Tally | undefined, verdict: Judgement): Split {
  const verified = tally?.v ?? 0;
  const unverified = tally?.u ?? 0;
  const right = verdict === "verified" ? verified : unverified;
  return { itemId, verdict, verified, unverified, total: verified + unverified, right };
}

/** A statement is ranked among those that fooled the class only from this many answers: "1 of 1 got it wrong" is noise. */
export const ANSWERS_TO_RANK = 5;

/**
 * The class's statements with at least ANSWERS_TO_RANK answers that someone answered wrongly, most fooled first (the larger share
 * wrong; then more wrong answers; then class order).
 * @example mostFooledSplits(["a", "b"], tallies, verdictOf)[0].itemId
 */
export function mostFooledSplits(
  itemIds: readonly string[],
  tallies: Readonly<Record<string, Tally>>,
  verdictOf: (id: string) => Judgement | undefined,
): Split[] {
  const splits: Split[] = [];
  for (const id of itemIds) {
    const verdict = verdictOf(id);
    const split = verdict ? splitOf(id, tallies[id], verdict) : null;
    if (split && split.total >= ANSWERS_TO_RANK && split.right < split.total) splits.push(split);
  }
  const wrongShare = (s: Split) => (s.total - s.right) / s.total;
  return splits.sort((a, b) => wrongShare(b) - wrongShare(a) || b.total - b.right - (a.total - a.right));
}
