/** @module limits: the one call to the write limiter, and the one place its keys are built. */
import { tooMany } from "./errors";

/** What a limited write is: each has its own allowance per subject. */
export type LimitedAction = "quiz-finish" | "class-create" | "class-join" | "class-teacher" | "report";

/**
 * The limiter key of an action on a subject (an attempt id, a class code), or of the
 * action alone. Keyed on the attempt or class, never the address: a classroom shares one.
 * @example limitKey("class-join", "ABC234") // "class-join:ABC234"
 */
export function limitKey(action: LimitedAction, subject?: string): string {
  return subject ? `${action}:${subject}` : action;
}

/**
 * Asks the write limiter; throws a 429 AppError (Retry-After) when the allowance is spent.
 * A limiter fault lets the write through with one logged error: it guards cost, not
 * correctness, and KV's own per-key limit still applies.
 * @example await limit(c.env, "class-join", code, "Many students are joining this class right now.");
 */
export async function limit(env: Env, action: LimitedAction, subject: string | undefined, why: string): Promise<void> {
  let allowed = true;
  try {
    allowed = (await env.WRITE_LIMITER.limit({ key: limitKey(action, subject) })).success;
  } catch (error) {
    console.error("WRITE_LIMITER failed; allowing the write", error);
  }
  if (!allowed) throw tooMany(why);
}
