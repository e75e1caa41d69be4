/**
 * @module quiz service: the quiz use cases the pages and the JSON API share — start,
 * answer, finish — and the view-models both render (feedback, result).
 *
 * Only finishing touches KV, through src/store/attempts.ts; a class attempt's answers and finish go
 * through its class's Durable Object (class-play.ts).
 */
import { pack } from "../content/pack";
import { articleQuotes } from "../content/quotes";
import { type ItemTexts, itemTexts, textsOf } from "../content/texts";
import type { Confidence } from "../domain/calibration";
import { type FormRef, publicForm, runFormSizes } from "../domain/forms";
import { newAttemptId } from "../domain/ids";
import { mayReveal, type Pace, paceDone, pacedNextPosition } from "../domain/pace";
import {
  type AttemptResult,
  adoptResult,
  answeredCount,
  answerItem,
  answerOf,
  confidenceOf,
  finish,
  isFinished,
  newAttemptState,
  nextItem,
  type QuizState,
  resultOf,
  whoPickOf,
  withEstimate,
} from "../domain/quiz";
import type { ClassPhase } from "../domain/room";
import type { Judgement } from "../domain/scoring";
import { saveFinishedAttempt } from "../store/attempts";
import { classEnded, notAdmitted, nothingAnswered, settingsChanged } from "./class-errors";
import { paceOf, roomStatus } from "./class-live";
import { type ClassFinish, finishClassAttempt, recordClassAnswer } from "./class-play";
import { AppError } from "./errors";

export { type ResultView, resultView } from "./result-view";

import { limit } from "./limits";
import { formPlanSeed, sealToken } from "./quiz-token";
import { verdictOf } from "./verdicts";
import { whoChoicesOf, whoNotAsked, whoPlanOf, whoPosition } from "./who-says";

export { verdictOf };

/** A statement to judge, without its verdict. */
export interface StatementView {
  id: string;
  position: number;
  statement: string;
  /** What the report says: the article's sentences shown before answering. */
  context: string;
  /** "Who says so?": the three choices in the order shown; absent when the attempt does not ask it. */
  who?: { choices: WhoOption[] };
}

/** A "who says so?" choice as pages and clients see it: the key to send back, the words to show. */
export interface WhoOption {
  key: string;
  label: string;
}

/**
 * Whether the attempt's questions show "What the report says": always, except in a class the
 * teacher set to statements only (its students have read the article; the feedback still shows it).
 * @example reportShown({ ...state, class: { code: "ABC234", nick: "Ada", statementsOnly: true } }) // false
 */
export function reportShown(state: Pick<QuizState, "class">): boolean {
  return state.class?.statementsOnly !== true;
}

/**
 * What a statement shows before it is answered, as this attempt sees it: its words, and the
 * report's sentences unless the class is set to statements only (then "").
 * @example askedTexts(state, texts, "seventy-attackers-killed").context // "" in a statements-only class
 */
export function askedTexts(
  state: Pick<QuizState, "class">,
  texts: ReadonlyMap<string, ItemTexts>,
  itemId: string,
): { statement: string; context: string } {
  const { statement, context } = textsOf(texts, itemId);
  return { statement, context: reportShown(state) ? context : "" };
}

/**
 * The first unanswered statement, or null when all are answered (the statements are read once per
 * isolate from a static file; a ContentUnavailableError, a 503, if they cannot be). In a
 * teacher-paced class: the open statement if it is unanswered, else the one the teacher opens
 * next, so a late joiner starts where the class is; `pace` saves asking the class's object.
 * @example (await nextStatement(c.env, state))?.position // 3 after two answers
 */
export async function nextStatement(env: Env, state: QuizState, pace?: Pace | null): Promise<StatementView | null> {
  const next = state.class?.paced ? pacedNext(state, pace ?? (await paceOf(env, state.class.code))) : nextItem(state);
  if (!next || !pack.itemById.has(next.itemId)) return null;
  const texts = await itemTexts(env.ASSETS);
  const view: StatementView = { id: next.itemId, position: next.position, ...askedTexts(state, texts, next.itemId) };
  const who = state.who === undefined ? undefined : (await whoPlanOf(env)).get(next.itemId);
  if (who) view.who = { choices: who.choices.map(({ key, label }) => ({ key, label })) };
  return view;
}

