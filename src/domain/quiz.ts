/**
 * @module quiz: the flow of one quiz attempt as a pure value (the signed token's payload).
 *
 * The state holds the attempt id, the pack version, the ordered item ids of this
 * attempt and one character per item for the answers so far. Every function here
 * returns a new state and never touches the network: routes sign and store it.
 */
import { CONFIDENCE_LEVELS, type Confidence } from "./calibration";
import type { FormRef } from "./forms";
import { normalizeRejoinCode } from "./ids";
import { type Judgement, roundScore, type Score, scoreAnswers } from "./scoring";

/** What a reader said about an item: "v" verified, "u" unverified, "-" not yet answered. */
export type AnswerChar = "v" | "u" | "-";

/** How sure a reader said they were of an item: "s" sure, "f" fairly sure, "g" guessing, "-" not said. */
export type ConfidenceChar = "s" | "f" | "g" | "-";

/** The in-progress (or finished) state of one attempt, as carried in its token. */
export interface QuizState {
  /** Token purpose: a token signed for anything else with the same secret is refused. */
  kind: "quiz";
  /** Attempt id: time-ordered, ≥ 128 random bits (see ids.ts). */
  id: string;
  /** The content pack version the attempt is played on. */
  pack: string;
  /** Item ids in the order this attempt asks them. */
  items: string[];
  /** One AnswerChar per item, in the order of `items`. */
  answers: string;
  /** Epoch milliseconds when the attempt started; the token expires a fixed time after it. */
  startedAt: number;
  /** Epoch milliseconds of the first finish; set once, never changed. */
  finishedAt?: number;
  /** Classroom context (set by the classroom mode; the public quiz leaves it out). `paced`: the teacher moves the class. */
  class?: ClassContext;
  /** The public quiz's form: which cut of the pack (`seed`) and which form of it; "10 more" plays the next. */
  form?: FormRef;
  /** How many of the form the reader expected to get right, asked before the first statement (absent: skipped). */
  estimate?: number;
  /** One ConfidenceChar per item, in the order of `items`; absent until a confidence is given. */
  confidences?: string;
  /**
   * "Who says so?" is asked (the reader ticked it at the start): one WhoChar per item, in the order
   * of `items`. Absent: not asked.
   */
  who?: string;
}

/** Which of an item's "who says so?" choices the reader picked: "0", "1" or "2" (their order shown), "-" not said. */
export type WhoChar = "0" | "1" | "2" | "-";

/**
 * A class attempt's class: its code, the student's nickname, whether the teacher paces it, and
 * the student's code to get back in (`back`; absent for a student who joined before codes).
 */
export interface ClassContext {
  code: string;
  nick: string;
  paced?: true;
  back?: string;
  /** The settings' change number the student was seated under (absent: 0, as the class was created). */
  rev?: number;
  /**
   * The class has a check-in and check-out (absent: none): how many of the two the student is past
   * (0 none, 1 the check-in, 2 both), so the pages send them there without asking the class's object.
   */
  check?: number;
  /** The class shows statements without the report (the teacher's "statements only"); absent: with it. */
  statementsOnly?: true;
}

/** The outcome of answering one item. */
export interface ItemResult {
  itemId: string;
  answer: Judgement;
  verdict: Judgement;
  correct: boolean;
}

/** One line of a finished attempt's review; `answer` is null for an item left unanswered. */
export interface ReviewLine {
  itemId: string;
  answer: Judgement | null;
  verdict: Judgement;
  correct: boolean | null;
}

/** A finished attempt as stored and returned: everything the result page and the API show. */
export interface AttemptResult {
  attemptId: string;
  packVersion: string;
  /** The ids of the attempt's form, in the order asked (attempts before forms: the whole pack). */
  items: string[];
  answers: string;
  startedAt: number;
  finishedAt: number;
  /** The score with fractional figures rounded to two places. */
  score: Score;
  class?: { code: string; nick: string };
  /** The public form played (absent for class attempts and attempts stored before forms). */
  form?: FormRef;
  /** The self-estimate (absent: skipped, a class attempt, or stored before estimates). */
  estimate?: number;
  /** One ConfidenceChar per item, in the order of `items` (absent: none given, or stored before confidences). */
  confidences?: string;
  /** One WhoChar per item, in the order of `items` (absent: "who says so?" not asked, or stored before it). */
  who?: string;
}

