/**
 * @module stats (service): the reader statistics of the current pack, for pages and the API.
 *
 * Statistics are optional: a page shows them when they are there and never waits on
 * or fails because of them. One KV `get` (edge-cached for 60 s) per isolate per
 * minute at most; the job rewrites the record every few minutes anyway.
 */
import { pack } from "../content/pack";
import {
  betterThan,
  bucketOf,
  distribution,
  MIN_ANSWERED_TO_RANK,
  type PackAggregate,
  percentCorrect,
  shareCorrect,
} from "../domain/aggregates";
import { getStatsRecord } from "../store/aggregates";
import type { ReaderStandingProps, ReadersGotThisRightProps, ScoreChartProps } from "../views/stats";

/** How long an isolate (and KV's edge cache) may keep the figures. */
export const STATS_CACHE_SECONDS = 60;

/** The current pack's aggregate and when it was last updated. */
export interface ReaderStats {
  packVersion: string;
  aggregate: PackAggregate;
  /** Epoch ms of the job run that last wrote the figures. */
  updatedAt: number;
}

// Keyed by the KV binding, so each binding (and each test's wrapped binding) has its own entry.
const cache = new WeakMap<KVNamespace, { at: number; value: ReaderStats | null }>();
let failureLogged = false;

/**
 * The current pack's statistics, or null when nothing is aggregated yet or KV fails.
 * @example const stats = await readStats(c.env); if (stats) shareCorrect(stats.aggregate, 0, "verified");
 */
export async function readStats(env: Pick<Env, "SCORES">, now = Date.now()): Promise<ReaderStats | null> {
  const hit = cache.get(env.SCORES);
  if (hit && now - hit.at < STATS_CACHE_SECONDS * 1000) return hit.value;
  let value: ReaderStats | null = null;
  try {
    const record = await getStatsRecord(env.SCORES, STATS_CACHE_SECONDS);
    const aggregate = record?.packs[pack.version];
    if (record && aggregate && aggregate.answered.length === pack.items.length) {
      value = { packVersion: pack.version, aggregate, updatedAt: record.updatedAt };
    }
  } catch (error) {
    // Once per isolate: an outage would otherwise log on every page view.
    if (!failureLogged) console.error("reader statistics unavailable", error);
    failureLogged = true;
  }
  cache.set(env.SCORES, { at: now, value });
  return value;
}

/**
 * Props for ReadersGotThisRight on a statement's feedback page (share null when not shown).
 * @example <ReadersGotThisRight {...statementFigures(await readStats(c.env), itemId)} />
 */
export function statementFigures(stats: ReaderStats | null, itemId: string): ReadersGotThisRightProps {
  const index = pack.items.findIndex((item) => item.id === itemId);
  const item = pack.items[index];
  if (!stats || !item) return { share: null, answered: 0 };
  return { share: shareCorrect(stats.aggregate, index, item.verdict), answered: stats.aggregate.answered[index] ?? 0 };
}

/**
 * Props for ReaderStanding and ScoreChart on a result page.
 * @example const f = resultFigures(await readStats(c.env), score.correct, score.answered);
 * <ReaderStanding {...f.standing} /> <ScoreChart {...f.chart} />
 */
export function resultFigures(
  stats: ReaderStats | null,
  correct: number,
  answered: number,
): { standing: ReaderStandingProps; chart: ScoreChartProps } {
  if (!stats) return { standing: { betterThan: null, attempts: 0 }, chart: { distribution: null } };
  const agg = stats.aggregate;
  return {
    standing: { betterThan: betterThan(agg, correct, answered), attempts: agg.ranked },
    chart: {
      distribution: distribution(agg),
      ...(answered >= MIN_ANSWERED_TO_RANK ? { highlight: bucketOf(percentCorrect(correct, answered)) } : {}),
    },
  };
}
