/**
 * @module JSON shapes of the reader statistics (/api/v1/stats), as zod/mini schemas, and their route table.
 */
import * as z from "zod/mini";
import { itemId } from "./requests";
import { Problem, type RouteTable } from "./schemas";

const about = (description: string) => z.describe(description);
const count = (description: string) => z.int().check(z.gte(0), about(description));
const packVersion = z.string().check(about("The content pack version these figures are for, e.g. 2026-11-25.1."));
const updatedAt = z
  .nullable(z.string())
  .check(about("When the scheduled job last updated the figures (ISO 8601, UTC); null before its first run."));
const threshold = count(
  "The mean and the distribution are given only once at least this many attempts are behind them; below, null.",
);
/**
 * One statement's figures. No share correct: read before answering, a lean crowd's share hints at
 * the verdict; a reader sees it on the statement's feedback page, after answering.
 */
export const StatementStats = z.object({
  id: itemId,
  position: count("1-based position in the list of GET /api/v1/quiz (by article line, then id)."),
  answered: count("Finished public attempts that answered this statement."),
});
export type StatementStats = z.infer<typeof StatementStats>;

/** GET /api/v1/stats */
export const ReaderStatsBody = z.object({
  packVersion,
  updatedAt,
  threshold,
  minAnswered: count("An attempt joins the distribution and the mean only with at least this many answers."),
  attempts: count("Finished public attempts counted (classroom attempts are not)."),
  ranked: count("Of those, attempts with at least minAnswered answers."),
  meanDiscernment: z
    .nullable(z.number())
    .check(about("Mean discernment of the ranked attempts, −1..1; null below threshold.")),
  distribution: z
    .nullable(
      z.array(
        z.object({
          percent: count("Percent correct, rounded to the nearest 10 (0, 10, …, 100)."),
          attempts: count("Ranked attempts in this bucket."),
        }),
      ),
    )
    .check(about("Ranked attempts by percent correct, in 11 buckets; null below threshold.")),
  items: z.array(StatementStats).check(about("Every statement in quiz order.")),
});
export type ReaderStatsBody = z.infer<typeof ReaderStatsBody>;

/** GET /api/v1/stats/items/{id} */
export const ItemStatsBody = z.object({
  packVersion,
  updatedAt,
  threshold,
  ...StatementStats.shape,
  statement: z.string().check(about("The statement readers judged.")),
});
export type ItemStatsBody = z.infer<typeof ItemStatsBody>;

const cacheHeaders = { "Cache-Control": "public, max-age=60: the figures change every few minutes at most." };

export const statsRoutes = {
  getReaderStats: {
    method: "get",
    path: "/api/v1/stats",
    summary: "What other readers answered: counts, score distribution, how often each statement was answered",
    tags: ["Statistics"],
    responses: {
      "200": {
        description: "The current pack's figures, updated every 5 minutes by a scheduled job.",
        schema: ReaderStatsBody,
        headers: cacheHeaders,
      },
    },
  },
  getStatementStats: {
    method: "get",
    path: "/api/v1/stats/items/{id}",
    summary: "How often readers answered one statement",
    tags: ["Statistics"],
    parameters: [
      { name: "id", in: "path", required: true, description: "The statement's id, as in GET /api/v1/quiz." },
    ],
    responses: {
      "200": { description: "The statement's figures.", schema: ItemStatsBody, headers: cacheHeaders },
      "404": { description: "No statement has this id (field path.id).", schema: Problem },
    },
  },
} satisfies RouteTable;
