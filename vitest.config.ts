import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: { bindings: { QUIZ_SECRET: "test-only-secret-not-for-production" } },
    }),
  ],
  test: {
    include: ["tests/**/*.test.ts", "src/**/*.test.ts"],
    // obscenity ships CommonJS behind an ESM wrapper that workerd cannot load
    // as is; pre-bundling turns it into one ES module (wrangler's build does
    // the same for production).
    deps: { optimizer: { ssr: { enabled: true, include: ["obscenity"] } } },
  },
});
