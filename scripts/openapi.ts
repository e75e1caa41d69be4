/**
 * Writes public/api/v1/openapi.json from the zod/mini schemas
 * (`npm run openapi`). Run it after changing an API schema or route descriptor;
 * tests/openapi.test.ts fails until the committed file matches.
 *
 * src/ is written for the bundler (extensionless imports, .txt and .json
 * imports), so two small module hooks let Node 22 load it as it is.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { registerHooks } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      // "./token" → "./token.ts", as the bundler resolves it.
      if (specifier.startsWith(".") && !/\.[a-z]+$/i.test(specifier)) return next(`${specifier}.ts`, context);
      throw error;
    }
  },
  load(url, context, next) {
    // The bundler imports text as a string and JSON without import attributes.
    if (url.endsWith(".txt") || url.endsWith(".json")) {
      const text = readFileSync(fileURLToPath(url), "utf8");
      const value = url.endsWith(".txt") ? JSON.stringify(text) : text;
      return { format: "module", source: `export default ${value};`, shortCircuit: true };
    }
    return next(url, context);
  },
});

// A variable specifier keeps src/ (typed for workerd, checked by the main tsconfig) out of this
// script's Node-typed program.
const generator: string = "../src/routes/api/openapi-document.ts";
const { buildOpenApiDocument } = (await import(generator)) as { buildOpenApiDocument: () => object };
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// Served as a static asset ([assets] in wrangler.toml), so the document adds nothing to the Worker bundle.
const out = join(root, "public", "api", "v1", "openapi.json");
writeFileSync(out, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
// Format as `biome check` expects, so lint stays green.
execFileSync(join(root, "node_modules", ".bin", "biome"), ["format", "--write", out], { stdio: "inherit" });
console.log(`wrote ${out}`);
