/**
 * `npm run check:bundle`: builds the Worker as `wrangler deploy --dry-run` does and FAILS
 * (exit 1) when it is over budget: every uploaded module (code and text modules, not
 * source maps or wrangler's README) together, gzip -9, at most 60 KB.
 * With --top it also lists the modules that take the most minified bytes.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

/** The budget, in bytes of gzip -9. */
export const BUNDLE_BUDGET = 60 * 1024;

const root = resolve(import.meta.dirname, "..");
const outdir = mkdtempSync(join(tmpdir(), "claim-check-bundle-"));
try {
  const wrangler = join(root, "node_modules", ".bin", "wrangler");
  const meta = join(outdir, "meta.json");
  execFileSync(wrangler, ["deploy", "--dry-run", "--outdir", join(outdir, "dist"), "--metafile", meta], {
    cwd: root,
    env: { ...process.env, NO_COLOR: "1", WRANGLER_SEND_METRICS: "false" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const dist = join(outdir, "dist");
  const files = readdirSync(dist).filter((name) => !name.endsWith(".map") && name !== "README.md");
  const code = Buffer.concat(files.map((name) => readFileSync(join(dist, name))));
  const gzip = gzipSync(code, { level: 9 }).length;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  if (process.argv.includes("--top")) {
    const metafile = JSON.parse(readFileSync(meta, "utf8")) as {
      outputs: Record<string, { entryPoint?: string; inputs: Record<string, { bytesInOutput: number }> }>;
    };
    const output = Object.values(metafile.outputs).find((o) => o.entryPoint);
    const inputs = Object.entries(output?.inputs ?? {}).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
    for (const [name, { bytesInOutput }] of inputs.slice(0, 25))
      console.log(`${String(bytesInOutput).padStart(7)} ${name}`);
  }
  const verdict = gzip <= BUNDLE_BUDGET ? "within" : "OVER";
  console.log(
    `Worker bundle: ${kb(code.length)} raw, ${kb(gzip)} gzipped (${files.length} modules): ${verdict} the 60 KB budget`,
  );
  if (gzip > BUNDLE_BUDGET) process.exitCode = 1;
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
