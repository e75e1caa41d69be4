/** @module share: the public share link of a score (no attempt id, no nickname, no answers). */
import { bucketOf, percentCorrect } from "./aggregates";

/** Largest total a share link accepts (a pack holds at most 100 items; links stay two digits). */
export const MAX_SHARE_TOTAL = 99;

/** A score as a share link carries it. */
export interface SharedScore {
  correct: number;
  total: number;
}

const SHARE_PATH = /^(0|[1-9][0-9]?)-of-([1-9][0-9]?)$/;

/**
 * The share page URL of a score.
 * @example shareUrlOf("https://claimcheck.example", 7, 8) // "https://claimcheck.example/share/7-of-8"
 */
export function shareUrlOf(origin: string, correct: number, answered: number): string {
  return `${origin}/share/${correct}-of-${answered}`;
}

/** Parses "7-of-8" (no leading zeros, 0 ≤ correct ≤ total ≤ 99, total ≥ 1), or null. */
export function parseSharedScore(segment: string): SharedScore | null {
  const match = SHARE_PATH.exec(segment);
  if (!match) return null;
  const correct = Number(match[1]);
  const total = Number(match[2]);
  if (correct > total || total > MAX_SHARE_TOTAL) return null;
  return { correct, total };
}

/** The pre-rendered card image's bucket for a score: percent correct to the nearest ten. */
export function shareImageBucket({ correct, total }: SharedScore): number {
  return bucketOf(percentCorrect(correct, total));
}

/** What a score means, in plain words, for the share page and its link preview. */
export function shareMeaning({ correct, total }: SharedScore): string {
  const percent = percentCorrect(correct, total);
  if (percent >= 90) return "They told verified facts from unverified claims almost every time.";
  if (percent >= 70) return "They told verified facts from unverified claims most of the time.";
  if (percent >= 50) return "They got about half or more right: some claims are harder to check than they look.";
  return "They found this hard: many claims in war reporting sound more certain than the evidence behind them.";
}
