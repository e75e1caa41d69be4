/**
 * Absolute links come from the configured public origin, never from a Host header sent from
 * elsewhere; every response (the Worker's and the static files') carries the security headers.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { PROSE_PATH } from "../src/content/prose";
import { ARTICLE_PATH } from "../src/content/quotes";
import { ITEM_TEXTS_PATH } from "../src/content/texts";
import app from "../src/index";
import { CARD_LIST_PATH } from "../src/routes/api/card-json";
import { SECURITY_HEADERS } from "../src/routes/security-headers";
import { headersFile, staticPages } from "../src/static-pages";
import wranglerToml from "../wrangler.toml?raw";
import { expectedErrors } from "./quiz-helpers";

function createClassAt(url: string, bindings: Partial<Env> = {}) {
  return app.request(
    url,
    {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": "198.51.100.200" },
      body: "{}",
    },
    { ...env, ...bindings },
  );
}

describe("join and share links", () => {
  it("use PUBLIC_ORIGIN when it is set, whatever Host the request names", async () => {
    const res = await createClassAt("http://evil.example/api/v1/classes", {
      PUBLIC_ORIGIN: "https://claimcheck.example/",
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { joinUrl: string; qrSvg: string; code: string };
    expect(body.joinUrl).toBe(`https://claimcheck.example/c/${body.code}`);
    expect(body.qrSvg).not.toContain("evil.example");
  });

  it("use the request's own origin on localhost (local development)", async () => {
    const res = await createClassAt("http://localhost:8787/api/v1/classes", { PUBLIC_ORIGIN: "" });
    const body = (await res.json()) as { joinUrl: string; code: string };
    expect(body.joinUrl).toBe(`http://localhost:8787/c/${body.code}`);
  });

  it("are never made from another Host: without PUBLIC_ORIGIN the app refuses with a 503, not a link to evil.example", async () => {
    const logged = expectedErrors();
    const res = await createClassAt("http://evil.example/api/v1/classes", { PUBLIC_ORIGIN: "" });
    expect(res.status).toBe(503);
    expect(await res.text()).not.toContain("evil.example/c/");
    expect(logged).toHaveBeenCalled();
  });
});

describe("security headers", () => {
  it("the Worker's responses carry Permissions-Policy, nosniff and the CSP", async () => {
    const res = await app.request("http://localhost/quiz", {}, env);
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("public/_headers gives every static file (the OpenAPI document, the stylesheet, the pages) the same set", () => {
    const rules = headersFile(staticPages()).body.split(/\n(?=\S)/);
    const all = rules.find((block) => block.startsWith("/*\n"));
    for (const [name, value] of SECURITY_HEADERS) expect(all).toContain(`${name}: ${value}`);
  });
});

describe("the private content files: the items' explanations (they give the verdicts away), the article, prose, card list", () => {
  it("are read by the Worker through ASSETS, but a request for them goes to the Worker, which answers 404", async () => {
    // wrangler.toml routes /content/* to the Worker before the asset server...
    expect(wranglerToml).toMatch(/^run_worker_first = \["\/content\/\*"\]$/m);
    for (const [path, field] of [
      [ITEM_TEXTS_PATH, '"explanation"'],
      [ARTICLE_PATH, '"article"'],
      [PROSE_PATH, '"corrections"'],
      [CARD_LIST_PATH, '"summary"'],
    ] as const) {
      expect(path.startsWith("/content/")).toBe(true);
      // ...and the Worker has no such route,
      const res = await app.request(`http://localhost${path}`, {}, env);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain(field);
      // while the binding reads the file.
      const file = await env.ASSETS.fetch(`http://localhost${path}`);
      expect(file.status, path).toBe(200);
      expect(await file.text(), path).toContain(field);
    }
  });
});
