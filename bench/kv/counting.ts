/**
 * @module The REAL local KV binding wrapped to count the operations the app asks
 * of it, and a minimal browser-like client (cookies, Origin on form posts) that
 * calls the app inside workerd, as the deployed Worker would be called.
 */
import { env } from "cloudflare:workers";
import app from "../../src/index";

/** KV operations by method name, e.g. { get: 1, put: 1 }. */
export type KvCounts = Record<string, number>;

/** SCORES wrapped so every method call is counted; everything else passes through. */
export function countingKv(kv: KVNamespace = env.SCORES): { kv: KVNamespace; counts: KvCounts; reset: () => void } {
  let counts: KvCounts = {};
  const proxy = new Proxy(kv, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        counts[String(prop)] = (counts[String(prop)] ?? 0) + 1;
        return value.apply(target, args);
      };
    },
  });
  return {
    kv: proxy,
    get counts() {
      return counts;
    },
    reset: () => {
      counts = {};
    },
  };
}

export const ORIGIN = "http://localhost";

let clients = 0;

/**
 * A client with a cookie jar, calling the app with the counting SCORES binding, from its own
 * address (IPv6 documentation range): a class's join bucket paces joins per address.
 */
export class Client {
  private cookies = new Map<string, string>();
  private readonly address = `2001:db8:b::${(++clients).toString(16)}`;
  constructor(private readonly bindings: Partial<Env>) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (!headers.has("cf-connecting-ip")) headers.set("cf-connecting-ip", this.address);
    if (this.cookies.size > 0) {
      headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    }
    const res = await app.request(
      `${ORIGIN}${path}`,
      { redirect: "manual", ...init, headers },
      {
        ...env,
        ...this.bindings,
      },
    );
    for (const header of res.headers.getSetCookie()) {
      const [pair = ""] = header.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (/Max-Age=0/i.test(header) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get(path: string): Promise<Response> {
    return this.request(path);
  }

  /** A form post as a browser sends it: urlencoded, with an Origin header (and any `extra` a script adds). */
  post(path: string, fields: Record<string, string> = {}, extra: Record<string, string> = {}): Promise<Response> {
    return this.request(path, {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded", ...extra },
      body: new URLSearchParams(fields).toString(),
    });
  }

  json(path: string, body: unknown): Promise<Response> {
    return this.request(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  }
}

/** The path a redirect points to. */
export function location(res: Response): string {
  const value = res.headers.get("location");
  if (!value) throw new Error(`Expected a redirect, got ${res.status}`);
  const url = new URL(value, ORIGIN);
  return url.pathname + url.search;
}

declare module "vitest" {
  interface TaskMeta {
    /** KV operations by journey, read by the benchmark from vitest's JSON report. */
    kv?: Record<string, KvCounts>;
  }
}