/** Looks up an item's verdict; undefined for an id the pack does not hold. */
export type VerdictOf = (itemId: string) => Judgement | undefined;

/** Most items an attempt may hold; a bound on token size, far above any pack. */
export const MAX_ATTEMPT_ITEMS = 100;

const ATTEMPT_ID = /^[0-9a-z]{9}[a-z2-7]{26}$/;
const ITEM_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const ANSWERS = /^[vu-]*$/;
const CONFIDENCES = /^[sfg-]*$/;
const WHO = /^[012-]*$/;

/** The character each confidence is kept as (in tokens, results and the class's object). */
export const CONFIDENCE_CHARS: Readonly<Record<Confidence, "s" | "f" | "g">> = {
  sure: "s",
  fairly: "f",
  guessing: "g",
};
const CONFIDENCE_CHAR: Record<Confidence, ConfidenceChar> = CONFIDENCE_CHARS;

/** The confidence a character stands for; null for "-" (not said) or anything else. */
export function confidenceOfChar(char: string | undefined): Confidence | null {
  return CONFIDENCE_LEVELS.find((level) => CONFIDENCE_CHAR[level] === char) ?? null;
}

function toChar(answer: Judgement): AnswerChar {
  return answer === "verified" ? "v" : "u";
}

function fromChar(char: string | undefined): Judgement | null {
  if (char === "v") return "verified";
  if (char === "u") return "unverified";
  return null;
}

/**
 * A fresh attempt over `items` (in the order to ask them).
 * @example newAttemptState({ id: newAttemptId(Date.now()), pack: "2026-11-25.1", items: ["a", "b"], startedAt: Date.now() })
 */
export function newAttemptState(input: {
  id: string;
  pack: string;
  items: readonly string[];
  startedAt: number;
  class?: ClassContext;
  form?: FormRef;
  /** Ask "who says so?" with every statement. */
  who?: boolean;
}): QuizState {
  if (input.items.length === 0 || input.items.length > MAX_ATTEMPT_ITEMS) {
    throw new RangeError(`An attempt needs 1 to ${MAX_ATTEMPT_ITEMS} items.`);
  }
  if (new Set(input.items).size !== input.items.length) throw new RangeError("An attempt cannot repeat an item.");
  const state: QuizState = {
    kind: "quiz",
    id: input.id,
    pack: input.pack,
    items: [...input.items],
    answers: "-".repeat(input.items.length),
    startedAt: input.startedAt,
  };
  if (input.class) state.class = classContext(input.class);
  if (input.form) state.form = formCopy(input.form);
  if (input.who) state.who = "-".repeat(input.items.length);
  return state;
}

/**
 * Checks that a verified token payload has the shape of a quiz state. Signed
 * payloads are ours, but a token signed for another purpose (or by an older
 * release) must not be mistaken for one. Returns null when it is not.
 */
