/**
 * @module openapi-document: builds the OpenAPI 3.1 document from the route tables the app
 * registers its JSON routes from (./route-table.ts), with the zod/mini schemas the routes
 * validate with and the tests parse responses with.
 *
 * Run at build time, not in the Worker: `npm run openapi` writes
 * public/api/v1/openapi.json, served as a static asset outside the Worker. This keeps
 * `z.toJSONSchema` (about 8 KB gzipped) out of the bundle; tests/openapi.test.ts
 * fails when the committed file differs from what this module builds now.
 */
import * as z from "zod/mini";
import { checkRoutes } from "./class-checks-schema";
import * as classSchemas from "./class-schemas";
import type { ApiResponse, ApiRoute, RouteTable } from "./schemas";
import * as schemas from "./schemas";
import * as statsSchemas from "./stats-schemas";

export const OPENAPI_PATH = "/api/v1/openapi.json";

const documentRoutes = {
  getOpenApiDocument: {
    method: "get",
    path: OPENAPI_PATH,
    summary: "This OpenAPI 3.1 document",
    tags: ["Meta"],
    responses: { "200": { description: "The OpenAPI document describing every /api/v1 route." } },
  },
} satisfies RouteTable;

/** A route as the document lists it: its table entry and its key there, the operationId. */
export type DocumentedRoute = ApiRoute & { operationId: string };

/**
 * Every route of the route tables, in the tables' order: the ones the app registers
 * (./route-table.ts) and the static document itself. The OpenAPI test fails when the app serves a
 * route that is not here.
 */
export const apiRoutes: DocumentedRoute[] = [
  schemas.cardRoutes,
  schemas.quizRoutes,
  checkRoutes,
  classSchemas.classRoutes,
  statsSchemas.statsRoutes,
  documentRoutes,
].flatMap((table: RouteTable) => Object.entries(table).map(([operationId, route]) => ({ operationId, ...route })));

type JsonObject = Record<string, unknown>;

/** Every zod schema exported by ./schemas and ./class-schemas, by export name: these become components. */
function namedSchemas(): Map<z.core.$ZodType, string> {
  const named = new Map<z.core.$ZodType, string>();
  for (const [name, value] of [
    ...Object.entries(schemas),
    ...Object.entries(classSchemas),
    ...Object.entries(statsSchemas),
  ]) {
    if (value && typeof value === "object" && "_zod" in value) named.set(value as z.core.$ZodType, name);
  }
  return named;
}

/** Converts a zod schema to a JSON Schema 2020-12 object (OpenAPI 3.1's dialect). */
function jsonSchema(schema: z.core.$ZodType, io: "input" | "output"): JsonObject {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" });
  return rest;
}

/** The version of the API this document describes (not the content pack version, which responses carry). */
export const API_VERSION = "1.0.0";

/** Builds the whole document. */
export function buildOpenApiDocument(): JsonObject {
  const named = namedSchemas();
  const components: Record<string, JsonObject> = {};
  const ref = (schema: z.core.$ZodType, io: "input" | "output"): JsonObject => {
    const name = named.get(schema);
    if (!name) return jsonSchema(schema, io);
    components[name] ??= jsonSchema(schema, io);
    return { $ref: `#/components/schemas/${name}` };
  };

  const response = (status: string, r: ApiResponse): JsonObject => {
    const out: JsonObject = { description: r.description };
    if (r.schema) {
      const type = r.contentType ?? (Number(status) >= 400 ? "application/problem+json" : "application/json");
      out.content = { [type]: { schema: ref(r.schema, "output") } };
    }
    if (r.headers) {
      out.headers = Object.fromEntries(
        Object.entries(r.headers).map(([name, description]) => [name, { description, schema: { type: "string" } }]),
      );
    }
    return out;
  };

  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of apiRoutes) {
    const responses: Record<string, JsonObject> = {};
    for (const [status, r] of Object.entries(route.responses)) responses[status] = response(status, r);
    // Every route refuses other methods with a problem, and unknown paths get a 404 problem.
    responses["405"] ??= response("405", {
      description: "Method not allowed; see the Allow header.",
      schema: schemas.Problem,
    });
    const operation: JsonObject = {
      operationId: route.operationId,
      summary: route.summary,
      tags: route.tags,
      responses,
    };
    if (route.security) operation.security = [{ [route.security]: [] }];
    if (route.parameters) {
      operation.parameters = route.parameters.map((p) => ({ ...p, schema: { type: "string" } }));
    }
    if (route.requestBody) {
      operation.requestBody = {
        description: route.requestBody.description,
        required: true,
        content: { "application/json": { schema: ref(route.requestBody.schema, "input") } },
      };
    }
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, JsonObject>)[route.method] = operation;
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "Claim Check: Belgorod API",
      version: API_VERSION,
      description:
        "Explainer cards and a quiz on telling verified facts from unverified claims in the coverage of the May 2023 Belgorod incursion. Errors are application/problem+json (RFC 9457); `field` names the request field at fault. Quiz state travels in a signed token in the request body. Classroom routes marked with the teacherKey scheme need the class's teacher key as `Authorization: Bearer <key>`.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        teacherKey: {
          type: "http",
          scheme: "bearer",
          description:
            "The class's teacher key (tk_…), shown once when the class is created. Only its hash is stored; never put it in a URL.",
        },
      },
    },
  };
}
