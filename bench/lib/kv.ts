/**
 * @module KV operations per journey, counted inside workerd on the real local KV.
 *
 * Runs bench/kv/*.count.ts with their own vitest config (the Workers pool, as the
 * test suite uses) and reads the counts each test leaves in its `meta.kv`. The app is
 * unchanged: the counting wraps the SCORES binding it is given, in the bench only.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type KvRows = { journey: string; counts: Record<string, number> }[];

interface JsonReport {
  testResults: {
    name: string;
    message?: string;
    assertionResults: {
      title: string;
      status: string;
      failureMessages: string[];
      meta?: { kv?: Record<string, Record<string, number>> };
    }[];
  }[];
}

export async function countKvOperations(root: string): Promise<{ rows: KvRows; failures: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), "claim-check-kv-count-"));
  const output = join(dir, "report.json");
  try {
    const vitest = join(root, "node_modules", ".bin", "vitest");
    await run(vitest, ["run", "--config", "bench/kv/vitest.config.ts", "--reporter=json", `--outputFile=${output}`], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1" },
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: unknown) => {
      // A failing budget makes vitest exit non-zero; the report still says which.
      if (!(error instanceof Error)) throw error;
    });
    const report = JSON.parse(await readFile(output, "utf8")) as JsonReport;
    const rows: KvRows = [];
    const failures: string[] = [];
    for (const file of report.testResults) {
      if (file.message) failures.push(`${file.name}: ${file.message}`);
      for (const test of file.assertionResults) {
        for (const [journey, counts] of Object.entries(test.meta?.kv ?? {})) rows.push({ journey, counts });
        if (test.status !== "passed") failures.push(`${test.title}: ${test.failureMessages.join(" ").slice(0, 300)}`);
      }
    }
    return { rows, failures };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