export function parseQuizState(payload: unknown): QuizState | null {
  if (typeof payload !== "object" || payload === null) return null;
  const p = payload as Record<string, unknown>;
  if (p.kind !== "quiz" || typeof p.id !== "string" || !ATTEMPT_ID.test(p.id)) return null;
  if (typeof p.pack !== "string" || p.pack.length === 0 || p.pack.length > 40) return null;
  if (!Array.isArray(p.items) || p.items.length === 0 || p.items.length > MAX_ATTEMPT_ITEMS) return null;
  const items: string[] = [];
  for (const item of p.items) {
    if (typeof item !== "string" || item.length > 80 || !ITEM_ID.test(item)) return null;
    items.push(item);
  }
  if (new Set(items).size !== items.length) return null;
  if (typeof p.answers !== "string" || p.answers.length !== items.length || !ANSWERS.test(p.answers)) return null;
  if (!Number.isSafeInteger(p.startedAt) || (p.startedAt as number) < 0) return null;
  const state: QuizState = {
    kind: "quiz",
    id: p.id,
    pack: p.pack,
    items,
    answers: p.answers,
    startedAt: p.startedAt as number,
  };
  if (p.finishedAt !== undefined) {
    if (!Number.isSafeInteger(p.finishedAt) || (p.finishedAt as number) < state.startedAt) return null;
    state.finishedAt = p.finishedAt as number;
  }
  if (p.class !== undefined) {
    const cls = p.class as Record<string, unknown> | null;
    if (typeof cls !== "object" || cls === null || typeof cls.code !== "string" || typeof cls.nick !== "string") {
      return null;
    }
    if (cls.back !== undefined && (typeof cls.back !== "string" || normalizeRejoinCode(cls.back) !== cls.back))
      return null;
    state.class = classContext({
      code: cls.code,
      nick: cls.nick,
      paced: cls.paced === true || undefined,
      back: typeof cls.back === "string" ? cls.back : undefined,
      rev: Number.isSafeInteger(cls.rev) && (cls.rev as number) > 0 ? (cls.rev as number) : undefined,
      check: cls.check === 0 || cls.check === 1 || cls.check === 2 ? cls.check : undefined,
      statementsOnly: cls.statementsOnly === true || undefined,
    });
  }
  if (p.form !== undefined) {
    const form = parseFormRef(p.form);
    if (!form) return null;
    state.form = form;
  }
  if (p.estimate !== undefined) {
    if (!isEstimate(p.estimate, items.length)) return null;
    state.estimate = p.estimate;
  }
  if (p.confidences !== undefined) {
    const c = p.confidences;
    if (typeof c !== "string" || c.length !== items.length || !CONFIDENCES.test(c)) return null;
    state.confidences = c;
  }
  if (p.who !== undefined) {
    if (typeof p.who !== "string" || p.who.length !== items.length || !WHO.test(p.who)) return null;
    state.who = p.who;
  }
  return state;
}

/** True for a self-estimate a form of `total` statements can take: a whole number from 0 to `total`. */
export function isEstimate(value: unknown, total: number): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= total;
}

/**
 * The state with the reader's self-estimate, or null when it can no longer be given: once a
 * statement is answered (it is asked before the first) or the attempt is finished. Before that
 * a new estimate replaces the last, as nothing has been revealed yet.
 * @example withEstimate(state, 7)?.estimate // 7
 */
export function withEstimate(state: QuizState, estimate: number): QuizState | null {
  if (isFinished(state) || answeredCount(state) > 0 || !isEstimate(estimate, state.items.length)) return null;
  return { ...state, estimate };
}

/** The confidence given for an item, or null when none was said (or it is not in the attempt). */
export function confidenceOf(state: Pick<QuizState, "items" | "confidences">, itemId: string): Confidence | null {
  const index = state.items.indexOf(itemId);
  return index === -1 ? null : confidenceOfChar(state.confidences?.[index]);
}

/** The "who says so?" choice picked for an item (0-based, in the order shown), or null: not said, not asked. */
export function whoPickOf(state: Pick<QuizState, "items" | "who">, itemId: string): number | null {
  const char = state.who?.[state.items.indexOf(itemId)];
  return char === "0" || char === "1" || char === "2" ? Number(char) : null;
}

/** A form reference from a payload: a 32-bit unsigned seed and a form index; null when it is not one. */
export function parseFormRef(value: unknown): FormRef | null {
  if (typeof value !== "object" || value === null) return null;
  const { seed, index } = value as Record<string, unknown>;
  if (!Number.isInteger(seed) || (seed as number) < 0 || (seed as number) > 0xffffffff) return null;
  if (!Number.isInteger(index) || (index as number) < 0 || (index as number) >= MAX_ATTEMPT_ITEMS) return null;
  const { run } = value as Record<string, unknown>;
  if (run !== undefined && run !== 2) return null;
  return formCopy({ seed: seed as number, index: index as number, run });
}

/** A copy with only the known fields (`run` only when set, so forms of before stay as they were). */
function formCopy(form: FormRef): FormRef {
  return form.run === 2 ? { seed: form.seed, index: form.index, run: 2 } : { seed: form.seed, index: form.index };
}

