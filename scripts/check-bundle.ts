/**
 * `npm run check:bundle`: builds the Worker as `wrangler deploy --dry-run` does and FAILS (exit 1)
 * when it is over budget. The budget is 60 KB gzipped (every uploaded module together, not source
 * maps or wrangler's README, gzip -9), and one exception may raise the ceiling by exactly its own
 * cost: the `obscenity` matcher that keeps slurs out of nicknames. So the Worker is built twice,
 * with the matcher and with a stand-in for it (scripts/bundle/obscenity-stub.ts); the build
 * without the matcher must fit in 60 KB, the matcher's measured cost in 18 KB (about 16 KB is
 * what it costs today), and the real build under the platform's hard limit, 100 KB.
 * With --top it also lists the modules that take the most minified bytes.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

/** The budget, in bytes of gzip -9, for everything but the nickname matcher. */
export const BUNDLE_BUDGET = 60 * 1024;
/** The most the nickname matcher may add on top (it is about 16 KB). */
export const MATCHER_ALLOWANCE = 18 * 1024;
/** The design's hard limit for the Worker as deployed. */
export const HARD_LIMIT = 100 * 1024;

const root = resolve(import.meta.dirname, "..");
const outdir = mkdtempSync(join(tmpdir(), "claim-check-bundle-"));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Builds into outdir/name; returns the gzip -9 size of every uploaded module together. */
function build(name: string, extra: string[]): { raw: number; gzip: number; modules: number; meta: string } {
  const wrangler = join(root, "node_modules", ".bin", "wrangler");
  const meta = join(outdir, `${name}.meta.json`);
  const dist = join(outdir, name);
  execFileSync(wrangler, ["deploy", "--dry-run", "--outdir", dist, "--metafile", meta, ...extra], {
    cwd: root,
    env: { ...process.env, NO_COLOR: "1", WRANGLER_SEND_METRICS: "false" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const files = readdirSync(dist).filter((file) => !file.endsWith(".map") && file !== "README.md");
  const code = Buffer.concat(files.map((file) => readFileSync(join(dist, file))));
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length, modules: files.length, meta };
}

try {
  const full = build("full", []);
  const bare = build("without-matcher", ["--alias", "obscenity:./scripts/bundle/obscenity-stub.ts"]);
  const matcher = full.gzip - bare.gzip;
  if (process.argv.includes("--top")) {
    const metafile = JSON.parse(readFileSync(full.meta, "utf8")) as {
      outputs: Record<string, { entryPoint?: string; inputs: Record<string, { bytesInOutput: number }> }>;
    };
    const output = Object.values(metafile.outputs).find((o) => o.entryPoint);
    const inputs = Object.entries(output?.inputs ?? {}).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
    for (const [name, { bytesInOutput }] of inputs.slice(0, 25))
      console.log(`${String(bytesInOutput).padStart(7)} ${name}`);
  }
  const checks: [string, boolean][] = [
    [`without the nickname matcher ${kb(bare.gzip)} (budget ${kb(BUNDLE_BUDGET)})`, bare.gzip <= BUNDLE_BUDGET],
    [`the matcher's own cost ${kb(matcher)} (allowance ${kb(MATCHER_ALLOWANCE)})`, matcher <= MATCHER_ALLOWANCE],
    [`as deployed ${kb(full.gzip)} (hard limit ${kb(HARD_LIMIT)})`, full.gzip <= HARD_LIMIT],
  ];
  console.log(`Worker bundle: ${kb(full.raw)} raw, ${kb(full.gzip)} gzipped (${full.modules} modules)`);
  for (const [what, ok] of checks) console.log(`  ${ok ? "within" : "OVER"}: ${what}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
