/** @module GET /api/v1/cards and /api/v1/cards/:slug: the explainer cards as JSON. */
import { Hono } from "hono/tiny";
import { type Card, pack } from "../../content/pack";
import { AppError } from "../../services/errors";
import type { AppEnv } from "../env";
import { publicCache } from "../middleware";
import type { CardDetail, CardList, CardSummary } from "./schemas";

export const apiCards = new Hono<AppEnv>();

apiCards.use(...publicCache());

function summaryOf(card: Card): CardSummary {
  return {
    slug: card.slug,
    title: card.title,
    summary: card.summary,
    reviewed: card.reviewed,
    url: `/api/v1/cards/${card.slug}`,
    page: `/cards/${card.slug}`,
  };
}

// The pack is fixed for the life of the Worker, so each body is built once, not per request.
const list: CardList = { packVersion: pack.version, cards: pack.cards.map(summaryOf) };
const details = new Map<string, CardDetail>(
  pack.cards.map((card) => [
    card.slug,
    {
      packVersion: pack.version,
      ...summaryOf(card),
      body: card.body,
      itemIds: pack.items.filter((item) => item.lesson === card.slug).map((item) => item.id),
    },
  ]),
);

apiCards.get("/", (c) => c.json(list));

apiCards.get("/:slug", (c) => {
  const slug = c.req.param("slug");
  const card = details.get(slug);
  if (!card) {
    throw new AppError(404, {
      slug: "card-not-found",
      title: "No such card",
      detail: `There is no card with the slug "${slug}". GET /api/v1/cards lists them.`,
      field: "path.slug",
    });
  }
  return c.json(card);
});
