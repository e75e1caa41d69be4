/** @module GET /api/v1/cards and /api/v1/cards/:slug: the explainer cards as JSON. */
import { Hono } from "hono";
import { pack } from "../../content/pack";
import { AppError } from "../../services/errors";
import type { AppEnv } from "../env";
import { publicCache } from "../middleware";
import { cardFile, cardList } from "./card-json";
import { routeTable } from "./route-table";
import { type CardDetail, cardRoutes } from "./schemas";

export const apiCards = new Hono<AppEnv>();
const on = routeTable(apiCards, "/api/v1/cards");

apiCards.use(...publicCache());

// The list is fixed for the life of the Worker: prerendered, read once per isolate.
on(cardRoutes.listCards, async (c) => c.json(await cardList(c.env.ASSETS)));

on(cardRoutes.getCard, async (c) => {
  const slug = c.req.param("slug");
  if (!pack.cardBySlug.has(slug)) {
    throw new AppError(404, {
      slug: "card-not-found",
      title: "No such card",
      detail: `There is no card with the slug "${slug}". GET /api/v1/cards lists them.`,
      field: "path.slug",
    });
  }
  // The card's body is a static file: read through the assets binding, no KV, no bundle bytes.
  const file = await c.env.ASSETS.fetch(new URL(cardFile(slug), c.req.url));
  if (!file.ok) {
    console.error(`The static card ${cardFile(slug)} answered ${file.status}; run npm run prerender.`);
    throw new AppError(503, {
      slug: "card-unavailable",
      title: "The card is unavailable",
      detail: "Please try again later.",
    });
  }
  return c.json((await file.json()) as CardDetail);
});
