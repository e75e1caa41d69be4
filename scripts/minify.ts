/**
 * The served stylesheet and scripts, minified by esbuild (the bundler wrangler itself uses), not by
 * hand-written regular expressions. Build time only: `npm run css` calls these, and a Node test
 * (scripts/minify.test.ts) checks the files in public/assets are their output.
 */
import { transform } from "esbuild";

/** Browsers the pages support; esbuild keeps every feature they need and lowers nothing else. */
const target = ["chrome109", "firefox115", "safari15"];

/** The stylesheet as served. @example await minifyCss("a {\n  color: red;\n}") // "a{color:red}\n" */
export async function minifyCss(source: string): Promise<string> {
  return (await transform(source, { loader: "css", minify: true, target, legalComments: "none" })).code;
}

/** A page script as served (poll.js, share.js): minified, comments dropped. */
export async function minifyScript(source: string): Promise<string> {
  return (await transform(source, { loader: "js", minify: true, target, legalComments: "none" })).code;
}
