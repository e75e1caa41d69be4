/**
 * @module build: indexing a content pack, and the slim copy of it the Worker bundles.
 *
 * The Worker needs neither the quotes (each is a slice of the article, found by its location),
 * nor the items' claimants, explanations and checks (a static file read once per isolate), nor the cards'
 * bodies (the card pages and the cards' JSON are static files): leaving them out of
 * src/content/runtime.json keeps the bundle small. Both shapes come from the same files.
 */
import { type ArticleLine, articleLines, locateQuote, type QuoteLocation } from "./article.ts";
import type { Card, Item, PackInfo } from "./schema.ts";

/** An item with where its quote sits in the article, for highlighting it inside its paragraph. */
export interface PackItem extends Omit<Item, "reviewed" | "explanation" | "check" | "claimant"> {
  location: QuoteLocation;
}

/** What the Worker needs of pack.json: the version (every stored attempt records it) and the title. */
export type PackTitle = Pick<PackInfo, "version" | "title">;

/** A card as the Worker knows it: everything but its body. */
export type CardInfo = Omit<Card, "body">;

/** An item as content/ has it, located: what build-time code and tests read. */
export type SourceItem = Item & { location: QuoteLocation };

export interface Pack<C extends CardInfo = CardInfo, I extends PackItem = PackItem> {
  info: PackTitle;
  version: string;
  article: string;
  lines: ArticleLine[];
  items: I[];
  cards: C[];
  itemById: Map<string, I>;
  cardBySlug: Map<string, C>;
}

/**
 * What src/content/runtime.json holds: items without their quotes, claimants, explanations, checks
 * and review dates (claimants, explanations and checks are a static file, see src/content/texts.ts),
 * cards without their bodies.
 */
export interface RuntimeContent {
  info: PackTitle;
  article: string;
  items: (Omit<Item, "quote" | "reviewed" | "explanation" | "check" | "claimant"> & { location: QuoteLocation })[];
  cards: CardInfo[];
}

function indexed<C extends CardInfo, I extends PackItem>(
  info: PackTitle,
  text: string,
  items: I[],
  cards: C[],
): Pack<C, I> {
  return {
    info,
    version: info.version,
    article: text,
    lines: articleLines(text),
    items,
    cards,
    itemById: new Map(items.map((item) => [item.id, item])),
    cardBySlug: new Map(cards.map((card) => [card.slug, card])),
  };
}

/**
 * Builds the indexed pack from content/; throws if a quote cannot be located (validation
 * should have caught it).
 * @example const pack = buildPack(info, items, cards, article);
 */
export function buildPack(info: PackInfo, items: Item[], cards: Card[], text: string): Pack<Card, SourceItem> {
  const lines = articleLines(text);
  const located = items.map((item) => {
    const found = locateQuote(lines, text, item.quote);
    if (!found.ok) throw new Error(`content: item ${item.id}: quote ${found.problem}`);
    return { ...item, location: found.location };
  });
  return indexed(info, text, located, cards);
}

/**
 * The slim copy for the Worker (written to src/content/runtime.json by `npm run prerender`).
 * @example runtimeContent(sourcePack).items[0].location // { line: 0, start: 0, end: 143 }
 */
export function runtimeContent(full: Pack<Card, SourceItem>): RuntimeContent {
  return {
    info: { version: full.info.version, title: full.info.title },
    article: full.article,
    items: full.items.map(({ quote: _q, reviewed: _r, explanation: _e, check: _c, claimant: _w, ...item }) => item),
    cards: full.cards.map(({ body: _, ...card }) => card),
  };
}

/**
 * The Worker's pack from the slim copy: each quote is sliced back out of its article line.
 * @example packFromRuntime(runtime).itemById.get("seventy-attackers-killed")?.quote
 */
export function packFromRuntime(runtime: RuntimeContent): Pack {
  const lines = articleLines(runtime.article);
  const items = runtime.items.map((item) => {
    const line = lines.find((l) => l.index === item.location.line);
    if (!line) throw new Error(`content: item ${item.id}: no article line ${item.location.line}`);
    return { ...item, quote: line.text.slice(item.location.start, item.location.end) };
  });
  return indexed(runtime.info, runtime.article, items, runtime.cards);
}
