/**
 * @module Surface cues in quiz statements, and how well each one alone predicts the verdict.
 *
 * The quiz teaches a skill (what a report establishes versus what someone claims). If a
 * shallow rule such as "a statement with 'said' in it is verified" scores well, students
 * learn the rule instead of the skill, so the content checks measure every cue here.
 */
import { ClaimantKind, type Verdict } from "./schema.ts";

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

/**
 * More words of saying, showing and giving an account than `REPORTING_VERBS`: what a student who has
 * learnt "a statement about saying is verified" also notices ("gave a toll", "showed a video",
 * "by the ministry's account"). A second reader found this broader cue predicted 76% of the 2026-12-07 pack.
 */
export const BROAD_REPORTING_WORDS = [
  ...REPORTING_VERBS,
  "account",
  "accounts",
  "announcement",
  "blame",
  "blamed",
  "blames",
  "explain",
  "explained",
  "explains",
  "gave",
  "give",
  "gives",
  "introduced",
  "introduces",
  "presented",
  "presents",
  "released",
  "reiterated",
  "repeated",
  "repeats",
  "show",
  "showed",
  "shown",
  "shows",
  "statement",
] as const;

/**
 * Who speaks in the article, by name or by title: a statement that names one looks like "someone said
 * so". Putin is left out: the article names him only as a target, never as a speaker.
 */
export const SPEAKERS = [
  "Shoigu",
  "Konashenkov",
  "Konashenko",
  "Gladkov",
  "Gladkow",
  "Peskov",
  "Maljar",
  "Podoliak",
  "Kapustin",
  "Colborne",
  "spokesman",
  "adviser",
  "minister",
  "ministry",
  "governor",
  "commander",
  "commanders",
  "researcher",
  "Kremlin",
  "Moscow",
  "New York Times",
  "Bellingcat",
] as const;

