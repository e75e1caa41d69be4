/**
 * @module teacher service: who may act as a class's teacher, and what they may do.
 *
 * Teacher auth, decided: the browser holds a `__Host-teacher-<CODE>` cookie with a token
 * SIGNED by the server (kind "teacher", the code, a fingerprint of the key hash), not the
 * key itself; it is signed with a key derived for teacher cookies alone, so no quiz token
 * opens as one. The key is the long-lived secret that works on any device; the cookie only
 * works in this browser, for this class, for 7 days, and is worthless once the class is
 * deleted (its fingerprint no longer matches). The key appears once, in the body of the
 * creation response, and is only ever sent back in a POST body or an
 * `Authorization: Bearer` header — never in a URL.
 */
import type { ClassRecord } from "../domain/class";
import { keysMatch } from "../domain/ids";
import { deriveSigningKey, signToken, verifyToken } from "../domain/token";
import { isStudentId } from "../store/class-keys";
import {
  cachedClass,
  closeClass,
  deleteClass,
  deleteClassRecord,
  deleteStudentKey,
  getClass,
  getClassCached,
} from "../store/class-records";
import { inRoom } from "../store/room-calls";
import { forgetClass } from "../store/roster-cache";
import { nudgeScreens } from "./class-live";
import { joinCodeOf, noSuchClass } from "./classes";
import { AppError } from "./errors";
import { limit } from "./limits";

/** A teacher's browser stays signed in to a class this long (or until the class is deleted). */
export const TEACHER_SESSION_SECONDS = 7 * 24 * 60 * 60;

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
 * @example await keyOpens(bearer, record) // false for a wrong key or no class
 */
export async function keyOpens(key: string | null | undefined, record: ClassRecord | null): Promise<boolean> {
  const matched = await keysMatch(typeof key === "string" ? key.trim() : "", record?.keyHash ?? NO_CLASS_HASH);
  return matched && record !== null;
}

/**
 * The signed teacher cookie for a class, and how many seconds it lasts.
 * @example const { token, maxAge } = await teacherCookie(record, secret);
 */
export async function teacherCookie(
  record: ClassRecord,
  secret: string,
  now = Date.now(),
): Promise<{ token: string; maxAge: number }> {
  const exp = Math.min(Math.floor(now / 1000) + TEACHER_SESSION_SECONDS, Math.floor(record.expiresAt / 1000));
  const payload: TeacherToken = { kind: "teacher", code: record.code, k: record.keyHash.slice(0, 16) };
  const token = await signToken(payload, await deriveSigningKey(secret, "teacher-cookie"), exp);
  return { token, maxAge: Math.max(0, exp - Math.floor(now / 1000)) };
}

/**
 * Whether a teacher cookie's token opens `record`.
 * @example await cookieOpens(getCookie(c, teacherCookieName(code), "host"), record, secret)
 */
export async function cookieOpens(
  token: string | undefined,
  record: ClassRecord | null,
  secret: string | null,
): Promise<boolean> {
  if (!record) return false;
  return (await cookieFingerprint(token, record.code, secret)) === record.keyHash.slice(0, 16);
}

/**
 * The key fingerprint a teacher cookie carries if it is signed, unexpired and for `code`, else
 * null: checked without KV, since the cookie is signed and names its class.
 */
async function cookieFingerprint(
  token: string | undefined,
  code: string,
  secret: string | null,
): Promise<string | null> {
  if (!secret || !token) return null;
  const key = await deriveSigningKey(secret, "teacher-cookie");
  const verified = await verifyToken<TeacherToken>(token, key, Math.floor(Date.now() / 1000));
  return verified.ok && verified.payload.kind === "teacher" && verified.payload.code === code
    ? verified.payload.k
    : null;
}

/** How a request proves it is the teacher: a cookie token (pages) or a key (API). */
export type TeacherProof = { cookie: string | undefined; secret: string | null } | { key: string | null };

/** Why a key's look-ups were refused (the JSON API's teacher routes). */
const GUESSES_SPENT = "Many class codes were tried from your network in the last minute.";

/**
 * The class if the proof opens it. A missing Bearer key is a 401; a key or cookie that
 * does not open the class is a 401 (pages: sign in) or 403 (API) — the same whether or
 * not the class exists.
 *
 * What a guessed code costs: a cookie is checked first, without KV, so a page without this
 * class's signed cookie reads nothing; a key can only be checked against the record, so a code
 * this isolate has not read lately spends one of the address's 200 key look-ups a minute (its own
 * key of the look-up limiter): at most 200 KV reads a minute from one address, then a 429 that
 * reads nothing. A class the isolate read lately is served without spending one.
 * @example const record = await asTeacher(c.env, clientAddress(c), c.req.param("code"), { key: bearerKey(c) });
 */
