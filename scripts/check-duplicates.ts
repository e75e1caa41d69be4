/**
 * `npm run lint` (after biome): the copy-paste check. jscpd looks in src/ for places sharing
 * six or more identical or same-shape lines (identifiers ignored) and this FAILS (exit 1) when it
 * finds more than MAX_CLONES such pairs, listing them.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** At most this many pairs: a few same-shaped blocks are fine (e.g. two route tables), more is a missing helper. */
const MAX_CLONES = 4;

const root = resolve(import.meta.dirname, "..");
const out = mkdtempSync(join(tmpdir(), "claim-check-jscpd-"));
try {
  const jscpd = join(root, "node_modules", ".bin", "jscpd");
  const args = ["src", "--min-lines", "6", "--ignore-identifiers", "--reporters", "json", "--output", out, "--silent"];
  execFileSync(jscpd, args, { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  const report = JSON.parse(readFileSync(join(out, "jscpd-report.json"), "utf8")) as {
    duplicates: {
      firstFile: { name: string; start: number };
      secondFile: { name: string; start: number };
      lines: number;
    }[];
  };
  const clones = report.duplicates;
  for (const clone of clones) {
    const { firstFile: a, secondFile: b } = clone;
    console.log(`  ${clone.lines} lines: ${a.name}:${a.start} ~ ${b.name}:${b.start}`);
  }
  const verdict = clones.length <= MAX_CLONES ? "ok" : "TOO MANY";
  console.log(
    `Copy-paste check: ${clones.length} pair(s) of 6+ same-shape lines in src/ (at most ${MAX_CLONES}): ${verdict}`,
  );
  if (clones.length > MAX_CLONES) process.exitCode = 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
