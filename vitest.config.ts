import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/** The local-only signing secret the tests run with. */
const TEST_SECRET = "test-only-secret-not-for-production";
// wrangler.toml declares QUIZ_SECRET required; the plugin reads required secrets from the
// environment (or .dev.vars), so supplying it here keeps every run free of "Missing required secrets".
process.env.QUIZ_SECRET ??= TEST_SECRET;

// The views' JSX runtime (src/views/jsx), as tsconfig.json names it for tsc and wrangler.
const oxc = { jsx: { runtime: "automatic", importSource: "#jsx" } } as const;

export default defineConfig({
  test: {
    projects: [
      {
        // The app inside workerd with real local KV and the rate limiter: every route test.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: { bindings: { QUIZ_SECRET: process.env.QUIZ_SECRET } },
          }),
        ],
        oxc,
        test: {
          name: "workers",
          include: ["tests/**/*.test.ts"],
          // obscenity ships CommonJS behind an ESM wrapper that workerd cannot load as is;
          // pre-bundling turns it into one ES module (wrangler's build does the same for production).
          deps: { optimizer: { ssr: { enabled: true, include: ["obscenity"] } } },
        },
      },
      {
        // The pure domain (no Hono, no KV): plain Node, no runtime to start.
        oxc,
        test: { name: "domain", include: ["src/**/*.test.ts"], environment: "node" },
      },
    ],
  },
});
