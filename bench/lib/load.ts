/**
 * @module Throughput and latency with autocannon on loopback: each route of the app
 * paired with the bare Hono "hello" on the same local runtime, in alternating
 * one-second rounds (app, bare, app, bare…) so that background load on the machine
 * falls on both alike; the ratio is the median of the per-round ratios.
 */
import autocannon from "autocannon";
import { readerAddress } from "./client.ts";

export interface LoadRoute {
  name: string;
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** Bodies handed out one per request and never reused (e.g. fresh attempts to finish). */
  bodies?: string[];
  /** Read routes are held to the 0.7× goal; writes are reported only. */
  read: boolean;
}

export interface Round {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Responses that were not 2xx, plus errors and timeouts. */
  bad: number;
}

export interface Paired {
  app: Round;
  bare: Round;
  /** Median over rounds of app req/s ÷ bare req/s in the same round. */
  ratio: number;
}

export const CONNECTIONS = 10;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** Median of each figure over rounds; `bad` and `requests` are totals. */
function summary(rounds: Round[]): Round {
  return {
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    requests: rounds.reduce((sum, r) => sum + r.requests, 0),
    bad: rounds.reduce((sum, r) => sum + r.bad, 0),
  };
}

/**
 * One round against one server: `seconds` long, or until the route's bodies run out.
 * With `cycle`, bodies are reused round-robin (for the bare app, which stores nothing).
 */
export async function round(
  base: string,
  route: LoadRoute,
  seconds: number,
  pool: { next: number } = { next: 0 },
  cycle = false,
): Promise<Round> {
  const bodies = route.bodies;
  const remaining = bodies ? (cycle ? Number.POSITIVE_INFINITY : bodies.length - pool.next) : 0;
  if (bodies && remaining <= 0) throw new Error(`Ran out of bodies for ${route.name}`);
  const instance = autocannon({
    url: base + route.path,
    connections: CONNECTIONS,
    pipelining: 1,
    method: route.method,
    headers: route.headers ?? {},
    timeout: 10,
    ...(bodies
      ? {
          // With amount set, autocannon ignores duration: the timer below bounds the round.
          ...(cycle ? { duration: seconds } : { amount: remaining }),
          requests: [
            {
              method: route.method,
              path: route.path,
              headers: route.headers ?? {},
              // Each body from a reader of its own: the app's limits are per address (see readerAddress).
              setupRequest: (request) => ({
                ...request,
                headers: { ...request.headers, "cf-connecting-ip": readerAddress() },
                body: bodies[pool.next++ % bodies.length] ?? "",
              }),
            },
          ],
        }
      : { duration: seconds }),
  });
  const timer = bodies && !cycle ? setTimeout(() => instance.stop(), seconds * 1000) : undefined;
  const result = await instance;
  clearTimeout(timer);
  const requests = result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"];
  return {
    rps: requests / Math.max(result.duration, 0.001),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

/** `rounds` alternating rounds of `seconds` each against the app and the bare app. */
export async function paired(
  app: string,
  bare: string,
  route: LoadRoute,
  rounds: number,
  seconds: number,
): Promise<Paired> {
  const appRounds: Round[] = [];
  const bareRounds: Round[] = [];
  // The bare app is sent the same kind of requests; it stores nothing, so its bodies may repeat.
  const appPool = { next: 0 };
  const barePool = { next: 0 };
  for (let i = 0; i < rounds; i++) {
    // A route whose single-use bodies are spent stops early; the rounds run so far still count.
    if (route.bodies && appPool.next >= route.bodies.length) break;
    appRounds.push(await round(app, route, seconds, appPool));
    bareRounds.push(await round(bare, route, seconds, barePool, true));
  }
  return {
    app: summary(appRounds),
    bare: summary(bareRounds),
    ratio: median(appRounds.map((r, i) => r.rps / (bareRounds[i]?.rps ?? Number.NaN))),
  };
}
