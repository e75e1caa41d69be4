/** The OpenAPI 3.1 document covers every /api/v1 route the app registers, with request, response and error schemas. */
import { describe, expect, it } from "vitest";
import staticDocument from "../public/api/v1/openapi.json";
import app from "../src/index";
import { apiRoutes, buildOpenApiDocument } from "../src/routes/api/openapi-document";
import { call } from "./quiz-helpers";

type Json = Record<string, unknown>;
interface Doc {
  openapi: string;
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json> };
}

const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

/** "/api/v1/cards/:slug" → "/api/v1/cards/{slug}"; a regex-constrained ":n{[0-9]+}" → "{n}". */
function openApiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z0-9_]+)(\{[^/]*\})?/g, "{$1}");
}

/** The "METHOD path" pairs a list of Hono routes has under /api/v1. */
function apiOperations(routes: { method: string; path: string }[]): string[] {
  const ops = routes
    .filter((r) => METHODS.has(r.method) && r.path.startsWith("/api/v1/"))
    .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`);
  return [...new Set(ops)].sort();
}

function documentedOperations(doc: Doc): string[] {
  return Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`))
    .sort();
}

/** Operations the app serves that the document lacks: the check this file exists for. */
function undocumented(routes: { method: string; path: string }[], doc: Doc): string[] {
  const documented = new Set(documentedOperations(doc));
  return apiOperations(routes).filter((op) => !documented.has(op));
}

/** The document as served: a static asset (wrangler.toml [assets]), outside the Worker bundle. */
async function fetchDoc(): Promise<Doc> {
  return staticDocument as unknown as Doc;
}

/** The document itself is a static file, so the app's routes lack it; the document still lists it. */
const STATIC_OPERATIONS = ["get /api/v1/openapi.json"];

function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe("the OpenAPI document (public/api/v1/openapi.json)", () => {
  it("is an OpenAPI 3.1 document", async () => {
    const doc = await fetchDoc();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
  });

  it("is up to date with the zod schemas (if not: npm run openapi)", async () => {
    expect(await fetchDoc()).toEqual(buildOpenApiDocument());
  });

  it("documents every /api/v1 route the app registers, and nothing it does not", async () => {
    const doc = await fetchDoc();
    const served = apiOperations(app.routes);
    expect(served.length).toBeGreaterThanOrEqual(7);
    expect(undocumented(app.routes, doc)).toEqual([]);
    expect(documentedOperations(doc)).toEqual([...served, ...STATIC_OPERATIONS].sort());
  });

  it("would notice a route missing from the document", async () => {
    const doc = await fetchDoc();
    const routes = [...app.routes, { method: "DELETE", path: "/api/v1/attempts/:id" }];
    expect(undocumented(routes, doc)).toEqual(["delete /api/v1/attempts/{id}"]);
  });

  it("resolves every $ref to a component schema", async () => {
    const doc = await fetchDoc();
    const refs = refsIn(doc.paths);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const name = ref.replace("#/components/schemas/", "");
      expect(doc.components.schemas[name], ref).toBeDefined();
    }
  });

  it("gives every POST a JSON request schema and every error a problem+json schema", async () => {
    const doc = await fetchDoc();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const responses = op.responses as Record<string, Json>;
        expect(
          Object.keys(responses).some((s) => s.startsWith("2")),
          `${method} ${path}`,
        ).toBe(true);
        if (method === "post") {
          const body = op.requestBody as { content: Record<string, { schema: Json }> };
          expect(body.content["application/json"]?.schema, `${method} ${path}`).toBeDefined();
        }
        for (const [status, response] of Object.entries(responses)) {
          if (Number(status) < 400) continue;
          const content = response.content as Record<string, { schema: Json }>;
          expect(content["application/problem+json"]?.schema, `${method} ${path} ${status}`).toEqual({
            $ref: "#/components/schemas/Problem",
          });
        }
      }
    }
  });

  it("describes the answer request from the zod schema: required fields and the verdict enum", async () => {
    const doc = await fetchDoc();
    const answer = doc.components.schemas.AnswerRequest as {
      required: string[];
      additionalProperties: unknown;
      properties: Record<string, Json>;
    };
    expect(answer.required.sort()).toEqual(["answer", "itemId", "token"]);
    expect(answer.additionalProperties).toBe(false);
    expect(answer.properties.answer).toMatchObject({ enum: ["verified", "unverified"] });
    const statements = doc.components.schemas.QuizStatements as {
      properties: { items: { items: { properties: Json; required: string[] } } };
    };
    // No verdict; "who says so?" choices only in attempts that ask it (optional).
    expect(Object.keys(statements.properties.items.items.properties)).toEqual([
      "id",
      "position",
      "statement",
      "context",
      "who",
    ]);
    expect(statements.properties.items.items.required).not.toContain("who");
    expect(answer.properties.who).toBeDefined();
  });

  it("documents the finish response's share link as a required string", async () => {
    const doc = await fetchDoc();
    const result = doc.components.schemas.AttemptResultBody as { required: string[]; properties: Record<string, Json> };
    expect(result.required).toContain("shareUrl");
    expect(result.properties.shareUrl).toMatchObject({ type: "string" });
  });
});

describe("the route table drives validation (src/routes/api/route-table.ts)", () => {
  it("every route with a body in its table entry refuses a field the entry's schema lacks, naming it", async () => {
    const post = (path: string, body: unknown, key?: string) =>
      call(path, {
        method: "POST",
        headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify(body),
      });
    const created = (await (await post("/api/v1/classes", { start: "join" })).json()) as Json;
    const key = String(created.teacherKey);
    expect((await post(`/api/v1/classes/${created.code}/students`, { generate: true })).status).toBe(201);
    const dashboard = await call(`/api/v1/classes/${created.code}/dashboard`, {
      headers: { authorization: `Bearer ${key}` },
    });
    const student = ((await dashboard.json()) as { students: { id: string }[] }).students[0];
    const withBody = apiRoutes.filter((route) => route.requestBody);
    expect(withBody.length).toBeGreaterThanOrEqual(10);
    for (const route of withBody) {
      const path = route.path.replace("{code}", String(created.code)).replace("{id}", String(student?.id));
      const res = await call(path, {
        method: route.method.toUpperCase(),
        headers: {
          "content-type": "application/json",
          ...(route.security ? { authorization: `Bearer ${key}` } : {}),
        },
        body: JSON.stringify({ notAField: 1 }),
      });
      expect(res.status, `${route.operationId}: ${route.method} ${path}`).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      const problem = (await res.json()) as { errors?: { field: string }[] };
      expect(
        problem.errors?.map((e) => e.field),
        route.operationId,
      ).toContain("body.notAField");
    }
  });
});
