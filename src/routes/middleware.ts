/** @module middleware: what many routes repeat — the secret, cache headers, reading a form. */
import type { Context, MiddlewareHandler } from "hono";
import { AppError } from "../services/errors";
import { limit } from "../services/limits";
import { quizSecret } from "../services/secrets";
import type { SecretEnv } from "./env";

/**
 * Puts the signing secret in `c.var.secret`, or refuses with a 503 (logged) when it is
 * missing: the app fails closed, never signing with a weak or absent secret.
 */
export function requireSecret(slug: string, title: string): MiddlewareHandler<SecretEnv> {
  return async (c, next) => {
    const secret = quizSecret(c.env);
    if (!secret) {
      console.error(`QUIZ_SECRET is missing or too short; ${slug}.`);
      throw new AppError(503, {
        slug,
        title,
        detail: "The site is not set up completely, so it cannot sign tokens. Please try again later.",
      });
    }
    c.set("secret", secret);
    await next();
  };
}

/** Never cached: responses that carry or depend on a personal token or live data. Set on errors too. */
export function noStore(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set("Cache-Control", "no-store");
  };
}

/**
 * On a successful GET or HEAD: Cache-Control for five minutes (never on a 404, so an error is
 * not cached as content) and an ETag (SHA-1 of the body); a matching If-None-Match gets a 304.
 */
const fiveMinutes: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.ok || (c.req.method !== "GET" && c.req.method !== "HEAD")) return;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-1", await c.res.clone().arrayBuffer()));
  const tag = `"${Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("")}"`;
  const headers = new Headers(c.res.headers);
  headers.set("ETag", tag);
  headers.set("Cache-Control", "public, max-age=300");
  const matched = c.req.header("if-none-match")?.split(/,\s*/).includes(tag);
  c.res = new Response(matched ? null : c.res.body, { status: matched ? 304 : c.res.status, headers });
};

/**
 * For responses that change only with a deploy (content is bundled): cacheable for five minutes,
 * then revalidated cheaply by ETag.
 */
export function publicCache(): MiddlewareHandler[] {
  return [fiveMinutes];
}

/**
 * The posted form's text fields ("" for files). A malformed body (e.g. multipart without its
 * boundary) is a 400, not a 500.
 */
export async function readForm(c: Context): Promise<Record<string, string>> {
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody();
  } catch {
    throw new AppError(400, {
      slug: "malformed-form",
      title: "That form could not be read",
      detail: "The form data was malformed. Please go back and send the form again.",
    });
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) fields[name] = typeof value === "string" ? value : "";
  return fields;
}

/**
 * The client's address, for the per-address rate limits: Cloudflare sets `CF-Connecting-IP` on
 * every request (wrangler dev passes a client's own through). It is only ever a limiter key in
 * memory, never stored.
 * @example limit(c.env, "report", clientAddress(c), "…")
 */
export function clientAddress(c: { req: { header(name: string): string | undefined } }): string {
  return c.req.header("cf-connecting-ip")?.trim() || "unknown";
}

/** What the origin helpers read: the bindings and the request's URL (any route's context). */
type RequestWithEnv = { env: Env; req: { url: string } };

/** Host names that only reach this machine: the request's own origin is trusted only on these. */
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The site's public origin for absolute links (share links, Open Graph tags): `PUBLIC_ORIGIN`
 * when configured, else the request's origin on a loopback host (local development), else null.
 * A Host header sent from elsewhere never ends up in a link or a QR code.
 * @example publicOrigin(c) // "https://claimcheck.example" or null
 */
export function publicOrigin(c: RequestWithEnv): string | null {
  const configured = c.env.PUBLIC_ORIGIN?.trim().replace(/\/+$/, "");
  if (configured) return configured;
  const url = new URL(c.req.url);
  return LOOPBACK.has(url.hostname) ? url.origin : null;
}

/**
 * The public origin where a link must be absolute (the join address and its QR code): a 503
 * when the site has none configured, as a missing signing secret is.
 */
export function originOf(c: RequestWithEnv): string {
  const origin = publicOrigin(c);
  if (origin) return origin;
  console.error("PUBLIC_ORIGIN is not set; join addresses cannot be made.");
  throw new AppError(503, {
    slug: "not-configured",
    title: "The site is not set up completely",
    detail: "The site's public address is not configured, so it cannot make join links. Please try again later.",
  });
}

/**
 * A teacher's screen (dashboard, projector, CSV, a confirmation page), one read of the class's
 * object each: limited per address for every class behind it (2,000 a minute), before the sign-in
 * is checked, so neither a screen left refreshing nor a script reaches the object or KV unbounded.
 * The class's own limit (120 a minute) is in services/class-live.ts.
 */
export function screenLimit(): MiddlewareHandler {
  return async (c, next) => {
    const why = "The class screens of your network were read very often in the last minute.";
    await limit(c.env, "class-screen-address", clientAddress(c), why);
    await next();
  };
}

/**
 * A teacher's change to a class (close, remove, let back, a student's code, delete, end): limited
 * per address for every class behind it (120 a minute), as the class's own limit (20 in 10 s,
 * services/teacher-auth.ts) is per class.
 */
export function changeLimit(): MiddlewareHandler {
  return async (c, next) => {
    const why = "Many changes were made to classes from your network in the last minute.";
    await limit(c.env, "class-change-address", clientAddress(c), why);
    await next();
  };
}
