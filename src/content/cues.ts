/**
 * @module Surface cues in quiz statements, and how well each one alone predicts the verdict.
 *
 * The quiz teaches a skill (what a report establishes versus what someone claims). If a
 * shallow rule such as "a statement with 'said' in it is verified" scores well, students
 * learn the rule instead of the skill, so the content checks measure every cue here.
 */
import type { Verdict } from "./schema.ts";

/**
 * Words and phrases of reporting and attribution, in every form the pack's statements might use.
 * Generous on purpose: a student looking for "said" also notices "told", "claimed" or "according to".
 * Matched case-insensitively as whole words.
 */
export const REPORTING_VERBS = [
  "according to",
  "accuse",
  "accused",
  "accuses",
  "accusing",
  "admitted",
  "alleged",
  "alleges",
  "announce",
  "announced",
  "announces",
  "asserted",
  "call",
  "called",
  "calls",
  "claim",
  "claimed",
  "claiming",
  "claims",
  "confirmed",
  "confirms",
  "declared",
  "declares",
  "denied",
  "denies",
  "deny",
  "denying",
  "describe",
  "described",
  "describes",
  "insisted",
  "posted",
  "promised",
  "put the figure",
  "put the number",
  "put the toll",
  "quoted",
  "quotes",
  "report",
  "reported",
  "reporting",
  "reports",
  "said",
  "say",
  "saying",
  "says",
  "speak",
  "speaking",
  "speaks",
  "spoke",
  "stated",
  "states",
  "tell",
  "telling",
  "tells",
  "told",
  "tweeted",
  "wrote",
  "writes",
] as const;

/** Cardinal number words (and "dozens", "hundreds"…) that count as a number, as digits do. */
export const NUMBER_WORDS = [
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "twenty",
  "thirty",
  "forty",
  "fifty",
  "sixty",
  "seventy",
  "eighty",
  "ninety",
  "dozen",
  "dozens",
  "hundred",
  "hundreds",
  "thousand",
  "thousands",
] as const;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const wordsPattern = (words: readonly string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "iu");

const REPORTING = wordsPattern(REPORTING_VERBS);
const NUMBER = new RegExp(`\\d|${wordsPattern(NUMBER_WORDS).source}`, "iu");

/** True if the statement uses any reporting verb or attribution phrase. */
export function hasReportingVerb(statement: string): boolean {
  return REPORTING.test(statement);
}

/** True if the statement holds a number, as digits or as a number word. */
export function hasNumber(statement: string): boolean {
  return NUMBER.test(statement);
}

/** Words in a statement: runs of non-space characters. */
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export type CueName = "reporting-verb" | "long-statement" | "long-statement-chars" | "number";

/** How well one cue predicts the verdict across a pack. */
export interface CueAccuracy {
  cue: CueName;
  /** What the cue is, in words, for the check's printout. */
  description: string;
  /** Items the better of "cue present → verified" and its inverse gets right. */
  correct: number;
  total: number;
  /** correct / total. */
  accuracy: number;
  /** Which way the cue points when it predicts best. */
  predicts: Verdict;
  /** How many items carry the cue, by verdict. */
  withCue: { verified: number; unverified: number };
}

/** Any cue predicting more than this share of verdicts gives the answer away; the content checks fail. */
export const MAX_CUE_ACCURACY = 0.65;

/**
 * Measures each surface cue as a predictor of the verdict. Accuracy is the better of the
 * rule "cue present → verified, absent → unverified" and its inverse: a cue that reliably
 * points the other way is just as much of a giveaway.
 *
 * @example
 * measureCues([{ statement: "Peskov said so.", verdict: "verified" }, { statement: "It was so.", verdict: "unverified" }])
 *   .find((c) => c.cue === "reporting-verb")?.accuracy; // 1
 */
export function measureCues(items: readonly { statement: string; verdict: Verdict }[]): CueAccuracy[] {
  // Length in words (what a reader sees) and in characters (what the issue first measured, 76% on the old pack).
  const mid = median(items.map((item) => words(item.statement)));
  const midChars = median(items.map((item) => item.statement.length));
  const cues: { cue: CueName; description: string; test: (statement: string) => boolean }[] = [
    { cue: "reporting-verb", description: "a reporting verb (said, told, according to…)", test: hasReportingVerb },
    { cue: "long-statement", description: `longer than the median (${mid} words)`, test: (s) => words(s) > mid },
    {
      cue: "long-statement-chars",
      description: `longer than the median (${midChars} characters)`,
      test: (s) => s.length > midChars,
    },
    { cue: "number", description: "a number (digits or a number word)", test: hasNumber },
  ];
  return cues.map(({ cue, description, test }) => {
    const withCue = { verified: 0, unverified: 0 };
    let ruleRight = 0;
    for (const item of items) {
      const present = test(item.statement);
      if (present) withCue[item.verdict]++;
      if (present === (item.verdict === "verified")) ruleRight++;
    }
    const total = items.length;
    const inverseRight = total - ruleRight;
    const correct = Math.max(ruleRight, inverseRight);
    return {
      cue,
      description,
      correct,
      total,
      accuracy: total === 0 ? 0 : correct / total,
      predicts: ruleRight >= inverseRight ? "verified" : "unverified",
      withCue,
    };
  });
}

