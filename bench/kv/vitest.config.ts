import { fileURLToPath } from "node:url";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("../..", import.meta.url));
const BENCH_SECRET = "bench-only-secret-not-for-production-0123456789";
// wrangler.toml declares QUIZ_SECRET required; the plugin reads it from the environment.
process.env.QUIZ_SECRET ??= BENCH_SECRET;
export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: `${root}/wrangler.toml` },
      miniflare: { bindings: { QUIZ_SECRET: process.env.QUIZ_SECRET } },
    }),
  ],
  // The views render with hono/jsx, as tsconfig.json names it.
  oxc: { jsx: { runtime: "automatic", importSource: "hono/jsx" } },
  test: {
    include: ["bench/kv/**/*.count.ts"],
    root,
    // As in the main vitest.config.ts: obscenity's CommonJS must be pre-bundled for workerd.
    deps: { optimizer: { ssr: { enabled: true, include: ["obscenity"] } } },
  },
});
