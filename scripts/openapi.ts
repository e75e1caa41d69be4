/**
 * Writes public/api/v1/openapi.json from the zod/mini schemas
 * (`npm run openapi`). Run it after changing an API schema or route descriptor;
 * tests/openapi.test.ts fails until the committed file matches.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSrc } from "./load-src.ts";

const { buildOpenApiDocument } = await loadSrc<typeof import("../src/routes/api/openapi-document.ts")>(
  "src/routes/api/openapi-document.ts",
);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// Served as a static asset ([assets] in wrangler.toml), so the document adds nothing to the Worker bundle.
const out = join(root, "public", "api", "v1", "openapi.json");
writeFileSync(out, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
// Format as `biome check` expects, so lint stays green.
execFileSync(join(root, "node_modules", ".bin", "biome"), ["format", "--write", out], { stdio: "inherit" });
console.log(`wrote ${out}`);
