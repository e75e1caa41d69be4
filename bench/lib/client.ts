/**
 * @module A small HTTP client for the benchmark: a cookie jar, form posts with an
 * Origin header (as browsers send them), no automatic redirects, and a log of every
 * response with its raw and compressed sizes.
 */
import { get as httpGet } from "node:http";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** gzip level 6 and Brotli quality 4: what servers and CDNs typically use on the fly. */
export const GZIP_LEVEL = 6;
export const BROTLI_QUALITY = 4;

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

/** Compressed sizes of a body, as a Worker's edge would send it. Empty bodies stay empty. */
export function sizesOf(body: Uint8Array): Sizes {
  if (body.length === 0) return { raw: 0, gzip: 0, brotli: 0 };
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: GZIP_LEVEL }).length,
    brotli: brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length,
  };
}

export function addSizes(a: Sizes, b: Sizes): Sizes {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

export const ZERO: Sizes = { raw: 0, gzip: 0, brotli: 0 };

export interface Exchange {
  method: string;
  path: string;
  status: number;
  body: Sizes;
  /** Response status line and headers as HTTP/1.1 text, uncompressed (HTTP/2 and 3 compress them). */
  headerBytes: number;
  text: string;
  /** The Location header of a redirect. */
  location?: string | undefined;
}

let readers = 0;

/**
 * A reader's address of its own, in the benchmarking range 198.18.0.0/15 (sent only as the
 * CF-Connecting-IP header; every connection goes to loopback). The app's rate limits are per
 * address, and the benchmark measures the runtime, not the limits, so each reader is distinct.
 */
export function readerAddress(): string {
  readers += 1;
  return `198.18.${(readers >> 8) & 255}.${readers & 255}`;
}

export class HttpClient {
  readonly cookies = new Map<string, string>();
  readonly log: Exchange[] = [];
  readonly base: string;
  /** This client's address (CF-Connecting-IP). */
  readonly address: string;

  constructor(base: string, address = readerAddress()) {
    this.base = base;
    this.address = address;
  }

  async request(path: string, init: RequestInit = {}): Promise<Exchange> {
    const headers = new Headers(init.headers);
    if (!headers.has("cf-connecting-ip")) headers.set("cf-connecting-ip", this.address);
    if (this.cookies.size > 0) {
      headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    }
    const res = await fetch(this.base + path, { redirect: "manual", ...init, headers });
    for (const header of res.headers.getSetCookie()) {
      const [pair = ""] = header.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (/Max-Age=0/i.test(header) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const body = new Uint8Array(await res.arrayBuffer());
    let headerBytes = `HTTP/1.1 ${res.status} ${res.statusText}\r\n`.length + 2;
    res.headers.forEach((value, name) => {
      headerBytes += name.length + value.length + 4;
    });
    const exchange: Exchange = {
      method: init.method ?? "GET",
      path,
      status: res.status,
      body: sizesOf(body),
      headerBytes,
      text: new TextDecoder().decode(body),
      location: res.headers.get("location") ?? undefined,
    };
    this.log.push(exchange);
    if (res.status >= 500) throw new Error(`${exchange.method} ${path} answered ${res.status}`);
    return exchange;
  }

  get(path: string): Promise<Exchange> {
    return this.request(path);
  }

  post(path: string, fields: Record<string, string> = {}): Promise<Exchange> {
    return this.request(path, {
      method: "POST",
      headers: { origin: this.base, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }

  async json<T>(path: string, body: unknown): Promise<T> {
    const res = await this.request(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (res.status >= 400) throw new Error(`POST ${path} answered ${res.status}: ${res.text}`);
    return JSON.parse(res.text) as T;
  }
}

/** The path a redirect points to. */
export function locationOf(exchange: Exchange): string {
  if (!exchange.location) {
    throw new Error(`${exchange.method} ${exchange.path} answered ${exchange.status}, not a redirect`);
  }
  const url = new URL(exchange.location, "http://x");
  return url.pathname + url.search;
}

/** Bytes of a body as the server itself sends it for an Accept-Encoding (a cross-check of sizesOf). */
export function wireSize(url: string, encoding: "gzip" | "br", headers: Record<string, string> = {}): Promise<number> {
  return new Promise((done, fail) => {
    const request = httpGet(url, { headers: { ...headers, "accept-encoding": encoding } }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on("end", () => done(res.headers["content-encoding"] === encoding ? bytes : Number.NaN));
      res.on("error", fail);
    });
    request.on("error", fail);
  });
}
