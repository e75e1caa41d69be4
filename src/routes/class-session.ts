/**
 * @module class-session: what the class pages and the class API share — parsing
 * options and codes, teacher sign-in (cookie or Bearer key), joining a class.
 *
 * Teacher auth, decided: the browser holds a `__Host-teacher-<CODE>` cookie with a
 * token SIGNED by the server (kind "teacher", the code, a fingerprint of the key
 * hash), not the key itself. The key is the long-lived secret that works on any
 * device; the cookie only works in this browser, for this class, for 7 days, and
 * is worthless once the class is deleted (its fingerprint no longer matches). The
 * key appears once, in the body of the creation response, and is only ever sent
 * back in a POST body or an `Authorization: Bearer` header — never in a URL.
 */
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { pack } from "../content/pack";
import {
  CLASS_TTL_SECONDS,
  type ClassOptions,
  type ClassRecord,
  chooseClassItems,
  cleanClassName,
  type NameMode,
  resolveItemCount,
  studentOrder,
} from "../domain/class";
import {
  classScore,
  dashboardOrder,
  discussionPrompt,
  isFinishedEntry,
  itemStats,
  mostFooled,
  type StudentEntry,
  sharedNicknames,
} from "../domain/class-results";
import { hashTeacherKey, keysMatch, newAttemptId, newTeacherKey, normalizeJoinCode } from "../domain/ids";
import { checkNickname, generateNickname, nicknameKey, withNumber } from "../domain/nickname";
import { newAttemptState, type QuizState } from "../domain/quiz";
import { leanOf } from "../domain/scoring";
import { signToken, verifyToken } from "../domain/token";
import { createClass, joinStudent, nicknameFits } from "../store/classes";
import { COOKIE_NAME, expiresAt, quizSecret, sealToken } from "./quiz-session";

/** A teacher's browser stays signed in to a class this long (or until the class is deleted). */
export const TEACHER_SESSION_SECONDS = 7 * 24 * 60 * 60;

/** Seconds between refreshes of the board (JavaScript polling; the server reuses a list for 20 s). */
export const BOARD_POLL_SECONDS = 30;
/** Seconds between refreshes of the teacher's dashboard. */
export const DASHBOARD_POLL_SECONDS = 20;

/** The teacher cookie's name before Hono's "host" prefix: sent as `__Host-teacher-ABC234`. */
export function teacherCookieName(code: string): string {
  return `teacher-${code}`;
}

/** A code from a path or form, canonical ("abc 234" → "ABC234"), or null. */
export function joinCodeOf(input: unknown): string | null {
  return typeof input === "string" ? normalizeJoinCode(input) : null;
}

/** The address students open (and the QR code holds). */
export function joinUrlOf(origin: string, code: string): string {
  return `${origin}/c/${code}`;
}

// ---- Creating a class --------------------------------------------------------------------------

/** Raw option values as a form or JSON body gives them. */
export interface OptionsInput {
  name?: unknown;
  items?: unknown;
  shuffle?: unknown;
  names?: unknown;
  board?: unknown;
}

export type OptionsField = "name" | "items" | "names";
export type OptionsCheck =
  | { ok: true; options: ClassOptions }
  | { ok: false; errors: { field: OptionsField; message: string }[] };

/**
 * Checks the teacher's options. Checkboxes arrive as "on" from forms and
 * booleans from JSON; anything else counts as unticked.
 */
export function checkOptions(input: OptionsInput): OptionsCheck {
  const errors: { field: OptionsField; message: string }[] = [];
  const name = cleanClassName(typeof input.name === "string" ? input.name : "");
  if (name === null) errors.push({ field: "name", message: "Class names have at most 60 characters." });
  const items = input.items === undefined ? "8" : String(input.items);
  const itemCount = resolveItemCount(items, pack.items.length);
  if (itemCount === null) errors.push({ field: "items", message: "Choose 6, 8 or 12 statements, or all of them." });
  const names = input.names === undefined ? "typed" : input.names;
  if (names !== "typed" && names !== "generated") {
    errors.push({ field: "names", message: "Choose typed names or generated names." });
  }
  const on = (value: unknown) => value === true || value === "on" || value === "true" || value === "1";
  if (errors.length > 0 || name === null || itemCount === null) return { ok: false, errors };
  return {
    ok: true,
    options: { name, itemCount, shuffle: on(input.shuffle), names: names as NameMode, board: on(input.board) },
  };
}