/** One line per cue, e.g. "reporting-verb: 22/25 = 88.0% (…)". */
export function formatCue(c: CueAccuracy): string {
  const pct = (c.accuracy * 100).toFixed(1);
  return `${c.cue}: ${c.correct}/${c.total} = ${pct}% (${c.description}; present in ${c.withCue.verified} verified, ${c.withCue.unverified} unverified; best rule: present → ${c.predicts})`;
}

/** A learner that sees only a statement's wording, and how often it guesses the verdict, leave-one-out. */
export interface LearnerAccuracy {
  cue: LearnerName;
  description: string;
  correct: number;
  total: number;
  accuracy: number;
}

export type LearnerName = "first-word" | "naive-bayes";

type Example = { statement: string; verdict: Verdict };

/** Lowercase words of a statement, without punctuation ("Russia's" stays one word). */
export function statementWords(statement: string): string[] {
  return statement.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** The verdict most of the examples have; ties go to "unverified", the pack's larger side so far. */
function majority(examples: readonly Example[]): Verdict {
  const verified = examples.filter((e) => e.verdict === "verified").length;
  return verified * 2 > examples.length ? "verified" : "unverified";
}

/** First word: the verdict most often seen after the same first word; a first word never seen falls back to the majority. */
function firstWordGuess(train: readonly Example[], statement: string): Verdict {
  const first = statementWords(statement)[0];
  const same = train.filter((e) => statementWords(e.statement)[0] === first);
  const verified = same.filter((e) => e.verdict === "verified").length;
  if (same.length === 0 || verified * 2 === same.length) return majority(train);
  return verified * 2 > same.length ? "verified" : "unverified";
}

/**
 * Naive Bayes over the set of words in each statement (multinomial, add-one smoothing), the classic
 * text classifier: it learns which words go with which verdict, whatever they are.
 */
function naiveBayesGuess(train: readonly Example[], statement: string): Verdict {
  const vocabulary = new Set<string>();
  const counts = { verified: new Map<string, number>(), unverified: new Map<string, number>() };
  const totals = { verified: 0, unverified: 0 };
  const docs = { verified: 0, unverified: 0 };
  for (const e of train) {
    docs[e.verdict]++;
    for (const w of new Set(statementWords(e.statement))) {
      vocabulary.add(w);
      counts[e.verdict].set(w, (counts[e.verdict].get(w) ?? 0) + 1);
      totals[e.verdict]++;
    }
  }
  const score = (v: Verdict) =>
    Math.log((docs[v] + 1) / (train.length + 2)) +
    [...new Set(statementWords(statement))]
      .filter((w) => vocabulary.has(w))
      .reduce((sum, w) => sum + Math.log(((counts[v].get(w) ?? 0) + 1) / (totals[v] + vocabulary.size)), 0);
  const [verified, unverified] = [score("verified"), score("unverified")];
  return verified === unverified ? majority(train) : verified > unverified ? "verified" : "unverified";
}

/** Leave-one-out: each item is guessed by a learner trained on all the others. */
function leaveOneOut(items: readonly Example[], guess: (train: readonly Example[], statement: string) => Verdict) {
  return items.filter(
    (item, i) => guess([...items.slice(0, i), ...items.slice(i + 1)], item.statement) === item.verdict,
  ).length;
}

/**
 * Measures the wording learners, leave-one-out, as the content checks do.
 * @example measureLearners(pack.items).map((l) => l.accuracy) // [0.5, 0.6]
 */
export function measureLearners(items: readonly Example[]): LearnerAccuracy[] {
  const learners: { cue: LearnerName; description: string; guess: typeof firstWordGuess }[] = [
    { cue: "first-word", description: "the verdict most often seen after the same first word", guess: firstWordGuess },
    { cue: "naive-bayes", description: "naive Bayes over the statement's words", guess: naiveBayesGuess },
  ];
  return learners.map(({ cue, description, guess }) => {
    const correct = leaveOneOut(items, guess);
    return {
      cue,
      description,
      correct,
      total: items.length,
      accuracy: items.length === 0 ? 0 : correct / items.length,
    };
  });
}

/** One line per learner, e.g. "first-word: 27/36 = 75.0% (…, leave-one-out)". */
export function formatLearner(l: LearnerAccuracy): string {
  return `${l.cue}: ${l.correct}/${l.total} = ${(l.accuracy * 100).toFixed(1)}% (${l.description}, leave-one-out)`;
}
