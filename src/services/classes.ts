/**
 * @module classes service: finding a class by its code and joining it — the nickname check, the
 * look-up limiter and name generation — for the pages and the JSON API (creating one: class-create.ts).
 */
import { pack } from "../content/pack";
import { type ClassRecord, hasLobby, type NameMode, studentOrder } from "../domain/class";
import { newAttemptId, normalizeJoinCode, normalizeRejoinCode } from "../domain/ids";
import { checkNickname, generateNickname, withNumber } from "../domain/nickname";
import type { Pace } from "../domain/pace";
import { adoptResult, type ClassContext, finish, newAttemptState, type QuizState } from "../domain/quiz";
import { type ClassPhase, DEFAULT_CLASS_SIZE, type JoinOutcome, type SettingsSay } from "../domain/room";
import { isStudentId, nicknameFits, studentIdOf } from "../store/class-keys";
import { deleteStudentKey, getClass, getClassCached, putJoinedStudent } from "../store/class-records";
import { inRoom } from "../store/room-calls";
import { badNickname, classClosed, joinRefused } from "./class-errors";
import { AppError } from "./errors";

export { classClosed } from "./class-errors";

import { limit } from "./limits";
import { sealToken } from "./quiz-token";

/**
 * A code from a path or form, canonical ("abc 234" → "ABC234"), or null.
 * @example joinCodeOf("abc 234") // "ABC234"
 */
export function joinCodeOf(input: unknown): string | null {
  return typeof input === "string" ? normalizeJoinCode(input) : null;
}

/**
 * The address students open (and the QR code holds).
 * @example joinUrlOf("https://example.org", "ABC234") // "https://example.org/c/ABC234"
 */
export function joinUrlOf(origin: string, code: string): string {
  return `${origin}/c/${code}`;
}

/** What anyone with the code may know about a class. */
export interface ClassInfo {
  code: string;
  name: string;
  open: boolean;
  names: NameMode;
  itemCount: number;
  board: boolean;
  /** "teacher": the teacher moves the class from statement to statement; "student": each at their own speed. */
  pace: "teacher" | "student";
  /** "teacher": students wait in the lobby for the teacher's Start; "join": each starts on joining. */
  start: "teacher" | "join";
  /** Each student gets the statements in their own order. */
  shuffle: boolean;
  /** Most students at once. */
  size: number;
  /** The teacher admits each name: students who join wait until let in. */
  admit: boolean;
  /** A check-in before the statements and a check-out after them (GET/POST /api/v1/attempts/check). */
  checks: boolean;
  /** Questions show the statement without the report's sentences (`context` is ""). */
  statementsOnly: boolean;
  /** "Who says so?": each statement comes with three choices of who makes the claim (`who.choices`). */
  who: boolean;
  /** "lobby": waiting for the teacher's Start (or, teacher-paced, the first statement); "running". */
  state: ClassPhase;
  joinUrl: string;
  expiresAt: string;
}

/**
 * The public facts of a class, with its phase as the class's object last said (`phase`).
 * @example infoOf(record, "https://example.org", "lobby").joinUrl // "https://example.org/c/ABC234"
 */
export function infoOf(record: ClassRecord, origin: string, phase: ClassPhase): ClassInfo {
  return {
    code: record.code,
    name: record.name,
    open: !record.closed,
    names: record.names,
    itemCount: record.itemIds.length,
    board: record.board,
    pace: record.paced ? "teacher" : "student",
    start: hasLobby(record) ? "teacher" : "join",
    shuffle: record.shuffle,
    size: record.size ?? DEFAULT_CLASS_SIZE,
    admit: record.admit === true,
    checks: record.checks !== undefined,
    statementsOnly: record.statementsOnly === true,
    who: record.who === true,
    state: phase,
    joinUrl: joinUrlOf(origin, record.code),
    expiresAt: new Date(record.expiresAt).toISOString(),
  };
}

/**
 * 404 for a code that is malformed or names no class.
 * @example throw noSuchClass("ABC234");
 */
export function noSuchClass(code?: string): AppError {
  return new AppError(404, {
    slug: "class-not-found",
    title: "No class with that code",
    detail: code
      ? `No class has the code ${code}. Check it with your teacher.`
      : "Class codes have 6 letters and numbers (no 0/O, 1/I/L), like ABC234.",
    field: "path.code",
  });
}

