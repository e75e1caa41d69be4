/**
 * @module who-cues: how well a shallow rule picks the right "who says so?" choice without reading the
 * report, measured over a pack's items. The choices teach attribution only if no rule a student could
 * pick up along the way (a name the statement shares with a choice, the voice offered most often, a
 * position, what a learner makes of the words and the labels) does much better than guessing.
 */
import type { Voice, WhoChoices } from "../domain/who-says";
import { statementWords } from "./cues.ts";

/** An item as the measures see it: its statement, its choices in the order shown, and which one is right. */
export interface WhoExample extends WhoChoices {
  id: string;
  statement: string;
  /** The item's twin group (items resting on one sentence of the report), if it has one. */
  twin?: string | undefined;
}

/** True if two items rest on one sentence: the same item, or twins. */
const together = (a: WhoExample, b: WhoExample) => a.id === b.id || (a.twin !== undefined && a.twin === b.twin);

export type WhoCueName =
  | "shares-words"
  | "shares-stems"
  | "speaker-from-words"
  | "avoids-shared-words"
  | "names-side"
  | "avoids-named-side"
  | "naive-bayes"
  | "naive-bayes-words"
  | "most-offered"
  | "most-often-right"
  | "position";

/** How often one rule picks the right voice; a tie between choices counts as a guess among them (a fraction). */
export interface WhoCueAccuracy {
  cue: WhoCueName;
  description: string;
  /** Items picked right, a tie of k choices holding the right one counting 1/k. */
  correct: number;
  total: number;
  accuracy: number;
}

/**
 * The limit for any rule with three choices. Chance is one in three; over a pack of 50 items a rule
 * that knows nothing scores 33% ± 6.7% (one standard deviation of a binomial), so it reaches 44% by
 * luck only one time in twenty (one-sided). Above 45% a rule beats guessing by more than luck explains:
 * the choices give the answer away. The verdict cues' limit (65% of two choices, cues.ts) is the
 * same idea for a yes-or-no question with a larger margin; three choices leave less room.
 */
export const MAX_WHO_CUE_ACCURACY = 0.45;

/** Words too common to name anyone ("the", "of", "Russia's" without the "'s" still counts). */
const STOPWORDS = new Set(
  "a an and as at by for from had has in is it its of on or that the their they this to was were which who with".split(
    " ",
  ),
);

/**
 * A word as a student compares it: lowercase, no "'s", its first five letters ("Russia's", "Russian" and
 * "Russia" are one word; so are "ministry" and "minister").
 */
