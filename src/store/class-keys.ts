/**
 * @module class-keys: the KV key scheme of classes and the codec of a student's list metadata.
 *
 * Keys (all expire with the class, 30 days after creation):
 * - `v1:class:<CODE>`: the class record (options, items, teacher key hash, closed,
 *   removed attempts). Written at creation and by the teacher (close, remove): rare,
 *   and by one person, so its read-modify-write has a single writer.
 * - `v1:class:<CODE>:s:<sid>`: one key per student, `sid` = 128 bits of SHA-256 of
 *   the nickname's look-alike key (fixed length, so any nickname fits KV's 512-byte keys).
 *   Written once at join and overwritten once at finish: each student writes only
 *   their own key, so concurrent students never overwrite each other.
 * - `v1:class:<CODE>:s:<sid>.<attemptId>`: only when two students joined with the same
 *   name at the same moment (KV cannot stop that race): the one who lost the key at
 *   join keeps their result under this key, so no result is lost.
 */
import { decodeBase64url, encodeBase64url } from "../domain/base64url";
import type { ClassRecord } from "../domain/class";
import type { StudentMeta } from "../domain/class-results";

export const CLASS_PREFIX = "v1:class:";

/** KV's limit on metadata, in bytes of JSON. */
export const MAX_METADATA_BYTES = 1024;

/**
 * Longest nickname as stored in metadata, in characters of its JSON string. Metadata travels
 * in an HTTP header (CF-KV-Metadata), so a nickname with any non-ASCII character
 * is stored as base64url of its UTF-8 (`nick64`) and the metadata stays ASCII.
 * 700 characters (≈ 525 UTF-8 bytes) keeps a finished student's metadata, with
 * the largest class, under KV's 1024 bytes (tested); 24 everyday emoji take at
 * most a few hundred, only 20-odd family emoji or subdivision flags are refused.
 */
export const MAX_STORED_NICK = 700;

/** How long a board or dashboard reuses one list of a class: at most one list per class per interval. */
export const ROSTER_MAX_AGE_MS = 20_000;

/** Most students a list reads (20 pages): far above any class, a bound on one request's KV calls. */
export const MAX_LIST_PAGES = 20;

export function classKey(code: string): string {
  return `${CLASS_PREFIX}${code}`;
}

/** The prefix of every key under a class except the class record itself. */
export function classChildrenPrefix(code: string): string {
  return `${CLASS_PREFIX}${code}:`;
}

/** The prefix the board lists: every student of a class. */
export function studentPrefix(code: string): string {
  return `${CLASS_PREFIX}${code}:s:`;
}

export function studentKey(code: string, sid: string): string {
  return studentPrefix(code) + sid;
}

/** A student id: 22 base64url characters, or that plus "." and an attempt id after a name clash. */
const SID = /^[A-Za-z0-9_-]{22}(\.[0-9a-z]{35})?$/;

export function isStudentId(sid: string): boolean {
  return SID.test(sid);
}

/** The student id of a nickname key (its look-alike skeleton, see nicknameKey): 128 bits of its SHA-256. */
export async function studentIdOf(nickKey: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(nickKey));
  return encodeBase64url(new Uint8Array(digest).slice(0, 16));
}

/** UTF-8 length of a JSON value. */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Metadata as stored: the nickname as is when ASCII, else base64url of its UTF-8 in `nick64`; the
 * confidences packed three statements to a character in `conf` (packConfidences), so the largest
 * class with the longest name stays within KV's 1,024 bytes.
 */
export type StoredMeta = Omit<StudentMeta, "nick" | "confidences"> & { nick?: string; nick64?: string; conf?: string };

export function toStored(meta: StudentMeta): StoredMeta {
  const { confidences, ...plain } = meta;
  const packed: StudentMeta & { conf?: string } =
    confidences === undefined ? plain : { ...plain, conf: packConfidences(confidences) };
  if (PRINTABLE_ASCII.test(meta.nick)) return packed;
  const { nick, ...rest } = packed;
  return { ...rest, nick64: encodeBase64url(new TextEncoder().encode(nick)) };
}

export function fromStored(value: unknown): StudentMeta | null {
  const m = value as Partial<StoredMeta> | null;
  if (typeof m !== "object" || m === null || typeof m.id !== "string") return null;
  const { conf, ...rest } = m;
  const confidences =
    typeof conf === "string" && typeof m.answers === "string" ? unpackConfidences(conf, m.answers.length) : null;
  const meta = (confidences === null ? rest : { ...rest, confidences }) as Partial<StoredMeta> & { id: string };
  if (typeof meta.nick === "string") return meta as StudentMeta;
  const bytes = typeof meta.nick64 === "string" ? decodeBase64url(meta.nick64) : null;
  if (!bytes) return null;
  const { nick64: _, ...named } = meta;
  return { ...(named as Omit<StudentMeta, "nick">), nick: new TextDecoder().decode(bytes) };
}

/** The four confidence characters in the order their two bits count them. */
const CONFIDENCE_DIGITS = "-sfg";
const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/**
 * Confidences ("s", "f", "g", "-" per statement) three to a base64url character: 2 bits each.
 * @example packConfidences("sfg-") // "bA" (50 statements take 17 characters)
 */
export function packConfidences(confidences: string): string {
  let packed = "";
  for (let i = 0; i < confidences.length; i += 3) {
    let value = 0;
    for (let j = i; j < i + 3; j++) value = value * 4 + Math.max(0, CONFIDENCE_DIGITS.indexOf(confidences[j] ?? "-"));
    packed += BASE64URL[value];
  }
  return packed;
}

/** The confidences of `length` statements again; null for a string packConfidences did not make. */
export function unpackConfidences(packed: string, length: number): string | null {
  let confidences = "";
  for (const char of packed) {
    const value = BASE64URL.indexOf(char);
    if (value === -1) return null;
    for (const shift of [4, 2, 0]) confidences += CONFIDENCE_DIGITS[(value >> shift) & 3];
  }
  return packed.length === Math.ceil(length / 3) ? confidences.slice(0, length) : null;
}

/** Whether a nickname fits the metadata budget once stored. */
export function nicknameFits(nick: string): boolean {
  const stored = toStored({ nick, id: "", joinedAt: 0 });
  // Characters inside the JSON string's quotes (escapes of " and \ included).
  return JSON.stringify(stored.nick ?? stored.nick64).length - 2 <= MAX_STORED_NICK;
}

/** Absolute expiry (epoch seconds) for a class's keys; KV needs it at least 60 s ahead. */
export function expirationOf(record: ClassRecord, now: number): number {
  return Math.max(Math.floor(record.expiresAt / 1000), Math.floor(now / 1000) + 60);
}
