import { readFileSync } from "node:fs";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig, type Plugin } from "vitest/config";

/**
 * `import text from "./x.css?text"`: the file as a string. Vite's CSS handling empties CSS
 * modules in tests, `?raw` ones too, so the file gets an id that no longer ends in .css.
 */
const cssAsText: Plugin = {
  name: "css-as-text",
  enforce: "pre",
  async resolveId(source, importer) {
    if (!source.endsWith(".css?text")) return null;
    const resolved = await this.resolve(source.slice(0, -"?text".length), importer, { skipSelf: true });
    return resolved ? `\0${resolved.id}-as-text` : null;
  },
  load(id) {
    if (!id.startsWith("\0") || !id.endsWith(".css-as-text")) return null;
    return `export default ${JSON.stringify(readFileSync(id.slice(1, -"-as-text".length), "utf8"))};`;
  },
};

/** The local-only signing secret the tests run with. */
const TEST_SECRET = "test-only-secret-not-for-production";
// wrangler.toml declares QUIZ_SECRET required; the plugin reads required secrets from the
// environment (or .dev.vars), so supplying it here keeps every run free of "Missing required secrets".
process.env.QUIZ_SECRET ??= TEST_SECRET;

// The views render with hono/jsx, as tsconfig.json names it for tsc and wrangler.
const oxc = { jsx: { runtime: "automatic", importSource: "hono/jsx" } } as const;

export default defineConfig({
  test: {
    projects: [
      {
        // The app inside workerd with real local KV and the rate limiter: every route test.
        plugins: [
          cssAsText,
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: { bindings: { QUIZ_SECRET: process.env.QUIZ_SECRET } },
          }),
        ],
        oxc,
        test: {
          name: "workers",
          include: ["tests/**/*.test.ts"],
          // A timeout is not a speed check (benchmarks measure speed): on a shared machine the few
          // heavy tests (250 stored attempts, a class of 40) can pass 5 s, the default, with nothing wrong.
          testTimeout: 30_000,
          // One workerd for many files instead of one per file; tests/fresh-file.ts gives each
          // file fresh modules and empty storage, so no file sees another's state.
          isolate: false,
          setupFiles: ["tests/fresh-file.ts"],
          // obscenity ships CommonJS behind an ESM wrapper that workerd cannot load as is;
          // pre-bundling turns it into one ES module (wrangler's build does the same for production).
          deps: { optimizer: { ssr: { enabled: true, include: ["obscenity"] } } },
        },
      },
      {
        // The pure domain (no Hono, no KV) and the build scripts: plain Node, no runtime to start.
        oxc,
        test: {
          name: "domain",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
          // One worker for many files; tests/fresh-modules.ts gives each file fresh modules.
          isolate: false,
          setupFiles: ["tests/fresh-modules.ts"],
        },
      },
    ],
  },
});
