/**
 * The 405 logic (src/routes/method-not-allowed.ts) answers as Hono's methodNotAllowed middleware
 * did, which matched the app's routes with Hono's TrieRouter: same methods, same order, for an
 * address of every route and for addresses no route has.
 */
import { TrieRouter } from "hono/router/trie-router";
import { describe, expect, it } from "vitest";
import app from "../src/index";
import { allowedMethods, patternOf } from "../src/routes/method-not-allowed";
import { call } from "./quiz-helpers";

/** What Hono's middleware computed: the TrieRouter over the same route list. */
function reference(routes: readonly { method: string; path: string }[]): (path: string) => string[] {
  const byPath = new Map<string, Set<string>>();
  for (const { method, path } of routes) {
    if (method === "ALL" || method === "HEAD") continue;
    const methods = byPath.get(path) ?? new Set<string>();
    methods.add(method);
    if (method === "GET") methods.add("HEAD");
    byPath.set(path, methods);
  }
  const router = new TrieRouter<string[]>();
  for (const [path, methods] of byPath) router.add("ALL", path, [...methods]);
  return (path) => [...new Set(router.match("ALL", path)[0].flatMap(([methods]) => methods))];
}

/** An address a route pattern answers: parameters filled in. */
function sample(pattern: string): string {
  return pattern
    .replace(/:\w+\{[^/]*\}/g, "12")
    .replace(/:\w+/g, "ABC234")
    .replace(/\/\*$/, "/x/y");
}

describe("which methods an address accepts", () => {
  const ours = allowedMethods(app.routes);
  const theirs = reference(app.routes);
  const routes = app.routes.filter((route) => route.method !== "ALL");

  it("matches Hono's TrieRouter for an address of every route, and its neighbours", () => {
    expect(routes.length).toBeGreaterThan(30);
    for (const { method, path } of routes) {
      const at = sample(path);
      expect(ours(at), at).toContain(method);
      for (const near of [at, `${at}/`, `${at}/more`, at.replace(/\/[^/]*$/, "/x-y")]) {
        expect(ours(near), near).toEqual(theirs(near));
      }
    }
    for (const none of ["/nope", "/quiz/q/1234", "/quiz/q/abc", "/api/v1/nope/x", "/c", ""]) {
      expect(ours(none), none).toEqual(theirs(none));
    }
  });

  it("reads :name{re} parameters, with braces inside the expression, and a trailing *", () => {
    expect(patternOf("/quiz/q/:n{[0-9]{1,3}}").test("/quiz/q/123")).toBe(true);
    expect(patternOf("/quiz/q/:n{[0-9]{1,3}}").test("/quiz/q/1234")).toBe(false);
    expect(patternOf("/a/*").test("/a")).toBe(true);
    expect(patternOf("/a/*").test("/a/b/c")).toBe(true);
    expect(patternOf("/a.b").test("/axb")).toBe(false);
  });

  it("answers a bodyless DELETE on a GET-only API address with the 405, not a CSRF refusal", async () => {
    const res = await call("/api/v1/quiz", { method: "DELETE" });
    expect(res.status).toBe(405);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
    // A page address takes the cookie-guarded forms: there, csrf() refuses it first, as before.
    expect((await call("/quiz", { method: "DELETE" })).status).toBe(403);
  });

  it("answers a page's wrong method with the 405 page, and an unknown address with the 404", async () => {
    const res = await call("/quiz", { method: "OPTIONS" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
    expect(await res.text()).toContain("This address only accepts GET, HEAD.");
    expect((await call("/api/v1/nope", { method: "DELETE" })).status).toBe(404);
    expect((await call("/nope")).status).toBe(404);
  });
});
