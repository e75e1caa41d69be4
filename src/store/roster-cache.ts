/**
 * @module roster-cache: a class's students as one KV `list()` by the `:s:` prefix (pages of
 * 1,000), metadata only, reused per class for ROSTER_MAX_AGE_MS in isolate memory and, on a
 * custom domain, in the Cache API (a no-op on workers.dev); and the isolate's memory of records.
 */
import type { ClassRecord } from "../domain/class";
import type { StudentEntry } from "../domain/class-results";
import { fromStored, MAX_LIST_PAGES, ROSTER_MAX_AGE_MS, type StoredMeta, studentPrefix } from "./class-keys";
import { kvCall } from "./kv-errors";

/** Classes whose roster or record an isolate keeps in memory at once. */
const MAX_CACHED_CLASSES = 200;

/** Class records read lately in this isolate, by code. */
export const recordMemory = new Map<string, { at: number; record: ClassRecord }>();

/**
 * Codes read lately that name no class, when (epoch ms). Apart from the records, so a guesser's
 * misses push out other misses, never a real class that a room of phones is reading.
 */
export const missMemory = new Map<string, number>();

/** Adds to a bounded memory (`max` entries), dropping the oldest entries. */
export function remember<V>(map: Map<string, V>, key: string, value: V, max = MAX_CACHED_CLASSES): void {
  map.delete(key);
  map.set(key, value);
  // Maps iterate in insertion order: drop the oldest entries.
  while (map.size > max) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}

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
 * domain — at most one per data centre. An empty list is kept like a full one:
 * the screens read it only while the class's object holds nothing (nobody has
 * joined), and the first join is read from the object, not from this list.
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
  missMemory.delete(code);
  const cache = origin ? sharedCache() : undefined;
  if (cache) await cache.delete(rosterCacheUrl(origin as string, code)).catch(() => false);
}

/** Drops a class's roster from this isolate's memory (after a write the next read must see). */
export function forgetRoster(code: string): void {
  rosterMemory.delete(code);
}
