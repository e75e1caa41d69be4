import { env, reset } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { pack } from "../src/content/pack";
import { sourcePack } from "../src/content/source";
import app from "../src/index";
import { headersFile, staticPages } from "../src/static-pages";
import { REPORT_PREFIX, REPORT_TTL_SECONDS } from "../src/store/reports";
import { cssPath } from "../src/views/styles";

const ORIGIN = "http://example.com";

function get(path: string, init?: RequestInit) {
  return exports.default.fetch(`${ORIGIN}${path}`, init);
}

function postForm(fields: Record<string, string>, headers: Record<string, string> = { origin: ORIGIN }) {
  return get("/corrections", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

async function reportKeys() {
  return (await env.SCORES.list({ prefix: REPORT_PREFIX })).keys;
}

/** The prerendered pages (public/, served as static assets), by URL; tests/static-pages.test.ts keeps them fresh. */
const pages = new Map(staticPages().map((page) => [page.url, page.body]));
function page(url: string): string {
  const body = pages.get(url);
  if (body === undefined) throw new Error(`no static page ${url}`);
  return body;
}

describe("start page", () => {
  it("is HTML with the content note and where to start", () => {
    const html = page("/");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Content note");
    expect(html).toMatch(/describes war/);
    expect(html).toContain('href="/teach"');
    expect(html).toContain('href="/quiz"');
    expect(html).toContain(`href="/cards/${pack.cards[0]?.slug}"`);
  });

  it("uses no inline styles or scripts and loads nothing from elsewhere", () => {
    const html = page("/");
    expect(html).not.toMatch(/<script|<style|\sstyle=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});

describe("card pages", () => {
  it("list every card with its summary", () => {
    const html = page("/cards");
    expect(pack.cards.length).toBeGreaterThan(1);
    for (const card of pack.cards) {
      expect(html).toContain(`href="/cards/${card.slug}"`);
    }
  });

  it("each render with previous/next links, the date and a report link", () => {
    expect(pack.cards.length).toBeGreaterThan(1);
    for (const [i, card] of pack.cards.entries()) {
      const html = page(`/cards/${card.slug}`);
      const previous = pack.cards[i - 1];
      const next = pack.cards[i + 1];
      if (previous) expect(html).toContain(`rel="prev" href="/cards/${previous.slug}"`);
      else expect(html).not.toContain('rel="prev"');
      if (next) expect(html).toContain(`rel="next" href="/cards/${next.slug}"`);
      else expect(html).toContain('href="/quiz"');
      expect(html).toContain(`datetime="${sourcePack.cardBySlug.get(card.slug)?.reviewed}"`);
      expect(html).toContain(`href="/corrections?card=${card.slug}"`);
    }
  });

  it("contain no quiz statement: a card that lists them tells which lesson, and so which verdict, each has", () => {
    const html = (text: string) =>
      text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("'", "&#39;").replaceAll("<", "&lt;");
    expect(sourcePack.items.length).toBeGreaterThan(0);
    for (const card of pack.cards) {
      const body = page(`/cards/${card.slug}`);
      for (const item of sourcePack.items) {
        expect(body, `${card.slug} holds ${item.id}`).not.toContain(html(item.statement));
        expect(body, `${card.slug} holds ${item.id}`).not.toContain(item.statement);
      }
      expect(body).not.toMatch(/\b(Verified|Unverified):/);
    }
    // The card list neither.
    for (const item of sourcePack.items) expect(page("/cards")).not.toContain(html(item.statement));
  });

  it("answer an unknown slug with the HTML 404 page", async () => {
    const res = await get("/cards/no-such-card");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("cache-control")).toBeNull();
    expect(await res.text()).toContain("Page not found");
  });

  it("are cacheable for five minutes, with the security headers (public/_headers)", () => {
    const headers = headersFile(staticPages()).body;
    for (const url of pages.keys()) expect(headers).toContain(`${url}\n  Cache-Control: public, max-age=300\n`);
    expect(headers).toMatch(/^\/\*\n( {2}.+\n)* {2}Content-Security-Policy: default-src 'self'/m);
  });
});

describe("shell", () => {
  it("answers unknown /api paths with problem+json", async () => {
    const res = await get("/api/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = (await res.json()) as { status: number; title: string };
    expect(body.status).toBe(404);
    expect(body.title).toBeTruthy();
  });

  it("sends security headers with a strict CSP", async () => {
    const res = await get("/corrections");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });

  it("links the stylesheet, a static file under a content-hashed name", async () => {
    const html = await (await get("/")).text();
    expect(html).toContain(`<link rel="stylesheet" href="${cssPath}"/>`);
    expect(cssPath).toMatch(/^\/assets\/app\.[a-z0-9]+\.css$/);
  });

  it("answers a wrong method on an API route with 405 problem+json and Allow", async () => {
    // A JSON body: csrf() treats a body-less request as text/plain, a form-like post.
    const res = await get("/api/v1/cards", {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(405);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.headers.get("allow")).toContain("GET");
  });
});

describe("corrections", () => {
  beforeEach(async () => {
    await reset();
  });

  it("explains the process and shows the form", async () => {
    const res = await get("/corrections");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("How we correct mistakes");
    expect(html).toContain("The editorial rule");
    expect(html).toContain('<form method="post" action="/corrections#report"');
    expect(html).toMatch(/<label for="message">/);
    expect(html).toMatch(/<textarea id="message" name="message"/);
  });

  it("places the prerendered prose above the form, and still shows the form when it cannot be read", async () => {
    const html = await (await get("/corrections")).text();
    expect(html).toContain(`version (now <strong>${pack.version}</strong>)`);
    expect(html.indexOf("The editorial rule")).toBeLessThan(html.indexOf('<h2 id="report">'));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const noAssets = { fetch: async () => new Response("gone", { status: 500 }) } as unknown as Fetcher;
    const res = await app.request(`${ORIGIN}/corrections`, {}, { ...env, ASSETS: noAssets });
    expect(res.status).toBe(200);
    const bare = await res.text();
    expect(bare).not.toContain("The editorial rule");
    expect(bare).toContain('<form method="post" action="/corrections#report"');
    // Without the statements file, each statement is named by its id: the form still works.
    const first = sourcePack.items[0];
    expect(bare).toContain(`<option value="${first?.id}">${first?.id}</option>`);
    expect(bare).not.toContain(first?.statement.replaceAll("'", "&#39;"));
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it("prefills a real card or item, and ignores names that are not ours", async () => {
    const card = pack.cards[1];
    const item = pack.items[1];
    expect(card && item).toBeTruthy();
    const html = await (await get(`/corrections?card=${card?.slug}&item=${item?.id}`)).text();
    expect(html).toContain(`<option value="${card?.slug}" selected="">`);
    expect(html).toContain(`<option value="${item?.id}" selected="">`);
    const other = await (await get("/corrections?card=%3Cscript%3E&item=nope")).text();
    expect(other).not.toContain('selected=""');
    expect(other).not.toContain("<script>");
  });

  it("stores one report for a good post and redirects to the thank-you page", async () => {
    const card = pack.cards[0]?.slug ?? "";
    const res = await postForm({ card, item: "", message: "The second paragraph misspells the governor's name." });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/corrections/thanks?card=${card}`);
    const keys = await reportKeys();
    expect(keys).toHaveLength(1);
    const key = keys[0];
    expect(key?.name).toMatch(/^v1:report:[0-9a-z]{35}$/);
    expect(key?.metadata).toMatchObject({ cardSlug: card, packVersion: pack.version });
    expect(key?.expiration).toBeGreaterThan(Date.now() / 1000 + REPORT_TTL_SECONDS - 120);
    const stored = JSON.parse((await env.SCORES.get(key?.name ?? "")) ?? "{}");
    expect(stored).toMatchObject({ message: "The second paragraph misspells the governor's name.", cardSlug: card });

    const thanks = await get(res.headers.get("location") ?? "");
    expect(thanks.status).toBe(200);
    expect(await thanks.text()).toContain("Thank you");
  });

  it("shows the form again with the error for a too-short message, and stores nothing", async () => {
    const res = await postForm({ message: "wrong" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("is too short");
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain(">wrong</textarea>");
    expect(await reportKeys()).toHaveLength(0);
  });

  it("refuses an unknown item id with 400", async () => {
    const res = await postForm({ item: "no-such-item", message: "This item seems wrong to me." });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("names no quiz statement we have");
    expect(await reportKeys()).toHaveLength(0);
  });

  it("refuses a form post without Origin (CSRF)", async () => {
    const res = await postForm({ message: "A perfectly good message." }, {});
    expect(res.status).toBe(403);
    expect(await reportKeys()).toHaveLength(0);
  });
});

describe("corrections when KV fails", () => {
  const failingKv = {
    put: () => Promise.reject(new Error("KV is down")),
  } as unknown as KVNamespace;

  beforeEach(() => {
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("answers 503 with the reader's text kept, not 500", async () => {
    const res = await app.request(
      `${ORIGIN}/corrections`,
      {
        method: "POST",
        headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ message: "Please keep this text for me." }).toString(),
      },
      { ...env, SCORES: failingKv },
    );
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("60");
    const html = await res.text();
    expect(html).toContain("Nothing is lost");
    expect(html).toContain(">Please keep this text for me.</textarea>");
  });
});
