/// <reference types="vite/client" />
/** The share page, its preview images, and the reader-statistics view pieces. */
import { describe, expect, it } from "vitest";
import { BUCKETS, SHOW_THRESHOLD } from "../src/domain/aggregates";
import { ReaderStanding, ReadersGotThisRight, ScoreChart } from "../src/views/stats";
import { call, ORIGIN } from "./quiz-helpers";

// Read at transform time by Vite: workerd itself has no file system to list public/ with.
const images = import.meta.glob<string>("../public/og/*.png", { query: "?inline", import: "default", eager: true });

/** Width and height from a PNG's IHDR chunk (bytes 16–23). */
function pngSize(dataUrl: string): { width: number; height: number; bytes: number } {
  const bytes = Uint8Array.from(atob(dataUrl.replace(/^data:image\/png;base64,/, "")), (ch) => ch.charCodeAt(0));
  const view = new DataView(bytes.buffer);
  expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
  return { width: view.getUint32(16), height: view.getUint32(20), bytes: bytes.length };
}

function metaContent(html: string, attr: "property" | "name", key: string): string | undefined {
  return new RegExp(`<meta ${attr}="${key}" content="([^"]*)"`).exec(html)?.[1];
}

describe("the share images (public/og)", () => {
  it.each(BUCKETS.map((b) => [b]))("has a 1200×630 PNG under 100 KB for %i%%", (bucket) => {
    const image = images[`../public/og/score-${bucket}.png`];
    expect(image).toBeDefined();
    const size = pngSize(image ?? "");
    expect(size).toMatchObject({ width: 1200, height: 630 });
    expect(size.bytes).toBeLessThan(100_000);
  });
});

describe("GET /share/{correct}-of-{total}", () => {
  it("summarises the score with preview tags and a way into the quiz, and nothing personal", async () => {
    const res = await call("/share/7-of-8?nick=SecretFox");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Someone got 7 of 8 right");
    expect(html).toMatch(/<a class="button" href="\/quiz">\s*Try the quiz yourself/);
    expect(html).not.toContain("SecretFox");
    expect(metaContent(html, "property", "og:title")).toBe("7 of 8 right on Claim Check: Belgorod");
    expect(metaContent(html, "property", "og:url")).toBe(`${ORIGIN}/share/7-of-8`);
    // 7 of 8 is 87%, shown as the 90% card; the image is absolute and exists.
    expect(metaContent(html, "property", "og:image")).toBe(`${ORIGIN}/og/score-90.png`);
    expect(images["../public/og/score-90.png"]).toBeDefined();
    expect(metaContent(html, "property", "og:description")?.length).toBeGreaterThan(20);
    expect(metaContent(html, "name", "twitter:card")).toBe("summary_large_image");
    expect(html.match(/<title>/g)).toHaveLength(1);
  });

  it.each(["0-of-1", "99-of-99", "1-of-2"])("accepts %s", async (score) => {
    expect((await call(`/share/${score}`)).status).toBe(200);
  });

  it.each(["9-of-8", "100-of-100", "07-of-8", "1-of-0", "0-of-0", "seven-of-eight", "7-of-8-of-9", "-1-of-8"])(
    "answers 404 for %s",
    async (score) => {
      expect((await call(`/share/${score}`)).status).toBe(404);
    },
  );
});

describe("the reader-statistics pieces", () => {
  const html = (node: unknown) => (node === null ? "" : String(node));

  it("shows no percentage below the threshold", () => {
    expect(html(ReadersGotThisRight({ share: 0.62, answered: SHOW_THRESHOLD - 1 }))).toBe("");
    expect(html(ReadersGotThisRight({ share: null, answered: 500 }))).toBe("");
    expect(html(ReadersGotThisRight({ share: 0.624, answered: SHOW_THRESHOLD }))).toContain(
      "62% of readers got this right",
    );
    expect(html(ReaderStanding({ betterThan: 70, attempts: SHOW_THRESHOLD - 1 }))).toBe("");
    expect(html(ReaderStanding({ betterThan: 70, attempts: 1234 }))).toContain("better than 70% of readers");
    expect(html(ReaderStanding({ betterThan: 0, attempts: 1234 }))).not.toContain("0%");
    expect(html(ScoreChart({ distribution: null, highlight: 70 }))).toBe("");
  });

  it("draws the distribution as SVG with a title, a description and the numbers as a table", () => {
    const distribution = BUCKETS.map((percent) => ({ percent, attempts: percent === 70 ? 40 : 3 }));
    const out = html(ScoreChart({ distribution, highlight: 90 }));
    expect(out).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="score-chart-title score-chart-desc"/);
    expect(out).toContain('<title id="score-chart-title">');
    expect(out).toContain("most scored about 70%; you are in the 90% group");
    expect(out.match(/<rect /g)).toHaveLength(BUCKETS.length);
    expect(out).toContain("<td>about 90% (you)</td><td>3</td>");
    expect(out).toContain("<td>about 70%</td><td>40</td>");
    expect(out).not.toContain("<script");
  });
});
