/**
 * @module card-json: the cards as the JSON API spells them. The list is built by the Worker; each
 * card's full JSON (with its body) is written to public/ by `npm run prerender` and read back
 * through the assets binding, so the bodies stay out of the bundle.
 */
import type { Pack } from "../../content/build";
import type { Card, CardInfo } from "../../content/pack";
import type { CardDetail, CardSummary } from "./schemas";

/** A card in the list. */
export function summaryOf(card: CardInfo): CardSummary {
  return {
    slug: card.slug,
    title: card.title,
    summary: card.summary,
    reviewed: card.reviewed,
    url: `/api/v1/cards/${card.slug}`,
    page: `/cards/${card.slug}`,
  };
}

/**
 * A card's JSON with its body, as `npm run prerender` writes it to public/.
 * @example cardDetailOf(sourcePack, card).itemIds
 */
export function cardDetailOf(full: Pack<Card>, card: Card): CardDetail {
  return {
    packVersion: full.version,
    ...summaryOf(card),
    body: card.body,
    itemIds: full.items.filter((item) => item.lesson === card.slug).map((item) => item.id),
  };
}

/** Where a card's JSON lives among the static files. */
export const cardFile = (slug: string): string => `/api/v1/cards/${slug}.json`;
