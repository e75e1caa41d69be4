/**
 * @module classes: classes and their students in KV — the only code that touches class keys.
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
 *
 * The board and the dashboard are ONE `list()` by the `:s:` prefix (pages of 1,000)
 * reading metadata only, cached per class for ROSTER_MAX_AGE_MS in isolate memory
 * and, on a custom domain, in the Cache API (a no-op on workers.dev).
 */

import { decodeBase64url, encodeBase64url } from "../domain/base64url";
import type { ClassRecord } from "../domain/class";
import { finishedMeta, type StudentEntry, type StudentMeta } from "../domain/class-results";
import { newJoinCode } from "../domain/ids";
import { nicknameKey } from "../domain/nickname";
import type { AttemptResult } from "../domain/quiz";
import { kvCall } from "./kv-errors";

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
const MAX_LIST_PAGES = 20;
/** Classes whose roster or record an isolate keeps in memory at once. */
const MAX_CACHED_CLASSES = 200;

export function classKey(code: string): string {
  return `${CLASS_PREFIX}${code}`;
}

/** The prefix of every key under a class except the class record itself. */
function classChildrenPrefix(code: string): string {
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
function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Metadata as stored: the nickname as is when ASCII, else base64url of its UTF-8 in `nick64`. */
type StoredMeta = Omit<StudentMeta, "nick"> & { nick?: string; nick64?: string };

function toStored(meta: StudentMeta): StoredMeta {
  if (PRINTABLE_ASCII.test(meta.nick)) return meta;
  const { nick, ...rest } = meta;
  return { ...rest, nick64: encodeBase64url(new TextEncoder().encode(nick)) };
}

function fromStored(value: unknown): StudentMeta | null {
  const m = value as Partial<StoredMeta> | null;
  if (typeof m !== "object" || m === null || typeof m.id !== "string") return null;
  if (typeof m.nick === "string") return m as StudentMeta;
  const bytes = typeof m.nick64 === "string" ? decodeBase64url(m.nick64) : null;
  if (!bytes) return null;
  const { nick64: _, ...rest } = m;
  return { ...(rest as Omit<StudentMeta, "nick">), nick: new TextDecoder().decode(bytes) };
}

/** Whether a nickname fits the metadata budget once stored. */
export function nicknameFits(nick: string): boolean {
  const stored = toStored({ nick, id: "", joinedAt: 0 });
  // Characters inside the JSON string's quotes (escapes of " and \ included).
  return JSON.stringify(stored.nick ?? stored.nick64).length - 2 <= MAX_STORED_NICK;
}

/** Absolute expiry (epoch seconds) for a class's keys; KV needs it at least 60 s ahead. */
function expirationOf(record: ClassRecord, now: number): number {
  return Math.max(Math.floor(record.expiresAt / 1000), Math.floor(now / 1000) + 60);
}

// ---- Class records ---------------------------------------------------------------------------

function isClassRecord(value: unknown): value is ClassRecord {
  const r = value as Partial<ClassRecord> | null;
  return (
    typeof r === "object" &&
    r !== null &&
    r.v === 1 &&
    typeof r.code === "string" &&
    Array.isArray(r.itemIds) &&
    typeof r.keyHash === "string" &&
    Array.isArray(r.removed)
  );
}

const recordMemory = new Map<string, { at: number; record: ClassRecord | null }>();

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  map.set(key, value);
  // Maps iterate in insertion order: drop the oldest entries.
  while (map.size > MAX_CACHED_CLASSES) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}

/** Reads a class record, or null. Throws KvUnavailableError when KV fails. */
export async function getClass(kv: KVNamespace, code: string): Promise<ClassRecord | null> {
  const value = await kvCall("get", () => kv.get<unknown>(classKey(code), "json"));
  const record = isClassRecord(value) ? value : null;
  remember(recordMemory, code, { at: Date.now(), record });
  return record;
}

/**
 * A class record for pages that only read it (join page, board): reused from
 * isolate memory for ROSTER_MAX_AGE_MS. Writes always read the record afresh.
 */
export async function getClassCached(kv: KVNamespace, code: string, now = Date.now()): Promise<ClassRecord | null> {
  const hit = recordMemory.get(code);
  if (hit && now - hit.at < ROSTER_MAX_AGE_MS) return hit.record;
  return getClass(kv, code);
}

async function putClass(kv: KVNamespace, record: ClassRecord, now: number): Promise<void> {
  await kvCall("put", () =>
    kv.put(classKey(record.code), JSON.stringify(record), { expiration: expirationOf(record, now) }),
  );
  remember(recordMemory, record.code, { at: now, record });
}

/**
 * Creates a class under a fresh join code: one get to make sure the code is
 * free (31⁶ ≈ 887 million codes, so a retry is rare), then one put.
 */
