/**
 * @module validate: reads a JSON request body and checks it with a zod/mini schema,
 * answering problem+json that names the field at fault ("body.answer").
 */
import type { Context } from "hono";
import type * as z from "zod/mini";
import { AppError } from "../../services/errors";

const JSON_TYPE = /^application\/(?:[a-z0-9.+-]+\+)?json\s*(?:;|$)/i;

/** "body", "body.answer", "body.items[2].id". */
export function fieldName(path: readonly PropertyKey[]): string {
  let name = "body";
  for (const part of path) name += typeof part === "number" ? `[${part}]` : `.${String(part)}`;
  return name;
}

/**
 * Parses the body as JSON and validates it. An empty body counts as `{}` so a
 * request with nothing to say can send none. Throws a 415 AppError for another
 * media type, 400 for malformed JSON or a body that does not match (the first
 * issue in `field`, all of them in `errors`).
 * @example const body = await readJson(c, AnswerRequest);
 */
export async function readJson<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.infer<S>> {
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
  const parsed = schema.safeParse(json, { error: plainMessage });
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => ({
    field: fieldName(unrecognizedPath(issue)),
    message: issue.message,
  }));
  const first = errors[0] ?? { field: "body", message: "The body does not match the schema." };
  throw new AppError(400, {
    slug: "invalid-body",
    title: "The request body is not valid",
    detail: `${first.field}: ${first.message}`,
    field: first.field,
    errors,
  });
}

/**
 * Plain messages for the issues zod/mini reports as "Invalid input" (it ships no
 * locale). Messages given in a schema's own checks take precedence over these.
 */
function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if ((issue.code === "invalid_type" || issue.code === "invalid_value") && issue.input === undefined) {
    return "is required";
  }
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "object" ? "must be a JSON object" : `must be a ${issue.expected}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "unrecognized_keys":
      return "is not a field this request takes";
    default:
      return undefined;
  }
}

/** An unknown key is reported at its own name ("body.extra"), not at the object holding it. */
function unrecognizedPath(issue: z.core.$ZodIssue): PropertyKey[] {
  if (issue.code === "unrecognized_keys" && issue.keys.length > 0) return [...issue.path, issue.keys[0] as string];
  return issue.path;
}
