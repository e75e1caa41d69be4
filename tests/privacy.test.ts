import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CLASS_TTL_SECONDS } from "../src/domain/class";
import { staticPages } from "../src/static-pages";
import { ATTEMPT_TTL_SECONDS } from "../src/store/attempts";
import { REPORT_TTL_SECONDS } from "../src/store/reports";

const ORIGIN = "http://example.com";
const DAY = 24 * 60 * 60;

function get(path: string) {
  return exports.default.fetch(`${ORIGIN}${path}`);
}

/** A prerendered page (served from public/ as a static asset, never by the Worker). */
function prerendered(url: string): string {
  const page = staticPages().find((p) => p.url === url);
  if (!page) throw new Error(`${url} is not prerendered`);
  return page.body;
}

describe("privacy page", () => {
  it("is a prerendered page that states the retention periods the stores use", () => {
    const html = prerendered("/privacy");
    expect(html).toContain("<h1>Privacy</h1>");
    // The numbers the page says are the ones the code uses, and those are 30 and 90 days.
    expect([ATTEMPT_TTL_SECONDS / DAY, CLASS_TTL_SECONDS / DAY, REPORT_TTL_SECONDS / DAY]).toEqual([30, 30, 90]);
    expect(html).toContain("for 30 days. No page");
    expect(html).toContain("for 30 days after the teacher created the class");
    expect(html).toContain("for 90 days, so the editors");
    expect(html).toContain("at most 6 hours");
    expect(html).toContain("up to 7 days");
  });

  it("says who can see what, how to delete it, and what is not collected", () => {
    const html = prerendered("/privacy");
    expect(html).toContain("only if your teacher turned the board on");
    expect(html).toContain("Delete the class");
    expect(html).toContain("No IP addresses are stored");
    expect(html).toMatch(/no trackers/i);
    // Every link and resource on the page stays on this site.
    expect(html).not.toMatch(/(href|src)="(https?:)?\/\//);
  });

  it("is linked from the footer of every page and from the join page", async () => {
    for (const path of ["/", "/cards"]) expect(prerendered(path), path).toContain('<a href="/privacy">Privacy</a>');
    expect(await (await get("/join")).text()).toContain('<a href="/privacy">Privacy</a>');
    expect(await (await get("/join")).text()).toContain('<a href="/privacy">What we keep, and for how long</a>');
  });
});
