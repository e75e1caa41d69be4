/**
 * `npm run prerender`: renders src/static-pages.tsx's pages into public/ (and public/_headers).
 * The pages are TSX on the app's own JSX runtime, so they are bundled with esbuild (as wrangler
 * bundles the Worker) and run here in Node. tests/static-pages.test.ts fails when the files are stale.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");
const bundled = await build({
  entryPoints: [join(root, "src/static-pages.tsx")],
  bundle: true,
  write: false,
  format: "esm",
  platform: "neutral",
  tsconfig: join(root, "tsconfig.json"),
  loader: { ".txt": "text" },
  logLevel: "warning",
});
const code = bundled.outputFiles[0]?.text ?? "";
const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)) as {
  staticPages(): { file: string; body: string }[];
  headersFile(pages: { file: string; url: string; body: string }[]): { file: string; body: string };
};
const pages = module.staticPages() as { file: string; url: string; body: string }[];
for (const page of [...pages, module.headersFile(pages)]) {
  const path = join(root, "public", page.file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, page.body);
  console.log(`wrote public/${page.file}`);
}
