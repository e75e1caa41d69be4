/**
 * Helpers for the quiz tests: a cookie jar, form posts with an Origin header,
 * JSON calls, and wrappers around the REAL local KV binding that count calls or
 * inject a fault (no hand-written KV stands in for the real one).
 */
import { env } from "cloudflare:workers";
import { onTestFinished, vi } from "vitest";
import app from "../src/index";
import { openToken } from "../src/services/quiz-token";

export const ORIGIN = "http://localhost";

let clients = 0;

/**
 * A client address no other request has used (IPv6 documentation range): each call comes from
 * its own client unless the test sends `cf-connecting-ip` itself, so only the tests about the
 * per-address limits (tests/limits.test.ts) ever meet them.
 */
export function newClientAddress(): string {
  clients += 1;
  return `2001:db8::${clients.toString(16)}`;
}

/** Calls the app inside workerd with the real bindings, or with some replaced. */
export function call(path: string, init: RequestInit = {}, bindings: Partial<Env> = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has("cf-connecting-ip")) headers.set("cf-connecting-ip", newClientAddress());
  return Promise.resolve(
    app.request(`${ORIGIN}${path}`, { redirect: "manual", ...init, headers }, { ...env, ...bindings }),
  );
}

/** The one cookie the quiz sets, as a browser would keep it. */
export class CookieJar {
  value: string | null = null;

  /** Applies a response's Set-Cookie for __Host-quiz (Max-Age=0 deletes it). */
  take(res: Response): void {
    for (const header of res.headers.getSetCookie()) {
      const match = /^__Host-quiz=([^;]*)/.exec(header);
      if (!match) continue;
      this.value = /Max-Age=0/i.test(header) || match[1] === "" ? null : (match[1] ?? null);
    }
  }

  header(): Record<string, string> {
    return this.value ? { cookie: `__Host-quiz=${this.value}` } : {};
  }
}

/** GET a page with the jar's cookie, keeping any cookie it sets. */
export async function getPage(jar: CookieJar, path: string, bindings: Partial<Env> = {}): Promise<Response> {
  const res = await call(path, { headers: jar.header() }, bindings);
  jar.take(res);
  return res;
}

/** POST a form the way a browser does (Origin header, urlencoded body), keeping any cookie it sets. */
export async function postForm(
  jar: CookieJar,
  path: string,
  fields: Record<string, string> = {},
  bindings: Partial<Env> = {},
): Promise<Response> {
  const res = await call(
    path,
    {
      method: "POST",
      headers: { ...jar.header(), origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    },
    bindings,
  );
  jar.take(res);
  return res;
}

/** POST JSON to the API. */
export function postJson(path: string, body: unknown, bindings: Partial<Env> = {}): Promise<Response> {
  return call(
    path,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
    bindings,
  );
}

/** The Location of a redirect, as a path. */
export function location(res: Response): string {
  const value = res.headers.get("location");
  if (!value) throw new Error(`Expected a redirect, got ${res.status}`);
  const url = new URL(value, ORIGIN);
  return url.pathname + url.search;
}

/** The real SCORES binding wrapped to record every method called on it. */
export function countingKv(kv: KVNamespace = env.SCORES): { kv: KVNamespace; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(kv, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.push(String(prop));
        return value.apply(target, args);
      };
    },
  });
  return { kv: proxy, calls };
}

/** The real SCORES binding with one method made to fail, as a KV outage would. */
export function failingKv(method: "get" | "put", kv: KVNamespace = env.SCORES): KVNamespace {
  return new Proxy(kv, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (prop === method) return () => Promise.reject(new Error(`injected KV ${method} failure`));
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Escapes text as the views' JSX runtime does, to find content in a page. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * Silences console.error for the rest of one test that injects a fault on purpose (so a green
 * run prints no stack traces) and returns the spy, so the test can assert the fault was logged.
 */
export function expectedErrors() {
  const spy = vi.spyOn(console, "error").mockImplementation(() => {});
  onTestFinished(() => spy.mockRestore());
  return spy;
}

/**
 * The item ids of the attempt a token (or a jar's cookie) holds, in the order asked: a quiz plays
 * a form drawn at random, so tests read which statements it holds from the token.
 */
export async function attemptItemIds(token: CookieJar | string | null): Promise<string[]> {
  const raw = token instanceof CookieJar ? token.value : token;
  const opened = await openToken(raw ?? undefined, env.QUIZ_SECRET);
  if (!opened.ok) throw new Error(`the token does not open: ${opened.reason}`);
  return opened.state.items;
}
