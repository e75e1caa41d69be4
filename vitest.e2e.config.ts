// Browser tests: plain vitest in Node (no Workers pool), driving Debian's Chromium
// against `wrangler dev` on local KV. Run with `npm run test:e2e`; `npm test` never picks
// these up (they are named *.e2e.ts, and vitest.config.ts includes only *.test.ts).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    environment: "node",
    globalSetup: ["tests/e2e/global-setup.ts"],
    // One browser per file, files one after another: the CI machine has two cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