const BROAD_REPORTING = wordsPattern(BROAD_REPORTING_WORDS);
const SPEAKER = wordsPattern(SPEAKERS);
const QUOTATION_MARK = /[“”"«»„]/u;

/** True if the statement uses any word of `BROAD_REPORTING_WORDS`. */
export function hasBroadReporting(statement: string): boolean {
  return BROAD_REPORTING.test(statement);
}

/** True if the statement names one of the article's speakers, by name or by title. */
export function namesSpeaker(statement: string): boolean {
  return SPEAKER.test(statement);
}

/** True if the statement holds quotation marks (a quoted word or phrase). */
export function hasQuotationMarks(statement: string): boolean {
  return QUOTATION_MARK.test(statement);
}

/**
 * Persons and bodies a statement can name besides `SPEAKERS`: the sides, officials and groups that speak or act
 * in the article. A student who has noticed "the verified ones start with who said it" counts any of them
 * ("Authorities…", "Two armed groups…", "Russia's account…"), so the position cues below use both lists.
 */
export const NAMED_BODIES = [
  "Kyiv",
  "Kiev",
  "Russian side",
  "Russia's account",
  "authorities",
  "officials",
  "Investigative Committee",
  "Russian Volunteer Corps",
  "Freedom for Russia",
  "Legion of Free Russia",
  "armed groups",
  "groups",
  "fighters",
] as const;

const SPEAKER_ANYWHERE = new RegExp(SPEAKER.source, "giu");
const PERSON_OR_BODY = new RegExp(wordsPattern([...SPEAKERS, ...NAMED_BODIES]).source, "giu");

/**
 * Where the statement first names one of the article's speakers (`SPEAKERS`), or with `bodies` any person or
 * body (`NAMED_BODIES` too), as the number of words before it (0: the first word); null if it names none.
 * @example speakerPosition("As its spokesman said, all was calm.") // 2
 */
export function speakerPosition(statement: string, bodies = false): number | null {
  const pattern = bodies ? PERSON_OR_BODY : SPEAKER_ANYWHERE;
  pattern.lastIndex = 0;
  const found = pattern.exec(statement);
  return found ? statementWords(statement.slice(0, found.index)).length : null;
}

/** True if a speaker (with `bodies`, any person or body) is named in the first half of the statement's words. */
export function speakerInFirstHalf(statement: string, bodies = false): boolean {
  const at = speakerPosition(statement, bodies);
  return at !== null && at < statementWords(statement).length / 2;
}

/** True if the statement opens with a person or body: one is named within its first three words (its subject). */
export function startsWithSpeaker(statement: string): boolean {
  const at = speakerPosition(statement, true);
  return at !== null && at < 3;
}

const SAID_OR_ACCORDING = wordsPattern(["said", "according to"]);
/** True if the statement has "said" or "according to", the two words a student looks for first. */
export function hasSaidOrAccording(statement: string): boolean {
  return SAID_OR_ACCORDING.test(statement);
}

/** "As the Russian side said", "as they told…": "as" and, later in the same clause, a word of saying or showing. */
const AS_SOURCE_SAID = new RegExp(`(?<![\\p{L}])as\\s(?!of\\s)[^,.;]*?${BROAD_REPORTING.source}`, "iu");
/** True if the statement gives its source in an "as" clause ("…, as the Russian side said", "As its spokesman said, …"). */
export function hasAsSourceSaid(statement: string): boolean {
  return AS_SOURCE_SAID.test(statement);
}

/** Words before the first comma, colon, semicolon or dash: how long the opening clause is. */
export function firstClauseWords(statement: string): number {
  return statementWords(statement.split(/[,:;–—]/u)[0] ?? "").length;
}

/** A learner that sees only a statement's wording (or the passage under it), and how often it guesses the verdict, leave-one-out. */
export interface LearnerAccuracy {
  cue: LearnerName | PassageLearnerName;
  description: string;
  correct: number;
  total: number;
  accuracy: number;
}

export type LearnerName =
  | "first-word"
  | "naive-bayes"
  | "one-word"
  | "broad-reporting"
  | "names-speaker"
  | "quotation-marks"
  | "speaker-first-half"
  | "body-first-half"
  | "starts-with-speaker"
  | "speaker-position"
  | "said-or-according"
  | "as-source-said"
  | "length-threshold"
  | "first-clause-length"
  | "copula"
  | "cues-combined";

type Example = { statement: string; verdict: Verdict };
type Guess<T> = (train: readonly T[], item: T) => Verdict;

/** Lowercase words of a statement, without punctuation ("Russia's" stays one word). */
export function statementWords(statement: string): string[] {
  return statement.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/**
 * `statementWords`, remembered while the learners run: leave-one-out asks for the same texts' words thousands
 * of times. Cleared at the start of each measurement, so it never holds more than one pack's texts.
 */
const wordsSeen = new Map<string, readonly string[]>();
function wordsOf(text: string): readonly string[] {
  let found = wordsSeen.get(text);
  if (!found) {
    found = statementWords(text);
    wordsSeen.set(text, found);
  }
  return found;
}

/** The verdict most of the examples have; ties go to "unverified", the pack's larger side so far. */
function majority(examples: readonly { verdict: Verdict }[]): Verdict {
  const verified = examples.filter((e) => e.verdict === "verified").length;
  return verified * 2 > examples.length ? "verified" : "unverified";
}

/** A feature computed once per item (leave-one-out asks for each item's feature once per other item). */
function memo<T extends object, V>(feature: (item: T) => V): (item: T) => V {
  const seen = new WeakMap<T, V>();
  return (item) => {
    if (seen.has(item)) return seen.get(item) as V;
    const value = feature(item);
    seen.set(item, value);
    return value;
  };
}

/**
 * A learner over one feature of an item: the verdict most often seen with the same value; a value never
 * seen (or seen as often with each verdict) falls back to the majority.
 */
function byFeature<T extends { verdict: Verdict }>(featureOf: (item: T) => string): Guess<T> {
  const feature = memo(featureOf);
  return (train, item) => {
    const value = feature(item);
    const same = train.filter((e) => feature(e) === value);
    const verified = same.filter((e) => e.verdict === "verified").length;
    if (same.length === 0 || verified * 2 === same.length) return majority(train);
    return verified * 2 > same.length ? "verified" : "unverified";
  };
}

/** First word: the verdict most often seen after the same first word. */
const firstWordGuess = () => byFeature<Example>((e) => wordsOf(e.statement)[0] ?? "");

/** A yes-or-no cue of the wording, learnt like any feature: which verdict goes with having it. */
const cueGuess = (test: (statement: string) => boolean) => byFeature<Example>((e) => String(test(e.statement)));

/**
 * A learner over a number (length, position…): the threshold and direction ("above it → verified" or the
 * inverse) that get most of the other items right, as a student who noticed "the long ones are verified"
 * would pick. Ties go to the lowest threshold, "above → verified" first.
 */
function byThreshold<T extends { verdict: Verdict }>(featureOf: (item: T) => number): Guess<T> {
  const feature = memo(featureOf);
  return (train, item) => {
    const seen = train.map((e) => ({ value: feature(e), verified: e.verdict === "verified" }));
    let best = { right: -1, threshold: 0, aboveVerified: true };
    for (const threshold of [...new Set(seen.map((e) => e.value))].sort((a, b) => a - b)) {
      const right = seen.filter((e) => e.value > threshold === e.verified).length;
      if (right > best.right) best = { right, threshold, aboveVerified: true };
      if (seen.length - right > best.right) best = { right: seen.length - right, threshold, aboveVerified: false };
    }
    return feature(item) > best.threshold === best.aboveVerified ? "verified" : "unverified";
  };
}

/**
 * The one-word rule: the word whose presence (or absence) best matches the verdicts of the other items
 * ("whenever it says 'had', it is verified"), as a student who spots one telling word would use it.
 * Ties go to the word first in alphabetical order, "present → verified" first.
 */
function oneWordGuess(): Guess<Example> {
  const wordSetOf = memo((e: Example) => new Set(wordsOf(e.statement)));
  return (train, item) => {
    const seen = train.map((e) => ({ words: wordSetOf(e), verified: e.verdict === "verified" }));
    const vocabulary = [...new Set(seen.flatMap((e) => [...e.words]))].sort();
    let best = { right: -1, word: "", presentVerified: true };
    for (const word of vocabulary) {
      const right = seen.filter((e) => e.words.has(word) === e.verified).length;
      if (right > best.right) best = { right, word, presentVerified: true };
      if (seen.length - right > best.right) best = { right: seen.length - right, word, presentVerified: false };
    }
    return wordSetOf(item).has(best.word) === best.presentVerified ? "verified" : "unverified";
  };
}

/** Where a person or body is first named, as a share of the statement's words (1 when none is named). */
const speakerShare = (statement: string) => {
  const at = speakerPosition(statement, true);
  return at === null ? 1 : at / Math.max(1, wordsOf(statement).length);
};

/**
 * Naive Bayes over the set of words in each statement (multinomial, add-one smoothing), the classic
 * text classifier: it learns which words go with which verdict, whatever they are.
 */
function naiveBayes<T extends { verdict: Verdict }>(text: (item: T) => string): Guess<T> {
  const tokens = memo((e: T) => new Set(wordsOf(text(e))));
  return (train, item) => {
    const vocabulary = new Set<string>();
    const counts = { verified: new Map<string, number>(), unverified: new Map<string, number>() };
    const totals = { verified: 0, unverified: 0 };
    const docs = { verified: 0, unverified: 0 };
    for (const e of train) {
      docs[e.verdict]++;
      for (const w of tokens(e)) {
        vocabulary.add(w);
        counts[e.verdict].set(w, (counts[e.verdict].get(w) ?? 0) + 1);
        totals[e.verdict]++;
      }
    }
    const score = (v: Verdict) =>
      Math.log((docs[v] + 1) / (train.length + 2)) +
      [...tokens(item)]
        .filter((w) => vocabulary.has(w))
        .reduce((sum, w) => sum + Math.log(((counts[v].get(w) ?? 0) + 1) / (totals[v] + vocabulary.size)), 0);
    const [verified, unverified] = [score("verified"), score("unverified")];
    return verified === unverified ? majority(train) : verified > unverified ? "verified" : "unverified";
  };
}

const naiveBayesGuess = () => naiveBayes<Example>((e) => e.statement);

const COPULA = wordsPattern(["is", "was", "were", "are", "will", "be", "been"]);

/** Whether it states something as being so (is, was, were, will be…): claims are often put that way. */
export function hasCopula(statement: string): boolean {
  return COPULA.test(statement);
}

/**
 * The yes/no cues of one statement as words ("cue-speaker-half", "no-cue-copula"…), so naive Bayes
 * can weigh them together: cues each under the bound can add up above it.
 */
function cueWords(statement: string): string {
  const cues: [string, boolean][] = [
    ["reporting", hasBroadReporting(statement)],
    ["speaker", namesSpeaker(statement)],
    ["quotes", hasQuotationMarks(statement)],
    ["speakerhalf", speakerInFirstHalf(statement)],
    ["bodyhalf", speakerInFirstHalf(statement, true)],
    ["startsspeaker", startsWithSpeaker(statement)],
    ["said", hasSaidOrAccording(statement)],
    ["assource", hasAsSourceSaid(statement)],
    ["copula", hasCopula(statement)],
    ["number", hasNumber(statement)],
    ["long", wordsOf(statement).length > 17],
  ];
  return cues.map(([name, on]) => `${on ? "cue" : "nocue"}${name}`).join(" ");
}

/** Leave-one-out: each item is guessed by a learner trained on all the others. */
function leaveOneOut<T extends { verdict: Verdict }>(items: readonly T[], guess: Guess<T>) {
  return items.filter((item, i) => guess([...items.slice(0, i), ...items.slice(i + 1)], item) === item.verdict).length;
}

const accuracyOf = (correct: number, total: number) => (total === 0 ? 0 : correct / total);

/** Each learner's leave-one-out score on the items. */
function measureEach<T extends { verdict: Verdict }>(
  items: readonly T[],
  learners: readonly { cue: LearnerAccuracy["cue"]; description: string; guess: Guess<T> }[],
): LearnerAccuracy[] {
  wordsSeen.clear();
  return learners.map(({ cue, description, guess }) => {
    const correct = leaveOneOut(items, guess);
    return { cue, description, correct, total: items.length, accuracy: accuracyOf(correct, items.length) };
  });
}

/**
 * Measures the wording learners, leave-one-out, as the content checks do.
 * @example measureLearners(pack.items).map((l) => l.accuracy) // [0.5, 0.6, …]
 */
export function measureLearners(items: readonly Example[]): LearnerAccuracy[] {
  const learners: { cue: LearnerName; description: string; guess: Guess<Example> }[] = [
    {
      cue: "first-word",
      description: "the verdict most often seen after the same first word",
      guess: firstWordGuess(),
    },
    { cue: "naive-bayes", description: "naive Bayes over the statement's words", guess: naiveBayesGuess() },
    {
      cue: "one-word",
      description: "the one word whose presence best matches the other items' verdicts",
      guess: oneWordGuess(),
    },
    {
      cue: "broad-reporting",
      description: "whether it has a word of saying or showing (gave, showed, account, blamed…)",
      guess: cueGuess(hasBroadReporting),
    },
    {
      cue: "names-speaker",
      description: "whether it names a speaker (Peskov, the spokesman, the ministry, The New York Times…)",
      guess: cueGuess(namesSpeaker),
    },
    { cue: "quotation-marks", description: "whether it holds quotation marks", guess: cueGuess(hasQuotationMarks) },
    {
      cue: "speaker-first-half",
      description: "whether a speaker (Peskov, the spokesman, the ministry…) is named in its first half",
      guess: cueGuess((s) => speakerInFirstHalf(s)),
    },
    {
      cue: "body-first-half",
      description:
        "whether any person or body (a speaker, a side, a group, the authorities) is named in its first half",
      guess: cueGuess((s) => speakerInFirstHalf(s, true)),
    },
    {
      cue: "starts-with-speaker",
      description: "whether it opens with a person or body (within its first three words)",
      guess: cueGuess(startsWithSpeaker),
    },
    {
      cue: "speaker-position",
      description: "a threshold on how far in a person or body is first named (as a share of its words)",
      guess: byThreshold((e) => speakerShare(e.statement)),
    },
    {
      cue: "said-or-according",
      description: "whether it has “said” or “according to”",
      guess: cueGuess(hasSaidOrAccording),
    },
    {
      cue: "as-source-said",
      description: "whether it gives its source in an “as” clause (as the Russian side said…)",
      guess: cueGuess(hasAsSourceSaid),
    },
    {
      cue: "length-threshold",
      description: "a threshold on its length in words (the best cut, not the median)",
      guess: byThreshold((e) => wordsOf(e.statement).length),
    },
    {
      cue: "first-clause-length",
      description: "a threshold on the words before its first comma, colon or dash",
      guess: byThreshold((e) => firstClauseWords(e.statement)),
    },
    { cue: "copula", description: "whether it has is, was, were, are, will, be or been", guess: cueGuess(hasCopula) },
    {
      cue: "cues-combined",
      description: "naive Bayes over all the yes/no cues above together (and longer than 17 words)",
      guess: naiveBayes<Example>((e) => cueWords(e.statement)),
    },
  ];
  return measureEach(items, learners);
}

/** One line per learner, e.g. "first-word: 27/36 = 75.0% (…, leave-one-out)". */
export function formatLearner(l: LearnerAccuracy): string {
  return `${l.cue}: ${l.correct}/${l.total} = ${(l.accuracy * 100).toFixed(1)}% (${l.description}, leave-one-out)`;
}

/** Learners over the passage shown under the statement ("What the report says"), before the reader answers. */
export type PassageLearnerName =
  | "passage-said"
  | "passage-reporting-verb"
  | "passage-quotation-marks"
  | "passage-length"
  | "passage-sentences"
  | "passage-overlap"
  | "passage-naive-bayes";

type PassageExample = Example & { context: string };

/** Sentences in a passage: closing punctuation (and a closing quotation mark) followed by a space or the end. */
export function passageSentences(context: string): number {
  return (context.match(/[.!?][”"’]?(?=\s|$)/gu) ?? []).length;
}

/** The share of the statement's distinct words that the passage also holds: how closely it copies the report. */
export function passageOverlap(
  statement: string,
  context: string,
  words: (text: string) => readonly string[] = statementWords,
): number {
  const mine = new Set(words(statement));
  const theirs = new Set(words(context));
  return mine.size === 0 ? 0 : [...mine].filter((w) => theirs.has(w)).length / mine.size;
}

/**
 * Measures what a student could learn from the passage alone, or from how the statement copies it,
 * leave-one-out like `measureLearners`. Twins share a passage, so these stay low while twins have both verdicts.
 */
export function measurePassageLearners(items: readonly PassageExample[]): LearnerAccuracy[] {
  const learners: { cue: PassageLearnerName; description: string; guess: Guess<PassageExample> }[] = [
    {
      cue: "passage-said",
      description: "whether the passage has “said” or “according to”",
      guess: byFeature((e) => String(hasSaidOrAccording(e.context))),
    },
    {
      cue: "passage-reporting-verb",
      description: "whether the passage has a reporting verb",
      guess: byFeature((e) => String(hasReportingVerb(e.context))),
    },
    {
      cue: "passage-quotation-marks",
      description: "whether the passage holds quotation marks",
      guess: byFeature((e) => String(hasQuotationMarks(e.context))),
    },
    {
      cue: "passage-length",
      description: "a threshold on the passage's length in words",
      guess: byThreshold((e) => wordsOf(e.context).length),
    },
    {
      cue: "passage-sentences",
      description: "a threshold on how many sentences the passage has",
      guess: byThreshold((e) => passageSentences(e.context)),
    },
    {
      cue: "passage-overlap",
      description: "a threshold on the share of the statement's words found in the passage",
      guess: byThreshold((e) => passageOverlap(e.statement, e.context, wordsOf)),
    },
    {
      cue: "passage-naive-bayes",
      description: "naive Bayes over the passage's words",
      guess: naiveBayes((e) => e.context),
    },
  ];
  return measureEach(items, learners);
}

/** How well the kind of claimant, shown after each answer, would let a student guess the next verdict. */
export interface ClaimantKindAccuracy {
  correct: number;
  total: number;
  accuracy: number;
  /** Items of each kind, by verdict. */
  byKind: Record<ClaimantKind, { verified: number; unverified: number }>;
}

type KindExample = { verdict: Verdict; claimant: { kind: ClaimantKind } };

/**
 * The feedback names who says each statement and what kind of source that is. If one kind always went
 * with one verdict ("journalists → verified"), students would learn the kind instead of the skill. Measured
 * as the best a student could do knowing every item's kind: each kind guessed as its own majority verdict
 * (not leave-one-out: a kind split evenly would then score below chance, which hides nothing).
 */
export function measureClaimantKinds(items: readonly KindExample[]): ClaimantKindAccuracy {
  const byKind = Object.fromEntries(ClaimantKind.options.map((k) => [k, { verified: 0, unverified: 0 }])) as Record<
    ClaimantKind,
    { verified: number; unverified: number }
  >;
  for (const item of items) byKind[item.claimant.kind][item.verdict]++;
  const correct = Object.values(byKind).reduce((sum, n) => sum + Math.max(n.verified, n.unverified), 0);
  return { correct, total: items.length, accuracy: accuracyOf(correct, items.length), byKind };
}

/** One line, e.g. "claimant-kind: 46/50 = 92.0% (… party 0 verified, 16 unverified; …)". */
export function formatClaimantKinds(c: ClaimantKindAccuracy): string {
  const kinds = Object.entries(c.byKind)
    .map(([kind, n]) => `${kind} ${n.verified} verified, ${n.unverified} unverified`)
    .join("; ");
  return `claimant-kind: ${c.correct}/${c.total} = ${(c.accuracy * 100).toFixed(1)}% (each kind of claimant guessed as its own majority verdict; ${kinds})`;
}
