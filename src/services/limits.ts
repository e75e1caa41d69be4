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
  | "class-key-lookup" // subject: the client address (a teacher key tried on a class this isolate has not read lately)
  | "class-create" // subject: the client address
  | "teacher-sign-in" // subject: the client address
  | "report" // subject: the client address
  | "class-play" // subject: a class attempt's id (answers, and pages that ask the object where the class is)
  | "class-play-address" // subject: the client address (the same and class finishes, for every class behind it)
  | "class-socket-address" // subject: the client address (live sockets, every class)
  | "class-screen" // subject: the class code (the teacher's screens: one object read each)
  | "class-screen-address" // subject: the client address (the teacher's screens, every class)
  | "class-change-address"; // subject: the client address (a teacher's changes: close, remove, delete…)

const BINDING: Record<LimitedAction, (env: Env) => RateLimit> = {
  "attempt-finish": (env) => env.WRITE_LIMITER,
  "class-dashboard": (env) => env.WRITE_LIMITER,
  "class-pace": (env) => env.WRITE_LIMITER,
  "pace-press": (env) => env.START_LIMITER,
  "quiz-start": (env) => env.START_LIMITER,
  "quiz-finish": (env) => env.FINISH_LIMITER,
  "class-lookup": (env) => env.LOOKUP_LIMITER,
  "class-key-lookup": (env) => env.LOOKUP_LIMITER,
  "class-create": (env) => env.CREATE_LIMITER,
  "teacher-sign-in": (env) => env.SIGN_IN_LIMITER,
  report: (env) => env.REPORT_LIMITER,
  "class-play": (env) => env.START_LIMITER,
  "class-play-address": (env) => env.SCHOOL_LIMITER,
  "class-socket-address": (env) => env.SCHOOL_LIMITER,
  "class-screen": (env) => env.SCREEN_LIMITER,
  "class-screen-address": (env) => env.SCHOOL_LIMITER,
  "class-change-address": (env) => env.START_LIMITER,
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
  "class-key-lookup": 60,
  "class-create": 60,
  "teacher-sign-in": 60,
  report: 60,
  "class-play": 60,
  "class-play-address": 60,
  "class-socket-address": 60,
  "class-screen": 60,
  "class-screen-address": 60,
  "class-change-address": 60,
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
  if (!(await allows(BINDING[action](env), action, limitKey(action, subject)))) throw tooMany(why, RETRY_AFTER[action]);
}

/** One limiter call; a fault allows (logged). */
async function allows(binding: RateLimit, action: string, key: string): Promise<boolean> {
  try {
    return (await binding.limit({ key })).success;
  } catch (error) {
    console.error(`${action} limiter failed; allowing the request`, error);
    return true;
  }
}

/** Seats one key of SEAT_LIMITER covers (its limit, 100 a minute, is 10 a seat). */
export const SEATS_PER_KEY = 10;

/** What limitSeats bounds: one class's live sockets from one address. */
export type SeatAction = "class-socket";

/**
 * A per-class, per-address limit whose allowance grows with the class: `seats` (the class's size,
 * plus its teacher's screens) make ceil(seats / 10) keys of SEAT_LIMITER (100 a minute each), tried
 * in turn, so a class of 200 behind one school address gets twenty times what a class of 10 gets,
 * and one address never more than its class's size allows. Throws a 429 once every key is spent.
 * @example await limitSeats(env, "class-socket", "ABC234", client, 40, "…") // 400 a minute
 */
export async function limitSeats(
  env: Env,
  action: SeatAction,
  code: string,
  client: string,
  seats: number,
  why: string,
): Promise<void> {
  const keys = Math.max(1, Math.ceil(seats / SEATS_PER_KEY));
  for (let shard = 0; shard < keys; shard++) {
    if (await allows(env.SEAT_LIMITER, action, `${action}:${code}:${client}:${shard}`)) return;
  }
  throw tooMany(why, 60);
}

/**
 * A class attempt's request that reaches the class's object (an answer, a page that asks where the
 * class is): limited per attempt (120 a minute: a replayed token gets no further, and a class of all
 * 50 statements answered as fast as a script could still fits) and per address
 * (2,000 a minute, every class behind it: 200 students at 10 a minute). A class's allowance from
 * one address grows with its students, since each has their own attempt.
 * @example await limitPlay(env, client, state.id);
 */
export async function limitPlay(env: Env, client: string, attemptId: string): Promise<void> {
  await limit(env, "class-play", attemptId, "This quiz asked for very many pages in the last minute.");
  await limit(env, "class-play-address", client, "Many class pages were opened from your network in the last minute.");
}
