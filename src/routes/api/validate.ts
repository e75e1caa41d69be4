/**
 * @module validate: JSON request bodies checked by their zod schemas at run time, through Hono's
 * standard validator, with every failure answered as problem+json that names the field at fault
 * ("body.answer: must be one of "verified", "unverified"").
 */
import { sValidator } from "@hono/standard-validator";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { createMiddleware } from "hono/factory";
import { AppError } from "../../services/errors";

const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads the body before the validator does: a body in another media type is a 415 (so a
 * cross-site form post never reaches a handler), malformed JSON a 400 of ours, and an empty body
 * counts as `{}` so a request with nothing to say can send none.
 */
const jsonOnly = createMiddleware(async (c, next) => {
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
  try {
    if (text.trim() !== "") JSON.parse(text);
  } catch {
    throw new AppError(400, {
      slug: "malformed-json",
      title: "The body is not valid JSON",
      detail: "The request body could not be parsed as JSON.",
      field: "body",
    });
  }
  // The validator parses the text again (Hono caches the text, not the JSON): an empty body reads as {}.
  // (Hono keeps the cache's promises under the same names its types give the values.)
  if (text.trim() === "") (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve("{}");
  await next();
});

/** One problem with a body, as the problem's `errors` list it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** zod/mini ships no locale: an issue without a message of ours reads "Invalid input". */
const DEFAULT_MESSAGE = "Invalid input";

type Issue = StandardSchemaV1.Issue & {
  code?: string;
  expected?: string;
  input?: unknown;
  values?: unknown[];
  keys?: string[];
};

const EXPECTED: Record<string, string> = {
  string: "must be a string",
  boolean: "must be a boolean",
  int: "must be a whole number",
  number: "must be a number",
};

/** The value at `path` inside the body, or undefined when it is absent. */
function valueAt(body: unknown, path: readonly string[]): unknown {
  let value = body;
  for (const key of path)
    value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** A zod issue in the words a client reads, completing "body.<field> …". */
function problemsOfIssue(issue: Issue, body: unknown): FieldProblem[] {
  const path = (issue.path ?? []).map((key) => String(typeof key === "object" ? key.key : key));
  const field = ["body", ...path].join(".");
  if (issue.code === "unrecognized_keys") {
    return (issue.keys ?? []).map((key) => ({
      field: `${field}.${key}`,
      message: "is not a field this request takes",
    }));
  }
  if (path.length > 0 && valueAt(body, path) === undefined) return [{ field, message: "is required" }];
  if (issue.message !== DEFAULT_MESSAGE) return [{ field, message: issue.message }];
  if (issue.code === "invalid_type") {
    const message = path.length === 0 ? "must be a JSON object" : EXPECTED[issue.expected ?? ""];
    return [{ field, message: message ?? "has the wrong type" }];
  }
  if (issue.code === "invalid_value") {
    return [{ field, message: `must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(", ")}` }];
  }
  return [{ field, message: "is not valid" }];
}

/**
 * The body of a JSON route, checked by its zod schema: use as a route's middleware, then read
 * the typed body with `c.req.valid("json")`.
 * @example quiz.post("/answer", ...jsonBody(AnswerRequest), (c) => c.req.valid("json").token)
 */
export function jsonBody<S extends StandardSchemaV1>(schema: S) {
  return [
    jsonOnly,
    sValidator("json", schema, (result) => {
      if (result.success) return;
      const errors = (result.error as readonly Issue[]).flatMap((issue) => problemsOfIssue(issue, result.data));
      const first = errors[0] ?? { field: "body", message: "is not valid" };
      throw new AppError(400, {
        slug: "invalid-body",
        title: "The request body is not valid",
        detail: `${first.field}: ${first.message}`,
        field: first.field,
        errors,
      });
    }),
  ] as const;
}
