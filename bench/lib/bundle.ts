/** @module The Worker bundle as `wrangler deploy --dry-run` builds it, and its gzipped size. */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";

const run = promisify(execFile);

export interface BundleSize {
  raw: number;
  /** gzip -9 of all uploaded modules together, measured here. */
  gzip: number;
  /** What wrangler itself reports as "gzip" in its "Total Upload" line, in bytes, if it printed one. */
  wranglerGzip?: number | undefined;
}

/**
 * Builds with the dry run into a temporary folder and measures every module it would upload.
 * `extra` arguments go to wrangler.
 */
export async function measureBundle(root: string, extra: string[] = []): Promise<BundleSize> {
  const outdir = await mkdtemp(join(tmpdir(), "claim-check-bundle-"));
  try {
    const wrangler = join(root, "node_modules", ".bin", "wrangler");
    const { stdout, stderr } = await run(wrangler, ["deploy", "--dry-run", "--outdir", outdir, ...extra], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1", WRANGLER_SEND_METRICS: "false" },
      maxBuffer: 16 * 1024 * 1024,
    });
    // Every module wrangler uploads: the code and any text or data modules (the article), not source maps.
    const files = (await readdir(outdir)).filter((name) => !name.endsWith(".map") && name !== "README.md");
    const code = Buffer.concat(await Promise.all(files.map((name) => readFile(join(outdir, name)))));
    const line = /Total Upload:.*?gzip:\s*([\d.]+)\s*KiB/.exec(stdout + stderr);
    return {
      raw: code.length,
      gzip: gzipSync(code, { level: 9 }).length,
      wranglerGzip: line ? Math.round(Number(line[1]) * 1024) : undefined,
    };
  } finally {
    await rm(outdir, { recursive: true, force: true });
  }
}
