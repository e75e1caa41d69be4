/**
 * @module The content pack as the Worker uses it: bundled, already validated, indexed once.
 *
 * content/*.json is checked by scripts/check-content.ts before every bundle and by the
 * content tests, so the Worker trusts the files and never re-validates per request.
 */
import article from "../../content/belgorod-article.txt";
import cardsJson from "../../content/cards.json";
import itemsJson from "../../content/items.json";
import infoJson from "../../content/pack.json";
import { type ArticleLine, articleLines, locateQuote, type QuoteLocation } from "./article.ts";
import type { Card, Item, PackInfo } from "./schema.ts";

export type { Card, ClaimantKind, Item, Verdict } from "./schema.ts";

/** An item with where its quote sits in the article, for highlighting it inside its paragraph. */
export interface PackItem extends Item {
  location: QuoteLocation;
}

export interface Pack {
  info: PackInfo;
  version: string;
  article: string;
  lines: ArticleLine[];
  items: PackItem[];
  cards: Card[];
  itemById: Map<string, PackItem>;
  cardBySlug: Map<string, Card>;
}

/** Builds the indexed pack; throws if a quote cannot be located (validation should have caught it). */
export function buildPack(info: PackInfo, items: Item[], cards: Card[], text: string): Pack {
  const lines = articleLines(text);
  const located = items.map((item) => {
    const found = locateQuote(lines, text, item.quote);
    if (!found.ok) throw new Error(`content: item ${item.id}: quote ${found.problem}`);
    return { ...item, location: found.location };
  });
  return {
    info,
    version: info.version,
    article: text,
    lines,
    items: located,
    cards,
    itemById: new Map(located.map((item) => [item.id, item])),
    cardBySlug: new Map(cards.map((card) => [card.slug, card])),
  };
}

// JSON imports widen literal unions to string; the build-time check guarantees the shapes.
export const pack: Pack = buildPack(
  infoJson as PackInfo,
  itemsJson as unknown as Item[],
  cardsJson as unknown as Card[],
  article,
);
