/** @module RFC 9457 problem details: every JSON error the API returns goes through here. */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The body of an `application/problem+json` response. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** The request field at fault, e.g. "body.answer" or "path.slug". */
  field?: string;
  /** Further field errors, when several fields are wrong at once. */
  errors?: { field: string; message: string }[];
}

/** Builds a problem+json response. `type` is a short slug documented in the OpenAPI document. */
export function problem(
  status: ContentfulStatusCode,
  slug: string,
  title: string,
  extra: Omit<Problem, "type" | "title" | "status"> = {},
  headers: Record<string, string> = {},
): Response {
  const body: Problem = { type: `/api/v1/problems/${slug}`, title, status, ...extra };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json; charset=utf-8", ...headers },
  });
}

/** True for requests that should get JSON errors: everything under /api. */
export function wantsJson(c: Context): boolean {
  return new URL(c.req.url).pathname.startsWith("/api/");
}
