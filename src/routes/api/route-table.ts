/**
 * @module route-table: registers a JSON route from its entry in a route table (./schemas,
 * ./class-schemas, ./stats-schemas), so each route is declared once — method, path, the body it
 * validates, its responses — and both the handler's validation and the OpenAPI document
 * (./openapi-document.ts) come from that one entry.
 */
import type { Env, Hono, MiddlewareHandler } from "hono";
import type { H } from "hono/types";
import type * as z from "zod/mini";
import type { ApiRoute } from "./schemas";
import { jsonBody } from "./validate";

type BodySchema<R extends ApiRoute> = R["requestBody"] extends { schema: infer S extends z.core.$ZodType } ? S : never;

/** What `c.req.valid("json")` holds in a route's handler: its body schema's output (nothing for a route without one). */
export type RouteInput<R extends ApiRoute> = [BodySchema<R>] extends [never]
  ? // biome-ignore lint/complexity/noBannedTypes: Hono's own "no validated input" (BlankInput) is {}.
    {}
  : { in: { json: z.input<BodySchema<R>> }; out: { json: z.output<BodySchema<R>> } };

/** An OpenAPI path's type as Hono's, so `c.req.param("code")` is typed: "/a/{code}" → "/a/:code". */
export type HonoPathOf<S extends string> = S extends `${infer A}{${infer P}}${infer B}`
  ? `${A}:${P}${HonoPathOf<B>}`
  : S;

/**
 * An OpenAPI path as Hono's, below the sub-app's mount point.
 * @example honoPath("/api/v1/classes/{code}/students", "/api/v1/classes") // "/:code/students"
 */
export function honoPath(path: string, mount: string): string {
  if (path !== mount && !path.startsWith(`${mount}/`)) throw new RangeError(`${path} is not under ${mount}`);
  return path.slice(mount.length).replace(/\{([A-Za-z0-9_]+)\}/g, ":$1") || "/";
}

/**
 * A function that registers routes of a table on `app` (mounted at `mount`): the handlers given run
 * in order, with the route's body check (415, 400 malformed JSON, 400 naming the field) just before
 * the last, so a missing secret or teacher key is answered before the body is read.
 * @example const on = routeTable(apiClasses, "/api/v1/classes"); on(classRoutes.createClass, secret, (c) => …)
 */
export function routeTable<E extends Env>(app: Hono<E>, mount: string) {
  // E2: the env the route's own middleware gives its handler (e.g. the teacher's class record).
  return <R extends ApiRoute, E2 extends Env = E>(
    route: R,
    ...handlers: [
      // biome-ignore lint/suspicious/noExplicitAny: a middleware before the handler reads no validated input.
      ...MiddlewareHandler<E2, any, any>[],
      H<E2, HonoPathOf<R["path"]>, RouteInput<R>>,
    ]
  ) => {
    const handler = handlers.at(-1);
    const before = handlers.slice(0, -1);
    const body = route.requestBody ? jsonBody(route.requestBody.schema) : [];
    // Hono's typed overloads cannot follow a list built at run time; the handlers' types are checked above.
    const on = app.on.bind(app) as (method: string, path: string, ...handlers: unknown[]) => unknown;
    on(route.method.toUpperCase(), honoPath(route.path, mount), ...before, ...body, handler);
  };
}
