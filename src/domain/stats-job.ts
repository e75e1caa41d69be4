/**
 * @module stats-job: the incremental aggregation run as pure functions (which keys to list, what to count).
 *
 * The job's state lives in the same record as the aggregates: a watermark (the
 * time of the last run that wrote) and the ids counted with a finish inside the
 * lag window before it. A run counts every listed record finished after
 * `watermark − LAG_MS` that is not among those ids, so a record that shows up in
 * a list late (KV is eventually consistent) is still counted, and none twice.
 * Invariant after a run at T: every record finished at or before T − LAG_MS that
 * KV lists by then is counted; counted records finished after T − LAG_MS are in
 * `recent`. `recent` is pruned to that window, so it stays as small as one lag
 * window of finishes.
 */
import { type FinishedMeta, foldAttempts, type PackAggregate } from "./aggregates";
import { attemptIdTimePrefix } from "./ids";

/** How late a finished record may appear in a KV list and still be counted (KV: about 60 s). */
export const LAG_MS = 10 * 60 * 1000;

/** A finish lands within the quiz token's lifetime (6 h) of its start, and keys sort by start. */
export const FINISH_WITHIN_MS = 6 * 60 * 60 * 1000;

/** Slack for clocks of different isolates (start, finish and cron stamp times independently). */
const CLOCK_SLACK_MS = 60 * 1000;

/** With nothing new, the record is still rewritten this often, so the window to list stays short. */
export const IDLE_REFRESH_MS = 6 * 60 * 60 * 1000;

/**
 * Below this many attempts started inside the last run's range, list wide (4-character) prefixes.
 * A narrow run costs about 14 + n/1000 lists, a wide one at most 2 + 5.4 n/1000 (two 16.8 h
 * windows for a 6.2 h range): wide is cheaper up to about 2,700 attempts in the range.
 */
export const WIDE_LIST_BELOW = 2500;

/** The one stored record: aggregates per pack version plus the job's state. */
export interface StatsRecord {
  v: 1;
  /** When the record was last written (epoch ms). */
  updatedAt: number;
  /** The `now` of the last run that wrote; records finished after watermark − LAG_MS are re-examined. */
  watermark: number;
  /** Ids counted whose finish is after watermark − LAG_MS, with that finish time. */
  recent: Record<string, number>;
  /** Attempts the last writing run found started inside its range: picks the next run's prefix width. */
  listed: number;
  packs: Record<string, PackAggregate>;
}

/**
 * The attempt-id times (epoch ms of the start) a run must list: every start that
 * can hold a finish after watermark − LAG_MS, up to now. Null: no record yet, list everything.
 */
export function listRange(record: StatsRecord | null, now: number): { from: number; to: number } | null {
  if (!record) return null;
  const from = Math.max(0, record.watermark - LAG_MS - FINISH_WITHIN_MS - CLOCK_SLACK_MS);
  return { from, to: Math.max(from, now + CLOCK_SLACK_MS) };
}

/**
 * The key-name prefixes (after `v1:quiz:`) covering listRange: 4-character ones
 * (about 16.8 h each) while few attempts fall in the range, else 5-character ones
 * (about 28 min). No record yet: one empty prefix, a full scan (records expire
 * after 30 days, so it is bounded).
 * @example listPrefixes(record, Date.now()) // ["0mi7", "0mi8"]
 */
export function listPrefixes(record: StatsRecord | null, now: number): string[] {
  const range = listRange(record, now);
  if (!record || !range) return [""];
  const width = record.listed < WIDE_LIST_BELOW ? 4 : 5;
  const size = 36 ** (9 - width);
  const prefixes: string[] = [];
  for (let w = Math.floor(range.from / size); w <= Math.floor(range.to / size); w++) {
    prefixes.push(attemptIdTimePrefix(w * size).slice(0, width));
  }
  return prefixes;
}

/**
 * Folds one run's listed records into the record. Returns the record to write, or
 * null when nothing should be written (nothing new, and the record is fresh).
 * @example const next = applyRun(record, metas, controller.scheduledTime);
 */
export function applyRun(
  record: StatsRecord | null,
  listedMetas: readonly FinishedMeta[],
  now: number,
): { record: StatsRecord; counted: number } | null {
  const since = record ? record.watermark - LAG_MS : Number.NEGATIVE_INFINITY;
  const recent = record?.recent ?? {};
  const fresh = new Map<string, FinishedMeta>();
  for (const meta of listedMetas) {
    if (meta.finishedAt > since && !Object.hasOwn(recent, meta.id)) fresh.set(meta.id, meta);
  }
  if (fresh.size === 0 && (!record || now - record.updatedAt < IDLE_REFRESH_MS)) return null;

  // Counted in the range, not in the windows listed, so the width chosen does not change the count.
  const range = listRange(record, now);
  const fromId = range ? attemptIdTimePrefix(range.from) : "";
  const listed = listedMetas.filter((meta) => meta.id >= fromId).length;
  const { packs, added } = foldAttempts(record?.packs ?? {}, [...fresh.values()]);
  // The watermark never moves back, even if a cron stamp is older than the last run's.
  const watermark = Math.max(record?.watermark ?? 0, now);
  const keep: Record<string, number> = {};
  for (const [id, finishedAt] of Object.entries(recent)) if (finishedAt > watermark - LAG_MS) keep[id] = finishedAt;
  for (const meta of fresh.values()) if (meta.finishedAt > watermark - LAG_MS) keep[meta.id] = meta.finishedAt;
  return { record: { v: 1, updatedAt: now, watermark, recent: keep, listed, packs }, counted: added };
}

/** Checks the shape of a stored record; anything else reads as "no record" (the next run rebuilds it). */
export function parseStatsRecord(value: unknown): StatsRecord | null {
  if (typeof value !== "object" || value === null) return null;
  const r = value as Partial<StatsRecord>;
  if (r.v !== 1 || !Number.isSafeInteger(r.watermark) || !Number.isSafeInteger(r.updatedAt)) return null;
  if (typeof r.recent !== "object" || r.recent === null || typeof r.packs !== "object" || r.packs === null) return null;
  return { ...(r as StatsRecord), listed: Number.isSafeInteger(r.listed) ? (r.listed as number) : 0 };
}