/**
 * A class record for reading (cached for a few seconds), or null: for a page that shows the class
 * if there is one (the join form again after a refusal).
 * @example const record = await classOrNull(c.env, "K7M2QX");
 */
export function classOrNull(env: Env, code: string): Promise<ClassRecord | null> {
  return getClassCached(env.SCORES, code);
}

/**
 * A class record for reading (cached for a few seconds), or a 404 AppError.
 * @example const record = await findClass(c.env, c.req.param("code"));
 */
export async function findClass(env: Env, rawCode: unknown): Promise<ClassRecord> {
  const code = joinCodeOf(rawCode);
  if (!code) throw noSuchClass();
  const record = await getClassCached(env.SCORES, code);
  if (!record) throw noSuchClass(code);
  return record;
}

/**
 * findClass for a request that names a code from outside (the join page, the class's JSON, the
 * board): limited per client address, so guessing codes is slow and costs few KV reads.
 * @example const record = await lookUpClass(c.env, clientAddress(c), c.req.param("code"));
 */
export async function lookUpClass(env: Env, client: string, rawCode: unknown): Promise<ClassRecord> {
  await limit(env, "class-lookup", client, LOOKUPS_SPENT);
  return findClass(env, rawCode);
}

/** The one wording of a spent look-up allowance (look-ups and joins share it). */
const LOOKUPS_SPENT = "Many people on your network have looked up or joined classes in the last minute.";

// ---- Joining -----------------------------------------------------------------------------------

/** When a nickname's emoji take more room than KV metadata has (see store/class-keys.ts). */
export const NICKNAME_TOO_BIG = "That name has too many long emoji for us to store. Please use fewer.";

/** How many generated names a join tries before giving up (each an object request; clashes are rare). */
const GENERATED_TRIES = 6;

/** What a join asks for: a typed nickname, or a generated one. */
export interface JoinInput {
  /** The client's address: joins are limited per address, never per class (the code is on the projector). */
  client: string;
  code: unknown;
  nickname?: string | undefined;
  /** Ticked "pick a name for me" (a class with generated names always generates). */
  generate: boolean;
}

/** A joined student: the quiz attempt bound to the class, and its token. */
export interface Joined {
  record: ClassRecord;
  nick: string;
  state: QuizState;
  token: string;
  /** Where a teacher-paced class is as the student joined (null: student-paced). */
  pace: Pace | null;
  /** "lobby": the student waits for the teacher's Start. */
  phase: ClassPhase;
  /** The student's code to get back in (this or another device keeps their answers). */
  back: string;
  /** The student waits for the teacher to admit them (a class whose teacher admits each name). */
  waiting: boolean;
}

/**
 * Joins a student to a class: checks the nickname (before the limiter, so a typo costs no
 * write allowance) or generates one, asks the class's object to let the name in (exact, one at a
 * time), writes the student's KV key and returns a signed quiz token bound to the class.
 * Throws AppError: 404 no class, 403 closed or name removed, 422 bad nickname, 409 name taken,
 * class full or outdated, 429 too many joins (from this address, or to this class from it); KvUnavailableError when KV or the object fails.
 * @example const joined = await joinClass(c.env, secret, { client, code: "ABC234", nickname: "Ana", generate: false });
 */
