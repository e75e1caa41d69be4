/**
 * @module Starts `wrangler dev` on local KV for the browser tests and the benchmark, and stops it.
 *
 * Each server gets a free loopback port, its own inspector port and a fresh
 * persistence folder, so runs never share KV data and two servers can run side
 * by side (the app and the bare Hono app in the benchmark).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** The repository root (this file is tests/e2e/harness/server.ts). */
export const ROOT = resolve(import.meta.dirname, "../../..");

/** A signing secret for local runs only; never a production value. */
export const LOCAL_QUIZ_SECRET = "local-only-e2e-secret-not-for-production-0123456789";

export interface DevServer {
  /** e.g. http://localhost:41234 (no trailing slash). */
  url: string;
  /** Everything wrangler printed so far, for error messages. */
  output: () => string;
  stop: () => Promise<void>;
}

export interface DevServerOptions {
  /** Path of the wrangler config, relative to the repository root. */
  config?: string;
  /** `--var NAME:value` pairs. */
  vars?: Record<string, string>;
  /** How long to wait for "Ready on". Wrangler runs the [build] command first. */
  timeoutMs?: number;
}

/** A port the OS says is free right now on loopback. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Starts `wrangler dev --local` and resolves once it prints "Ready on". */
export async function startDevServer(options: DevServerOptions = {}): Promise<DevServer> {
  const config = options.config ?? "wrangler.toml";
  const vars = options.vars ?? { QUIZ_SECRET: LOCAL_QUIZ_SECRET };
  const [port, inspectorPort, persistTo] = await Promise.all([
    freePort(),
    freePort(),
    mkdtemp(join(tmpdir(), "claim-check-kv-")),
  ]);
  const args = [
    "dev",
    "--config",
    config,
    "--local",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--inspector-port",
    String(inspectorPort),
    "--persist-to",
    persistTo,
    "--show-interactive-dev-session=false",
    "--log-level",
    "warn",
    ...Object.entries(vars).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
  ];
  const wrangler = join(ROOT, "node_modules", ".bin", "wrangler");
  // detached: its own process group, so stop() ends wrangler and workerd together.
  const child = spawn(wrangler, args, {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const stopOnExit = () => killGroup(child, "SIGKILL");
  process.once("exit", stopOnExit);

  const stop = async () => {
    process.off("exit", stopOnExit);
    await endGroup(child);
    await rm(persistTo, { recursive: true, force: true });
  };

  const url = `http://localhost:${port}`;
  try {
    await waitUntilReady(child, url, () => output, options.timeoutMs ?? 90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => output, stop };
}

/**
 * Waits until the server answers. With `--log-level warn` wrangler does not print
 * "Ready on", so readiness is the first HTTP response of any status.
 */
async function waitUntilReady(child: ChildProcess, url: string, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`wrangler dev exited before it was ready:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/__ready`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`wrangler dev was not ready after ${timeoutMs} ms:\n${output()}`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** SIGTERM to the group, SIGKILL if it lingers. */
async function endGroup(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  killGroup(child, "SIGTERM");
  const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}
