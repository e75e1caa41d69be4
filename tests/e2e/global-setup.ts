/**
 * @module Starts the app once for the whole browser run (`wrangler dev` on fresh
 * local KV) and picks the folder this run's screenshots go to.
 *
 * Set E2E_BASE_URL to test an app that is already running instead.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { CHROME_PATH } from "./harness/browser";
import { ROOT, startDevServer } from "./harness/server";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    artifactsDir: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(
      `No Chromium at ${CHROME_PATH}. Install Debian's: sudo apt-get install -y chromium (or set CHROME_PATH). See docs/DEVELOPING.md, "Browser tests".`,
    );
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const artifactsDir = process.env.E2E_ARTIFACTS ?? join(ROOT, "e2e-artifacts", stamp);
  console.log(`Screenshots of this run: ${artifactsDir}`);
  project.provide("artifactsDir", artifactsDir);

  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide("baseURL", external.replace(/\/$/, ""));
    return;
  }
  const started = Date.now();
  const server = await startDevServer({ config: process.env.E2E_WRANGLER_CONFIG });
  console.log(`wrangler dev ready at ${server.url} in ${Date.now() - started} ms`);
  project.provide("baseURL", server.url);
  return async () => {
    await server.stop();
    console.log(`Screenshots of this run: ${artifactsDir}`);
  };
}
