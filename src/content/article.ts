/** @module The source article split into lines and sentences, and where a quote sits in it. */

/** One line of the article: body text, or a photo caption / heading (no closing punctuation). */
export interface ArticleLine {
  index: number;
  text: string;
  kind: "body" | "caption-or-heading";
}

/** Where a quote sits: its line, and its character range inside that line. */
export interface QuoteLocation {
  line: number;
  start: number;
  end: number;
}

// A body line ends like a sentence: . ! ? optionally followed by a closing quote mark.
const SENTENCE_END = /[.!?][”"’]?$/;
// A sentence boundary: closing punctuation (and quote mark), whitespace, then a capital or an opening quote.
const BOUNDARY = /([.!?][”"’]?)(\s+)(?=[A-Z“"‘])/g;

/** Splits the article into its lines, marking captions and headings, which quotes may never use. */
export function articleLines(article: string): ArticleLine[] {
  return article
    .split("\n")
    .map(
      (text, index) => ({ index, text, kind: SENTENCE_END.test(text.trim()) ? "body" : "caption-or-heading" }) as const,
    )
    .filter((line) => line.text.trim() !== "");
}

/** Offsets inside a line where a sentence may start, and where one may end. */
export function sentenceBounds(line: string): { starts: Set<number>; ends: Set<number> } {
  const starts = new Set([0]);
  const ends = new Set([line.length]);
  for (const m of line.matchAll(BOUNDARY)) {
    const punct = m[1] ?? "";
    const space = m[2] ?? "";
    ends.add(m.index + punct.length);
    starts.add(m.index + punct.length + space.length);
  }
  return { starts, ends };
}

/** Counts the places a string occurs in a text, overlapping ones included. */
export function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) count++;
  return count;
}

export type QuoteProblem = "not-in-article" | "matches-more-than-once" | "caption-or-heading" | "not-whole-sentences";

/** Locates a quote, or says why it is not whole sentences of one body line, found exactly once. */
export function locateQuote(
  lines: ArticleLine[],
  article: string,
  quote: string,
): { ok: true; location: QuoteLocation } | { ok: false; problem: QuoteProblem } {
  const count = countOccurrences(article, quote);
  if (count === 0) return { ok: false, problem: "not-in-article" };
  if (count > 1) return { ok: false, problem: "matches-more-than-once" };
  const line = lines.find((l) => l.text.includes(quote));
  // A quote that spans lines is in the article but in no single line: treat it as not whole sentences of one paragraph.
  if (!line) return { ok: false, problem: "not-whole-sentences" };
  if (line.kind !== "body") return { ok: false, problem: "caption-or-heading" };
  const start = line.text.indexOf(quote);
  const end = start + quote.length;
  const { starts, ends } = sentenceBounds(line.text);
  if (!starts.has(start) || !ends.has(end)) return { ok: false, problem: "not-whole-sentences" };
  return { ok: true, location: { line: line.index, start, end } };
}
