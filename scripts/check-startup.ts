/**
 * `npm run check:startup`: the Worker's budget is its startup time, not its bytes. Runs
 * `wrangler check startup` (which builds the Worker as deploy does and profiles its startup in
 * workerd) three times, prints the median Active time and the compressed bundle, and FAILS (exit 1)
 * above 150 ms on this machine or above a 500 KB tripwire (the platform allows 3 MB free, 10 MB paid).
 * Three runs and the median, because one run on a shared machine swings by tens of milliseconds.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** Startup (wrangler's "Active" time) at most this, in ms, on the machine that runs CI. */
export const STARTUP_BUDGET_MS = 150;
/** Not a budget: a tripwire for an accidental import of something huge. */
export const BUNDLE_TRIPWIRE_KIB = 500;
const RUNS = 3;

const root = resolve(import.meta.dirname, "..");
const outdir = mkdtempSync(join(tmpdir(), "claim-check-startup-"));

/** One profile: wrangler's printed Active time and gzip size. */
function profile(run: number): { activeMs: number; gzipKiB: number } {
  const wrangler = join(root, "node_modules", ".bin", "wrangler");
  const out = execFileSync(wrangler, ["check", "startup", "--outfile", join(outdir, `startup-${run}.cpuprofile`)], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", WRANGLER_SEND_METRICS: "false" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const active = /Active:\s*([\d.]+)\s*ms/.exec(out)?.[1];
  const gzip = /gzip:\s*([\d.]+)\s*KiB/.exec(out)?.[1];
  if (!active || !gzip) throw new Error(`Could not read wrangler check startup's output:\n${out}`);
  return { activeMs: Number(active), gzipKiB: Number(gzip) };
}

try {
  const runs = Array.from({ length: RUNS }, (_, i) => profile(i));
  const active = runs.map((r) => r.activeMs).sort((a, b) => a - b);
  const median = active[Math.floor(RUNS / 2)] ?? Number.POSITIVE_INFINITY;
  const gzip = runs[0]?.gzipKiB ?? Number.POSITIVE_INFINITY;
  const checks: [string, boolean][] = [
    [
      `startup ${median} ms, median of ${active.join(", ")} (budget ${STARTUP_BUDGET_MS} ms)`,
      median <= STARTUP_BUDGET_MS,
    ],
    [`bundle ${gzip} KiB gzipped (tripwire ${BUNDLE_TRIPWIRE_KIB} KiB)`, gzip <= BUNDLE_TRIPWIRE_KIB],
  ];
  for (const [line, ok] of checks) console.log(`${ok ? "ok  " : "OVER"} ${line}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