const stem = (word: string) => word.replace(/['’]s$/u, "").slice(0, 5);

const wordsOf = new Map<string, ReadonlySet<string>>();

/**
 * The content words of a text, lowercase without "'s", whole or stemmed (remembered: the learners ask
 * for the same texts many times).
 */
export function contentStems(text: string, stemmed = true): ReadonlySet<string> {
  const key = `${stemmed ? "s" : "w"}:${text}`;
  let words = wordsOf.get(key);
  if (!words) {
    const whole = statementWords(text).map((w) => w.replace(/['’]s$/u, ""));
    words = new Set((stemmed ? whole.map(stem) : whole).filter((w) => w.length > 1 && !STOPWORDS.has(w)));
    if (wordsOf.size < 10_000) wordsOf.set(key, words);
  }
  return words;
}

/**
 * Words that name a side in a statement, as a student spots them ("Moscow" → a Russian voice). The
 * camps are voices.ts's: russia, ukraine, militias, press, expert.
 */
export const SIDE_WORDS: Record<string, readonly string[]> = {
  russia: [
    "russia",
    "russian",
    "moscow",
    "kremlin",
    "ministry",
    "konashenkov",
    "shoigu",
    "peskov",
    "gladkov",
    "governor",
  ],
  ukraine: ["ukraine", "ukrainian", "kyiv", "kiev", "podoliak", "maljar", "adviser"],
  militias: ["militia", "volunteer corps", "legion", "armed groups", "fighters", "kapustin", "commander"],
  press: ["reporters", "new york times", "report", "reports", "reported"],
  expert: ["bellingcat", "researcher", "colborne"],
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const sidePatterns = Object.fromEntries(
  Object.entries(SIDE_WORDS).map(([camp, words]) => [
    camp,
    new RegExp(`(?<![\\p{L}])(?:${words.map(escapeRegExp).join("|")})(?![\\p{L}])`, "iu"),
  ]),
);

/** True if the statement names the voice's side. */
export function namesSide(statement: string, voice: Voice): boolean {
  return sidePatterns[voice.camp]?.test(statement) ?? false;
}

/** The credit of a pick among tied choices: 1/k if the right one is among the k best, else 0. */
function credit(scores: readonly number[], right: number): number {
  const best = Math.max(...scores);
  const tied = scores.filter((s) => s === best).length;
  return scores[right] === best ? 1 / tied : 0;
}

type Scorer = (train: readonly WhoExample[], item: WhoExample) => number[];

/**
 * Leave-one-out by sentence: each item scored by a rule that has seen all the others except its twins
 * (rules that learn nothing ignore them). Twins rest on one sentence of the report and share its
 * speaker by construction: a learner that has seen one has been told who says that sentence, which is
 * knowing the report, not a shortcut. (Forms never hold two twins either.)
 */
function leaveOneOut(items: readonly WhoExample[], score: Scorer): number {
  return items.reduce(
    (sum, item) =>
      sum +
      credit(
        score(
          items.filter((other) => !together(item, other)),
          item,
        ),
        item.right,
      ),
    0,
  );
}

/** How many content words of the statement each choice's label shares. */
const sharedWords =
  (stemmed: boolean): Scorer =>
  (_, item) => {
    const words = contentStems(item.statement, stemmed);
    return item.choices.map((voice) => [...contentStems(voice.label, stemmed)].filter((w) => words.has(w)).length);
  };

/**
 * A learner that guesses the speaker from the words (naive Bayes over the right answers of the other
 * items: how often each speaker was right, and which words its statements hold), among the choices
 * offered.
 */
const speakerFromWords: Scorer = (train, item) => {
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const rightCount = new Map<string, number>();
  const vocabulary = new Set<string>();
  for (const e of train) {
    const key = e.choices[e.right]?.key ?? "";
    rightCount.set(key, (rightCount.get(key) ?? 0) + 1);
    const mine = counts.get(key) ?? new Map<string, number>();
    counts.set(key, mine);
    for (const w of contentStems(e.statement, false)) {
      vocabulary.add(w);
      mine.set(w, (mine.get(w) ?? 0) + 1);
      totals.set(key, (totals.get(key) ?? 0) + 1);
    }
  }
  const words = [...contentStems(item.statement, false)].filter((w) => vocabulary.has(w));
  return item.choices.map((voice) => {
    const mine = counts.get(voice.key);
    const total = (totals.get(voice.key) ?? 0) + vocabulary.size;
    const log =
      Math.log((rightCount.get(voice.key) ?? 0) + 1) +
      words.reduce((sum, w) => sum + Math.log(((mine?.get(w) ?? 0) + 1) / total), 0);
    return Math.round(log * 1e9) / 1e9;
  });
};

/** Features of a (statement, choice) pair: the statement's words each paired with the choice's speaker, and the speaker alone. */
function features(item: WhoExample, voice: Voice, withSpeaker: boolean): string[] {
  const paired = [...contentStems(item.statement)].map((w) => `${voice.key}|${w}`);
  return withSpeaker ? [`voice:${voice.key}`, ...paired] : paired;
}

/**
 * A learner that has seen the other items' choices and answers: naive Bayes (multinomial, add-one) over
 * the choice's speaker and the statement's words paired with that speaker, "right" against "offered and
 * wrong"; it picks the choice it finds likeliest right. It learns whatever goes with the right answer:
 * a voice that is right more often than a third of the times it is offered, a word that goes with a voice.
 */
function naiveBayes(items: readonly WhoExample[], withSpeaker: boolean): number[][] {
  // Counted over the whole pack once; each item then takes its own counts out (leave-one-out).
  type Side = "right" | "wrong";
  const counts = { right: new Map<string, number>(), wrong: new Map<string, number>() };
  const totals = { right: 0, wrong: 0 };
  const docs = { right: 0, wrong: 0 };
  const own = items.map((e) =>
    e.choices.map((voice, index) => ({
      side: (index === e.right ? "right" : "wrong") as Side,
      features: features(e, voice, withSpeaker),
    })),
  );
  for (const choices of own) {
    for (const { side, features: fs } of choices) {
      docs[side]++;
      totals[side] += fs.length;
      for (const f of fs) counts[side].set(f, (counts[side].get(f) ?? 0) + 1);
    }
  }
  const all = new Set([...counts.right.keys(), ...counts.wrong.keys()]);
  return own.map((choices, i) => {
    // The counts of this item and its twins, to take out of the pack's.
    const mine = { right: new Map<string, number>(), wrong: new Map<string, number>() };
    const myTotals = { right: 0, wrong: 0 };
    const myDocs = { right: 0, wrong: 0 };
    const item = items[i] as WhoExample;
    const left = own.filter((_, j) => together(item, items[j] as WhoExample)).flat();
    for (const { side, features: fs } of left) {
      myDocs[side]++;
      myTotals[side] += fs.length;
      for (const f of fs) mine[side].set(f, (mine[side].get(f) ?? 0) + 1);
    }
    const count = (side: Side, f: string) => (counts[side].get(f) ?? 0) - (mine[side].get(f) ?? 0);
    const seen = (f: string) => count("right", f) + count("wrong", f) > 0;
    const onlyMine = new Set([...mine.right.keys(), ...mine.wrong.keys()].filter((f) => !seen(f)));
    const vocabulary = all.size - onlyMine.size;
    const trainDocs = docs.right + docs.wrong - myDocs.right - myDocs.wrong;
    const log = (side: Side, fs: readonly string[]) =>
      Math.log((docs[side] - myDocs[side] + 1) / (trainDocs + 2)) +
      fs
        .filter(seen)
        .reduce((sum, f) => sum + Math.log((count(side, f) + 1) / (totals[side] - myTotals[side] + vocabulary)), 0);
    // Rounded so that two choices the learner cannot tell apart tie instead of differing in the last bit.
    return choices.map(({ features: fs }) => Math.round((log("right", fs) - log("wrong", fs)) * 1e9) / 1e9);
  });
}

/** How often each voice is offered, and how often it is right, over some items. */
function offers(items: readonly WhoExample[]) {
  const offered = new Map<string, number>();
  const right = new Map<string, number>();
  for (const e of items) {
    for (const voice of e.choices) offered.set(voice.key, (offered.get(voice.key) ?? 0) + 1);
    const r = e.choices[e.right];
    if (r) right.set(r.key, (right.get(r.key) ?? 0) + 1);
  }
  return { offered, right };
}

/**
 * Measures every rule over a pack's items (each learning rule leave-one-out).
 * @example measureWhoCues(examples).find((c) => c.cue === "naive-bayes")?.accuracy // 0.4
 */
export function measureWhoCues(items: readonly WhoExample[]): WhoCueAccuracy[] {
  const rules: {
    cue: WhoCueName;
    description: string;
    score: Scorer | { all: (all: readonly WhoExample[]) => number[][] };
  }[] = [
    {
      cue: "shares-words",
      description: "the choice whose label shares the most words with the statement",
      score: sharedWords(false),
    },
    {
      cue: "shares-stems",
      description: "the choice whose label shares the most words with the statement, by their first five letters",
      score: sharedWords(true),
    },
    {
      cue: "avoids-shared-words",
      description: "the choice whose label shares the fewest words with the statement",
      score: (train, item) => sharedWords(false)(train, item).map((n) => -n),
    },
    {
      cue: "names-side",
      description: "a choice whose side the statement names (Moscow, Kyiv, the Legion, reporters…)",
      score: (_, item) => item.choices.map((voice) => (namesSide(item.statement, voice) ? 1 : 0)),
    },
    {
      cue: "avoids-named-side",
      description: "a choice whose side the statement does not name",
      score: (_, item) => item.choices.map((voice) => (namesSide(item.statement, voice) ? 0 : 1)),
    },
    {
      cue: "naive-bayes",
      description: "naive Bayes over the choice's speaker and the statement's words with that speaker",
      score: { all: (all) => naiveBayes(all, true) },
    },
    {
      cue: "naive-bayes-words",
      description: "naive Bayes over the statement's words paired with the choice's speaker",
      score: { all: (all) => naiveBayes(all, false) },
    },
    {
      cue: "speaker-from-words",
      description: "naive Bayes guessing the speaker from the statement's words, among the choices",
      score: speakerFromWords,
    },
    {
      cue: "most-offered",
      description: "the choice offered most often over the other items",
      score: (train, item) => {
        const { offered } = offers(train);
        return item.choices.map((voice) => offered.get(voice.key) ?? 0);
      },
    },
  ];
  const measured = rules.map(({ cue, description, score }) => {
    // A rule that scores the whole pack at once (its own leave-one-out), or one item at a time.
    const scores = "all" in score ? score.all(items) : undefined;
    const correct =
      "all" in score
        ? items.reduce((sum, item, i) => sum + credit(scores?.[i] ?? [], item.right), 0)
        : leaveOneOut(items, score);
    return { cue, description, correct };
  });
  // Rates over the whole pack, this item included (the most a student could get from them), not left
  // out: leaving one out would score a position or a voice right exactly a third of the times it is
  // offered at 0%, since the item left out always leaves its right one below a third.
  const { offered, right } = offers(items);
  measured.push({
    cue: "most-often-right",
    description: "the choice whose voice is right most often when offered, over the pack",
    correct: items.reduce(
      (sum, item) =>
        sum +
        credit(
          item.choices.map((voice) => (right.get(voice.key) ?? 0) / (offered.get(voice.key) ?? 1)),
          item.right,
        ),
      0,
    ),
  });
  const atPosition = [0, 1, 2].map((p) => items.filter((item) => item.right === p).length);
  measured.push({
    cue: "position",
    description: "always the same position (the best of first, second and third)",
    correct: Math.max(...atPosition),
  });
  return measured.map((m) => ({
    ...m,
    total: items.length,
    accuracy: items.length === 0 ? 0 : m.correct / items.length,
  }));
}

/** One line per rule, e.g. "naive-bayes: 20.5/50 = 41.0% (…, leave-one-out)". */
export function formatWhoCue(c: WhoCueAccuracy): string {
  const correct = Number.isInteger(c.correct) ? String(c.correct) : c.correct.toFixed(1);
  return `${c.cue}: ${correct}/${c.total} = ${(c.accuracy * 100).toFixed(1)}% (${c.description})`;
}

/** How often each voice is right and offered wrong, over the whole plan: a voice right a third of the times it is offered gives nothing away. */
export interface OfferRate {
  key: string;
  right: number;
  wrong: number;
}

/**
 * Each voice's count of items it is right for and of items it is offered for as a wrong choice.
 * @example offerRates(examples).find((r) => r.key === "reporters") // { key: "reporters", right: 9, wrong: 18 }
 */
export function offerRates(items: readonly WhoExample[]): OfferRate[] {
  const { offered, right } = offers(items);
  return [...offered.keys()].sort().map((key) => {
    const r = right.get(key) ?? 0;
    return { key, right: r, wrong: (offered.get(key) ?? 0) - r };
  });
}
