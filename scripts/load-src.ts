/**
 * The one way scripts run code from src/: esbuild bundles the module as wrangler bundles the
 * Worker (extensionless imports, TSX on hono/jsx, .txt and .json imports, tsconfig.json), and Node
 * imports the bundle. Type the result with `typeof import("../src/…")`.
 * @example const { minifyCss } = await loadSrc<typeof import("../src/styles/build.ts")>("src/styles/build.ts");
 */
import { join, resolve } from "node:path";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");

export async function loadSrc<Module>(path: string): Promise<Module> {
  const bundled = await build({
    entryPoints: [join(root, path)],
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    tsconfig: join(root, "tsconfig.json"),
    loader: { ".txt": "text" },
    logLevel: "warning",
  });
  const code = bundled.outputFiles[0]?.text ?? "";
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)) as Module;
}
