import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: { bindings: { QUIZ_SECRET: "test-only-secret-not-for-production" } },
    }),
  ],
  // The views' JSX runtime (src/views/jsx), as tsconfig.json names it for tsc and wrangler.
  oxc: { jsx: { runtime: "automatic", importSource: "#jsx" } },
  test: { include: ["tests/**/*.test.ts", "src/**/*.test.ts"] },
});
