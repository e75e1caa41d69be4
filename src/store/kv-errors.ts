/** @module kv-errors: one error type for "KV did not answer", so routes can turn it into a 503. */

/**
 * Thrown by store functions when a KV call fails (network, limits, outage).
 * Routes answer 503 and keep what the user already has (their quiz token), so
 * they can simply try again.
 */
export class KvUnavailableError extends Error {
  override name = "KvUnavailableError";
  constructor(operation: string, cause: unknown) {
    super(`KV ${operation} failed`, { cause });
  }
}

/**
 * Runs one KV call, turning any failure into a KvUnavailableError.
 * @example const value = await kvCall("get", () => kv.get(key, "json"));
 */
export async function kvCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (cause) {
    throw new KvUnavailableError(operation, cause);
  }
}
