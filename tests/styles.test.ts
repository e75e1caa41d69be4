import { describe, expect, it } from "vitest";
import headers from "../public/_headers?raw";
import { cssPathOf, pollPathOf, sharePathOf } from "../src/styles/build";
import { cssPath, pollPath, sharePath } from "../src/views/styles";
import { CookieJar, getPage, postForm } from "./quiz-helpers";

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

/** Bytes once gzipped, as a browser receives a page over a compressing connection. */
async function gzipped(text: string): Promise<number> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

describe("the question page's first render", () => {
  it("is at most 14 KB compressed with its stylesheet, on every statement of a form (one round trip on a phone)", async () => {
    const css = await gzipped(Object.values(served)[0] ?? "");
    const jar = new CookieJar();
    expect((await postForm(jar, "/quiz/start")).status).toBe(303);
    const sizes: number[] = [];
    for (let position = 1; position <= 10; position++) {
      const res = await getPage(jar, `/quiz/q/${position}`);
      expect(res.status).toBe(200);
      sizes.push(css + (await gzipped(await res.text())));
    }
    expect(Math.max(...sizes)).toBeLessThanOrEqual(14 * 1024);
    // Far from the bound today (about 5 KB): a stylesheet or page that doubled would still pass, so
    // the stylesheet's own bound (scripts/minify.test.ts) catches growth earlier.
    expect(css).toBeGreaterThan(1000);
  });
});