/** A copy with only the known fields (`paced` only when true, so student-paced tokens stay as they were). */
function classContext(cls: {
  code: string;
  nick: string;
  paced?: true | undefined;
  back?: string | undefined;
  rev?: number | undefined;
  check?: number | undefined;
  statementsOnly?: true | undefined;
}): ClassContext {
  const context: ClassContext = { code: cls.code, nick: cls.nick };
  if (cls.paced) context.paced = true;
  if (cls.back) context.back = cls.back;
  if (cls.rev) context.rev = cls.rev;
  if (cls.check !== undefined) context.check = cls.check;
  if (cls.statementsOnly) context.statementsOnly = true;
  return context;
}

/** The answer given to an item, or null if it has not been answered (or is not in the attempt). */
export function answerOf(state: QuizState, itemId: string): Judgement | null {
  const index = state.items.indexOf(itemId);
  return index === -1 ? null : fromChar(state.answers[index]);
}

/** How many items have been answered. */
export function answeredCount(state: QuizState): number {
  let n = 0;
  for (const char of state.answers) if (char !== "-") n++;
  return n;
}

/** True once the attempt has been finished (completed or stopped early). */
export function isFinished(state: QuizState): boolean {
  return state.finishedAt !== undefined;
}

/** The first unanswered item and its 1-based position, or null when all are answered. */
export function nextItem(state: QuizState): { itemId: string; position: number } | null {
  const index = state.answers.indexOf("-");
  const itemId = index === -1 ? undefined : state.items[index];
  return itemId === undefined ? null : { itemId, position: index + 1 };
}

/** Why an answer was refused. */
export type AnswerProblem = "not-in-attempt" | "unknown-item" | "finished";

/**
 * Answers one item. An item already answered returns the state unchanged and
 * its ORIGINAL result (`repeated: true`), whatever the new answer: the Back
 * button cannot change an answer. A finished attempt takes no new answers.
 */
export function answerItem(
  state: QuizState,
  itemId: string,
  answer: Judgement,
  verdictOf: VerdictOf,
  confidence: Confidence | null = null,
  whoPick: number | null = null,
): { ok: true; state: QuizState; result: ItemResult; repeated: boolean } | { ok: false; problem: AnswerProblem } {
  const index = state.items.indexOf(itemId);
  if (index === -1) return { ok: false, problem: "not-in-attempt" };
  const verdict = verdictOf(itemId);
  if (verdict === undefined) return { ok: false, problem: "unknown-item" };
  const earlier = fromChar(state.answers[index]);
  if (earlier !== null) {
    return {
      ok: true,
      state,
      result: { itemId, answer: earlier, verdict, correct: earlier === verdict },
      repeated: true,
    };
  }
  if (isFinished(state)) return { ok: false, problem: "finished" };
  const answers = state.answers.slice(0, index) + toChar(answer) + state.answers.slice(index + 1);
  const next: QuizState = { ...state, answers };
  if (confidence !== null) {
    const given = state.confidences ?? "-".repeat(state.items.length);
    next.confidences = given.slice(0, index) + CONFIDENCE_CHAR[confidence] + given.slice(index + 1);
  }
  // Kept only when asked: a pick is a position among the item's shown choices.
  if (state.who !== undefined && whoPick !== null && Number.isInteger(whoPick) && whoPick >= 0 && whoPick <= 2) {
    next.who = state.who.slice(0, index) + String(whoPick) + state.who.slice(index + 1);
  }
  return {
    ok: true,
    state: next,
    result: { itemId, answer, verdict, correct: answer === verdict },
    repeated: false,
  };
}

/** Every item of the attempt in order, with the answer given (null if none) and whether it was right. */
export function review(state: QuizState, verdictOf: VerdictOf): ReviewLine[] {
  return state.items.map((itemId, index) => {
    const answer = fromChar(state.answers[index]);
    // The route refuses states whose items the pack lacks, so the fallback is never shown.
    const verdict = verdictOf(itemId) ?? "unverified";
    return { itemId, answer, verdict, correct: answer === null ? null : answer === verdict };
  });
}