/** A new class and its teacher key (shown once; only its hash is stored). */
export async function startClass(
  kv: KVNamespace,
  options: ClassOptions,
  now = Date.now(),
): Promise<{ record: ClassRecord; key: string }> {
  const key = newTeacherKey();
  const keyHash = await hashTeacherKey(key);
  const itemIds = chooseClassItems(pack.items, options.itemCount);
  const record = await createClass(
    kv,
    (code) => ({
      v: 1,
      code,
      name: options.name,
      itemIds,
      shuffle: options.shuffle,
      names: options.names,
      board: options.board,
      keyHash,
      createdAt: now,
      expiresAt: now + CLASS_TTL_SECONDS * 1000,
      closed: false,
      removed: [],
    }),
    now,
  );
  return { record, key };
}

// ---- Teacher sign-in ---------------------------------------------------------------------------

interface TeacherToken {
  kind: "teacher";
  code: string;
  /** The first 16 hex digits of the class's key hash: ties the cookie to this class, not just its code. */
  k: string;
}

/** A SHA-256 that matches no key: compared against when there is no class, so the work is the same. */
const NO_CLASS_HASH = "0".repeat(64);

/**
 * Whether `key` opens `record`, in constant time, doing the same work whether
 * or not the class exists (so the answer reveals nothing about the class).
 */
export async function keyOpens(key: string | null | undefined, record: ClassRecord | null): Promise<boolean> {
  const matched = await keysMatch(typeof key === "string" ? key.trim() : "", record?.keyHash ?? NO_CLASS_HASH);
  return matched && record !== null;
}

/** Signs the teacher cookie for a class into the response. Needs the quiz secret. */
export async function signInTeacher(c: Context, record: ClassRecord, secret: string, now = Date.now()) {
  const exp = Math.min(Math.floor(now / 1000) + TEACHER_SESSION_SECONDS, Math.floor(record.expiresAt / 1000));
  const payload: TeacherToken = { kind: "teacher", code: record.code, k: record.keyHash.slice(0, 16) };
  setCookie(c, teacherCookieName(record.code), await signToken(payload, secret, exp), {
    prefix: "host",
    httpOnly: true,
    secure: true,
    sameSite: "Strict",
    path: "/",
    maxAge: Math.max(0, exp - Math.floor(now / 1000)),
  });
}

/** Signs the teacher out of one class in this browser. */
export function signOutTeacher(c: Context, code: string): void {
  setCookie(c, teacherCookieName(code), "", {
    prefix: "host",
    httpOnly: true,
    secure: true,
    sameSite: "Strict",
    path: "/",
    maxAge: 0,
  });
}

/** Whether this browser's teacher cookie opens `record`. */
export async function hasTeacherCookie(c: Context<{ Bindings: Env }>, record: ClassRecord | null, code: string) {
  const secret = quizSecret(c.env);
  const token = getCookie(c, teacherCookieName(code), "host");
  if (!secret || !token || !record) return false;
  const verified = await verifyToken<TeacherToken>(token, secret, Math.floor(Date.now() / 1000));
  return (
    verified.ok &&
    verified.payload.kind === "teacher" &&
    verified.payload.code === record.code &&
    verified.payload.k === record.keyHash.slice(0, 16)
  );
}

/** The key from `Authorization: Bearer <key>`, or null. */
export function bearerKey(c: Context): string | null {
  const match = /^Bearer[ ]+(\S{1,200})\s*$/i.exec(c.req.header("authorization") ?? "");
  return match?.[1] ?? null;
}

// ---- Joining -----------------------------------------------------------------------------------

export type NicknameField = "nickname";

export type JoinResult =
  | { ok: true; nick: string; state: QuizState; token: string }
  | { ok: false; problem: "closed" | "gone" }
  | { ok: false; problem: "nickname"; message: string };

/** When a nickname's emoji take more room than KV metadata has (see store/classes.ts). */
export const NICKNAME_TOO_BIG = "That name has too many long emoji for us to store. Please use fewer.";

/** How many generated names a join tries before giving up (each a get; clashes are rare). */
const GENERATED_TRIES = 6;

/**
 * Joins a student to a class: checks (or generates) the nickname, records the
 * student under the class (a get and a put), and returns a signed quiz token
 * whose state carries `class: {code, nick}` and this student's item order —
 * the student then plays the ordinary quiz flow.
 * Throws KvUnavailableError when KV fails.
 */
