/**
 * @module class-lobby service: the teacher's lobby — several names removed at once, the waiting
 * room of a class whose teacher admits each name, and the settings changed until the first answer
 * (the class record in KV and the class's object kept in step: the object decides, then KV) — and
 * a student's seat in it (in, waiting or removed; a new token after a change of settings).
 */
import { pack } from "../content/pack";
import { type ClassRecord, chooseClassItems, hasLobby } from "../domain/class";
import type { Pace } from "../domain/pace";
import { type ClassContext, newAttemptState, type QuizState } from "../domain/quiz";
import {
  type ClassPhase,
  classPhase,
  DEFAULT_CLASS_SIZE,
  type RoomSettings,
  type SettingsRefusal,
} from "../domain/room";
import { isStudentId } from "../store/class-keys";
import { deleteStudentKeys, getClass, replaceClassRecord } from "../store/class-records";
import type { RoomAdmission, RoomRemoval } from "../store/class-room";
import { inRoom } from "../store/room-calls";
import { forgetClass } from "../store/roster-cache";
import { drawClassChecks } from "./class-checks";
import { checkOptions, type OptionsInput } from "./class-create";
import { classEnded } from "./class-errors";
import { classContextOf, noSuchClass, seatedUnder } from "./classes";
import { AppError } from "./errors";
import { sealToken } from "./quiz-token";
import { teacherWrite } from "./teacher-auth";

/** A 404 for ticked students the class does not have (nothing was changed). */
function notInClass(unknown: readonly string[], what: "in the class" | "waiting to be let in"): AppError {
  return new AppError(404, {
    slug: "student-not-found",
    title: "No such student",
    detail:
      unknown.length === 1
        ? `One of those students is not ${what} (any more). Nothing was changed: look at the dashboard again.`
        : `${unknown.length} of those students are not ${what} (any more). Nothing was changed: look at the dashboard again.`,
    field: "body.students",
  });
}

/** Checks a list of student ids against the class's size (a list longer than the class names someone twice or no one). */
function checkedIds(record: ClassRecord, ids: readonly string[]): string[] {
  const size = record.size ?? DEFAULT_CLASS_SIZE;
  if (ids.length === 0 || ids.length > size) {
    throw new AppError(400, {
      slug: "invalid-body",
      title: "The request body is not valid",
      detail:
        ids.length === 0
          ? "Tick at least one student."
          : `This class has room for ${size} students: list at most ${size}.`,
      field: "body.students",
    });
  }
  const unknown = ids.filter((id) => !isStudentId(id));
  if (unknown.length > 0) throw notInClass(unknown, "in the class");
  return [...new Set(ids)];
}

/**
 * Removes several students at once, all or none: the class's object keeps each name refused (as
 * one removal does) and their KV keys go. Returns how many went. 400 for an empty list or one
 * longer than the class; 404 when any of them is not in the class (nothing is removed then).
 * @example await removeStudents(c.env, record, ["Qm9i…", "QWxp…"], origin) // 2
 */
export async function removeStudents(
  env: Env,
  record: ClassRecord,
  ids: readonly string[],
  origin: string,
): Promise<number> {
  const sids = checkedIds(record, ids);
  await teacherWrite(env, record.code);
  // RPC types a union result clumsily; the object returns a plain RoomRemoval.
  const removed = await inRoom(env, record.code, async (room) => (await room.removeMany(sids)) as RoomRemoval);
  if (!removed.ok) throw notInClass(removed.unknown, "in the class");
  await deleteStudentKeys(env.SCORES, record.code, sids);
  await forgetClass(record.code, origin);
  return sids.length;
}

/**
 * Lets waiting students in (a class whose teacher admits each name): the listed ones, or
 * everyone waiting (`"all"`). Returns how many went in. 404 when a listed one is not waiting.
 * Refusing a name is removing it (removeStudents).
 * @example await admitStudents(c.env, record, "all", origin) // 3
 */
