/**
 * @module card-json: the cards as the JSON API spells them. Both are written by `npm run prerender`
 * and read back through the assets binding, so the summaries and bodies stay out of the bundle:
 * each card's full JSON (with its body) as a public static file, the list as a private content file
 * (GET /api/v1/cards has no file extension for the asset server to serve it by).
 */
import type { Pack } from "../../content/build";
import type { Card } from "../../content/pack";
import { contentFile } from "../../content/static-file";
import type { CardDetail, CardList, CardSummary } from "./schemas";

/** A card in the list. */
export function summaryOf(card: Card): CardSummary {
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
 * No item ids: a card's items share its lesson, which would give their verdicts away.
 * @example cardDetailOf(sourcePack, card).body
 */
export function cardDetailOf(full: Pack<Card>, card: Card): CardDetail {
  return {
    packVersion: full.version,
    ...summaryOf(card),
    body: card.body,
  };
}

/** Where a card's JSON lives among the static files. */
export const cardFile = (slug: string): string => `/api/v1/cards/${slug}.json`;

/** The card list's private content file: GET /api/v1/cards's body, and the pack version it is for. */
export interface CardListFile {
  version: string;
  list: CardList;
}

/** Where the card list sits among the static files. */
export const CARD_LIST_PATH = "/content/card-list.json";

/**
 * The card list as `npm run prerender` writes it.
 * @example cardListFile(sourcePack).list.cards[0]?.summary
 */
export function cardListFile(full: Pack<Card>): CardListFile {
  return { version: full.version, list: { packVersion: full.version, cards: full.cards.map(summaryOf) } };
}

/**
 * GET /api/v1/cards's body, read once per isolate (a ContentUnavailableError, a 503, if it cannot be).
 * @example (await cardList(c.env.ASSETS)).cards.length
 */
export function cardList(assets: Fetcher): Promise<CardList> {
  return contentFile(assets, CARD_LIST_PATH, (file: CardListFile) => file.list);
}
