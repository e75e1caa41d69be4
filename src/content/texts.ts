/**
 * @module texts: each item's claimant, explanation and check — the longest texts of the pack — read once per
 * isolate from a static file (public/content/item-texts.json, written by `npm run prerender`) through
 * the ASSETS binding, so they are not in the Worker's bundle. The file is not served to the public
 * (`run_worker_first` in wrangler.toml sends /content/* to the Worker, which has no such route): the
 * explanations give the verdicts away.
 */
import { pack } from "./pack";
import type { Item } from "./schema";

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

/** The texts could not be read: a deploy without `npm run prerender`, or the asset server failing. */
export class ContentUnavailableError extends Error {
  override name = "ContentUnavailableError";
}

// One load per isolate (per binding object, so a test's own binding gets its own load); a failed
// load is forgotten, so the next request tries again.
const loads = new WeakMap<Fetcher, Promise<ReadonlyMap<string, ItemTexts>>>();

/**
 * The explanation and check of every item of the pack this Worker serves.
 * Throws ContentUnavailableError when the file cannot be read or is from another pack version.
 * @example const texts = await itemTexts(c.env.ASSETS); texts.get("seventy-attackers-killed")?.check
 */
export function itemTexts(assets: Fetcher): Promise<ReadonlyMap<string, ItemTexts>> {
  let load = loads.get(assets);
  if (!load) {
    load = read(assets);
    loads.set(assets, load);
    load.catch(() => loads.delete(assets));
  }
  return load;
}

async function read(assets: Fetcher): Promise<ReadonlyMap<string, ItemTexts>> {
  const res = await assets.fetch(`http://assets.local${ITEM_TEXTS_PATH}`);
  if (!res.ok) throw new ContentUnavailableError(`${ITEM_TEXTS_PATH} answered ${res.status}`);
  const file = (await res.json()) as ItemTextsFile;
  if (file.version !== pack.version) {
    throw new ContentUnavailableError(`${ITEM_TEXTS_PATH} is for pack ${file.version}, not ${pack.version}`);
  }
  return new Map(Object.entries(file.items));
}

/** The texts of one item; an item the file lacks (never expected: both come from one pack) gets none. */
export function textsOf(texts: ReadonlyMap<string, ItemTexts>, itemId: string): ItemTexts {
  return texts.get(itemId) ?? { claimant: { name: "", kind: "unattributed" }, explanation: "", check: "" };
}
