/**
 * @module room-calls: the calls the services make to a class's ClassRoom object (by join code),
 * each turned into a KvUnavailableError-like 503 when the object does not answer.
 */
import type { ClassRecord } from "../domain/class";
import type { QuizState } from "../domain/quiz";
import { DEFAULT_CLASS_SIZE, type JoinRefusal } from "../domain/room";
import type { Judgement } from "../domain/scoring";
import type { RoomFinish, RoomStudent } from "./class-room";
import { kvCall } from "./kv-errors";

/** The object of one class: one per join code, wherever it was first asked for. */
function room(env: Env, code: string) {
  return env.CLASS_ROOM.get(env.CLASS_ROOM.idFromName(code));
}

/** Joins a student (null) or says why not. One Durable Object request. */
export function roomJoin(
  env: Env,
  record: ClassRecord,
  student: { sid: string; nick: string; attemptId: string; now: number },
): Promise<JoinRefusal | null> {
  const cls = { expiresAt: record.expiresAt, size: record.size ?? DEFAULT_CLASS_SIZE };
  return kvCall("room join", () => room(env, record.code).join(cls, student));
}

/** Frees a name whose join could not be written to KV. */
export function roomUnjoin(env: Env, code: string, sid: string, attemptId: string): Promise<void> {
  return kvCall("room unjoin", () => room(env, code).unjoin(sid, attemptId));
}

/** Records an answer unless one is recorded; returns the recorded one. One request. */
export function roomAnswer(env: Env, code: string, attemptId: string, itemId: string, answer: "v" | "u") {
  return kvCall("room answer", () => room(env, code).answer(attemptId, itemId, answer));
}

/** Finishes an attempt once, from the recorded answers. One request. */
export function roomFinish(
  env: Env,
  record: ClassRecord,
  state: QuizState,
  verdicts: Record<string, Judgement>,
  now: number,
): Promise<RoomFinish> {
  // RPC's typing of a union result is clumsy; the object returns a plain RoomFinish.
  return kvCall(
    "room finish",
    async () =>
      (await room(env, record.code).finish({ expiresAt: record.expiresAt }, state, verdicts, now)) as RoomFinish,
  );
}

/** Marks a finished result as written to KV (`done`), or releases a failed write. One request. */
export function roomSaved(env: Env, code: string, attemptId: string, done: boolean): Promise<void> {
  return kvCall("room saved", () => room(env, code).saved(attemptId, done));
}

/** The roster, removed names included. One request. */
export function roomRoster(env: Env, code: string): Promise<RoomStudent[]> {
  return kvCall("room roster", () => room(env, code).roster());
}

/** Removes a name (kept refused). One request. */
export function roomRemove(env: Env, code: string, sid: string): Promise<{ attemptId: string } | null> {
  return kvCall("room remove", () => room(env, code).remove(sid));
}

/** Lets a removed name back. One request. */
export function roomAllowBack(env: Env, code: string, sid: string): Promise<boolean> {
  return kvCall("room allow back", () => room(env, code).allowBack(sid));
}

/** Deletes the object's data at once. One request. */
export function roomDestroy(env: Env, code: string): Promise<void> {
  return kvCall("room destroy", () => room(env, code).destroy());
}
