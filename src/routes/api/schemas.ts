/**
 * @module JSON shapes of the /api/v1 responses, as zod/mini schemas shared by every API route.
 *
 * Routes type their bodies with these (`z.infer`), the tests parse real responses with them,
 * and the OpenAPI document is generated from them and the route descriptors below.
 */
import * as z from "zod/mini";
import type { Problem as ProblemBody } from "../problem";

const about = (description: string) => z.describe(description);

// ---- Problems (RFC 9457) -------------------------------------------------------------

export const Problem = z.object({
  type: z.string().check(about("A URI reference naming the kind of problem, e.g. /api/v1/problems/not-found.")),
  title: z.string().check(about("A short, human-readable summary of the problem.")),
  status: z.number().check(z.int(), about("The HTTP status code.")),
  detail: z.optional(z.string().check(about("What went wrong in this request, in plain words."))),
  field: z.optional(z.string().check(about('The request field at fault, e.g. "path.slug" or "body.answer".'))),
  errors: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
});
export type Problem = z.infer<typeof Problem>;

// The schema and the interface in ../problem.ts must describe the same body.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const problemShapesAgree: Same<Problem, ProblemBody> = true;
void problemShapesAgree;

// ---- Cards -----------------------------------------------------------------------------

const slug = z.string().check(about("The card's stable identifier, e.g. attribution."));
const reviewed = z.string().check(about("The date (YYYY-MM-DD) an editor last reviewed the card."));
const packVersion = z.string().check(about("The content pack version these data come from, e.g. 2026-11-25.1."));

/** One card in the list. */
export const CardSummary = z.object({
  slug,
  title: z.string(),
  summary: z.string().check(about("One sentence saying what the card teaches.")),
  reviewed,
  url: z.string().check(about("This card in the JSON API (a path on this host).")),
  page: z.string().check(about("This card as a web page for readers (a path on this host).")),
});
export type CardSummary = z.infer<typeof CardSummary>;

/** GET /api/v1/cards */
export const CardList = z.object({
  packVersion,
  cards: z.array(CardSummary).check(about("Every card, in reading order.")),
});
export type CardList = z.infer<typeof CardList>;

/** GET /api/v1/cards/{slug} */
export const CardDetail = z.object({
  packVersion,
  ...CardSummary.shape,
  body: z.array(z.string()).check(about("The card's text, one string per paragraph (120 words at most in all).")),
  itemIds: z
    .array(z.string())
    .check(about("Ids of the quiz items this card teaches; their verdicts are not given here.")),
});
export type CardDetail = z.infer<typeof CardDetail>;

// ---- Route descriptors (read by the OpenAPI generator) -----------------------------------

/** One response of a route: its description and, for bodies, the schema and media type. */
export interface ApiResponse {
  description: string;
  schema?: z.core.$ZodType;
  /** Defaults to application/json, or application/problem+json for 4xx/5xx. */
  contentType?: string;
  /** Response headers worth documenting, by name. */
  headers?: Record<string, string>;
}

/** One route of the JSON API, as OpenAPI needs it. Paths use OpenAPI's {param} syntax. */
export interface ApiRoute {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  operationId: string;
  summary: string;
  tags: string[];
  parameters?: { name: string; in: "path" | "query" | "header"; required: boolean; description: string }[];
  requestBody?: { description: string; schema: z.core.$ZodType };
  responses: Record<string, ApiResponse>;
}

const cacheHeaders = {
  "Cache-Control": "public, max-age=300",
  ETag: "A strong validator of the body; send it back in If-None-Match to get 304 Not Modified.",
};

export const cardRoutes: ApiRoute[] = [
  {
    method: "get",
    path: "/api/v1/cards",
    operationId: "listCards",
    summary: "List the explainer cards",
    tags: ["Cards"],
    responses: {
      "200": { description: "Every card, in reading order.", schema: CardList, headers: cacheHeaders },
      "304": { description: "Not modified since the ETag given in If-None-Match." },
    },
  },
  {
    method: "get",
    path: "/api/v1/cards/{slug}",
    operationId: "getCard",
    summary: "Get one explainer card and the ids of the quiz items that use it",
    tags: ["Cards"],
    parameters: [{ name: "slug", in: "path", required: true, description: "The card's slug, e.g. attribution." }],
    responses: {
      "200": { description: "The card.", schema: CardDetail, headers: cacheHeaders },
      "304": { description: "Not modified since the ETag given in If-None-Match." },
      "404": { description: "No card has this slug (field path.slug).", schema: Problem },
    },
  },
];