export async function admitStudents(
  env: Env,
  record: ClassRecord,
  ids: readonly string[] | "all",
  origin: string,
): Promise<number> {
  const sids = ids === "all" ? "all" : checkedIds(record, ids);
  await teacherWrite(env, record.code);
  const admitted = await inRoom(env, record.code, async (room) => (await room.admit(sids)) as RoomAdmission);
  if (!admitted.ok) throw notInClass(admitted.unknown, "waiting to be let in");
  await forgetClass(record.code, origin);
  return admitted.admitted;
}

/** A class's settings as option values (what the teacher chose, or changed to since). */
export interface ClassSettings {
  name: string;
  items: string;
  shuffle: boolean;
  names: string;
  board: boolean;
  size: number;
  pace: "teacher" | "student";
  start: "teacher" | "join";
  admit: boolean;
  checks: boolean;
  statementsOnly: boolean;
  who: boolean;
}

/** The class's settings as option values checkOptions reads. */
export function optionsOf(record: ClassRecord): ClassSettings {
  const count = record.itemIds.length;
  return {
    name: record.name,
    items: count >= pack.items.length ? "all" : String(count),
    shuffle: record.shuffle,
    names: record.names,
    board: record.board,
    size: record.size ?? DEFAULT_CLASS_SIZE,
    pace: record.paced ? "teacher" : "student",
    start: record.paced || hasLobby(record) ? "teacher" : "join",
    admit: record.admit === true,
    checks: record.checks !== undefined,
    statementsOnly: record.statementsOnly === true,
    who: record.who === true,
  };
}

/** A 409: the settings stay as they are once the class has an answer (or has ended, or has more students than the size). */
function settingsRefused(record: ClassRecord, refusal: SettingsRefusal): AppError {
  if (refusal.refused === "ended") return classEnded(record, 409);
  if (refusal.refused === "size") {
    return new AppError(409, {
      slug: "size-below-joined",
      title: "More students have joined than that",
      detail: `${refusal.present} students are in the class already: the class size must be at least ${refusal.present}.`,
      field: "body.size",
    });
  }
  return new AppError(409, {
    slug: "class-started",
    title: "The class has started",
    detail:
      "A student has answered, so the settings can no longer change (every answer must count under the same settings). Create a new class to play with other settings.",
  });
}

/**
 * The teacher changes the class's settings (any of the options of creation; absent ones stay)
 * while no answer has been recorded: the class's object decides and applies its part (the lobby,
 * the waiting room, each student's order), then the class record in KV is written, one put.
 * Students already in keep their names and codes; their pages seat them under the new settings.
 * Throws 400 (bad options, every field at fault), 409 class-started (an answer is in),
 * class-ended, or size-below-joined.
 * @example const changed = await changeSettings(c.env, record, { items: "12", admit: true }, origin);
 */