/** The statement of a teacher-paced class this attempt answers next (domain/pace.ts). */
function pacedNext(state: QuizState, pace: Pace): { itemId: string; position: number } | null {
  if (isFinished(state)) return null;
  const position = pacedNextPosition(pace, (p) => state.answers[p - 1] !== "-", state.items.length);
  const itemId = position === null ? undefined : state.items[position - 1];
  return position === null || itemId === undefined ? null : { itemId, position };
}

/** A fresh run for a reader starting from the beginning: a random 32-bit seed. */
function freshForm(): FormRef {
  return { seed: crypto.getRandomValues(new Uint32Array(1))[0] ?? 0, index: 0, run: 2 };
}

/** The forms of every public run of this pack: one statement per draw group (domain/forms.ts). */
const runForms = runFormSizes(pack.items);

/** How many statements a public form plays: the run's first form. */
export const publicFormSize = runForms[0] ?? 0;

/** The sizes of the forms a run plays after its first, in order (e.g. [10, 7]). */
export const laterFormSizes: readonly number[] = runForms.slice(1);

/**
 * The form "10 more" plays after `state`: the next of its run, or null when the reader has seen
 * every statement of the run (or the attempt is not a public form, or a form of the cut of before,
 * which no run continues).
 * @example nextFormOf(state) // { seed: 1234, index: 1, run: 2 }
 */
export function nextFormOf(state: QuizState): FormRef | null {
  if (!state.form || state.class || state.form.run !== 2) return null;
  const index = state.form.index + 1;
  return index < runForms.length ? { seed: state.form.seed, index, run: 2 } : null;
}

/**
 * Where a finished public form leaves its reader in the run: the next form's size (null: the run is
 * done), the statements seen so far and the run's length; undefined for a class attempt or a form of
 * the cut of before.
 * @example runProgress(state) // { next: 10, seen: 10, total: 27 }
 */
export function runProgress(state: QuizState): { next: number | null; seen: number; total: number } | undefined {
  if (!state.form || state.class || state.form.run !== 2) return undefined;
  const next = nextFormOf(state);
  const seen = runForms.slice(0, state.form.index + 1).reduce((sum, size) => sum + size, 0);
  const total = runForms.reduce((sum, size) => sum + size, 0);
  return { next: next ? (runForms[next.index] ?? null) : null, seen, total };
}

/**
 * A new public attempt over one form of a run (a fresh run's first, or `form` for "10 more") and
 * its token. The form's statements come from the run's plan, drawn from the seed keyed with the
 * secret (formPlanSeed). Throws a 503 AppError when the pack has no statements, a 409 when `form` is
 * past the run's last form (the reader has seen every statement of the run), and a 429 when this client address has started
 * too many quizzes in a minute. `options`: the self-estimate sent with the start, and whether to ask "who says so?".
 * @example const { state, token } = await startAttempt(c.env, clientAddress(c), secret);
 */
export async function startAttempt(
  env: Env,
  client: string,
  secret: string,
  nowMs = Date.now(),
  form: FormRef = freshForm(),
  options: { estimate?: number | undefined; who?: boolean } = {},
): Promise<{ state: QuizState; token: string }> {
  const { estimate, who = false } = options;
  await limit(env, "quiz-start", client, "Many quizzes have been started from your network in the last minute.");
  if (pack.items.length === 0) {
    throw new AppError(503, {
      slug: "quiz-unavailable",
      title: "The quiz is unavailable",
      detail: "The quiz has no statements yet.",
    });
  }
  const items = form.run === 2 ? publicForm(pack.items, await formPlanSeed(secret, form.seed), form.index) : null;
  if (!items) {
    throw new AppError(409, {
      slug: "pack-done",
      title: "Every statement has been played",
      detail: "You have seen every statement of this run. Start a new attempt without `after` to play a new run.",
      field: "body.after",
    });
  }
  const fresh = newAttemptState({ id: newAttemptId(nowMs), pack: pack.version, items, startedAt: nowMs, form, who });
  const state = estimate === undefined ? fresh : estimated(fresh, estimate);
  return { state, token: await sealToken(state, secret) };
}

