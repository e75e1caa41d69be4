/**
 * src/content/runtime.json, the slim content the Worker bundles, and public/content/article.json,
 * the article it reads through the ASSETS binding, are made from content/ as it is now (npm run
 * content), and the pack the Worker builds from them equals the whole pack.
 */
import { describe, expect, it } from "vitest";
import articleJson from "../public/content/article.json";
import itemTextsJson from "../public/content/item-texts.json";
import { articleFile, runtimeContent } from "../src/content/build";
import { pack } from "../src/content/pack";
import runtime from "../src/content/runtime.json";
import { sourcePack } from "../src/content/source";

describe("the Worker's content", () => {
  it("is made from content/ as it is now (run npm run content if this fails)", () => {
    expect(runtime).toEqual(runtimeContent(sourcePack));
    expect(articleJson).toEqual(articleFile(sourcePack));
  });

  it("holds no article, no card bodies or summaries, and no item statements, quotes, review dates or texts", () => {
    const bundled = JSON.stringify(runtime);
    expect(bundled).not.toContain('"quote"');
    expect(bundled).not.toContain('"article"');
    expect(bundled).not.toContain('"body"');
    expect(bundled).not.toContain('"summary"');
    // The article's first and last paragraphs are not in it.
    for (const line of [sourcePack.lines[0], sourcePack.lines.at(-1)]) expect(bundled).not.toContain(line?.text);
    for (const item of sourcePack.items) expect(bundled).not.toContain(JSON.stringify(item.statement));
    for (const field of ["statement", "context", "contextAt", "reviewed", "explanation", "check", "claimant"]) {
      expect(runtime.items.some((item) => field in item)).toBe(false);
    }
  });

  it("serves each item's context, the sentences shown before answering, in the private texts file", () => {
    const texts = itemTextsJson.items as Record<string, { context: string }>;
    for (const item of sourcePack.items) expect(texts[item.id]?.context, item.id).toBe(item.context);
  });

  it("gives every item back whole but for its quote (found by its location in the article file) and texts, cards by slug and title", () => {
    expect(pack.version).toBe(sourcePack.version);
    expect(pack.items).toEqual(
      sourcePack.items.map(
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
    );
    expect(pack.cards).toEqual(sourcePack.cards.map(({ slug, title }) => ({ slug, title })));
  });
});
