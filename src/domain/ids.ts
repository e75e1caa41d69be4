/** @module ids: attempt ids, class join codes and teacher keys (random, never guessable). */

import { encodeBase64url } from "./base64url";

/** Fixed width of the base36 millisecond timestamp; 36^9 ms lasts until the year 5188. */
const TIME_WIDTH = 9;
const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/** Join-code alphabet: no 0/O, 1/I/L, so a code read off a projector is typed right. */
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const JOIN_CODE_LENGTH = 6;
const JOIN_CODE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

export const TEACHER_KEY_PREFIX = "tk_";

function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** RFC 4648 base32, lowercase, unpadded. */
function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff; // at most 12 unread bits matter
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32[(buffer >>> bits) & 31];
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * The sortable time prefix of an attempt id for `ms` (epoch milliseconds):
 * use it as a KV list start point for "what is new since".
 */
export function attemptIdTimePrefix(ms: number): string {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms >= 36 ** TIME_WIDTH) throw new RangeError("Bad timestamp.");
  return ms.toString(36).padStart(TIME_WIDTH, "0");
}

/**
 * A time-ordered id: 9 base36 characters of `now` (ms) then 128 random bits in
 * lowercase base32 (26 chars), so ids sort by time as plain strings (KV key order).
 */
export function newAttemptId(now: number): string {
  return attemptIdTimePrefix(now) + base32(randomBytes(16));
}

/**
 * A student's code to get back into their class: 5 characters of the join-code alphabet, one in
 * 28.6 million, and guesses are limited per address like joins (services/classes.ts).
 */
export const REJOIN_CODE_LENGTH = 5;
const REJOIN_CODE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${REJOIN_CODE_LENGTH}}$`);

/** `length` characters uniform over the join-code alphabet (rejection sampling, no modulo bias). */
function randomCode(length: number): string {
  const n = JOIN_CODE_ALPHABET.length;
  const limit = 256 - (256 % n); // bytes at or above this would favour the first characters
  let code = "";
  while (code.length < length) {
    for (const byte of randomBytes(16)) {
      if (byte < limit && code.length < length) code += JOIN_CODE_ALPHABET[byte % n];
    }
  }
  return code;
}

/** A 6-character join code, uniform over the alphabet. */
export function newJoinCode(): string {
  return randomCode(JOIN_CODE_LENGTH);
}

/** A 5-character code for a student to get back in (unique within the class: its object checks). */
export function newRejoinCode(): string {
  return randomCode(REJOIN_CODE_LENGTH);
}

/** Upper case, NFKC, without spaces and dashes; null for anything not a short string. */
function canonical(input: string): string | null {
  if (typeof input !== "string" || input.length > 64) return null;
  return input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015]/g, "");
}

/** Accepts "abc-def", " ABC DEF " or fullwidth forms; returns the canonical code or null. */
export function normalizeJoinCode(input: string): string | null {
  const code = canonical(input);
  return code !== null && JOIN_CODE.test(code) ? code : null;
}

/**
 * A rejoin code as typed ("k7m 2q" → "K7M2Q"), or null when it cannot be one.
 * @example normalizeRejoinCode("k7m-2q") // "K7M2Q"
 */
export function normalizeRejoinCode(input: string): string | null {
  const code = canonical(input);
  return code !== null && REJOIN_CODE.test(code) ? code : null;
}

/** A teacher key: "tk_" + 192 random bits in base64url. Shown once; only its hash is stored. */
export function newTeacherKey(): string {
  return TEACHER_KEY_PREFIX + encodeBase64url(randomBytes(24));
}

/** SHA-256 of a teacher key, as lowercase hex (what is stored). */
export async function hashTeacherKey(key: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Whether `key` hashes to `storedHash`. Compares every character with an XOR
 * accumulator (no early exit), so timing does not reveal how much matched.
 */
export async function keysMatch(key: string, storedHash: string): Promise<boolean> {
  if (typeof key !== "string" || typeof storedHash !== "string") return false;
  const hash = await hashTeacherKey(key);
  let diff = hash.length ^ storedHash.length;
  for (let i = 0; i < hash.length; i++) diff |= hash.charCodeAt(i) ^ storedHash.charCodeAt(i);
  return diff === 0;
}