/**
 * The state with the reader's self-estimate. Throws a 409 AppError once a statement is answered
 * or the attempt is finished (it is asked before the first statement), and a 422 when it is more
 * than the statements the attempt asks. A class attempt's estimate travels in its token and goes
 * to the class's object with the first answer (no request of its own).
 * @example const state = estimated(opened.state, 7);
 */
export function estimated(state: QuizState, estimate: number): QuizState {
  if (!Number.isInteger(estimate) || estimate < 0 || estimate > state.items.length) {
    throw new AppError(422, {
      slug: "estimate-out-of-range",
      title: "That estimate does not fit this attempt",
      detail: `This attempt asks ${state.items.length} statements: estimate a whole number from 0 to ${state.items.length}.`,
      field: "body.estimate",
    });
  }
  const next = withEstimate(state, estimate);
  if (next) return next;
  throw new AppError(409, {
    slug: "estimate-too-late",
    title: "The estimate comes before the first answer",
    detail: "This attempt has answers already (or is finished): the self-estimate is asked before the first statement.",
    field: "body.estimate",
  });
}

/** What the feedback on one answer shows: the verdict, why, and the quote in its paragraph. */
export interface FeedbackView {
  itemId: string;
  statement: string;
  answer: Judgement;
  verdict: Judgement;
  correct: boolean;
  claimant: ItemTexts["claimant"];
  quote: string;
  /** The article paragraph holding the quote, and where the quote sits in it. */
  paragraph: { text: string; quoteStart: number; quoteEnd: number };
  explanation: string;
  check: string;
  card: { slug: string; title: string; url: string; page: string };
  /** "Who says so?" (asked attempts only): the pick (null: not said), the right voice, and whether they match. */
  who?: { picked: WhoOption | null; right: WhoOption; correct: boolean | null };
}

/** An answer in a teacher-paced class before the teacher closes its statement: no verdict yet. */
export interface HeldFeedbackView {
  itemId: string;
  statement: string;
  answer: Judgement;
  held: true;
}

/**
 * The feedback on an answer, or (`held`: a teacher-paced statement still open) the answer alone,
 * so nobody with the API learns the verdict before the class does.
 * @example await answerFeedback(c.env, itemId, answered)
 */
export async function answerFeedback(
  env: Env,
  itemId: string,
  answered: { answer: Judgement; held: boolean; state: QuizState },
): Promise<FeedbackView | HeldFeedbackView> {
  if (!answered.held) return feedbackOf(env, itemId, answered.answer, answered.state);
  const { statement } = textsOf(await itemTexts(env.ASSETS), itemId);
  return { itemId, statement, answer: answered.answer, held: true };
}

/**
 * The feedback on an answer to a pack item (its explanation and check, and the article, are read
 * once per isolate from static files; a ContentUnavailableError, a 503, if they cannot be).
 * With `state` of an attempt that asks "who says so?", the feedback carries that part too.
 * @example (await feedbackOf(c.env, "evacuation-order", "verified")).correct
 */
export async function feedbackOf(
  env: Env,
  itemId: string,
  answer: Judgement,
  state?: Pick<QuizState, "items" | "who">,
): Promise<FeedbackView> {
  const [allTexts, quotes] = await Promise.all([itemTexts(env.ASSETS), articleQuotes(env.ASSETS)]);
  const texts = textsOf(allTexts, itemId);
  const item = pack.itemById.get(itemId);
  if (!item) throw new Error(`Unknown item ${itemId}`);
  const quote = quotes.quote(item.location);
  // Without its paragraph (never expected: the build checks every quote), the quote stands alone.
  const paragraph = quotes.paragraph(item.location) ?? { text: quote, quoteStart: 0, quoteEnd: quote.length };
  const view: FeedbackView = {
    itemId,
    statement: texts.statement,
    answer,
    verdict: item.verdict,
    correct: answer === item.verdict,
    claimant: texts.claimant,
    quote,
    paragraph,
    explanation: texts.explanation,
    check: texts.check,
    card: {
      slug: item.lesson,
      title: pack.cardBySlug.get(item.lesson)?.title ?? item.lesson,
      url: `/api/v1/cards/${item.lesson}`,
      page: `/cards/${item.lesson}`,
    },
  };
  const plan = state?.who === undefined ? undefined : (await whoPlanOf(env)).get(itemId);
  if (state && plan) {
    const pick = whoPickOf(state, itemId);
    const option = (index: number) => {
      const voice = plan.choices[index];
      return voice ? { key: voice.key, label: voice.label } : null;
    };
    const right = option(plan.right);
    if (right)
      view.who = {
        picked: pick === null ? null : option(pick),
        right,
        correct: pick === null ? null : pick === plan.right,
      };
  }
  return view;
}

