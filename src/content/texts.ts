/**
 * @module texts: each item's claimant, explanation and check — the longest texts of the pack — read once per
 * isolate from a private static file (public/content/item-texts.json, written by `npm run prerender`),
 * so they are not in the Worker's bundle (see static-file.ts). The explanations give the verdicts away.
 */
import type { Item } from "./schema";
import { contentFile } from "./static-file";

export { ContentUnavailableError } from "./static-file";

/** What the feedback, the dashboard and the answer key show beside a statement. */
export interface ItemTexts {
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
 * The explanation and check of every item of the pack this Worker serves.
 * Throws ContentUnavailableError when the file cannot be read or is from another pack version.
 * @example const texts = await itemTexts(c.env.ASSETS); texts.get("seventy-attackers-killed")?.check
 */
export function itemTexts(assets: Fetcher): Promise<ReadonlyMap<string, ItemTexts>> {
  return contentFile(assets, ITEM_TEXTS_PATH, (file: ItemTextsFile) => new Map(Object.entries(file.items)));
}

/** The texts of one item; an item the file lacks (never expected: both come from one pack) gets none. */
export function textsOf(texts: ReadonlyMap<string, ItemTexts>, itemId: string): ItemTexts {
  return texts.get(itemId) ?? { claimant: { name: "", kind: "unattributed" }, explanation: "", check: "" };
}