/** Scores the answered items only: a reader who stops early is scored on what they answered. */
export function summarize(state: QuizState, verdictOf: VerdictOf): Score {
  const answered = review(state, verdictOf).flatMap((line) =>
    line.answer === null ? [] : [{ verdict: line.verdict, answer: line.answer }],
  );
  return scoreAnswers(answered);
}

/** Marks the attempt finished at `now` (epoch ms); a finished state is returned unchanged. */
export function finish(state: QuizState, now: number): QuizState {
  return isFinished(state) ? state : { ...state, finishedAt: now };
}

/** The result to store and show for a finished state. */
export function resultOf(state: QuizState, verdictOf: VerdictOf): AttemptResult {
  if (state.finishedAt === undefined) throw new Error("resultOf needs a finished state.");
  const result: AttemptResult = {
    attemptId: state.id,
    packVersion: state.pack,
    items: [...state.items],
    answers: state.answers,
    startedAt: state.startedAt,
    finishedAt: state.finishedAt,
    score: roundScore(summarize(state, verdictOf)),
  };
  if (state.class) result.class = { code: state.class.code, nick: state.class.nick };
  if (state.form) result.form = formCopy(state.form);
  return { ...result, ...extrasOf(state) };
}

/** What the reader said besides the verdicts, which a state and its result share. */
type Extras = Pick<QuizState, "estimate" | "confidences" | "who">;

/** The extras that are present (an absent one stays absent, not undefined). */
function extrasOf(from: Extras): Extras {
  const extras: Extras = {};
  if (from.estimate !== undefined) extras.estimate = from.estimate;
  if (from.confidences !== undefined) extras.confidences = from.confidences;
  if (from.who !== undefined) extras.who = from.who;
  return extras;
}

/**
 * A finished result with only the statements at `shown` positions counted: the others read as not
 * answered and the score is recomputed, so a teacher-paced class's totals say nothing about a
 * statement whose answer the teacher has not shown yet.
 * @example resultShown(result, (position) => position <= 2, verdictOf).score.answered // ≤ 2
 */
export function resultShown(
  result: AttemptResult,
  shown: (position: number) => boolean,
  verdictOf: VerdictOf,
): AttemptResult {
  const answers = [...result.answers].map((a, i) => (shown(i + 1) ? a : "-")).join("");
  const state: QuizState = {
    kind: "quiz",
    id: result.attemptId,
    pack: result.packVersion,
    items: result.items,
    answers,
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
  };
  return { ...result, answers, score: roundScore(summarize(state, verdictOf)) };
}

/**
 * One answer character per id of `order` (the pack's ids): "-" for an item outside the attempt.
 * Reader statistics count per pack position, so a form's answers are stored in pack order.
 * @example answersInOrder({ items: ["b"], answers: "v" }, ["a", "b"]) // "-v"
 */
export function answersInOrder(result: Pick<AttemptResult, "items" | "answers">, order: readonly string[]): string {
  const given = new Map(result.items.map((id, index) => [id, result.answers[index] ?? "-"]));
  return order.map((id) => given.get(id) ?? "-").join("");
}

/**
 * The confidences laid out like answersInOrder, or undefined when the result has none.
 * @example confidencesInOrder({ items: ["b"], confidences: "s" }, ["a", "b"]) // "-s"
 */
export function confidencesInOrder(
  result: Pick<AttemptResult, "items" | "confidences">,
  order: readonly string[],
): string | undefined {
  const { confidences } = result;
  if (confidences === undefined) return undefined;
  return answersInOrder({ items: result.items, answers: confidences }, order);
}

/**
 * The state after a finish that lost the race: "first finish wins across tokens
 * of one attempt", so a later token adopts the stored answers and finish time.
 */
export function adoptResult(state: QuizState, stored: AttemptResult): QuizState {
  if (stored.attemptId !== state.id || stored.items.join() !== state.items.join()) return state;
  // The stored result's estimate, confidences and picks win too (absent there: absent here).
  const { estimate: _e, confidences: _c, who: _w, ...rest } = state;
  return { ...rest, answers: stored.answers, finishedAt: stored.finishedAt, ...extrasOf(stored) };
}
