/**
 * @module validate: reads a JSON request body and checks it against its body spec,
 * answering problem+json that names the field at fault ("body.answer").
 */
import type { Context } from "hono";
import { AppError } from "../../services/errors";
import { type BodySpec, problemsOf } from "./body-checks";

const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Parses the body as JSON and validates it. An empty body counts as `{}` so a
 * request with nothing to say can send none. Throws a 415 AppError for another
 * media type, 400 for malformed JSON or a body that does not match (the first
 * issue in `field`, all of them in `errors`).
 * @example const body = await readJson(c, AnswerBody);
 */
export async function readJson<T>(c: Context, spec: BodySpec<T>): Promise<T> {
  const text = await c.req.text();
  // A request with no body at all needs no Content-Type (curl -X POST /api/v1/attempts).
  if (text.trim() !== "" && !JSON_TYPE.test(c.req.header("content-type") ?? "")) {
    throw new AppError(415, {
      slug: "unsupported-media-type",
      title: "Send JSON",
      detail: "Send the request body as JSON with the header Content-Type: application/json.",
      field: "header.content-type",
    });
  }
  let json: unknown;
  try {
    json = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    throw new AppError(400, {
      slug: "malformed-json",
      title: "The body is not valid JSON",
      detail: "The request body could not be parsed as JSON.",
      field: "body",
    });
  }
  const errors = problemsOf(spec, json);
  const first = errors[0];
  if (!first) return json as T;
  throw new AppError(400, {
    slug: "invalid-body",
    title: "The request body is not valid",
    detail: `${first.field}: ${first.message}`,
    field: first.field,
    errors,
  });
}
