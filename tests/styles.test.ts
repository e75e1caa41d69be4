import { describe, expect, it } from "vitest";
import headers from "../public/_headers?raw";
import { cssPathOf, pollPathOf, sharePathOf } from "../src/styles/build";
import { cssPath, pollPath, sharePath } from "../src/views/styles";

// The served assets, by path, as Vite reads them at test time. That each is esbuild's output of its
// source is checked in Node, where esbuild runs (scripts/minify.test.ts); here, what the pages link.
const served = import.meta.glob<string>("../public/assets/*.css", { query: "?text", import: "default", eager: true });
const scripts = import.meta.glob<string>("../public/assets/*.js", { query: "?raw", import: "default", eager: true });

describe("the served assets (if a test here fails: npm run css)", () => {
  it("one stylesheet, named by its content's hash, and the one the pages link", () => {
    const [path, css] = Object.entries(served)[0] ?? [];
    expect(Object.keys(served)).toHaveLength(1);
    expect(path).toBe(`../public${cssPath}`);
    expect(cssPath).toBe(cssPathOf(css ?? ""));
  });

  it("the board's and the share scripts, each named by its content's hash", () => {
    expect(Object.keys(scripts).sort()).toEqual([`../public${pollPath}`, `../public${sharePath}`].sort());
    expect(pollPath).toBe(pollPathOf(scripts[`../public${pollPath}`] ?? ""));
    expect(sharePath).toBe(sharePathOf(scripts[`../public${sharePath}`] ?? ""));
  });

  it("is cached for a year and never sniffed (public/_headers)", () => {
    const rules = headers.split(/\n(?=\S)/);
    expect(rules.find((block) => block.startsWith("/assets/*"))).toContain(
      "Cache-Control: public, max-age=31536000, immutable",
    );
    // Every static file, the stylesheet included, carries the Worker's security headers.
    expect(rules.find((block) => block.startsWith("/*"))).toContain("X-Content-Type-Options: nosniff");
  });
});