export async function joinClass(env: Env, secret: string, input: JoinInput, now = Date.now()): Promise<Joined> {
  const code = joinCodeOf(input.code);
  if (!code) throw noSuchClass();
  // Before the KV read: a join names a code from outside, as a look-up does.
  await limit(env, "class-lookup", input.client, LOOKUPS_SPENT);
  const record = await getClass(env.SCORES, code);
  if (!record) throw noSuchClass(code);
  if (record.closed) throw classClosed(record);
  const generate = record.names === "generated" || input.generate || input.nickname === undefined;
  if (!generate) {
    if ((input.nickname ?? "").trim() === "") {
      throw badNickname(422, "invalid-nickname", "Type a nickname, or tick “Pick a name for me”.");
    }
    const checked = checkNickname(input.nickname ?? "");
    if (!checked.ok) throw badNickname(422, "invalid-nickname", checked.problem);
    if (!nicknameFits(checked.nickname)) throw badNickname(422, "invalid-nickname", NICKNAME_TOO_BIG);
  }
  const itemIds = record.itemIds.filter((id) => pack.itemById.has(id));
  if (itemIds.length === 0) {
    throw new AppError(409, {
      slug: "class-outdated",
      title: "This class needs updating",
      detail: "The statements of this class have changed since it was created. The teacher should create a new class.",
    });
  }
  let typed = "";
  for (let attempt = 0; attempt < (generate ? GENERATED_TRIES : 1); attempt++) {
    const checked = checkNickname(generate ? generateNickname(attempt) : (input.nickname ?? ""));
    if (!checked.ok) throw badNickname(422, "invalid-nickname", checked.problem);
    typed = checked.nickname;
    const student = { sid: await studentIdOf(checked.key), nick: checked.nickname, attemptId: newAttemptId(now) };
    // The object keeps the student's order, so a rejoin or the teacher's end can rebuild the attempt.
    const items = studentOrder({ itemIds, shuffle: record.shuffle });
    // The class's object decides (exactly, one name at a time); KV then gets the student's key.
    const cls = {
      expiresAt: record.expiresAt,
      size: record.size ?? DEFAULT_CLASS_SIZE,
      gated: hasLobby(record),
      admit: record.admit === true,
      rev: record.rev ?? 0,
    };
    // RPC types a union result clumsily; the object returns a plain JoinOutcome.
    const joined = await inRoom(
      env,
      code,
      async (room) => (await room.join(cls, { ...student, now, client: input.client, items })) as JoinOutcome,
    );
    if (!joined.ok && joined.refused === "taken") continue;
    if (!joined.ok) throw joinRefused(joined, record);
    const undo = () => inRoom(env, code, (room) => room.unjoin(student.sid, student.attemptId)).catch(() => undefined);
    try {
      await putJoinedStudent(env.SCORES, record, student, now);
    } catch (error) {
      await undo();
      throw error;
    }
    // Delete is final: a class deleted while this key was written (its delete may have listed the
    // keys before this one landed) gets the key deleted here, and the student a 404.
    const kept = await inRoom(env, code, (room) => room.kept()).catch(async (error: unknown) => {
      await deleteStudentKey(env.SCORES, code, student.sid).catch(() => false);
      await undo();
      throw error;
    });
    if (!kept) {
      await deleteStudentKey(env.SCORES, code, student.sid);
      throw joinRefused({ ok: false, refused: "deleted" }, record);
    }
    // Settings changed after the record was read: the object seated the student under its own.
    const seated = seatedUnder(record, joined.seat);
    const { paced } = seated;
    const state = newAttemptState({
      id: student.attemptId,
      pack: pack.version,
      items: joined.seat ? joined.seat.items.filter((id) => pack.itemById.has(id)) : items,
      startedAt: now,
      class: classContextOf(record, checked.nickname, joined.back, { rev: joined.rev, ...seated }),
      who: seated.who,
    });
    const pace = paced ? joined.pace : null;
    const token = await sealToken(state, secret);
    const { back, waiting, phase } = joined;
    return { record, nick: checked.nickname, state, token, pace, phase, back, waiting };
  }
  throw badNickname(
    409,
    "nickname-taken",
    generate
      ? "We could not find a free name. Please press Join again."
      : `Someone in this class already has that name. Try “${withNumber(typed, 2)}”, or pick another.`,
  );
}

/**
 * The settings a student is seated under: the object's where they say (an isolate's cached class
 * record may predate the teacher's change in the lobby), else the class record's.
 * @example seatedUnder(record, joined.seat).who // true in a class that asks "who says so?"
 */
export function seatedUnder(
  record: ClassRecord,
  says: SettingsSay | undefined,
): { paced: boolean; who: boolean; statementsOnly: boolean } {
  return {
    paced: says?.paced ?? record.paced === true,
    who: says?.whoAsked ?? record.who === true,
    statementsOnly: says?.statementsOnly ?? record.statementsOnly === true,
  };
}

/**
 * A class attempt's context in the token: the class, the student's name and code, and what they
 * were seated under (`seat`: the settings' change number, and the pace and statements only as
 * seatedUnder resolves them).
 */
export function classContextOf(
  record: ClassRecord,
  nick: string,
  back: string,
  seat: { rev: number; paced: boolean; statementsOnly: boolean },
): ClassContext {
  const { paced, statementsOnly } = seat;
  return {
    code: record.code,
    nick,
    back,
    ...(paced ? { paced: true as const } : {}),
    ...(seat.rev ? { rev: seat.rev } : {}),
    // The pages catch up with what the class's object holds (a rejoin starts from 0 again).
    ...(record.checks ? { check: 0 } : {}),
    ...(statementsOnly ? { statementsOnly: true as const } : {}),
  };
}

