/**
 * `npm run prerender`: renders src/static-pages.tsx's pages into public/ (and public/_headers).
 * tests/static-pages.test.ts fails when the files are stale.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { loadSrc } from "./load-src.ts";

const root = resolve(import.meta.dirname, "..");
const module = await loadSrc<typeof import("../src/static-pages.tsx")>("src/static-pages.tsx");
const pages = module.staticPages();
for (const page of [...pages, module.headersFile(pages)]) {
  const path = join(root, "public", page.file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, page.body);
  console.log(`wrote public/${page.file}`);
}
