/**
 * src/content/runtime.json, the slim content the Worker bundles, is made from content/ as it is
 * now (npm run content), and the pack the Worker builds from it equals the whole pack.
 */
import { describe, expect, it } from "vitest";
import { runtimeContent } from "../src/content/build";
import { pack } from "../src/content/pack";
import runtime from "../src/content/runtime.json";
import { sourcePack } from "../src/content/source";

describe("the Worker's content", () => {
  it("is made from content/ as it is now (run npm run content if this fails)", () => {
    expect(runtime).toEqual(runtimeContent(sourcePack));
  });

  it("holds no quotes, card bodies or item review dates: the Worker slices quotes from the article", () => {
    expect(JSON.stringify(runtime)).not.toContain('"quote"');
    expect(JSON.stringify(runtime)).not.toContain('"body"');
    for (const field of ["reviewed", "explanation", "check", "claimant"]) {
      expect(runtime.items.some((item) => field in item)).toBe(false);
    }
  });

  it("gives every item back whole, its quote sliced from the article", () => {
    expect(pack.version).toBe(sourcePack.version);
    expect(pack.items).toEqual(
      sourcePack.items.map(({ reviewed: _r, explanation: _e, check: _c, claimant: _w, ...item }) => item),
    );
    expect(pack.cards).toEqual(sourcePack.cards.map(({ body: _, ...card }) => card));
  });
});