/**
 * Answers one statement. The first answer stands: answering again changes nothing
 * (`repeated`). In a class the class's object holds the first answer, so an older token gets the
 * recorded one back (and a token that carries it). `token` is null when the state did not change:
 * keep the one you have. Teacher-paced: `pace` is where the class is, and `held` says the verdict
 * waits until the teacher shows its answer. Throws a 409 AppError for a finished attempt, a class still in its
 * lobby or ended (class-ended: the pages then show the result), or (teacher-paced) a statement that is not open, and a 422 for an item not in it.
 * `confidence` is kept with a first answer (in a class, by the class's object, with the answer:
 * teacher-paced, it reveals nothing); the result says the one that stands. `who` (a voice key, for
 * an attempt started with "who says so?", or of a class set to ask it) likewise, its position kept
 * by the class's object too; a 422 for a key that is not one of the item's choices, or for an
 * attempt that does not ask it (a class without the setting). Refusals record nothing.
 * @example const { answer, token } = await answerStatement(c.env, secret, state, itemId, "verified");
 */
export async function answerStatement(
  env: Env,
  secret: string,
  state: QuizState,
  itemId: string,
  answer: Judgement,
  confidence: Confidence | null = null,
  who: string | null = null,
): Promise<{
  state: QuizState;
  answer: Judgement;
  confidence: Confidence | null;
  repeated: boolean;
  token: string | null;
  pace: Pace | null;
  held: boolean;
}> {
  let given = answer;
  let sure = confidence;
  let first: boolean | null = null;
  let pace: Pace | null = null;
  const cls = state.class;
  if (who !== null && state.who === undefined) throw whoNotAsked("body.who");
  const whoPick =
    who === null || !state.items.includes(itemId) || !pack.itemById.has(itemId)
      ? null
      : whoPosition(await whoChoicesOf(env, itemId), who, "body.who");
  // In a class the object's recorded pick stands, as its answer does (an older token gets it back).
  let picked = whoPick;
  if (cls && state.items.includes(itemId) && verdictOf(itemId) && answerOf(state, itemId) === null) {
    const recorded = await recordClassAnswer(env, { ...state, class: cls }, itemId, answer, confidence, whoPick);
    if ("finished" in recorded) throw attemptFinished();
    if ("closed" in recorded) throw statementClosed();
    if ("lobby" in recorded) throw notStarted();
    if ("ended" in recorded) throw classEnded({ code: cls.code, name: "" }, 409);
    if ("waiting" in recorded) throw notAdmitted();
    if ("stale" in recorded) throw settingsChanged();
    given = recorded.answer;
    sure = recorded.confidence;
    picked = recorded.whoPick;
    first = recorded.first;
    pace = recorded.pace ?? null;
  }
  const outcome = answerItem(state, itemId, given, verdictOf, sure, picked);
  if (!outcome.ok && outcome.problem === "finished") throw attemptFinished();
  if (!outcome.ok) {
    throw new AppError(422, {
      slug: "item-not-in-attempt",
      title: "That item is not in this attempt",
      detail: `This attempt has no item "${itemId}". GET /api/v1/quiz lists the statements.`,
      field: "body.itemId",
    });
  }
  // A repeat from a token that has the answer did not ask the object: ask where the class is.
  if (cls?.paced && pace === null) pace = await paceOf(env, cls.code);
  return {
    pace,
    held: pace !== null && !mayReveal(pace, state.items.indexOf(itemId) + 1),
    state: outcome.state,
    // The first answer stands: on a repeat this is the recorded one, not the one just sent.
    answer: outcome.result.answer,
    confidence: confidenceOf(outcome.state, itemId),
    repeated: first === null ? outcome.repeated : !first,
    token: outcome.repeated ? null : await sealToken(outcome.state, secret),
  };
}

