/** @module limits: the one call to the rate limiters, and the one place their keys are built. */
import { tooMany } from "./errors";

/**
 * What a limited request is. Each action has its own limiter binding (wrangler.toml), so a flood
 * of one kind never spends another's allowance. Most are keyed on the client's address; two are
 * keyed on what they change (an attempt, a class), because a whole classroom shares one address.
 */
export type LimitedAction =
  | "attempt-finish" // subject: the attempt id
  | "class-dashboard" // subject: the class code
  | "class-pace" // subject: the class code
  | "pace-press" // subject: the client address
  | "quiz-start" // subject: the client address
  | "quiz-finish" // subject: the client address
  | "class-lookup" // subject: the client address (code look-ups and joins)
  | "class-create" // subject: the client address
  | "teacher-sign-in" // subject: the client address
  | "report"; // subject: the client address

const BINDING: Record<LimitedAction, (env: Env) => RateLimit> = {
  "attempt-finish": (env) => env.WRITE_LIMITER,
  "class-dashboard": (env) => env.WRITE_LIMITER,
  "class-pace": (env) => env.WRITE_LIMITER,
  "pace-press": (env) => env.START_LIMITER,
  "quiz-start": (env) => env.START_LIMITER,
  "quiz-finish": (env) => env.FINISH_LIMITER,
  "class-lookup": (env) => env.LOOKUP_LIMITER,
  "class-create": (env) => env.CREATE_LIMITER,
  "teacher-sign-in": (env) => env.SIGN_IN_LIMITER,
  report: (env) => env.REPORT_LIMITER,
};

/** Seconds to wait once refused: the limiter's period (10 s for WRITE_LIMITER, 60 s for the others). */
const RETRY_AFTER: Record<LimitedAction, number> = {
  "attempt-finish": 10,
  "class-dashboard": 10,
  "class-pace": 10,
  "pace-press": 60,
  "quiz-start": 60,
  "quiz-finish": 60,
  "class-lookup": 60,
  "class-create": 60,
  "teacher-sign-in": 60,
  report: 60,
};

/**
 * The limiter key of an action on a subject. Never one site-wide key: a flood from one client
 * must not lock everyone else out.
 * @example limitKey("class-lookup", "203.0.113.7") // "class-lookup:203.0.113.7"
 */
export function limitKey(action: LimitedAction, subject: string): string {
  return `${action}:${subject}`;
}

/**
 * Asks the action's limiter; throws a 429 AppError (with Retry-After and a plain message) when
 * the allowance is spent. A limiter fault lets the request through with one logged error: the
 * limits guard cost, not correctness, and KV's own per-key limit still applies.
 * @example await limit(c.env, "report", client, "You have sent several reports in a short time.");
 */
export async function limit(env: Env, action: LimitedAction, subject: string, why: string): Promise<void> {
  let allowed = true;
  try {
    allowed = (await BINDING[action](env).limit({ key: limitKey(action, subject) })).success;
  } catch (error) {
    console.error(`${action} limiter failed; allowing the request`, error);
  }
  if (!allowed) throw tooMany(why, RETRY_AFTER[action]);
}
