/**
 * @module texts: each item's statement, context, claimant, explanation and check — the longest texts of the pack — read
 * once per isolate from a private static file (public/content/item-texts.json, written by `npm run prerender`),
 * so they are not in the Worker's bundle (see static-file.ts). The explanations give the verdicts away.
 */
import type { Item } from "./schema";
import { contentFile } from "./static-file";

export { ContentUnavailableError } from "./static-file";

/** An item's statement and context (shown before answering), and what the feedback, the dashboard and the answer key show beside it. */
export interface ItemTexts {
  statement: Item["statement"];
  /** Whole sentences of the article; a paragraph break inside is "\n" (see content/README.md). */
  context: Item["context"];
  claimant: Item["claimant"];
  explanation: string;
  check: string;
}

/** The file as the prerender writes it. */
export interface ItemTextsFile {
  version: string;
  items: Record<string, ItemTexts>;
}

/** Where the file sits among the static files. */
export const ITEM_TEXTS_PATH = "/content/item-texts.json";

/**
 * The statement, claimant, explanation and check of every item of the pack this Worker serves.
 * Throws ContentUnavailableError when the file cannot be read or is from another pack version.
 * @example const texts = await itemTexts(c.env.ASSETS); texts.get("seventy-attackers-killed")?.check
 */
export function itemTexts(assets: Fetcher): Promise<ReadonlyMap<string, ItemTexts>> {
  return contentFile(assets, ITEM_TEXTS_PATH, (file: ItemTextsFile) => new Map(Object.entries(file.items)));
}

/**
 * The texts of one item; an item the file lacks (never expected: both come from one pack) gets its id
 * for a statement and no other text.
 */
export function textsOf(texts: ReadonlyMap<string, ItemTexts>, itemId: string): ItemTexts {
  return (
    texts.get(itemId) ?? {
      statement: itemId,
      context: "",
      claimant: { name: "", kind: "unattributed" },
      explanation: "",
      check: "",
    }
  );
}

/**
 * The statement of one item (its id when the file lacks it, as textsOf).
 * @example statementOf(await itemTexts(c.env.ASSETS), "seventy-attackers-killed") // "More than 70 attackers …"
 */
export function statementOf(texts: ReadonlyMap<string, ItemTexts>, itemId: string): string {
  return textsOf(texts, itemId).statement;
}
