/**
 * @module join-bucket: how fast one address may join one class, as a pure token bucket. A whole
 * school shares one address, so a class arriving together is let in (a burst of JOIN_BURST, then
 * JOIN_REFILL_PER_SECOND), while a script firing hundreds of joins gets a few places, not the class.
 */

/** Joins one address may make at once. */
export const JOIN_BURST = 10;
/** Joins the bucket earns back each second, up to JOIN_BURST. */
export const JOIN_REFILL_PER_SECOND = 1;

/** One address's bucket in one class: tokens left at `at` (epoch ms). */
export interface JoinBucket {
  tokens: number;
  at: number;
}

/**
 * Takes one join from the bucket (absent: a full one), or says how many seconds until the next.
 * @example takeJoin(undefined, Date.now()).ok // true
 */
export function takeJoin(
  bucket: JoinBucket | undefined,
  now: number,
): { ok: true; bucket: JoinBucket } | { ok: false; bucket: JoinBucket; retryAfterSeconds: number } {
  const earned = bucket ? (Math.max(0, now - bucket.at) / 1000) * JOIN_REFILL_PER_SECOND : JOIN_BURST;
  const tokens = Math.min(JOIN_BURST, (bucket?.tokens ?? 0) + earned);
  if (tokens >= 1) return { ok: true, bucket: { tokens: tokens - 1, at: now } };
  const retryAfterSeconds = Math.max(1, Math.ceil((1 - tokens) / JOIN_REFILL_PER_SECOND));
  return { ok: false, bucket: { tokens, at: now }, retryAfterSeconds };
}
