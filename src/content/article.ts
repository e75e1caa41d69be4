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

/** Where a context sits: from a start in one line to an end in the same or the next line. */
export interface ContextLocation {
  from: QuoteLocation;
  /** The second paragraph's part, when the context crosses a paragraph break. */
  to?: QuoteLocation;
}

export type ContextProblem = QuoteProblem | "not-adjacent-paragraphs" | "lacks-the-quote";

/**
 * Locates a context: whole sentences of one body line, or the end of one body line and the start of the
 * next, joined by "\n" (the article's own paragraph break), found exactly once and holding the quote.
 */
export function locateContext(
  lines: ArticleLine[],
  article: string,
  context: string,
  quote: string,
): { ok: true; location: ContextLocation } | { ok: false; problem: ContextProblem } {
  const parts = context.split("\n");
  if (parts.length > 2) return { ok: false, problem: "not-adjacent-paragraphs" };
  const count = countOccurrences(article, context);
  if (count === 0) return { ok: false, problem: "not-in-article" };
  if (count > 1) return { ok: false, problem: "matches-more-than-once" };
  if (!parts.some((part) => part.includes(quote))) return { ok: false, problem: "lacks-the-quote" };
  const [first = "", second] = parts;
  if (second === undefined) {
    const found = locateQuote(lines, article, context);
    return found.ok ? { ok: true, location: { from: found.location } } : found;
  }
  // Two parts: the first must end its line and the second start the next line, both body text.
  const at = article.indexOf(context);
  const before = article.slice(0, at).split("\n").length - 1;
  const a = lines.find((l) => l.index === before);
  const b = lines.find((l) => l.index === before + 1);
  if (!a || !b || !a.text.endsWith(first) || !b.text.startsWith(second)) {
    return { ok: false, problem: "not-whole-sentences" };
  }
  if (a.kind !== "body" || b.kind !== "body") return { ok: false, problem: "caption-or-heading" };
  const startA = a.text.length - first.length;
  const endsB = sentenceBounds(b.text).ends;
  if (!sentenceBounds(a.text).starts.has(startA) || !endsB.has(second.length) || first === "" || second === "") {
    return { ok: false, problem: "not-whole-sentences" };
  }
  return {
    ok: true,
    location: {
      from: { line: a.index, start: startA, end: a.text.length },
      to: { line: b.index, start: 0, end: second.length },
    },
  };
}
