/**
 * The import rules of docs/ARCHITECTURE.md, checked by `npm run lint` (dependency-cruiser):
 * routes → services → domain/store/views; the domain is pure; no import circles.
 * @type {import("dependency-cruiser").IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Import circles make load order matter and modules hard to read on their own.",
      // The views circle class-dashboard-parts ↔ class-dashboard is being untangled separately.
      from: { pathNot: "^src/views/class-dashboard" },
      to: { circular: true },
    },
    {
      name: "routes-not-to-store",
      severity: "error",
      comment: "Routes reach storage through the services (DESIGN: routes → services → store).",
      from: { path: "^src/routes/" },
      to: { path: "^src/store/" },
    },
    {
      name: "domain-is-pure",
      severity: "error",
      comment: "The domain imports only the domain (and content data): no Hono, no KV, no views.",
      from: { path: "^src/domain/", pathNot: "\\.test\\.ts$" },
      to: { path: "^src/(routes|services|store|views)/|^node_modules/hono" },
    },
    {
      name: "lower-layers-not-up",
      severity: "error",
      comment: "The store and the views never import the routes or the services.",
      from: { path: "^src/(store|views)/" },
      to: { path: "^src/(routes|services)/" },
    },
    {
      name: "services-not-to-routes",
      severity: "error",
      from: { path: "^src/services/" },
      to: { path: "^src/routes/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
  },
};
