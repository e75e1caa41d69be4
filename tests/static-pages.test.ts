/** public/ holds what `npm run prerender` renders now: this fails when a view or the content changed without it. */
import { describe, expect, it } from "vitest";
import { headersFile, staticPages } from "../src/static-pages";

// public/content/article.json is written by `npm run content` instead (tests/runtime-content.test.ts).
const files = import.meta.glob<string>(
  [
    "../public/**/*.html",
    "../public/api/v1/cards/*.json",
    "../public/content/*.json",
    "!../public/content/article.json",
    "../public/_headers",
  ],
  {
    query: "?raw",
    import: "default",
    eager: true,
  },
);

describe("the prerendered pages in public/", () => {
  const pages = staticPages();
  it("are every page and nothing else", () => {
    const expected = [...pages.map((page) => `../public/${page.file}`), "../public/_headers"].sort();
    expect(Object.keys(files).sort()).toEqual(expected);
  });

  for (const page of [...pages, headersFile(pages)]) {
    it(`public/${page.file} is up to date (run npm run prerender)`, () => {
      expect(files[`../public/${page.file}`]).toBe(page.body);
    });
  }
});
