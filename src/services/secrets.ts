/** @module secrets: the signing secret from the environment, and the two keys derived from it. */
import { MIN_SECRET_LENGTH } from "../domain/token";

/**
 * The signing secret, or null when it is missing or too short: callers then fail closed.
 * @example const secret = quizSecret(c.env); // null → 503, never an unsigned token
 */
export function quizSecret(env: Env): string | null {
  const secret = env.QUIZ_SECRET;
  return typeof secret === "string" && secret.length >= MIN_SECRET_LENGTH ? secret : null;
}
