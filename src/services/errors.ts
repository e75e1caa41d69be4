/** @module errors: the one error type services, validators and the store's callers throw for a 4xx or 503. */
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

// The store throws it (KV or a class room failed: a 503); routes catch it from here, not from the store.
export { KvUnavailableError } from "../store/kv-errors";

/** One field at fault, as problem+json `errors` lists it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** What an AppError carries besides its status. */
export interface AppErrorInit {
  /** Short slug: the problem type is `/api/v1/problems/<slug>`. */
  slug: string;
  /** Short title: the problem's `title`, and the error page's heading. */
  title: string;
  /** One or two sentences for a person: problem `detail`, error page text. */
  detail?: string | undefined;
  /** The request field at fault, e.g. "body.nickname". */
  field?: string | undefined;
  errors?: FieldProblem[] | undefined;
  /** Extra response headers, e.g. Retry-After or WWW-Authenticate. */
  headers?: Record<string, string> | undefined;
}

/**
 * A refusal the client can act on (4xx) or a temporary fault (503). Thrown, never
 * returned; `app.onError` renders it as problem+json under /api and as an error page elsewhere.
 * @example throw new AppError(404, { slug: "class-not-found", title: "No such class" });
 */
export class AppError extends HTTPException {
  override name = "AppError";
  readonly slug: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly field: string | undefined;
  readonly errors: FieldProblem[] | undefined;
  readonly headers: Record<string, string>;

  constructor(status: ContentfulStatusCode, init: AppErrorInit) {
    super(status, { message: init.detail ?? init.title });
    this.slug = init.slug;
    this.title = init.title;
    this.detail = init.detail;
    this.field = init.field;
    this.errors = init.errors;
    this.headers = init.headers ?? {};
  }
}

/**
 * A 429 with Retry-After: the one wording of "too many writes".
 * @example throw tooMany("Several classes have been created from your network in the last minute.", 60);
 */
export function tooMany(detail: string, seconds = 10): AppError {
  return new AppError(429, {
    slug: "rate-limited",
    title: "Too many requests",
    detail: `${detail} Wait ${seconds === 10 ? "ten seconds" : seconds === 60 ? "a minute" : `${seconds} seconds`} and try again.`,
    headers: { "Retry-After": String(seconds) },
  });
}
