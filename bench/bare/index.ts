/**
 * @module The yardstick for the benchmark: a bare Hono app that answers "hello" to
 * every method and path, run on the same local runtime as the real app, so that
 * throughput can be reported as a ratio of what the runtime itself allows.
 *
 * It also serves the smallest sensible HTML page at /baseline.html: Lighthouse's
 * score for it shows what this machine and browser allow, whatever the app does.
 */
import { Hono } from "hono";

const app = new Hono();

const baseline =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Baseline</title><meta name="description" content="The smallest page, for comparison."><link rel="icon" href="data:,"></head><body><main><h1>Baseline</h1><p>Nothing but text.</p></main></body></html>';

app.get("/baseline.html", (c) => c.html(baseline));
app.all("*", (c) => c.text("hello"));

export default app;
