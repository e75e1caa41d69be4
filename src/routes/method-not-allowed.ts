/**
 * @module method-not-allowed: which methods an address accepts, from the app's own route list, so
 * a wrong method gets a 405 with `Allow` instead of a 404. Hono's methodNotAllowed middleware does
 * the same with a second router (TrieRouter) in the bundle; the app already knows its routes.
 */

/** A route as `app.routes` lists it: a method (or "ALL" for middleware) and a path pattern. */
export interface RouteInfo {
  method: string;
  path: string;
}

/**
 * A path pattern as a RegExp: `:name` is one segment, `:name{re}` one matching `re`, a `*` segment
 * any rest (none included), anything else literal; like Hono's routers, no trailing-slash leniency.
 * @example patternOf("/quiz/q/:n{[0-9]{1,3}}").test("/quiz/q/12") // true
 */
export function patternOf(path: string): RegExp {
  const parts = path.split("/").map((segment, index) => {
    if (segment === "*") return "(?:|/.*)";
    const param = /^:\w+(?:\{(.+)\})?$/.exec(segment);
    const body = param ? `(?:${param[1] ?? "[^/]+"})` : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return index === 0 ? body : `/${body}`;
  });
  return new RegExp(`^${parts.join("")}$`);
}

/**
 * A function giving the methods the routes accept at a path (GET brings HEAD), in the order the
 * routes were added; none for an address no route has. Middleware ("ALL") accepts no method.
 * @example allowedMethods(app.routes)("/quiz/finish") // ["POST"]
 */
export function allowedMethods(routes: readonly RouteInfo[]): (path: string) => string[] {
  const byPath = new Map<string, Set<string>>();
  for (const { method, path } of routes) {
    if (method === "ALL" || method === "HEAD") continue;
    const methods = byPath.get(path) ?? new Set();
    methods.add(method);
    if (method === "GET") methods.add("HEAD");
    byPath.set(path, methods);
  }
  const patterns = [...byPath].map(([path, methods]) => ({ pattern: patternOf(path), methods }));
  return (path) => [...new Set(patterns.flatMap((p) => (p.pattern.test(path) ? [...p.methods] : [])))];
}
