/**
 * @module class-records: classes and their students in KV — the only code that writes class keys
 * (the key scheme is in class-keys.ts, the cached list of students in roster-cache.ts).
 */
import type { ClassRecord } from "../domain/class";
import { finishedMeta, type StudentMeta } from "../domain/class-results";
import { newJoinCode } from "../domain/ids";
import { nicknameKey } from "../domain/nickname";
import type { AttemptResult } from "../domain/quiz";
import {
  classChildrenPrefix,
  classKey,
  expirationOf,
  isStudentId,
  jsonBytes,
  MAX_LIST_PAGES,
  MAX_METADATA_BYTES,
  ROSTER_MAX_AGE_MS,
  studentIdOf,
  studentKey,
  toStored,
} from "./class-keys";
import { kvCall } from "./kv-errors";
import { forgetRoster, missMemory, recordMemory, remember } from "./roster-cache";

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

/** Reads a class record, or null. Throws KvUnavailableError when KV fails. */
export async function getClass(kv: KVNamespace, code: string): Promise<ClassRecord | null> {
  const value = await kvCall("get", () => kv.get<unknown>(classKey(code), "json"));
  const record = isClassRecord(value) ? value : null;
  const at = Date.now();
  if (record) {
    remember(recordMemory, code, { at, record });
    missMemory.delete(code);
  } else {
    remember(missMemory, code, at);
    recordMemory.delete(code);
  }
  return record;
}

/**
 * A class record for pages that only read it (join page, board): reused from
 * isolate memory for ROSTER_MAX_AGE_MS. Writes always read the record afresh.
 */
export async function getClassCached(kv: KVNamespace, code: string, now = Date.now()): Promise<ClassRecord | null> {
  const known = cachedClass(code, now);
  return known === undefined ? getClass(kv, code) : known;
}

/**
 * The record this isolate read lately (null: no such class), or undefined when it has none fresh:
 * a caller can tell whether finding the class would cost a KV read.
 */
export function cachedClass(code: string, now = Date.now()): ClassRecord | null | undefined {
  const hit = recordMemory.get(code);
  if (hit && now - hit.at < ROSTER_MAX_AGE_MS) return hit.record;
  const missed = missMemory.get(code);
  return missed !== undefined && now - missed < ROSTER_MAX_AGE_MS ? null : undefined;
}

async function putClass(kv: KVNamespace, record: ClassRecord, now: number): Promise<void> {
  await kvCall("put", () =>
    kv.put(classKey(record.code), JSON.stringify(record), { expiration: expirationOf(record, now) }),
  );
  remember(recordMemory, record.code, { at: now, record });
  missMemory.delete(record.code);
}

/**
 * Creates a class under a fresh join code: one get to make sure the code is
 * free (31⁶ ≈ 887 million codes, so a retry is rare), then one put.
 */
export async function insertClassRecord(
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
// The class's Durable Object decides who may join and which finish counts (room-calls.ts);
// KV keeps what the lists read: one key per student, written at join and once at finish.

/** Writes a joined student's key (the object has already let the name in). One put. */
export async function putJoinedStudent(
  kv: KVNamespace,
  record: ClassRecord,
  student: { sid: string; nick: string; attemptId: string },
  now = Date.now(),
): Promise<void> {
  const joined: StudentMeta = { nick: student.nick, id: student.attemptId, joinedAt: now };
  await kvCall("put", () =>
    kv.put(studentKey(record.code, student.sid), JSON.stringify(joined), {
      metadata: toStored(joined),
      expiration: expirationOf(record, now),
    }),
  );
}

/**
 * Writes a finished class attempt on the student's own key, with the metadata the board and
 * dashboard list. One put; the object makes sure each result is written once.
 * Throws KvUnavailableError when KV fails; the object lets the next finish try again.
 */
export async function putClassResult(
  kv: KVNamespace,
  record: ClassRecord,
  result: AttemptResult,
  joinedAt: number,
  now = Date.now(),
): Promise<void> {
  const cls = result.class;
  if (!cls) throw new Error("putClassResult needs a class attempt.");
  // The same key checkNickname gave at join, even if the rules have tightened since.
  const key = studentKey(record.code, await studentIdOf(nicknameKey(cls.nick)));
  const joined = { nick: cls.nick, id: result.attemptId, joinedAt };
  const metadata = toStored(finishedMeta(joined, record.itemIds, result));
  const bytes = jsonBytes(metadata);
  if (bytes > MAX_METADATA_BYTES) throw new RangeError(`Class metadata is ${bytes} bytes, over KV's limit.`);
  await kvCall("put", () => kv.put(key, JSON.stringify(result), { metadata, expiration: expirationOf(record, now) }));
}

// ---- Teacher actions ---------------------------------------------------------------------------

/** Deletes one student's key (the object keeps the name refused). Returns false when there was none. */
export async function deleteStudentKey(kv: KVNamespace, code: string, sid: string): Promise<boolean> {
  if (!isStudentId(sid)) return false;
  const key = studentKey(code, sid);
  const found = await kvCall("get", () => kv.get(key));
  if (found !== null) await kvCall("delete", () => kv.delete(key));
  forgetRoster(code);
  return found !== null;
}

/** Deletes a class result's key (written by a finish the class's delete overtook). */
export async function deleteClassResult(kv: KVNamespace, record: ClassRecord, result: AttemptResult): Promise<void> {
  const cls = result.class;
  if (!cls) return;
  const key = studentKey(record.code, await studentIdOf(nicknameKey(cls.nick)));
  await kvCall("delete", () => kv.delete(key));
  forgetRoster(record.code);
}

/** This isolate knows the class is gone: its pages read no record until the cache ages. */
function forgetDeleted(code: string): void {
  recordMemory.delete(code);
  remember(missMemory, code, Date.now());
}

/** Deletes a class's record (written by a change the class's delete overtook). */
export async function deleteClassRecord(kv: KVNamespace, code: string): Promise<void> {
  await kvCall("delete", () => kv.delete(classKey(code)));
  forgetDeleted(code);
}

/** Deletes several students' keys at once (the object keeps their names refused); a key already gone is fine. */
export async function deleteStudentKeys(kv: KVNamespace, code: string, sids: readonly string[]): Promise<void> {
  const keys = sids.filter(isStudentId).map((sid) => studentKey(code, sid));
  for (let i = 0; i < keys.length; i += 25) {
    await Promise.all(keys.slice(i, i + 25).map((key) => kvCall("delete", () => kv.delete(key))));
  }
  forgetRoster(code);
}

/** Writes a class record whose settings the teacher changed (the class's object took the change first). One put. */
export async function replaceClassRecord(kv: KVNamespace, record: ClassRecord, now = Date.now()): Promise<void> {
  await putClass(kv, record, now);
}

/**
 * Deletes a class and every key under it: lists the class's prefix (pages of
 * 1,000) and deletes each key, and the keys of `sids` (the students its object
 * had, whether listed yet or not), then the record. Returns how many keys went
 * (the listed ones and the record).
 */
export async function deleteClass(kv: KVNamespace, code: string, sids: readonly string[] = []): Promise<number> {
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
  const listed = names.length;
  const known = new Set(names);
  for (const sid of sids) if (isStudentId(sid)) known.add(studentKey(code, sid));
  const all = [...known];
  for (let i = 0; i < all.length; i += 25) {
    const batch = all.slice(i, i + 25);
    await Promise.all(batch.map((name) => kvCall("delete", () => kv.delete(name))));
  }
  forgetRoster(code);
  forgetDeleted(code);
  return listed + 1;
}
