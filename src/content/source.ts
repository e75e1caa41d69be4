/**
 * @module source: the whole content pack read from content/ (quotes, card bodies), for
 * build-time code (the prerendered pages, the generated files) and tests. The Worker bundles
 * src/content/pack.ts instead.
 */
import article from "../../content/belgorod-article.txt";
import cardsJson from "../../content/cards.json";
import itemsJson from "../../content/items.json";
import infoJson from "../../content/pack.json";
import { buildPack, type SourcePack } from "./build.ts";
import type { Card, Item, PackInfo } from "./schema.ts";

// JSON imports widen literal unions to string; the build-time check guarantees the shapes.
export const sourcePack: SourcePack = buildPack(
  infoJson as PackInfo,
  itemsJson as unknown as Item[],
  cardsJson as unknown as Card[],
  article,
);
