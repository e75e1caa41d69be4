/**
 * @module scheduled: the Cron Trigger that folds newly finished attempts into the reader statistics.
 *
 * One run: one `get` of the statistics record, one `list()` page per 1000 keys in
 * the time windows that can hold new finishes, and at most one `put` (none when
 * nothing changed). Per-request code never touches the aggregate.
 */
import { applyRun, listPrefixes } from "./domain/stats-job";
import { getStatsRecord, listFinishedAttempts, putStatsRecord } from "./store/aggregates";

/** What one run did, for the log and the tests. */
export interface StatsRunReport {
  /** Attempts newly counted. */
  counted: number;
  written: boolean;
  /** KV operations: 1 get, `lists` list pages, 0 or 1 put. */
  lists: number;
  keys: number;
}

/**
 * Runs the aggregation once as of `now` (epoch ms); the clock is passed in so tests can move it.
 * @example const report = await runStatsJob(env.SCORES, controller.scheduledTime);
 */
export async function runStatsJob(kv: KVNamespace, now: number): Promise<StatsRunReport> {
  const record = await getStatsRecord(kv);
  const listed = await listFinishedAttempts(kv, listPrefixes(record, now));
  const next = applyRun(record, listed.metas, now);
  if (next) await putStatsRecord(kv, next.record);
  return { counted: next?.counted ?? 0, written: next !== null, lists: listed.lists, keys: listed.keys };
}

/** The Worker's `scheduled` handler (wrangler.toml [triggers]). */
export const scheduled: ExportedHandlerScheduledHandler<Env> = async (controller, env) => {
  const report = await runStatsJob(env.SCORES, controller.scheduledTime);
  console.log(`stats job: ${JSON.stringify(report)}`);
};
