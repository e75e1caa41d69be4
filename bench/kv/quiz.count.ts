/**
 * KV operations the quiz costs, counted on the real local KV inside workerd. The
 * benchmark (`npm run bench`) runs this file with bench/kv/vitest.config.ts and reads
 * the counts from each test's `meta.kv`; the expectations are the budgets in docs/ARCHITECTURE.md.
 */
import { describe, expect, test } from "vitest";
import { Client, countingKv, location } from "./counting";

describe("KV operations", () => {
  // The start page and the card pages are static files (npm run prerender): they never reach the Worker.
  test("the cards as JSON and the quiz start page: none", async ({ task }) => {
    const scores = countingKv();
    const client = new Client({ SCORES: scores.kv });
    for (const path of ["/api/v1/cards", "/api/v1/cards/attribution", "/quiz"]) {
      const res = await client.get(path);
      expect(res.status, path).toBe(200);
    }
    task.meta.kv = { "cards (JSON), quiz start page": scores.counts };
    expect(scores.counts).toEqual({});
  });

  test("a whole quiz as pages: question pages none; the finish one get and one put; the reader statistics one get", async ({
    task,
  }) => {
    const scores = countingKv();
    const client = new Client({ SCORES: scores.kv });
    let res = await client.post("/quiz/start");
    // Start leads to the self-estimate page: skip it, to statement 1.
    expect(location(res)).toBe("/quiz/estimate");
    let path = "/quiz/q/1";
    let questionCounts: Record<string, number> | undefined;
    let answered = 0;
    while (path.startsWith("/quiz/q/")) {
      const page = await client.get(path);
      expect(page.status, path).toBe(200);
      questionCounts ??= { ...scores.counts };
      const itemId = /name="item" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
      res = await client.post("/quiz/answer", { item: itemId, answer: answered % 2 ? "verified" : "unverified" });
      const feedback = await client.get(location(res));
      expect(feedback.status).toBe(200);
      answered++;
      const next = /href="(\/quiz\/q\/\d+)"/.exec(await feedback.text())?.[1];
      if (!next) break;
      path = next;
    }
    const beforeFinish = { ...scores.counts };
    scores.reset();
    res = await client.post("/quiz/finish");
    expect(location(res)).toBe("/quiz/result");
    const finishCounts = { ...scores.counts };
    scores.reset();
    expect((await client.get("/quiz/result")).status).toBe(200);
    const resultCounts = { ...scores.counts };
    scores.reset();
    // Finishing again (a double tap, or Back and resubmit) stores nothing more.
    res = await client.post("/quiz/finish");
    const againCounts = { ...scores.counts };

    task.meta.kv = {
      "question page": questionCounts ?? {},
      [`${answered} answers and feedback pages`]: beforeFinish,
      "finish (pages)": finishCounts,
      "result page": resultCounts,
      "finish again": againCounts,
    };
    expect(answered).toBeGreaterThan(1);
    expect(questionCounts).toEqual({});
    // The feedback and result pages read the reader statistics: one get, then 60 s in the isolate.
    expect(beforeFinish).toEqual({ get: 1 });
    expect(finishCounts.put ?? 0).toBeLessThanOrEqual(1);
    expect(resultCounts).toEqual({});
  });

  test("a whole quiz through the JSON API: writes only at the finish", async ({ task }) => {
    const scores = countingKv();
    const client = new Client({ SCORES: scores.kv });
    const started = (await (await client.json("/api/v1/attempts", {})).json()) as {
      token: string;
      next: { id: string } | null;
    };
    let { token } = started;
    let next = started.next;
    let answered = 0;
    while (next) {
      const res = await client.json("/api/v1/attempts/answer", {
        token,
        itemId: next.id,
        answer: answered % 2 ? "verified" : "unverified",
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { token: string; next: { id: string } | null };
      token = body.token;
      next = body.next;
      answered++;
    }
    const beforeFinish = { ...scores.counts };
    scores.reset();
    const finished = await client.json("/api/v1/attempts/finish", { token });
    expect(finished.status).toBe(200);
    const finishCounts = { ...scores.counts };
    task.meta.kv = { [`${answered} answers (JSON)`]: beforeFinish, "finish (JSON)": finishCounts };
    expect(beforeFinish).toEqual({});
    expect(finishCounts.put ?? 0).toBeLessThanOrEqual(1);
  });
});
