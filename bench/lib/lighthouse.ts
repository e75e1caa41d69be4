/**
 * @module Lighthouse mobile runs (the npm package, programmatically) against the local
 * app with Debian's Chromium, offline: performance, accessibility, best practices, SEO.
 *
 * One Chromium (own fresh profile, remote debugging on a loopback port) serves every run.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import lighthouseRun from "lighthouse";
import { CHROME_FLAGS, CHROME_PATH } from "../../tests/e2e/harness/browser.ts";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseResult {
  /** 0–100, or null when Lighthouse could not score the category. */
  scores: Record<Category, number | null>;
  /** Weighted audits that scored below 1, audits that could not run, and run warnings. */
  problems: string[];
}

export interface LighthouseBrowser {
  run: (url: string, headers?: Record<string, string>) => Promise<LighthouseResult>;
  close: () => Promise<void>;
}

/** Starts Chromium for Lighthouse and returns a runner bound to it. */
export async function startLighthouse(): Promise<LighthouseBrowser> {
  const profile = await mkdtemp(join(tmpdir(), "claim-check-lighthouse-"));
  const chrome = spawn(
    CHROME_PATH,
    [
      ...CHROME_FLAGS,
      "--remote-debugging-address=127.0.0.1",
      "--remote-debugging-port=0",
      `--user-data-dir=${profile}`,
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const port = await debuggingPort(chrome);
  return {
    async run(url, headers = {}) {
      const result = await lighthouseRun(url, {
        port,
        output: "json",
        logLevel: "error",
        onlyCategories: [...CATEGORIES],
        formFactor: "mobile",
        extraHeaders: headers,
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const report = result.lhr;
      const scores = Object.fromEntries(
        CATEGORIES.map((id) => {
          const score = report.categories[id]?.score;
          return [id, typeof score === "number" ? Math.round(score * 100) : null];
        }),
      ) as Record<Category, number | null>;
      const problems: string[] = [];
      if (report.runtimeError) problems.push(`runtime error: ${report.runtimeError.message}`);
      for (const id of CATEGORIES) {
        for (const ref of report.categories[id]?.auditRefs ?? []) {
          const audit = report.audits[ref.id];
          if (!audit || ref.weight === 0) continue;
          if (audit.scoreDisplayMode === "error") problems.push(`${ref.id} could not run`);
          else if (typeof audit.score === "number" && audit.score < 1) {
            problems.push(`${ref.id}${audit.displayValue ? ` ${audit.displayValue}` : ""}`);
          }
        }
      }
      for (const warning of report.runWarnings ?? []) problems.push(`warning: ${warning.slice(0, 160)}`);
      return { scores, problems };
    },
    async close() {
      const exited = new Promise<void>((done) => chrome.once("exit", () => done()));
      chrome.kill("SIGTERM");
      await exited;
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Reads the port from Chromium's "DevTools listening on ws://127.0.0.1:PORT/…" line. */
function debuggingPort(chrome: ChildProcess): Promise<number> {
  return new Promise((done, fail) => {
    let output = "";
    const timer = setTimeout(() => fail(new Error(`Chromium did not open a debugging port:\n${output}`)), 30_000);
    chrome.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        done(Number(match[1]));
      }
    });
    chrome.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`Chromium exited (${code}) before opening a debugging port:\n${output}`));
    });
  });
}
