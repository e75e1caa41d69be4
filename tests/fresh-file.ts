/**
 * Runs before every test file of the workers project, which shares one workerd across test files
 * (starting one per file cost about 30 s a run): besides fresh modules (tests/fresh-modules.ts),
 * each file starts with every binding's storage empty (KV, the Durable Objects, the rate limiters'
 * counts), as in a workerd of its own.
 */
import "./fresh-modules";
import { reset } from "cloudflare:test";
import { beforeAll } from "vitest";

beforeAll(async () => {
  await reset();
});
