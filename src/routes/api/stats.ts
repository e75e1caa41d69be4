/** @module GET /api/v1/stats and /api/v1/stats/items/:id: what other readers answered, as JSON. */
import { Hono } from "hono";
import { pack } from "../../content/pack";
import { itemTexts, statementOf } from "../../content/texts";
import {
  distribution,
  emptyAggregate,
  MIN_ANSWERED_TO_RANK,
  meanDiscernment,
  type PackAggregate,
  SHOW_THRESHOLD,
} from "../../domain/aggregates";
import { AppError } from "../../services/errors";
import { type ReaderStats, readStats, STATS_CACHE_SECONDS } from "../../services/stats";
import type { AppEnv } from "../env";
import { routeTable } from "./route-table";
import { type ItemStatsBody, type ReaderStatsBody, type StatementStats, statsRoutes } from "./stats-schemas";

export const apiStats = new Hono<AppEnv>();
const on = routeTable(apiStats, "/api/v1/stats");

const CACHE_CONTROL = `public, max-age=${STATS_CACHE_SECONDS}`;

/** Before the job's first run the figures are all zero (and every share null), not an error. */
function figures(stats: ReaderStats | null): { agg: PackAggregate; updatedAt: string | null } {
  return {
    agg: stats?.aggregate ?? emptyAggregate(pack.items.length),
    updatedAt: stats ? new Date(stats.updatedAt).toISOString() : null,
  };
}

/** Each item's place in the listing (pack.listed, verdict-blind): the `position` lists show, 1-based. */
const listedPosition = new Map(pack.listed.map((item, index) => [item.id, index + 1]));

function statementStats(agg: PackAggregate, index: number): StatementStats {
  const item = pack.items[index];
  if (!item) throw new RangeError(`No statement at ${index}.`);
  return { id: item.id, position: listedPosition.get(item.id) ?? index + 1, answered: agg.answered[index] ?? 0 };
}

on(statsRoutes.getReaderStats, async (c) => {
  const { agg, updatedAt } = figures(await readStats(c.env));
  const body: ReaderStatsBody = {
    packVersion: pack.version,
    updatedAt,
    threshold: SHOW_THRESHOLD,
    minAnswered: MIN_ANSWERED_TO_RANK,
    attempts: agg.attempts,
    ranked: agg.ranked,
    meanDiscernment: meanDiscernment(agg),
    distribution: distribution(agg),
    // Listed by article line then id (pack.listed): the pack's own order may carry the verdicts.
    items: pack.listed.map((item) => statementStats(agg, pack.items.indexOf(item))),
  };
  return c.json(body, 200, { "Cache-Control": CACHE_CONTROL });
});

on(statsRoutes.getStatementStats, async (c) => {
  const id = c.req.param("id");
  const index = pack.items.findIndex((item) => item.id === id);
  const item = pack.items[index];
  if (!item) {
    throw new AppError(404, {
      slug: "item-not-found",
      title: "No such statement",
      detail: `There is no statement with the id "${id}". GET /api/v1/quiz lists them.`,
      field: "path.id",
    });
  }
  const { agg, updatedAt } = figures(await readStats(c.env));
  const body: ItemStatsBody = {
    packVersion: pack.version,
    updatedAt,
    threshold: SHOW_THRESHOLD,
    ...statementStats(agg, index),
    statement: statementOf(await itemTexts(c.env.ASSETS), item.id),
  };
  return c.json(body, 200, { "Cache-Control": CACHE_CONTROL });
});
