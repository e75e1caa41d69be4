/** @module middleware: what many routes repeat — the secret, cache headers, reading a form. */
import type { Context, MiddlewareHandler } from "hono";
import { etag } from "hono/etag";
import { AppError } from "../services/errors";
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

/** Sets Cache-Control on successful responses only, so a 404 is never cached as if it were content. */
const fiveMinutes: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.ok) c.res.headers.set("Cache-Control", "public, max-age=300");
};

/**
 * For responses that change only with a deploy (content is bundled): cacheable for five minutes,
 * then revalidated cheaply by ETag. The etag runs outermost so a 304 keeps Cache-Control.
 */
export function publicCache(): MiddlewareHandler[] {
  return [etag(), fiveMinutes];
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

/** The request's origin, for absolute links (the join address, the QR code). */
export function originOf(c: Context): string {
  return new URL(c.req.url).origin;
}
