/** @module token: signed, expiring tokens (HMAC-SHA-256 over a base64url JSON body). */

import { decodeBase64url, encodeBase64url } from "./base64url";

/** Thrown when the signing secret is absent or too short: the app must fail closed. */
export class MissingSecretError extends Error {
  constructor() {
    super(`The token signing secret is missing or shorter than ${MIN_SECRET_LENGTH} characters.`);
    this.name = "MissingSecretError";
  }
}

/** Secrets shorter than this are treated as missing (a typo'd or placeholder value). */
export const MIN_SECRET_LENGTH = 16;

/** Longer tokens are rejected unparsed, so a huge cookie or body costs no HMAC. */
export const MAX_TOKEN_LENGTH = 8192;

/** Why a token was refused. */
export type TokenProblem = "malformed" | "bad-signature" | "expired";

/** The result of verifying a token. */
export type VerifyResult<T> = { ok: true; payload: T } | { ok: false; reason: TokenProblem };

// A Worker normally has one secret (two during a rotation); the cap only guards
// against unbounded growth if callers ever pass per-request secrets.
const MAX_CACHED_KEYS = 4;
const keyCache = new Map<string, Promise<CryptoKey>>();
const encoder = new TextEncoder();

/** A raw secret, or an HMAC key already derived from one (see deriveSigningKey). */
export type SigningKey = string | CryptoKey;

/** Imports (once per secret) the HMAC key; caching the promise also dedupes concurrent imports. */
function hmacKey(secret: SigningKey): Promise<CryptoKey> {
  if (typeof secret === "object" && secret !== null) return Promise.resolve(secret);
  if (typeof secret !== "string" || secret.length < MIN_SECRET_LENGTH) throw new MissingSecretError();
  let key = keyCache.get(secret);
  if (!key) {
    if (keyCache.size >= MAX_CACHED_KEYS) keyCache.clear();
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
      "verify",
    ]);
    keyCache.set(secret, key);
  }
  return key;
}

/**
 * Signs `payload` plus `exp` (epoch seconds) as `base64url(JSON).base64url(HMAC)`.
 * There is no header: the algorithm is fixed, so no token can choose it.
 * A payload's own `exp` field is overwritten.
 */
export async function signToken(payload: object, secret: SigningKey, expiresAt: number): Promise<string> {
  const key = await hmacKey(secret);
  if (!Number.isFinite(expiresAt)) throw new RangeError("expiresAt must be a finite number of epoch seconds.");
  const body = encodeBase64url(encoder.encode(JSON.stringify({ ...payload, exp: expiresAt })));
  const signature = await crypto.subtle.sign("HMAC", key, encoder.encode(body));
  return `${body}.${encodeBase64url(new Uint8Array(signature))}`;
}

/**
 * Verifies a token at time `now` (epoch seconds). The signature is checked
 * (in constant time, by WebCrypto) before the body is parsed, so untrusted
 * JSON is never read. The payload returned still carries `exp`.
 * Throws MissingSecretError if the secret is missing, like signToken.
 */
export async function verifyToken<T>(token: string, secret: SigningKey, now: number): Promise<VerifyResult<T>> {
  const key = await hmacKey(secret);
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "malformed" };
  const parts = token.split(".");
  const [body, sig] = parts;
  if (parts.length !== 2 || !body || !sig) return { ok: false, reason: "malformed" };
  const bodyBytes = decodeBase64url(body);
  const signature = decodeBase64url(sig);
  if (!bodyBytes || !signature) return { ok: false, reason: "malformed" };
  if (!(await crypto.subtle.verify("HMAC", key, signature, encoder.encode(body)))) {
    return { ok: false, reason: "bad-signature" };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bodyBytes));
  } catch {
    return { ok: false, reason: "malformed" };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { ok: false, reason: "malformed" };
  const exp = (parsed as { exp?: unknown }).exp;
  if (typeof exp !== "number" || !Number.isFinite(exp)) return { ok: false, reason: "malformed" };
  if (now >= exp) return { ok: false, reason: "expired" };
  return { ok: true, payload: parsed as T };
}

/** What a derived key signs: a token of one purpose never verifies as the other ("quiz-form": a form plan's seed; "who-says": where each item's right voice sits). */
export type KeyPurpose = "quiz-token" | "teacher-cookie" | "class-pace" | "quiz-form" | "who-says";

const derived = new Map<string, Promise<CryptoKey>>();

/**
 * Derives the HMAC key for one purpose from the secret with HKDF-SHA-256 (info = the
 * purpose), once per secret and purpose. Throws MissingSecretError like signToken.
 * @example const key = await deriveSigningKey(env.QUIZ_SECRET, "quiz-token");
 */
export function deriveSigningKey(secret: string, purpose: KeyPurpose): Promise<CryptoKey> {
  if (typeof secret !== "string" || secret.length < MIN_SECRET_LENGTH) throw new MissingSecretError();
  const id = `${purpose}\n${secret}`;
  let key = derived.get(id);
  if (!key) {
    if (derived.size >= MAX_CACHED_KEYS * 2) derived.clear();
    key = crypto.subtle
      .importKey("raw", encoder.encode(secret), "HKDF", false, ["deriveKey"])
      .then((base) =>
        crypto.subtle.deriveKey(
          { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: encoder.encode(purpose) },
          base,
          { name: "HMAC", hash: "SHA-256", length: 256 },
          false,
          ["sign", "verify"],
        ),
      );
    derived.set(id, key);
  }
  return key;
}