export async function changeSettings(
  env: Env,
  record: ClassRecord,
  input: OptionsInput,
  origin: string,
): Promise<ClassRecord> {
  const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  // Bad options are refused before the limiter and the read; absent ones stay as the fresh record has them.
  checkOptions({ ...optionsOf(record), ...given });
  await teacherWrite(env, record.code);
  const fresh = await getClass(env.SCORES, record.code);
  if (!fresh) throw noSuchClass(record.code);
  const options = checkOptions({ ...optionsOf(fresh), ...given });
  const itemIds =
    options.itemCount === fresh.itemIds.length ? fresh.itemIds : chooseClassItems(pack.items, options.itemCount);
  // The forms are drawn again with the class's statements, or when turned on.
  const checks = options.checks
    ? itemIds === fresh.itemIds && fresh.checks
      ? fresh.checks
      : await drawClassChecks(env, itemIds)
    : undefined;
  const { paced: _p, lobby: _l, admit: _a, checks: _c, statementsOnly: _s, who: _w, ...kept } = fresh;
  const next: ClassRecord = {
    ...kept,
    name: options.name,
    itemIds,
    shuffle: options.shuffle,
    names: options.names,
    board: options.board,
    size: options.size,
    ...(options.paced ? { paced: true as const } : {}),
    ...(options.lobby && !options.paced ? { lobby: true as const } : {}),
    ...(options.admit ? { admit: true as const } : {}),
    ...(checks ? { checks } : {}),
    ...(options.statementsOnly ? { statementsOnly: true as const } : {}),
    ...(options.who ? { who: true as const } : {}),
    rev: (fresh.rev ?? 0) + 1,
  };
  const settings: RoomSettings = {
    rev: next.rev ?? 1,
    itemIds,
    shuffle: next.shuffle,
    paced: next.paced === true,
    gated: hasLobby(next),
    admit: next.admit === true,
    size: options.size,
    who: next.who === true,
    statementsOnly: next.statementsOnly === true,
  };
  const reseat =
    itemIds !== fresh.itemIds || next.shuffle !== fresh.shuffle || (next.paced === true) !== (fresh.paced === true);
  const cls = { expiresAt: fresh.expiresAt };
  const done = await inRoom(
    env,
    record.code,
    async (room) => (await room.configure(cls, settings, reseat)) as { ok: true } | SettingsRefusal,
  );
  if (!done.ok) throw settingsRefused(fresh, done);
  await replaceClassRecord(env.SCORES, next);
  await forgetClass(record.code, origin);
  return next;
}

/** Where a student is, for their "You're in" page; `token` is a new one when the teacher changed the settings since theirs. */
export interface Seated {
  phase: ClassPhase;
  pace: Pace;
  /** "in": playing or admitted; "waiting" for the teacher to admit them; "gone": removed by the teacher. */
  seat: "in" | "waiting" | "gone";
  /** The teacher-paced flag as the class's object says it (the token's, when it is current). */
  paced: boolean;
  /** The settings' change number and the door count, as the class's socket messages carry them (`r`, `d`). */
  live: { rev: number; door: number };
  /** The state and token under the new settings (null: the student's token is current). */
  fresh: { state: QuizState; token: string } | null;
}

/**
 * A student's place in their class as its object holds it (one request): the phase and pace,
 * whether they are in, waiting or removed — and, when the teacher changed the settings in the
 * lobby after their token was made (nothing answered yet, so nothing is lost), a new token with
 * their new order of statements.
 * @example const seated = await seatOf(c.env, secret, record, state);
 */
export async function seatOf(
  env: Env,
  secret: string,
  record: ClassRecord,
  state: QuizState & { class: ClassContext },
  now = Date.now(),
): Promise<Seated> {
  const held = await inRoom(env, record.code, (room) => room.seat(state.id, state.class.rev ?? 0, now));
  // The object's phase once it holds the class (the settings may have changed since the record was cached).
  const seat = { phase: held.kept ? held.phase : classPhase(record, null), pace: held.pace, seat: held.seat };
  const live = { rev: held.rev, door: held.door };
  if (!held.fresh) return { ...seat, live, paced: state.class.paced === true, fresh: null };
  const seated = seatedUnder(record, held.fresh);
  const { paced } = seated;
  const items = (held.fresh.items ?? record.itemIds).filter((id) => pack.itemById.has(id));
  const context = classContextOf(record, state.class.nick, state.class.back ?? "", { rev: held.rev, ...seated });
  const { back: _, ...noBack } = context;
  const fresh = newAttemptState({
    id: state.id,
    pack: pack.version,
    items,
    startedAt: state.startedAt,
    class: state.class.back ? context : noBack,
    // Seated under the new settings, "who says so?" included (nothing is answered yet, so no pick is lost).
    who: seated.who,
  });
  return { ...seat, live, paced, fresh: { state: fresh, token: await sealToken(fresh, secret) } };
}
