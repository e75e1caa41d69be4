/**
 * @module quiz-session: what the quiz pages and the quiz API share — the signing
 * secret, opening and sealing quiz tokens, starting and finishing an attempt.
 *
 * Tokens are verified with WebCrypto only: reading a token costs no KV operation.
 * Only finishing touches KV (through src/store/attempts.ts).
 */
import { pack } from "../content/pack";
import { newAttemptId } from "../domain/ids";
import {
  type AttemptResult,
  adoptResult,
  answeredCount,
  finish,
  isFinished,
  newAttemptState,
  parseQuizState,
  type QuizState,
  resultOf,
  type VerdictOf,
} from "../domain/quiz";
import { MIN_SECRET_LENGTH, signToken, type TokenProblem, verifyToken } from "../domain/token";
import { saveFinishedAttempt } from "../store/attempts";
import { saveClassAttempt } from "../store/classes";

/** A quiz token lasts this long from the START of its attempt; re-signing never extends it. */
export const TOKEN_LIFETIME_SECONDS = 6 * 60 * 60;

/** The page cookie's name; with Hono's "host" prefix it is sent as `__Host-quiz`. */
export const COOKIE_NAME = "quiz";

/** The verdict of a pack item, for the domain functions. */
export const verdictOf: VerdictOf = (itemId) => pack.itemById.get(itemId)?.verdict;

/** The signing secret, or null when it is missing or too short: the quiz then fails closed. */
export function quizSecret(env: Env): string | null {
  const secret = env.QUIZ_SECRET;
  return typeof secret === "string" && secret.length >= MIN_SECRET_LENGTH ? secret : null;
}

/** Why a token was refused: the token module's reasons, plus ones about its content. */
export type TokenRefusal = TokenProblem | "missing" | "not-a-quiz" | "pack-changed";

export type OpenedToken = { ok: true; state: QuizState } | { ok: false; reason: TokenRefusal };

// The token carries item ids as positions in the pack (base36, one or two characters
// each), not as ids: the pack version is in the token too, so the positions are exact,
// and the cookie sent with every request shrinks from about 1.2 KB to about 0.3 KB.
const ITEM_WIDTH = pack.items.length <= 36 ? 1 : 2;
const itemIndex = new Map(pack.items.map((item, index) => [item.id, index]));

function encodeItems(ids: readonly string[]): string {
  return ids.map((id) => (itemIndex.get(id) ?? -1).toString(36).padStart(ITEM_WIDTH, "0")).join("");
}

function decodeItems(code: unknown): string[] | null {
  if (typeof code !== "string" || code.length === 0 || code.length % ITEM_WIDTH !== 0) return null;
  const ids: string[] = [];
  for (let at = 0; at < code.length; at += ITEM_WIDTH) {
    const chunk = code.slice(at, at + ITEM_WIDTH);
    const id = /^[0-9a-z]+$/.test(chunk) ? pack.items[Number.parseInt(chunk, 36)]?.id : undefined;
    if (id === undefined) return null;
    ids.push(id);
  }
  return ids;
}

/** Verifies a token and checks that it holds a quiz state for the pack this Worker serves. */
export async function openToken(token: string | undefined, secret: string, nowMs = Date.now()): Promise<OpenedToken> {
  if (!token) return { ok: false, reason: "missing" };
  const verified = await verifyToken<unknown>(token, secret, Math.floor(nowMs / 1000));
  if (!verified.ok) return verified;
  const payload = verified.payload as Record<string, unknown> | null;
  if (typeof payload !== "object" || payload === null || payload.kind !== "quiz") {
    return { ok: false, reason: "not-a-quiz" };
  }
  // A deploy with a new pack invalidates attempts in progress: their items may have changed.
  if (payload.pack !== pack.version) return { ok: false, reason: "pack-changed" };
  const items = decodeItems(payload.items);
  const state = items && parseQuizState({ ...payload, items });
  return state ? { ok: true, state } : { ok: false, reason: "not-a-quiz" };
}

/** Epoch seconds at which an attempt's tokens expire. */
export function expiresAt(state: QuizState): number {
  return Math.floor(state.startedAt / 1000) + TOKEN_LIFETIME_SECONDS;
}

/** Signs a state; its expiry is fixed by the attempt's start. Items must come from the pack. */
export function sealToken(state: QuizState, secret: string): Promise<string> {
  if (state.pack !== pack.version || state.items.some((id) => !itemIndex.has(id))) {
    throw new Error("sealToken: the state's items are not in the pack this Worker serves.");
  }
  return signToken({ ...state, items: encodeItems(state.items) }, secret, expiresAt(state));
}

/** A new public attempt over every item of the pack, in pack order. */
export function startState(nowMs = Date.now()): QuizState {
  return newAttemptState({
    id: newAttemptId(nowMs),
    pack: pack.version,
    items: pack.items.map((item) => item.id),
    startedAt: nowMs,
  });
}

export type FinishOutcome =
  | { ok: true; state: QuizState; result: AttemptResult; stored: boolean }
  | { ok: false; problem: "nothing-answered" | "rate-limited" };

/**
 * Finishes an attempt: stores it once (one KV get, at most one put) and returns
 * the result that counts — the first one stored for this attempt.
 * A state that is already finished was stored before its token was signed, so
 * it is answered from the token alone, with no KV operation.
 * Throws KvUnavailableError when KV fails; the caller's token is untouched.
 */
export async function finishAttempt(env: Env, state: QuizState, nowMs = Date.now()): Promise<FinishOutcome> {
  if (isFinished(state)) return { ok: true, state, result: resultOf(state, verdictOf), stored: false };
  if (answeredCount(state) === 0) return { ok: false, problem: "nothing-answered" };
  if (!(await allowWrite(env, state.id))) return { ok: false, problem: "rate-limited" };
  const result = resultOf(finish(state, nowMs), verdictOf);
  // A class attempt is stored on the student's own key under the class (store/classes.ts).
  const saved = result.class
    ? await saveClassAttempt(env.SCORES, result, nowMs)
    : await saveFinishedAttempt(env.SCORES, result);
  return {
    ok: true,
    state: adoptResult(finish(state, nowMs), saved.result),
    result: saved.result,
    stored: saved.stored,
  };
}

/**
 * Asks the write limiter (keyed on the attempt, never on IP: a classroom shares
 * one address). If the limiter itself fails we let the write through: it guards
 * cost, not correctness, and KV's own per-key limit still applies.
 */
async function allowWrite(env: Env, attemptId: string): Promise<boolean> {
  try {
    const { success } = await env.WRITE_LIMITER.limit({ key: `quiz-finish:${attemptId}` });
    return success;
  } catch (error) {
    console.error("WRITE_LIMITER failed; allowing the write", error);
    return true;
  }
}
