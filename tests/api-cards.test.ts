import { env, exports } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { pack } from "../src/content/pack";
import { sourcePack } from "../src/content/source";
import app from "../src/index";
import { CardDetail, CardList, cardRoutes, Problem } from "../src/routes/api/schemas";

function get(path: string, init?: RequestInit) {
  return exports.default.fetch(`http://example.com${path}`, init);
}

describe("GET /api/v1/cards", () => {
  it("lists every card in reading order, in the documented shape", async () => {
    const res = await get("/api/v1/cards");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = CardList.parse(await res.json());
    expect(body.packVersion).toBe(pack.version);
    expect(body.cards.map((c) => c.slug)).toEqual(pack.cards.map((c) => c.slug));
    const first = body.cards[0];
    const card = sourcePack.cards[0];
    expect(first).toEqual({
      slug: card?.slug,
      title: card?.title,
      summary: card?.summary,
      reviewed: card?.reviewed,
      url: `/api/v1/cards/${card?.slug}`,
      page: `/cards/${card?.slug}`,
    });
  });

  it("is a 503 problem when its prerendered file cannot be read, and works again once it can", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const noAssets = { fetch: async () => new Response("gone", { status: 500 }) } as unknown as Fetcher;
    const res = await app.request("http://example.com/api/v1/cards", {}, { ...env, ASSETS: noAssets });
    expect(res.status).toBe(503);
    expect(Problem.parse(await res.json()).type).toBe("/api/v1/problems/content-unavailable");
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
    expect((await get("/api/v1/cards")).status).toBe(200);
  });

  it("is cacheable for five minutes and answers If-None-Match with 304", async () => {
    const res = await get("/api/v1/cards");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const tag = res.headers.get("etag");
    expect(tag).toMatch(/^"[0-9a-f]+"$/);
    const again = await get("/api/v1/cards", { headers: { "if-none-match": tag ?? "" } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(tag);
  });
});

describe("GET /api/v1/cards/:slug", () => {
  it("returns each card in full, with no quiz statement, item id or verdict", async () => {
    expect(pack.cards.length).toBeGreaterThan(0);
    for (const card of pack.cards) {
      const res = await get(`/api/v1/cards/${card.slug}`);
      expect(res.status, card.slug).toBe(200);
      const raw = await res.text();
      expect(raw).not.toMatch(/"verdict"\s*:/);
      const body = CardDetail.parse(JSON.parse(raw));
      expect(body.body).toEqual(sourcePack.cardBySlug.get(card.slug)?.body);
      expect(Object.keys(JSON.parse(raw))).not.toContain("itemIds");
      for (const item of sourcePack.items) {
        // JSON escapes quotation marks, so compare the statement as JSON spells it.
        expect(raw, `${card.slug} holds ${item.id}`).not.toContain(JSON.stringify(item.statement).slice(1, -1));
        expect(raw, `${card.slug} names ${item.id}`).not.toContain(`"${item.id}"`);
      }
    }
    // The card list neither.
    const list = await (await get("/api/v1/cards")).text();
    for (const item of sourcePack.items) expect(list).not.toContain(JSON.stringify(item.statement).slice(1, -1));
  });

  it("answers an unknown slug with 404 problem+json naming path.slug", async () => {
    const res = await get("/api/v1/cards/no-such-card");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.headers.get("cache-control")).toBeNull();
    const body = Problem.parse(await res.json());
    expect(body).toMatchObject({ status: 404, field: "path.slug", type: "/api/v1/problems/card-not-found" });
    expect(body.detail).toContain("no-such-card");
  });

  it("answers HEAD like GET, without a body", async () => {
    const slug = pack.cards[0]?.slug;
    const res = await get(`/api/v1/cards/${slug}`, { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBeTruthy();
    expect(await res.text()).toBe("");
  });
});

describe("route descriptors", () => {
  it("name every cards route the app serves, with a schema for each JSON body", async () => {
    expect(Object.values(cardRoutes).map((r) => `${r.method} ${r.path}`)).toEqual([
      "get /api/v1/cards",
      "get /api/v1/cards/{slug}",
    ]);
    for (const route of Object.values(cardRoutes)) {
      const path = route.path.replace("{slug}", pack.cards[0]?.slug ?? "");
      const res = await get(path);
      expect(res.status, path).toBe(200);
      const schema = route.responses["200"]?.schema;
      expect(schema).toBeDefined();
    }
  });
});
