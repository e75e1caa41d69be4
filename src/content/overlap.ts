/**
 * @module overlap: whether a text repeats another's words, seven in a row. Cards must teach with
 * their own examples: a card that repeats an item's statement or quote hands the reader that item.
 */
import { statementWords } from "./cues.ts";

/** Seven words in a row, after lowercasing and dropping punctuation, count as a repeat. */
export const REPEAT_RUN = 7;

/** Every run of `n` consecutive words of a text, normalised, joined by spaces. */
export function wordRuns(text: string, n = REPEAT_RUN): Set<string> {
  const words = statementWords(text);
  const runs = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) runs.add(words.slice(i, i + n).join(" "));
  return runs;
}

/**
 * The first run of `n` words that `text` shares with `source`, or undefined.
 * @example sharedRun("He said: the bridge is safe to cross today.", "The bridge is safe to cross today, he said.") // "the bridge is safe to cross today"
 */
export function sharedRun(text: string, source: string, n = REPEAT_RUN): string | undefined {
  const runs = wordRuns(source, n);
  for (const run of wordRuns(text, n)) if (runs.has(run)) return run;
  return undefined;
}