export async function asTeacher(env: Env, client: string, rawCode: unknown, proof: TeacherProof): Promise<ClassRecord> {
  const code = joinCodeOf(rawCode);
  if ("key" in proof && !proof.key) {
    throw new AppError(401, {
      slug: "teacher-key-required",
      title: "Teacher key required",
      detail: "Send the teacher key as Authorization: Bearer <key>.",
      headers: { "WWW-Authenticate": 'Bearer realm="class"' },
    });
  }
  const signed = code && "cookie" in proof ? await cookieFingerprint(proof.cookie, code, proof.secret) : null;
  if (code && "key" in proof && cachedClass(code) === undefined) {
    await limit(env, "class-key-lookup", client, GUESSES_SPENT);
  }
  const record = code && ("key" in proof || signed) ? await getClassCached(env.SCORES, code) : null;
  const opens = "key" in proof ? await keyOpens(proof.key, record) : signed === record?.keyHash.slice(0, 16);
  if (!record || !opens) {
    throw new AppError("key" in proof ? 403 : 401, {
      slug: "key" in proof ? "teacher-key-rejected" : "teacher-sign-in",
      title: "key" in proof ? "That key does not open this class" : "Sign in to this class",
      detail: "Check the teacher key and the class code.",
    });
  }
  return record;
}

/**
 * Signs in with the teacher key typed into the sign-in form: the class, or a 403 AppError that
 * reads the same whether or not the class exists. Limited per client address, so trying keys
 * is slow and costs few KV reads.
 * @example const record = await signInWithKey(c.env, clientAddress(c), c.req.param("code"), form.key);
 */
export async function signInWithKey(env: Env, client: string, rawCode: unknown, key: unknown): Promise<ClassRecord> {
  const code = joinCodeOf(rawCode);
  if (!code) throw noSuchClass();
  await limit(env, "teacher-sign-in", client, "Several sign-ins have been tried from your network in the last minute.");
  const record = await getClass(env.SCORES, code);
  if (!(await keyOpens(typeof key === "string" ? key : null, record)) || !record) {
    throw new AppError(403, {
      slug: "teacher-key-rejected",
      title: "That key does not open this class",
      detail: `That key does not open class ${code}. Check it (it starts with “tk_”) and try again.`,
      field: "key",
    });
  }
  return record;
}

/** A teacher's change to a class: limited per class (the class-dashboard limiter). */
export async function teacherWrite(env: Env, code: string): Promise<void> {
  await limit(env, "class-dashboard", code, "That was a lot of changes to this class in a short time.");
}

/**
 * Closes joining (students already in can still finish). Returns the closed record.
 * @example const closed = await closeJoining(c.env, record, origin);
 */
export async function closeJoining(env: Env, record: ClassRecord, origin: string): Promise<ClassRecord> {
  await teacherWrite(env, record.code);
  const closed = await closeClass(env.SCORES, record.code);
  await forgetClass(record.code, origin);
  // Deleted meanwhile (a second tab): the record just written must not outlive the class.
  if (!(await nudgeScreens(env, record.code))) await deleteClassRecord(env.SCORES, record.code);
  return closed ?? { ...record, closed: true };
}

/** A 404 for a student id the class does not have (field path.id). */
export function noSuchStudent(studentId: string): AppError {
  return new AppError(404, {
    slug: "student-not-found",
    title: "No such student",
    detail: isStudentId(studentId) ? "This student is not in the class." : "Student ids come from the dashboard.",
    field: "path.id",
  });
}

/**
 * Removes one student: the class's object keeps the name refused (and never stores the old
 * attempt's finish) until the teacher lets it back; their KV key goes. 404 AppError when there is
 * no such student.
 * @example await removeFromClass(c.env, record, "Qm9i…", origin);
 */
export async function removeFromClass(env: Env, record: ClassRecord, studentId: string, origin: string): Promise<void> {
  if (!isStudentId(studentId)) throw noSuchStudent(studentId);
  await teacherWrite(env, record.code);
  // Students who joined before the object kept the roster are in KV only.
  const wasIn = studentId.length === 22 ? await inRoom(env, record.code, (room) => room.remove(studentId)) : null;
  const inKv = await deleteStudentKey(env.SCORES, record.code, studentId);
  await forgetClass(record.code, origin);
  if (!wasIn && !inKv) throw noSuchStudent(studentId);
}

/**
 * Lets a removed name join again (as a new attempt). 404 AppError when that name is not removed.
 * @example await allowBack(c.env, record, "Qm9i…");
 */
export async function allowBack(env: Env, record: ClassRecord, studentId: string): Promise<void> {
  if (!isStudentId(studentId)) throw noSuchStudent(studentId);
  await teacherWrite(env, record.code);
  if (!(await inRoom(env, record.code, (room) => room.allowBack(studentId)))) throw noSuchStudent(studentId);
}

/**
 * Deletes the class, for good: its object first (from then on it refuses joins and finishes, and
 * names the students it had), then every KV key under it, listed and by name; returns how many
 * keys went. A join or finish that wrote its key meanwhile deletes it itself (it asks the object
 * after writing), so nothing the class wrote survives.
 * @example const deletedKeys = await deleteWholeClass(c.env, record, origin);
 */
export async function deleteWholeClass(env: Env, record: ClassRecord, origin: string): Promise<number> {
  await teacherWrite(env, record.code);
  const sids = await inRoom(env, record.code, (room) => room.destroy({ expiresAt: record.expiresAt }));
  const deleted = await deleteClass(env.SCORES, record.code, sids);
  await forgetClass(record.code, origin);
  return deleted;
}
