/**
 * @module build: indexing a content pack, and the slim copy of it the Worker bundles.
 *
 * The Worker needs neither the article nor its quotes (a static file read once per isolate, see
 * src/content/quotes.ts; each quote is a slice of the article, found by its location), nor the items'
 * statements, claimants, explanations and checks (a static file too, src/content/texts.ts), nor the cards'
 * bodies and summaries (the card pages and the cards' JSON are static files): leaving them out of
 * src/content/runtime.json keeps the bundle small. Every shape comes from the same files.
 */
import {
  type ArticleLine,
  articleLines,
  type ContextLocation,
  locateContext,
  locateQuote,
  type QuoteLocation,
} from "./article.ts";
import type { Card, Item, PackInfo } from "./schema.ts";

/**
 * An item as the Worker knows it: its id, verdict, card and where its quote sits in the article; neither
 * the quote nor its texts (the statement among them: src/content/texts.ts).
 */
export interface PackItem
  extends Omit<Item, "statement" | "quote" | "context" | "reviewed" | "explanation" | "check" | "claimant"> {
  /** The item's public id (publicIdOf its name): what pages, URLs, JSON, tokens and records carry. */
  id: string;
  /** The item's slug in content/items.json ("spokesman-gave-toll"): for authors and tests, never shown. */
  name: string;
  location: QuoteLocation;
  /** Where its context sits in the article, as a key: items shown one passage share it (forms keep them apart). */
  passage: string;
}

/**
 * The public id of an item: a hash of its slug, so it says nothing about the statement. A slug is
 * the author's summary of what the report does with the statement ("spokesman-gave-toll" names a
 * speaker and a reporting verb), and read from a page's hidden field or the JSON it predicted the
 * verdict for 82% of the pack (a student's-eye probe). FNV-1a, 32 bits, base 36; validate.ts checks
 * that no two items of the pack share one.
 * @example publicIdOf("seventy-attackers-killed") // "s" and seven base-36 characters, the same on every build
 */
export function publicIdOf(name: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `s${(hash >>> 0).toString(36).padStart(7, "0")}`;
}

/** What the Worker needs of pack.json: the version (every stored attempt records it) and the title. */
export type PackTitle = Pick<PackInfo, "version" | "title">;

/** A card as the Worker knows it: its slug and title (the card list and the cards' JSON are static files). */
export type CardInfo = Pick<Card, "slug" | "title">;

/** An item as content/ has it, located: its quote, and the context shown before answering (build time only). */
export type SourceItem = Item & { name: string; location: QuoteLocation; contextAt: ContextLocation; passage: string };

export interface Pack<C extends CardInfo = CardInfo, I extends PackItem = PackItem> {
  info: PackTitle;
  version: string;
  items: I[];
  /**
   * The items as lists of the whole pack show them (the statements' JSON, the statistics, the lesson
   * plan): by the article line of their quote, then by id. The pack's own order is the authors' and
   * may carry the verdicts (it alternated), so no reader-facing list follows it.
   */
  listed: I[];
  cards: C[];
  itemById: Map<string, I>;
  cardBySlug: Map<string, C>;
}

/** The whole pack from content/, with the article: for build-time code and tests. */
export interface SourcePack extends Pack<Card, SourceItem> {
  article: string;
  lines: ArticleLine[];
}

/**
 * What src/content/runtime.json holds: items without their statements, quotes, claimants, explanations,
 * checks and review dates (see src/content/quotes.ts and texts.ts), and cards' slugs and titles only.
 */
export interface RuntimeContent {
  info: PackTitle;
  items: PackItem[];
  cards: CardInfo[];
}

/** What public/content/article.json holds (written by `npm run content`, read by src/content/quotes.ts). */
export interface ArticleFile {
  version: string;
  article: string;
}

function indexed<C extends CardInfo, I extends PackItem>(info: PackTitle, items: I[], cards: C[]): Pack<C, I> {
  return {
    info,
    version: info.version,
    items,
    listed: [...items].sort((a, b) => a.location.line - b.location.line || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    cards,
    // By public id, and by name for tests and for records written before public ids.
    itemById: new Map(items.flatMap((item) => [[item.id, item] as const, [item.name, item] as const])),
    cardBySlug: new Map(cards.map((card) => [card.slug, card])),
  };
}

/** A context's place in the article as a short key ("line.start.end", and the second paragraph's part). */
function passageKey(at: ContextLocation): string {
  const part = (l: QuoteLocation) => `${l.line}.${l.start}.${l.end}`;
  return at.to ? `${part(at.from)}+${part(at.to)}` : part(at.from);
}

/**
 * Builds the indexed pack from content/ (each item's slug becomes its name, its id the public id);
 * throws if a quote cannot be located (validation should have caught it).
 * @example const pack = buildPack(info, items, cards, article);
 */
export function buildPack(info: PackInfo, items: Item[], cards: Card[], text: string): SourcePack {
  const lines = articleLines(text);
  const located = items.map((item) => {
    const found = locateQuote(lines, text, item.quote);
    if (!found.ok) throw new Error(`content: item ${item.id}: quote ${found.problem}`);
    const context = locateContext(lines, text, item.context, item.quote);
    if (!context.ok) throw new Error(`content: item ${item.id}: context ${context.problem}`);
    return {
      ...item,
      id: publicIdOf(item.id),
      name: item.id,
      location: found.location,
      contextAt: context.location,
      passage: passageKey(context.location),
    };
  });
  return { ...indexed(info, located, cards), article: text, lines };
}

/**
 * The slim copy for the Worker (written to src/content/runtime.json by `npm run content`).
 * @example runtimeContent(sourcePack).items[0].location // { line: 0, start: 0, end: 143 }
 */
export function runtimeContent(full: SourcePack): RuntimeContent {
  return {
    info: { version: full.info.version, title: full.info.title },
    items: full.items.map(
      ({
        statement: _s,
        quote: _q,
        context: _x,
        contextAt: _xa,
        reviewed: _r,
        explanation: _e,
        check: _c,
        claimant: _w,
        ...item
      }) => item,
    ),
    cards: full.cards.map(({ slug, title }) => ({ slug, title })),
  };
}

/**
 * The article file the Worker reads (written to public/content/article.json by `npm run content`).
 * @example articleFile(sourcePack).version // "2026-12-07.2"
 */
export function articleFile(full: SourcePack): ArticleFile {
  return { version: full.version, article: full.article };
}

/**
 * The Worker's pack from the slim copy.
 * @example packFromRuntime(runtime).itemById.get("seventy-attackers-killed")?.location
 */
export function packFromRuntime(runtime: RuntimeContent): Pack {
  return indexed(runtime.info, runtime.items, runtime.cards);
}