/**
 * What of a finished attempt the class may see now: null when all of it (the public quiz, a
 * student-paced class, a teacher-paced one that has shown every answer or was ended), else which
 * positions have had their answer shown. One object request for a teacher-paced class; none otherwise.
 * @example const shown = await shownNow(c.env, state); // null, or (position) => boolean
 */
export async function shownNow(env: Env, state: QuizState): Promise<((position: number) => boolean) | null> {
  if (!state.class?.paced) return null;
  const { phase, pace } = await roomStatus(env, state.class.code);
  if (phase === "ended" || paceDone(pace, state.items.length)) return null;
  return (position) => mayReveal(pace, position);
}

/** The class waits in its lobby for the teacher's Start (the pages send the student back there). */
function notStarted(): AppError {
  return new AppError(409, {
    slug: "class-not-started",
    title: "Your teacher has not started the class yet",
    detail: "Wait for your teacher to start the class, then answer. Nothing was recorded.",
    field: "body.token",
  });
}

/** A teacher-paced class is on another statement (the pages send the student to the current one). */
function statementClosed(): AppError {
  return new AppError(409, {
    slug: "statement-closed",
    title: "This statement is not open",
    detail: "Your teacher opens one statement at a time. Answer the statement that is open now.",
    field: "body.itemId",
  });
}

function attemptFinished(): AppError {
  return new AppError(409, {
    slug: "attempt-finished",
    title: "This attempt is finished",
    detail: "A finished attempt takes no new answers. Start a new attempt to play again.",
    field: "body.token",
  });
}

/** A finished attempt: the state to seal, the result that counts, whether this call stored it. */
export interface Finished {
  state: QuizState;
  result: AttemptResult;
  stored: boolean;
  /** A class attempt the object finished: where the class was then (a teacher-paced result page needs it). */
  status?: { phase: ClassPhase; pace: Pace };
}

/**
 * Finishes in flight in this isolate, by attempt id: a double-click or two tabs finishing
 * together share one KV get and one put and get the same result. Deleted once settled.
 */
const finishing = new Map<string, Promise<ClassFinish>>();

/**
 * Finishes an attempt: stores it once and returns the result that counts — the first
 * one stored for this attempt. A state that is already finished was stored before its
 * token was signed, so it is answered from the token alone, with no KV operation.
 * Throws a 409 AppError when nothing is answered, a 429 when finished too often, and
 * KvUnavailableError (a 503) when KV fails; the caller's token is untouched.
 * Two limits apply to a write: one per attempt, one per client address (a school shares one).
 * @example const { state, result } = await finishAttempt(c.env, clientAddress(c), state);
 */
export async function finishAttempt(env: Env, client: string, state: QuizState, nowMs = Date.now()): Promise<Finished> {
  if (isFinished(state)) return { state, result: resultOf(state, verdictOf), stored: false };
  // A class token may lag its object (a lost response): the object finishes from its record.
  if (answeredCount(state) === 0 && !state.class) throw nothingAnswered();
  let saving = finishing.get(state.id);
  if (!saving) {
    saving = store(env, client, state, nowMs);
    finishing.set(state.id, saving);
    const forget = () => finishing.delete(state.id);
    saving.then(forget, forget);
  }
  const saved = await saving;
  return { ...saved, state: adoptResult(finish(state, nowMs), saved.result) };
}

async function store(env: Env, client: string, state: QuizState, nowMs: number): Promise<ClassFinish> {
  // A class attempt is recorded by the class's object, then written to the student's own key once
  // (so a class's writes are bounded by its size): a whole school behind one address finishes on
  // the allowance its classes' answers share (2,000 a minute); a public attempt is a KV write each
  // (60 a minute).
  const why = "Many quizzes have been finished from your network in the last minute.";
  const cls = state.class;
  await limit(env, cls ? "class-play-address" : "quiz-finish", client, why);
  await limit(
    env,
    "attempt-finish",
    state.id,
    "This attempt was finished too often in a short time. Your answers are safe:",
  );
  return cls
    ? finishClassAttempt(env, { ...state, class: cls }, verdictOf, nowMs)
    : saveFinishedAttempt(
        env.SCORES,
        resultOf(finish(state, nowMs), verdictOf),
        pack.items.map((item) => item.id),
      );
}
