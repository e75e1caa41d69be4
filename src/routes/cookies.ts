/**
 * @module cookies: the two cookies, their options written once. `__Host-quiz` holds a quiz
 * token (the public quiz and class students share it); `__Host-teacher-<CODE>` a teacher's
 * signed sign-in for one class.
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { QuizState } from "../domain/quiz";
import { expiresAt } from "../services/quiz-token";

/** The page cookie's name; with Hono's "host" prefix it is sent as `__Host-quiz`. */
export const COOKIE_NAME = "quiz";

const HOST = { prefix: "host", httpOnly: true, secure: true, path: "/" } as const;

/** The quiz token in this request's cookie, if any. */
export function quizCookie(c: Context): string | undefined {
  return getCookie(c, COOKIE_NAME, "host");
}

/** Puts a quiz token into `__Host-quiz`, kept until the attempt's tokens expire. */
export function setQuizCookie(c: Context, state: QuizState, token: string, now = Date.now()): void {
  const maxAge = Math.max(0, expiresAt(state) - Math.floor(now / 1000));
  setCookie(c, COOKIE_NAME, token, { ...HOST, sameSite: "Lax", maxAge });
}

/** Drops a quiz cookie that cannot be used. */
export function clearQuizCookie(c: Context): void {
  deleteCookie(c, COOKIE_NAME, { prefix: "host", path: "/", secure: true });
}

/** The teacher cookie's name before Hono's "host" prefix: sent as `__Host-teacher-ABC234`. */
export function teacherCookieName(code: string): string {
  return `teacher-${code}`;
}

/** The teacher cookie of a class in this request, if any. */
export function teacherCookie(c: Context, code: string): string | undefined {
  return getCookie(c, teacherCookieName(code), "host");
}

/** Signs the teacher in to one class in this browser (Strict: never sent cross-site). */
export function setTeacherCookie(c: Context, code: string, token: string, maxAge: number): void {
  setCookie(c, teacherCookieName(code), token, { ...HOST, sameSite: "Strict", maxAge });
}

/** Signs the teacher out of one class in this browser. */
export function clearTeacherCookie(c: Context, code: string): void {
  setCookie(c, teacherCookieName(code), "", { ...HOST, sameSite: "Strict", maxAge: 0 });
}

/**
 * Hands a new class's teacher key to its dashboard in `__Secure-key-<CODE>` for 10 minutes (or clears
 * it: maxAge 0). Not `__Host-`: that prefix needs Path=/, and this cookie is for the teacher page only.
 */
export function setKeyFlash(c: Context, code: string, key: string, maxAge = 600): void {
  const path = `/c/${code}/teacher`;
  setCookie(c, `key-${code}`, key, {
    prefix: "secure",
    httpOnly: true,
    secure: true,
    path,
    sameSite: "Strict",
    maxAge,
  });
}

/** The teacher key handed over for this class, if any; reading it clears it. */
export function takeKeyFlash(c: Context, code: string): string | undefined {
  const key = getCookie(c, `key-${code}`, "secure");
  if (key !== undefined) setKeyFlash(c, code, "", 0);
  return key;
}
