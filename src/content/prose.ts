/**
 * @module prose: long fixed prose of the Worker's own pages, prerendered to HTML by `npm run prerender`
 * (src/static-pages.tsx) into a private static file, public/content/prose.json, and read once per
 * isolate (see static-file.ts), so it is not in the Worker's bundle. Today: the corrections page's
 * "How we correct mistakes" and "The editorial rule".
 */
import { contentFile } from "./static-file";

/** The file as the prerender writes it: each piece as HTML. */
export interface ProseFile {
  version: string;
  corrections: string;
}

/** Where the file sits among the static files. */
export const PROSE_PATH = "/content/prose.json";

/**
 * The corrections page's prose, as HTML. When the file cannot be read the page goes without it
 * (logged): the report form below it, and the reader's text in it, matter more.
 * @example const intro = await correctionsIntro(c.env.ASSETS); // "<p class=\"lede\">We check …"
 */
export async function correctionsIntro(assets: Fetcher): Promise<string> {
  try {
    return await contentFile(assets, PROSE_PATH, (file: ProseFile) => file.corrections);
  } catch (error) {
    console.error(error);
    return "";
  }
}
