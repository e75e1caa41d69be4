/**
 * Runs before every test file of a project that shares one worker across files (isolate: false):
 * the file's imports evaluate anew, and what a file changed of the test API is put back after it.
 */
import { afterAll, vi } from "vitest";

// At the top level, before the test file imports anything: its imports then evaluate afresh.
vi.resetModules();

afterAll(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});
