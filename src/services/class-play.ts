/**
 * @module class-play: a class attempt's answers and finish go through the class's Durable Object,
 * whose record wins over the token: the first answer to each statement is final, and the finish
 * is recorded once (then written to KV once, for the board, the dashboard and later jobs).
 */

import { pack } from "../content/pack";
import type { Confidence } from "../domain/calibration";
import type { ClassRecord } from "../domain/class";
import type { Pace } from "../domain/pace";
import {
  type AttemptResult,
  CONFIDENCE_CHARS,
  confidenceOfChar,
  finish,
  type QuizState,
  resultOf,
  type VerdictOf,
} from "../domain/quiz";
import type { ClassPhase } from "../domain/room";
import type { Judgement } from "../domain/scoring";
import { deleteClassResult, getClass, putClassResult } from "../store/class-records";
import type { RoomFinish } from "../store/class-room";
import { inRoom } from "../store/room-calls";
import { nothingAnswered } from "./class-errors";

/** A class attempt's finish: the result that counts, whether this call stored it, and where the class was. */
export interface ClassFinish {
  result: AttemptResult;
  stored: boolean;
  status?: { phase: ClassPhase; pace: Pace };
}

/**
 * The answer the class's object records for a statement: `answer` if it is the first, else the
 * one recorded before (from an older token, a saved cookie, a second tab); `first` null when the
 * object keeps nothing for the class. `finished`: the object has this attempt's finish and no
 * answer for the statement (nothing new is recorded then); `closed`: a teacher-paced class is not
 * on this statement; `lobby`: the class waits for the teacher's Start; `ended`: the teacher ended
 * the class (nothing more is recorded); `waiting`: the teacher has not admitted the student yet;
 * `stale`: the token predates the teacher's change of settings; `pace`: where a teacher-paced class
 * is. `confidence` and `whoPick` (the "who says so?" choice's position, 0 to 2) go with the answer,
 * and the token's self-estimate with the first answer; the confidence and pick that come back are
 * the recorded ones (null: not said), like the answer.
 * @example const { answer, first } = await recordClassAnswer(env, state, "item-id", "verified", "sure");
 */
export async function recordClassAnswer(
  env: Env,
  state: QuizState & { class: { code: string; paced?: boolean; rev?: number } },
  itemId: string,
  answer: Judgement,
  confidence: Confidence | null = null,
  whoPick: number | null = null,
): Promise<
  | { answer: Judgement; confidence: Confidence | null; whoPick: number | null; first: boolean | null; pace?: Pace }
  | { finished: true }
  | { closed: true }
  | { lobby: true }
  | { ended: true }
  | { waiting: true }
  | { stale: true }
> {
  const char = answer === "verified" ? "v" : "u";
  // A teacher-paced class takes answers to the open statement only: the object checks its place.
  const at = state.class.paced ? state.items.indexOf(itemId) + 1 : undefined;
  const rev = state.class.rev ?? 0;
  const said = {
    ...(confidence ? { confidence: CONFIDENCE_CHARS[confidence] } : {}),
    ...(whoPick === 0 || whoPick === 1 || whoPick === 2 ? { who: String(whoPick) as "0" | "1" | "2" } : {}),
    ...(state.estimate === undefined ? {} : { estimate: state.estimate }),
  };
  const recorded = await inRoom(env, state.class.code, (room) => room.answer(state.id, itemId, char, at, rev, said));
  // A class from before the objects (or deleted meanwhile): the token alone, as before.
  if (!recorded.kept) return { answer, confidence, whoPick, first: null };
  if (recorded.lobby) return { lobby: true };
  if (recorded.ended) return { ended: true };
  if (recorded.waiting) return { waiting: true };
  if (recorded.stale) return { stale: true };
  if (recorded.answer === null) return recorded.closed ? { closed: true } : { finished: true };
  const given = recorded.answer === "v" ? "verified" : "unverified";
  const sure = confidenceOfChar(recorded.confidence ?? undefined);
  const picked = recorded.who === "0" || recorded.who === "1" || recorded.who === "2" ? Number(recorded.who) : null;
  return {
    answer: given,
    confidence: sure,
    whoPick: picked,
    first: recorded.first,
    ...(recorded.pace ? { pace: recorded.pace } : {}),
  };
}

