/**
 * @module GET /api/v1/openapi.json: the OpenAPI 3.1 document of every /api/v1 route.
 *
 * The document is generated from the zod/mini schemas at build time
 * (`npm run openapi`, see openapi-document.ts) and served as it is, so the
 * Worker carries no JSON Schema generator.
 */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import document from "./openapi.generated.json";

export const apiDocs = new Hono<AppEnv>();

// Serialised once per isolate, not per request.
let body: string | undefined;

apiDocs.get("/openapi.json", (c) => {
  body ??= JSON.stringify(document);
  return c.body(body, 200, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "public, max-age=300",
  });
});