export async function createClass(
  kv: KVNamespace,
  build: (code: string) => ClassRecord,
  now = Date.now(),
): Promise<ClassRecord> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newJoinCode();
    const taken = await kvCall("get", () => kv.get(classKey(code)));
    if (taken !== null) continue;
    const record = build(code);
    await putClass(kv, record, now);
    return record;
  }
  throw new Error("Could not find a free join code in 5 tries.");
}

/** Closes joining (students already in can still finish). One get, one put. */
export async function closeClass(kv: KVNamespace, code: string, now = Date.now()): Promise<ClassRecord | null> {
  const record = await getClass(kv, code);
  if (!record) return null;
  if (record.closed) return record;
  const closed = { ...record, closed: true };
  await putClass(kv, closed, now);
  return closed;
}

// ---- Joining and finishing -------------------------------------------------------------------

export type JoinOutcome = { ok: true; sid: string } | { ok: false; problem: "taken" };

/**
 * Records a student under their nickname's key: a get first (best effort: two
 * joins of one name at the same moment can both pass it; the later put wins the
 * key and the other student's result is kept at finish under a clash key), then
 * one put with the join in the metadata.
 */
export async function joinStudent(
  kv: KVNamespace,
  record: ClassRecord,
  student: { nick: string; nickKey: string; attemptId: string },
  now = Date.now(),
): Promise<JoinOutcome> {
  const sid = await studentIdOf(student.nickKey);
  const key = studentKey(record.code, sid);
  const existing = await kvCall("get", () => kv.get(key));
  if (existing !== null) return { ok: false, problem: "taken" };
  const joined: StudentMeta = { nick: student.nick, id: student.attemptId, joinedAt: now };
  await kvCall("put", () =>
    kv.put(key, JSON.stringify(joined), { metadata: toStored(joined), expiration: expirationOf(record, now) }),
  );
  return { ok: true, sid };
}

/** Why a finished class attempt was not stored (the student still sees their own result). */
export type ClassSaveRefusal = "class-gone" | "removed";

/**
 * Stores a finished class attempt on the student's own key: one fresh get of the
 * class record (is it still there; was this student removed?), one get of the
 * student's key (first finish wins; replays store nothing), then one put whose
 * metadata carries everything the board and dashboard need.
 * Throws KvUnavailableError when KV fails; nothing is lost, the caller can retry.
 */
export async function saveClassAttempt(
  kv: KVNamespace,
  result: AttemptResult,
  now = Date.now(),
): Promise<{ result: AttemptResult; stored: boolean; refused?: ClassSaveRefusal }> {
  const cls = result.class;
  if (!cls) throw new Error("saveClassAttempt needs a class attempt.");
  const record = await getClass(kv, cls.code);
  if (!record) return { result, stored: false, refused: "class-gone" };
  if (record.removed.includes(result.attemptId)) return { result, stored: false, refused: "removed" };

  // The same key checkNickname gave at join, even if the rules have tightened since.
  const sid = await studentIdOf(nicknameKey(cls.nick));
  let key = studentKey(record.code, sid);
  const joined = { nick: cls.nick, id: result.attemptId, joinedAt: result.startedAt };
  const main = await kvCall("get", () => kv.getWithMetadata<StoredMeta>(key, "text"));
  if (main.value !== null && main.metadata?.id !== result.attemptId) {
    // Another student holds this name's key (a join race): keep this result beside it.
    key = studentKey(record.code, `${sid}.${result.attemptId}`);
    const mine = await kvCall("get", () => kv.get(key));
    if (mine !== null) return { result: JSON.parse(mine) as AttemptResult, stored: false };
  } else if (main.metadata?.id === result.attemptId) {
    joined.joinedAt = main.metadata.joinedAt;
    if (main.metadata.finishedAt !== undefined && main.value) {
      return { result: JSON.parse(main.value) as AttemptResult, stored: false };
    }
  }
  const metadata = toStored(finishedMeta(joined, record.itemIds, result));
  const bytes = jsonBytes(metadata);
  if (bytes > MAX_METADATA_BYTES) throw new RangeError(`Class metadata is ${bytes} bytes, over KV's limit.`);
  await kvCall("put", () => kv.put(key, JSON.stringify(result), { metadata, expiration: expirationOf(record, now) }));
  return { result, stored: true };
}

// ---- The roster: one list, cached --------------------------------------------------------------

/** Every student of a class as listed, and when the list was read (epoch ms). */
export interface Roster {
  at: number;
  entries: StudentEntry[];
}

/** Lists a class's students from KV: one list() per 1,000 students, metadata only. */
export async function listStudents(kv: KVNamespace, code: string): Promise<StudentEntry[]> {
  const prefix = studentPrefix(code);
  const entries: StudentEntry[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_LIST_PAGES; page++) {
    const listed: KVNamespaceListResult<StoredMeta> = await kvCall("list", () =>
      kv.list<StoredMeta>(cursor ? { prefix, cursor } : { prefix }),
    );
    for (const key of listed.keys) {
      const meta = fromStored(key.metadata);
      if (meta) entries.push({ ...meta, sid: key.name.slice(prefix.length) });
    }
    if (listed.list_complete) break;
    cursor = listed.cursor;
  }
  return entries;
}