/**
 * Finishes a class attempt: the object records the result once, from its recorded answers, and
 * exactly one caller writes it to KV (one put). A token that lags the object (a lost response)
 * finishes from what the object recorded; with nothing answered anywhere, a 409. A deleted class or a removed student stores nothing
 * (the student still sees their own result). `status`: where the class was as the object finished
 * it (absent when the object did not), for the result page to take instead of asking again.
 * @example const { result, stored } = await finishClassAttempt(env, state, verdictOf, Date.now());
 */
export async function finishClassAttempt(
  env: Env,
  state: QuizState & { class: { code: string } },
  verdictOf: VerdictOf,
  now: number,
): Promise<ClassFinish> {
  const own = (): ClassFinish => {
    if (!/[vu]/.test(state.answers)) throw nothingAnswered();
    return { result: resultOf(finish(state, now), verdictOf), stored: false };
  };
  const record = await getClass(env.SCORES, state.class.code);
  // Removals made before the object kept the roster are on the record.
  if (!record || record.removed.includes(state.id)) return own();
  const verdicts: Record<string, Judgement> = {};
  for (const id of state.items) {
    const verdict = verdictOf(id);
    if (verdict) verdicts[id] = verdict;
  }
  // RPC types a union result clumsily; the object returns a plain RoomFinish.
  const cls = { expiresAt: record.expiresAt };
  const done = await inRoom(
    env,
    record.code,
    async (room) => (await room.finish(cls, state, verdicts, now)) as RoomFinish,
  );
  if (!done.ok && done.refused === "empty") throw nothingAnswered();
  if (!done.ok) return own();
  if (done.save) {
    try {
      await putClassResult(env.SCORES, record, done.result, done.joinedAt ?? state.startedAt, now);
    } catch (error) {
      // Release the write, so the student's retry writes it.
      await inRoom(env, record.code, (room) => room.saved(state.id, false)).catch(() => undefined);
      throw error;
    }
    // Deleted meanwhile: the key just written must not outlive the class.
    const kept = await inRoom(env, record.code, (room) => room.saved(state.id, true));
    if (!kept) {
      await deleteClassResult(env.SCORES, record, done.result);
      return { result: done.result, stored: false, status: done.status };
    }
  }
  return { result: done.result, stored: done.first, status: done.status };
}

/**
 * The teacher ends the class: the object refuses joins and answers from now on and finishes every
 * student still playing with what they answered; each such result is written to the student's KV
 * key here, once (a second end, or a finish racing it, finds it recorded and leased). Returns how
 * many students this call finished and whether it was the first end.
 * @example const { finished } = await endClassRoom(env, record, verdictOf, Date.now());
 */
export async function endClassRoom(
  env: Env,
  record: ClassRecord,
  verdictOf: VerdictOf,
  now: number,
): Promise<{ first: boolean; finished: number }> {
  const verdicts: Record<string, Judgement> = {};
  for (const id of record.itemIds) {
    const verdict = verdictOf(id);
    if (verdict) verdicts[id] = verdict;
  }
  const cls = {
    expiresAt: record.expiresAt,
    code: record.code,
    pack: pack.version,
    itemIds: record.itemIds.filter((id) => pack.itemById.has(id)),
    paced: record.paced === true,
    who: record.who === true,
  };
  const ended = await inRoom(env, record.code, (room) => room.end(cls, verdicts, now));
  const writes = await Promise.allSettled(
    ended.save.map((s) => putClassResult(env.SCORES, record, s.result, s.joinedAt, now)),
  );
  const ids = (ok: boolean) =>
    ended.save.flatMap((s, i) => ((writes[i]?.status === "fulfilled") === ok ? [s.result.attemptId] : []));
  const kept =
    ended.save.length === 0 || (await inRoom(env, record.code, (room) => room.savedMany(ids(true), ids(false))));
  // Deleted meanwhile: the keys just written must not outlive the class.
  if (!kept) await Promise.all(ended.save.map((s) => deleteClassResult(env.SCORES, record, s.result)));
  const failed = writes.find((w): w is PromiseRejectedResult => w.status === "rejected");
  if (failed) throw failed.reason;
  return { first: ended.first, finished: ended.save.length };
}
