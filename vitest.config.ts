import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: { bindings: { QUIZ_SECRET: "test-only-secret-not-for-production" } },
    }),
  ],
  test: { include: ["tests/**/*.test.ts", "src/**/*.test.ts"] },
});