const rosterMemory = new Map<string, { at: number; roster: Promise<Roster> }>();

/** The data-centre cache: works on a custom domain; on workers.dev its calls do nothing. */
function sharedCache(): Cache | undefined {
  return typeof caches === "undefined" ? undefined : (caches as unknown as { default?: Cache }).default;
}

function rosterCacheUrl(origin: string, code: string): string {
  return `${origin}/__cache/v1/class/${code}/roster`;
}

async function loadRoster(kv: KVNamespace, code: string, now: number, origin?: string): Promise<Roster> {
  const cache = origin ? sharedCache() : undefined;
  const url = origin ? rosterCacheUrl(origin, code) : "";
  if (cache) {
    const hit = await cache.match(url).catch(() => undefined);
    if (hit) {
      const roster = (await hit.json().catch(() => null)) as Roster | null;
      if (roster && Array.isArray(roster.entries) && now - roster.at < ROSTER_MAX_AGE_MS) return roster;
    }
  }
  const roster: Roster = { at: now, entries: await listStudents(kv, code) };
  if (cache) {
    const body = JSON.stringify(roster);
    const maxAge = Math.ceil(ROSTER_MAX_AGE_MS / 1000);
    await cache
      .put(
        url,
        new Response(body, { headers: { "content-type": "application/json", "cache-control": `max-age=${maxAge}` } }),
      )
      .catch(() => undefined);
  }
  return roster;
}

/**
 * The class's students for the board, the dashboard and the CSV: at most one
 * KV list per class per ROSTER_MAX_AGE_MS in this isolate (concurrent requests
 * share one list in flight), and — given the request's origin, on a custom
 * domain — at most one per data centre.
 */
export function readRoster(kv: KVNamespace, code: string, options: { now?: number; origin?: string } = {}) {
  const now = options.now ?? Date.now();
  const hit = rosterMemory.get(code);
  if (hit && now - hit.at < ROSTER_MAX_AGE_MS) return hit.roster;
  const roster = loadRoster(kv, code, now, options.origin);
  const entry = { at: now, roster };
  remember(rosterMemory, code, entry);
  roster.then(
    (loaded) => {
      entry.at = loaded.at; // a roster from the data-centre cache is as old as its list
    },
    () => {
      if (rosterMemory.get(code) === entry) rosterMemory.delete(code);
    },
  );
  return roster;
}

/** Drops a class's cached roster and record (after a teacher's change), here and in the data centre. */
export async function forgetClass(code: string, origin?: string): Promise<void> {
  rosterMemory.delete(code);
  recordMemory.delete(code);
  const cache = origin ? sharedCache() : undefined;
  if (cache) await cache.delete(rosterCacheUrl(origin as string, code)).catch(() => false);
}

// ---- Teacher actions ---------------------------------------------------------------------------

/**
 * Removes one student (so a student whose phone died can rejoin under the same
 * name): their attempt id goes on the class record's removed list, so a later
 * finish from the old phone is not stored, then their key is deleted.
 * Returns false when no such student is listed.
 */
export async function removeStudent(kv: KVNamespace, code: string, sid: string, now = Date.now()): Promise<boolean> {
  if (!isStudentId(sid)) return false;
  const key = studentKey(code, sid);
  const found = await kvCall("get", () => kv.getWithMetadata<StoredMeta>(key, "text"));
  if (found.value === null) return false;
  const record = await getClass(kv, code);
  if (!record) return false;
  const id = found.metadata?.id;
  if (id && !record.removed.includes(id)) {
    // Capped so the record stays small; a class never sees anywhere near 500 removals.
    await putClass(kv, { ...record, removed: [...record.removed, id].slice(-500) }, now);
  }
  await kvCall("delete", () => kv.delete(key));
  rosterMemory.delete(code);
  return true;
}

/**
 * Deletes a class and every key under it: lists the class's prefix (pages of
 * 1,000) and deletes each key, then the record. Returns how many keys went.
 */
export async function deleteClass(kv: KVNamespace, code: string): Promise<number> {
  const prefix = classChildrenPrefix(code);
  const names: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_LIST_PAGES; page++) {
    const listed = await kvCall("list", () => kv.list(cursor ? { prefix, cursor } : { prefix }));
    names.push(...listed.keys.map((key) => key.name));
    if (listed.list_complete) break;
    cursor = listed.cursor;
  }
  // Delete the record first: from then on nothing new can be stored under the class.
  await kvCall("delete", () => kv.delete(classKey(code)));
  for (let i = 0; i < names.length; i += 25) {
    const batch = names.slice(i, i + 25);
    await Promise.all(batch.map((name) => kvCall("delete", () => kv.delete(name))));
  }
  rosterMemory.delete(code);
  recordMemory.set(code, { at: Date.now(), record: null });
  return names.length + 1;
}