export async function joinClass(
  env: Env,
  record: ClassRecord,
  input: { nickname?: string | undefined; generate: boolean },
  now = Date.now(),
): Promise<JoinResult> {
  const secret = quizSecret(env);
  if (!secret) throw new Error("joinClass needs the signing secret.");
  if (record.closed) return { ok: false, problem: "closed" };
  const itemIds = record.itemIds.filter((id) => pack.itemById.has(id));
  if (itemIds.length === 0) return { ok: false, problem: "gone" };
  const generate = record.names === "generated" || input.generate;

  let typed = "";
  for (let attempt = 0; attempt < (generate ? GENERATED_TRIES : 1); attempt++) {
    const raw = generate ? generateNickname(attempt) : (input.nickname ?? "");
    const checked = checkNickname(raw);
    if (!checked.ok) return { ok: false, problem: "nickname", message: checked.problem };
    typed = checked.nickname;
    if (!nicknameFits(checked.nickname)) return { ok: false, problem: "nickname", message: NICKNAME_TOO_BIG };
    const id = newAttemptId(now);
    const joined = await joinStudent(
      env.SCORES,
      record,
      { nick: checked.nickname, nickKey: checked.key, attemptId: id },
      now,
    );
    if (!joined.ok) continue;
    const state = newAttemptState({
      id,
      pack: pack.version,
      items: studentOrder({ itemIds, shuffle: record.shuffle }),
      startedAt: now,
      class: { code: record.code, nick: checked.nickname },
    });
    return { ok: true, nick: checked.nickname, state, token: await sealToken(state, secret) };
  }
  if (generate)
    return { ok: false, problem: "nickname", message: "We could not find a free name. Please press Join again." };
  return {
    ok: false,
    problem: "nickname",
    message: `Someone in this class already has that name. Try “${withNumber(typed, 2)}”, or pick another.`,
  };
}

/** Puts a joined student's quiz token into the `__Host-quiz` cookie, as the quiz pages do. */
export function setQuizCookie(c: Context, state: QuizState, token: string, now = Date.now()): void {
  setCookie(c, COOKIE_NAME, token, {
    prefix: "host",
    httpOnly: true,
    secure: true,
    sameSite: "Lax",
    path: "/",
    maxAge: Math.max(0, expiresAt(state) - Math.floor(now / 1000)),
  });
}

/** Asks the write limiter, keyed on the class (a classroom shares one IP address). A limiter fault lets the write through. */
export async function allowClassWrite(env: Env, key: string): Promise<boolean> {
  try {
    return (await env.WRITE_LIMITER.limit({ key })).success;
  } catch (error) {
    console.error("WRITE_LIMITER failed; allowing the write", error);
    return true;
  }
}

// ---- The dashboard, for the page and the JSON -----------------------------------------------------

/** Everything the teacher's dashboard shows, built from the class record and one list. */
export function dashboardOf(record: ClassRecord, entries: readonly StudentEntry[]) {
  const verdictOf = (id: string) => pack.itemById.get(id)?.verdict;
  const stats = itemStats(record.itemIds, entries, verdictOf);
  const shared = sharedNicknames(entries);
  const score = classScore(record.itemIds, entries, verdictOf);
  const items = stats.map((stat, index) => ({
    ...stat,
    position: index + 1,
    statement: pack.itemById.get(stat.itemId)?.statement ?? stat.itemId,
  }));
  const students = dashboardOrder(entries).map((entry) => {
    const done = isFinishedEntry(entry);
    return {
      sid: entry.sid,
      nick: entry.nick,
      shared: shared.has(nicknameKey(entry.nick)),
      finished: done,
      score: done ? entry.score : undefined,
      answered: done ? entry.answered : undefined,
      discernment: done ? entry.discernment : undefined,
      c: done ? entry.c : undefined,
      lean: done ? leanOf(entry.c) : undefined,
    };
  });
  const fooled = mostFooled(stats).flatMap((stat) => {
    const item = pack.itemById.get(stat.itemId);
    const row = items.find((r) => r.itemId === stat.itemId);
    if (!item || !row) return [];
    return [{ ...row, explanation: item.explanation, claimant: item.claimant.name, prompt: discussionPrompt(item) }];
  });
  return {
    joined: entries.length,
    finished: students.filter((s) => s.finished).length,
    students,
    items,
    fooled,
    klass: {
      answered: score.answered,
      discernment: score.discernment,
      c: score.bias,
      lean: score.lean,
      verifiedAnswered: score.verifiedAnswered,
      verifiedDoubted: score.verifiedAnswered - score.verifiedJudgedVerified,
      unverifiedAnswered: score.unverifiedAnswered,
      unverifiedAccepted: score.unverifiedJudgedVerified,
    },
  };
}
