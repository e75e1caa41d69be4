import { fileURLToPath } from "node:url";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("../..", import.meta.url));
export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: `${root}/wrangler.toml` },
      miniflare: { bindings: { QUIZ_SECRET: "bench-only-secret-not-for-production-0123456789" } },
    }),
  ],
  test: {
    include: ["bench/kv/**/*.count.ts"],
    root,
    // As in the main vitest.config.ts: obscenity's CommonJS must be pre-bundled for workerd.
    deps: { optimizer: { ssr: { enabled: true, include: ["obscenity"] } } },
  },
});
