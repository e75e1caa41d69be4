/**
 * @module aggregates (store): the reader-statistics record and the attempt lists the job reads.
 *
 * One key, `v1:stats`, holds the aggregates of every pack version and the job's
 * state (stats-job.ts). Only the scheduled job writes it, at most once a run, so no
 * two requests ever read-modify-write it. Attempts are read with `list()`, metadata
 * only: never one `get` per attempt.
 */
import { type FinishedMeta, finishedMetaOf } from "../domain/aggregates";
import { parseStatsRecord, type StatsRecord } from "../domain/stats-job";
import { ATTEMPT_PREFIX } from "./attempts";
import { kvCall } from "./kv-errors";

/** The one statistics record. */
export const STATS_KEY = "v1:stats";

/** What one pass over some key prefixes found, and what it cost. */
export interface ListedAttempts {
  /** Valid public attempts (class attempts and bad metadata are left out). */
  metas: FinishedMeta[];
  /** Keys listed, valid or not. */
  keys: number;
  /** list() calls made (one per page of up to 1000 keys). */
  lists: number;
}

/**
 * Lists every finished attempt under `v1:quiz:<prefix>` for each prefix, following cursors.
 * Throws KvUnavailableError when KV fails (the run is abandoned and retried by the next cron).
 * @example const { metas } = await listFinishedAttempts(env.SCORES, ["0mi7"]);
 */
export async function listFinishedAttempts(kv: KVNamespace, prefixes: readonly string[]): Promise<ListedAttempts> {
  const out: ListedAttempts = { metas: [], keys: 0, lists: 0 };
  for (const prefix of prefixes) {
    let cursor: string | undefined;
    do {
      const page: KVNamespaceListResult<unknown> = await kvCall("list", () =>
        kv.list({ prefix: ATTEMPT_PREFIX + prefix, ...(cursor ? { cursor } : {}) }),
      );
      out.lists++;
      for (const key of page.keys) {
        out.keys++;
        const meta = finishedMetaOf(key.name.slice(ATTEMPT_PREFIX.length), key.metadata);
        if (meta) out.metas.push(meta);
      }
      cursor = page.list_complete ? undefined : page.cursor;
    } while (cursor);
  }
  return out;
}

/**
 * Reads the statistics record, or null when there is none (or it is unreadable).
 * `cacheTtl` lets pages read an edge-cached copy; the job reads the latest.
 * Throws KvUnavailableError when KV fails.
 */
export async function getStatsRecord(kv: KVNamespace, cacheTtl?: number): Promise<StatsRecord | null> {
  const value = await kvCall("get", () =>
    kv.get<unknown>(STATS_KEY, cacheTtl === undefined ? { type: "json" } : { type: "json", cacheTtl }),
  );
  return parseStatsRecord(value);
}

/** Writes the statistics record. Throws KvUnavailableError when KV fails. */
export async function putStatsRecord(kv: KVNamespace, record: StatsRecord): Promise<void> {
  await kvCall("put", () => kv.put(STATS_KEY, JSON.stringify(record)));
}