/** What a student back with their code gets: their attempt again, as the class's object holds it. */
export interface Rejoined {
  record: ClassRecord;
  nick: string;
  state: QuizState;
  token: string;
  phase: ClassPhase;
  /** The student still waits for the teacher to admit them. */
  waiting: boolean;
}

/** The one refusal of a rejoin code, whatever the reason: it names nobody. */
function noSuchRejoinCode(): AppError {
  return new AppError(404, {
    slug: "rejoin-code-not-found",
    title: "That code does not get anyone back in",
    detail:
      "No one in this class has that code. Check the 5 letters and numbers you wrote down, or ask your teacher: the dashboard shows each student's code.",
    field: "body.back",
  });
}

/**
 * A student back in their class with their code, on this or another device: the same row, with
 * its order of statements, its answers and its finish (if any). Works after joining closed and
 * after the class ended (to see the result). Limited per address like a join, so codes cannot be
 * guessed; a wrong code is one 404 that says nothing about who has which code.
 * Throws AppError: 404 no class or no such code, 422 a code of the wrong shape, 429 too many tries.
 * @example const back = await rejoinClass(c.env, secret, { client, code: "ABC234", back: "K7M2Q" });
 */
export async function rejoinClass(
  env: Env,
  secret: string,
  input: { client: string; code: unknown; back: unknown },
  now = Date.now(),
): Promise<Rejoined> {
  const code = joinCodeOf(input.code);
  if (!code) throw noSuchClass();
  const back = typeof input.back === "string" ? normalizeRejoinCode(input.back) : null;
  if (!back) {
    throw new AppError(422, {
      slug: "invalid-rejoin-code",
      title: "That is not a code to get back in",
      detail: "Your code to get back in has 5 letters and numbers, like K7M2Q.",
      field: "body.back",
    });
  }
  await limit(env, "class-lookup", input.client, LOOKUPS_SPENT);
  const record = await getClass(env.SCORES, code);
  if (!record) throw noSuchClass(code);
  const found = await inRoom(env, code, (room) => room.rejoin(back, now));
  if (!found) throw noSuchRejoinCode();
  const items = (found.items ?? record.itemIds).filter((id) => pack.itemById.has(id));
  const seated = seatedUnder(record, found);
  const fresh = newAttemptState({
    id: found.attempt,
    pack: pack.version,
    items,
    startedAt: found.joined,
    class: classContextOf(record, found.nick, back, { rev: found.rev, ...seated }),
    who: seated.who,
  });
  const answered: QuizState = {
    ...fresh,
    answers: items.map((id) => found.answers[id] ?? "-").join(""),
    ...rejoinSaid(items, found, fresh.who !== undefined),
  };
  const state = found.result ? adoptResult(finish(answered, found.result.finishedAt), found.result) : answered;
  const token = await sealToken(state, secret);
  return { record, nick: found.nick, state, token, phase: found.phase, waiting: found.waiting };
}

/**
 * The confidences, self-estimate and (`asked`: the class asks "who says so?") picks the object kept
 * for a student back with their code (absent: none kept; asked, the picks are "-" until given).
 */
function rejoinSaid(
  items: readonly string[],
  found: { confidences?: Record<string, string>; estimate?: number | null; who?: Record<string, string> },
  asked: boolean,
): Pick<QuizState, "confidences" | "estimate" | "who"> {
  const confidences = items.map((id) => found.confidences?.[id] ?? "-").join("");
  return {
    ...(/[sfg]/.test(confidences) ? { confidences } : {}),
    ...(typeof found.estimate === "number" ? { estimate: found.estimate } : {}),
    ...(asked ? { who: items.map((id) => found.who?.[id] ?? "-").join("") } : {}),
  };
}

/**
 * A present student's code to get back in, for the teacher to read out (their phone died and the
 * code went with it). Null for no such student.
 * @example const code = await rejoinCodeFor(env, record, sid);
 */
export async function rejoinCodeFor(
  env: Env,
  record: ClassRecord,
  sid: string,
): Promise<{ nick: string; back: string | null } | null> {
  if (!isStudentId(sid)) return null;
  // One read of the class's object, as a teacher's screen is (120 a minute per class).
  await limit(
    env,
    "class-screen",
    record.code,
    "This class's students' codes were asked for very often in the last minute.",
  );
  return inRoom(env, record.code, (room) => room.rejoinCodeOf(sid));
}
