/**
 * @module errors: the one place a thrown error becomes a response — problem+json
 * (RFC 9457) under /api, a friendly HTML page elsewhere; never a stack trace.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ContentUnavailableError } from "../content/texts";
import { AppError, KvUnavailableError } from "../services/errors";
import { ErrorPage } from "../views/error-page";
import { problem, wantsJson } from "./problem";

/** A KV outage: a 503 that keeps what the user has (their form, their quiz token). */
export const STORAGE_UNAVAILABLE = new AppError(503, {
  slug: "storage-unavailable",
  title: "Please try again in a moment",
  detail: "Our storage did not answer just now. Nothing you had is lost: go back and press the button again.",
  headers: { "Retry-After": "5", "Cache-Control": "no-store" },
});

/** The items' texts could not be read (a deploy without `npm run prerender`, or the asset server). */
const CONTENT_UNAVAILABLE = new AppError(503, {
  slug: "content-unavailable",
  title: "Please try again in a moment",
  detail: "Part of the quiz could not be loaded just now. Nothing you had is lost: please try again.",
  headers: { "Retry-After": "5", "Cache-Control": "no-store" },
});

const INTERNAL = new AppError(500, {
  slug: "internal",
  title: "Something went wrong",
  detail: "Something went wrong on our side. Please try again in a moment.",
});

/** The AppError an error stands for; KV faults and unknown faults are logged here. */
export function asAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof KvUnavailableError) {
    console.error(err);
    return STORAGE_UNAVAILABLE;
  }
  if (err instanceof ContentUnavailableError) {
    console.error(err);
    return CONTENT_UNAVAILABLE;
  }
  // Hono's own refusals (e.g. csrf()) are HTTPExceptions with a status and a short message.
  if (err instanceof HTTPException) {
    return new AppError(err.status as ContentfulStatusCode, {
      slug: "http-error",
      title: "That did not work",
      detail: err.message || "Request refused.",
    });
  }
  console.error(err);
  return INTERNAL;
}

/** Renders an AppError for this request: problem+json under /api, an error page elsewhere. */
export function renderError(c: Context, error: AppError): Response | Promise<Response> {
  const status = error.status as ContentfulStatusCode;
  if (wantsJson(c)) {
    const extra = { detail: error.detail, field: error.field, errors: error.errors };
    return problem(status, error.slug, error.title, JSON.parse(JSON.stringify(extra)), error.headers);
  }
  // A limit reached is not the reader's fault: the page says to wait (the detail says how long).
  const title = status === 429 ? "Please wait a moment" : error.title;
  return c.html(<ErrorPage title={title} message={error.detail ?? error.title} />, status, error.headers);
}

/** app.onError: every error thrown by a route, a service, a validator or the store ends here. */
export function onError(err: unknown, c: Context): Response | Promise<Response> {
  return renderError(c, asAppError(err));
}
