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

export default defineConfig({
  plugins: [
    cssAsText,
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: { bindings: { QUIZ_SECRET: "test-only-secret-not-for-production" } },
    }),
  ],
  test: { include: ["tests/**/*.test.ts", "src/**/*.test.ts"] },
});
