/**
 * @module attempts: finished quiz attempts in KV, one record per attempt.
 *
 * Key: `v1:quiz:<attemptId>`. Attempt ids are time-ordered at START (ids.ts), so
 * keys sort by start time, not finish time (docs/ARCHITECTURE.md, "KV key layout"): "the
 * first finish wins across tokens of one attempt" needs a key derivable from the
 * attempt id alone, so that a second finish finds the first with one `get`. A
 * finish always falls within the token lifetime (6 h) of its start, so a job
 * reading "what is new since T" lists the time-window prefixes from T − 6 h to
 * now (KV lists by prefix only: `ATTEMPT_PREFIX + attemptIdTimePrefix(t).slice(0, 5)`
 * is a window of 36^4 ms, about 28 minutes) and filters on `metadata.finishedAt`.
 *
 * Finishing costs one `get` and at most one `put`; nothing here ever reads,
 * modifies and rewrites a shared key.
 */
import type { FormRef } from "../domain/forms";
import { type AttemptResult, answersInOrder, confidencesInOrder } from "../domain/quiz";
import { kvCall } from "./kv-errors";

/** Every finished attempt's key starts with this. */
export const ATTEMPT_PREFIX = "v1:quiz:";

/** Finished attempts expire after 30 days. */
export const ATTEMPT_TTL_SECONDS = 30 * 24 * 60 * 60;

/** KV's limit on metadata, in bytes of JSON. */
export const MAX_METADATA_BYTES = 1024;

/** What a list() needs to show or aggregate results without a get() per attempt. */
export interface AttemptMetadata {
  /** Correct answers. */
  score: number;
  answered: number;
  /** Discernment, −1..1, two decimals. */
  discernment: number;
  /** Bias c, two decimals; positive = cautious, negative = trusting. */
  c: number;
  /**
   * One character per item of the pack, in pack order: "v", "u" or "-" (not answered, or not in the
   * attempt's form), so reader statistics count per statement whatever form was played. Attempts
   * stored before forms answered the whole pack in pack order: the same shape.
   */
  answers: string;
  /** Content pack version the attempt was played on. */
  pack: string;
  /** Epoch milliseconds of the (first) finish. */
  finishedAt: number;
  /** The public form played (absent for class attempts and attempts stored before forms). */
  form?: FormRef;
  /** The self-estimate (absent: skipped, or stored before estimates). */
  estimate?: number;
  /**
   * How sure the reader was, laid out like `answers`: "s", "f", "g" per answered item, "-" not said
   * (or not answered). Absent when no confidence was given, and in records stored before them.
   */
  confidences?: string;
  /**
   * "Who says so?" picks, laid out like `answers`: "0", "1", "2" (the position picked among the item's
   * choices), "-" not said (or not answered). Absent when it was not asked, and in records stored before it.
   */
  who?: string;
}

/** The KV key of an attempt. */
export function attemptKey(attemptId: string): string {
  return ATTEMPT_PREFIX + attemptId;
}

/**
 * The list metadata of a result, its answers laid out in `order` (the pack's ids; without it, in the
 * attempt's order); throws if it would exceed KV's 1024-byte limit.
 */
export function metadataOf(result: AttemptResult, order?: readonly string[]): AttemptMetadata {
  const metadata: AttemptMetadata = {
    score: result.score.correct,
    answered: result.score.answered,
    discernment: result.score.discernment,
    c: result.score.bias,
    answers: order ? answersInOrder(result, order) : result.answers,
    pack: result.packVersion,
    finishedAt: result.finishedAt,
  };
  if (result.form) metadata.form = { ...result.form };
  if (result.estimate !== undefined) metadata.estimate = result.estimate;
  const confidences = order ? confidencesInOrder(result, order) : result.confidences;
  if (confidences !== undefined) metadata.confidences = confidences;
  if (result.who !== undefined) {
    metadata.who = order ? answersInOrder({ items: result.items, answers: result.who }, order) : result.who;
  }
  const bytes = new TextEncoder().encode(JSON.stringify(metadata)).length;
  if (bytes > MAX_METADATA_BYTES) throw new RangeError(`Attempt metadata is ${bytes} bytes, over KV's limit.`);
  return metadata;
}

/**
 * Stores a finished attempt once. If the attempt is already stored, the stored
 * result wins and nothing is written (`stored: false`): finishing twice, or from
 * an older token of the same attempt, returns the first result.
 * Throws KvUnavailableError when KV fails; nothing is lost, the caller can retry.
 */
export async function saveFinishedAttempt(
  kv: KVNamespace,
  result: AttemptResult,
  order?: readonly string[],
): Promise<{ result: AttemptResult; stored: boolean }> {
  const key = attemptKey(result.attemptId);
  const existing = await kvCall("get", () => kv.get<AttemptResult>(key, "json"));
  if (existing && existing.attemptId === result.attemptId) return { result: existing, stored: false };
  const metadata = metadataOf(result, order);
  await kvCall("put", () => kv.put(key, JSON.stringify(result), { metadata, expirationTtl: ATTEMPT_TTL_SECONDS }));
  return { result, stored: true };
}
