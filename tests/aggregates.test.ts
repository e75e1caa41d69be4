/** The reader-statistics Cron job, invoked as workerd invokes it, over real local KV. */
import { createExecutionContext, createScheduledController, reset, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { pack } from "../src/content/pack";
import { MIN_ANSWERED_TO_RANK, type PackAggregate, SHOW_THRESHOLD } from "../src/domain/aggregates";
import type { AttemptResult } from "../src/domain/quiz";
import worker from "../src/index";
import { AnswerResponse, AttemptResultBody, AttemptStarted, Problem } from "../src/routes/api/schemas";
import { ItemStatsBody, ReaderStatsBody } from "../src/routes/api/stats-schemas";
import { readStats, resultFigures, statementFigures } from "../src/services/stats";
import { getStatsRecord, STATS_KEY } from "../src/store/aggregates";
import { attemptKey, metadataOf, saveFinishedAttempt } from "../src/store/attempts";
import { expectedFigures, finishedAttempt, seeded } from "./aggregates-helpers";
import { call, countingKv, expectedErrors, failingKv, ORIGIN, postJson } from "./quiz-helpers";

const MINUTE = 60_000;
const T1 = Date.UTC(2026, 10, 30, 12, 0);
const T2 = T1 + 5 * MINUTE;
const T3 = T2 + 5 * MINUTE;
const T4 = T3 + 5 * MINUTE;

/** Runs the Worker's scheduled handler at `time` with the KV calls counted; its one log line is checked, not printed. */
async function runAt(time: number): Promise<string[]> {
  const { kv, calls } = countingKv();
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  const ctx = createExecutionContext();
  try {
    await worker.scheduled(
      createScheduledController({ scheduledTime: time, cron: "*/15 * * * *" }),
      { ...env, SCORES: kv },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^stats job: \{"counted":\d+/));
  } finally {
    log.mockRestore();
  }
  return calls;
}

async function currentAggregate(): Promise<PackAggregate> {
  const record = await getStatsRecord(env.SCORES);
  const agg = record?.packs[pack.version];
  if (!agg) throw new Error("no aggregate for the current pack");
  return agg;
}

/** The aggregate against a direct computation from the results. */
async function expectExact(results: readonly AttemptResult[]): Promise<void> {
  const agg = await currentAggregate();
  const want = expectedFigures(results, MIN_ANSWERED_TO_RANK);
  const correct = pack.items.map((item, i) => {
    const saidVerified = agg.saidVerified[i] ?? 0;
    return item.verdict === "verified" ? saidVerified : (agg.answered[i] ?? 0) - saidVerified;
  });
  expect(agg.attempts).toBe(want.attempts);
  expect(agg.answered).toEqual(want.answered);
  expect(correct).toEqual(want.correct);
  expect(agg.ranked).toBe(want.ranked);
  expect(agg.percents).toEqual(want.percents);
  expect(agg.discernmentHundredths).toBe(want.discernmentHundredths);
}

describe("the scheduled statistics job", () => {
  const random = seeded(13);
  const counted: AttemptResult[] = [];

  /** Stores `n` public attempts finished in (from, to]; started up to 5 h earlier. */
  async function store(n: number, from: number, to: number): Promise<AttemptResult[]> {
    const made: AttemptResult[] = [];
    for (let i = 0; i < n; i++) {
      const finishedAt = from + 1 + Math.floor(random() * (to - from - 1));
      const startedAt = finishedAt - Math.floor(random() * 5 * 60 * MINUTE);
      const answered = 1 + Math.floor(random() * pack.items.length);
      const result = finishedAttempt(random, startedAt, finishedAt, answered);
      expect((await saveFinishedAttempt(env.SCORES, result)).stored).toBe(true);
      made.push(result);
    }
    return made;
  }

  beforeAll(async () => {
    await reset();
  });

  it("folds 250 stored attempts into exact figures (class attempts and bad records left out)", async () => {
    counted.push(...(await store(250, T1 - 5 * 60 * MINUTE, T1)));
    // A record carrying class metadata (as records of the first release did) and a record
    // without metadata are stored too; neither counts. Class results now live under v1:class:.
    const cls = finishedAttempt(random, T1 - 20 * MINUTE, T1 - 10 * MINUTE, 8, { code: "ABCDEF", nick: "Fox" });
    await env.SCORES.put(attemptKey(cls.attemptId), JSON.stringify(cls), {
      metadata: { ...metadataOf(cls), class: { code: "ABCDEF", nick: "Fox" } },
    });
    await env.SCORES.put(`v1:quiz:${counted[0]?.attemptId.slice(0, 9)}${"b".repeat(26)}`, "{}");
    const calls = await runAt(T1);
    expect(calls.filter((c) => c === "put")).toHaveLength(1);
    expect(calls.filter((c) => c === "get")).toHaveLength(1);
    await expectExact(counted);
    const agg = await currentAggregate();
    expect(agg.attempts).toBe(250);
    expect(agg.ranked).toBeGreaterThan(150);
  });

  it("a second run folds in 10 more and counts none twice", async () => {
    counted.push(...(await store(10, T1, T2)));
    const calls = await runAt(T2);
    expect(calls.filter((c) => c === "put")).toHaveLength(1);
    await expectExact(counted);
    expect((await currentAggregate()).attempts).toBe(260);
  });

  it("a record that becomes visible late, finished inside the lag window, is counted once", async () => {
    // Finished 2 minutes before the last run, but written (visible) only after it.
    const late = finishedAttempt(random, T2 - 30 * MINUTE, T2 - 2 * MINUTE, pack.items.length);
    await saveFinishedAttempt(env.SCORES, late);
    counted.push(late);
    await runAt(T3);
    await expectExact(counted);
    expect((await currentAggregate()).attempts).toBe(261);
  });

  it("a run with nothing new writes nothing", async () => {
    const before = await env.SCORES.get(STATS_KEY);
    const calls = await runAt(T4);
    expect(calls).not.toContain("put");
    expect(calls.filter((c) => c === "get")).toHaveLength(1);
    expect(calls).toContain("list");
    expect(await env.SCORES.get(STATS_KEY)).toBe(before);
    await expectExact(counted);
  });

  it("keeps only the lag window's ids in the record", async () => {
    const record = await getStatsRecord(env.SCORES);
    expect(record?.watermark).toBe(T3);
    const ids = Object.keys(record?.recent ?? {});
    const expected = counted.filter((r) => r.finishedAt > T3 - 10 * MINUTE).map((r) => r.attemptId);
    expect(ids.sort()).toEqual(expected.sort());
    expect(ids.length).toBeLessThan(counted.length);
  });
});

describe("GET /api/v1/stats", () => {
  const random = seeded(7);

  /** A fresh wrapper around the real binding: the service's per-isolate cache is keyed by it. */
  const freshKv = () => ({ SCORES: countingKv().kv });

  beforeAll(async () => {
    await reset();
  });

  it("answers zeros and null shares before the job has run", async () => {
    const res = await call("/api/v1/stats", {}, freshKv());
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    const json = (await res.json()) as { items: Record<string, unknown>[] };
    const body = ReaderStatsBody.parse(json);
    expect(body).toMatchObject({ attempts: 0, updatedAt: null, distribution: null, meanDiscernment: null });
    expect(body.items).toHaveLength(pack.items.length);
    // No statement's share correct, ever: read before answering, a lean crowd's share hints at the verdict.
    expect(json.items.map((item) => Object.keys(item).sort())).toEqual(
      pack.items.map(() => ["answered", "id", "position"]),
    );
  });

  /** The statements answered through the API (each attempt plays a form drawn at random). */
  const apiAnswered: string[] = [];

  it("counts finishes made through the API after one run", async () => {
    for (let i = 0; i < 3; i++) {
      const started = AttemptStarted.parse(await (await postJson("/api/v1/attempts", {})).json());
      const answered = AnswerResponse.parse(
        await (
          await postJson("/api/v1/attempts/answer", {
            token: started.token,
            itemId: started.next.id,
            answer: "verified",
          })
        ).json(),
      );
      apiAnswered.push(started.next.id);
      const finished = await postJson("/api/v1/attempts/finish", { token: answered.token });
      expect(finished.status).toBe(200);
      const result = AttemptResultBody.parse(await finished.json());
      expect(result.shareUrl).toBe(`${ORIGIN}/share/${result.correct}-of-1`);
    }
    await runAt(Date.now());
    const body = ReaderStatsBody.parse(await (await call("/api/v1/stats", {}, freshKv())).json());
    expect(body.attempts).toBe(3);
    // Each answer counts for its own statement, whatever form it came in.
    for (const id of new Set(apiAnswered)) {
      const row = body.items.find((item) => item.id === id);
      expect(row?.answered).toBe(apiAnswered.filter((a) => a === id).length);
      // 3 answers at most are below the threshold: no percentage yet, even on the feedback page.
      expect(statementFigures(await readStats({ SCORES: countingKv().kv }), id).share).toBeNull();
    }
    expect(body.items.reduce((sum, item) => sum + item.answered, 0)).toBe(3);
  });

  it("gives a share once SHOW_THRESHOLD attempts answered a statement, and exact to two decimals", async () => {
    const now = Date.now();
    const made: AttemptResult[] = [];
    for (let i = 0; i < SHOW_THRESHOLD; i++) {
      const result = finishedAttempt(random, now - 20 * MINUTE, now - MINUTE, pack.items.length);
      await saveFinishedAttempt(env.SCORES, result);
      made.push(result);
    }
    await runAt(now + MINUTE);
    const body = ReaderStatsBody.parse(await (await call("/api/v1/stats", {}, freshKv())).json());
    expect(body.attempts).toBe(3 + SHOW_THRESHOLD);
    const first = pack.itemById.get(apiAnswered[0] ?? "");
    if (!first) throw new Error("nothing answered through the API");
    const index = pack.items.indexOf(first);
    // That statement: its API answers of "verified" plus the 20 seeded ones.
    const api = apiAnswered.filter((id) => id === first.id).length;
    const right =
      (first.verdict === "verified" ? api : 0) +
      made.filter((r) => (r.answers[index] === "v" ? "verified" : "unverified") === first.verdict).length;
    // The share a reader sees on that statement's feedback page, after answering.
    const share = statementFigures(await readStats({ SCORES: countingKv().kv }), first.id).share;
    expect(share).toBeCloseTo(right / (api + SHOW_THRESHOLD), 10);
    // The list goes by article line then id (pack.listed), not the pack's order, which carried the verdicts.
    expect(body.items.map((row) => row.id)).toEqual(pack.listed.map((listed) => listed.id));
    // Only the 20 full attempts are ranked.
    expect(body.ranked).toBe(SHOW_THRESHOLD);
    expect(body.distribution?.reduce((sum, b) => sum + b.attempts, 0)).toBe(SHOW_THRESHOLD);
    const position = pack.listed.indexOf(first) + 1;
    expect(body.items.find((r) => r.id === first.id)?.position).toBe(position);
    const raw = (await (await call(`/api/v1/stats/items/${first.id}`, {}, freshKv())).json()) as object;
    expect(ItemStatsBody.parse(raw)).toMatchObject({ id: first.id, position, answered: api + SHOW_THRESHOLD });
    expect(raw).not.toHaveProperty("shareCorrect");
  });

  it("answers 404 problem+json for an unknown statement id", async () => {
    const res = await call("/api/v1/stats/items/no-such-statement");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(Problem.parse(await res.json()).field).toBe("path.id");
  });
});

describe("readStats (the service pages use)", () => {
  beforeAll(async () => {
    await reset();
    const random = seeded(21);
    const now = Date.now();
    for (let i = 0; i < SHOW_THRESHOLD; i++) {
      await saveFinishedAttempt(env.SCORES, finishedAttempt(random, now - 30 * MINUTE, now - 5 * MINUTE, 8));
    }
    await runAt(now);
  });

  it("reads KV once a minute per isolate at most", async () => {
    const { kv, calls } = countingKv();
    const now = Date.now();
    expect(await readStats({ SCORES: kv }, now)).not.toBeNull();
    expect(await readStats({ SCORES: kv }, now + 59_000)).not.toBeNull();
    expect(calls).toEqual(["get"]);
    await readStats({ SCORES: kv }, now + 60_000);
    expect(calls).toEqual(["get", "get"]);
  });

  it("gives null, not an error, when KV fails", async () => {
    const logged = expectedErrors();
    expect(await readStats({ SCORES: failingKv("get") })).toBeNull();
    expect(logged).toHaveBeenCalled();
  });

  it("gives the pages their props: a share once 20 answered, the standing and the reader's bucket", async () => {
    const stats = await readStats({ SCORES: countingKv().kv });
    expect(stats?.aggregate.attempts).toBe(SHOW_THRESHOLD);
    const first = pack.items[0];
    const ninth = pack.items[8];
    if (!first || !ninth) throw new Error("pack too small");
    expect(statementFigures(stats, first.id).answered).toBe(SHOW_THRESHOLD);
    expect(statementFigures(stats, first.id).share).not.toBeNull();
    // Only the first 8 statements were answered: the ninth shows nothing.
    expect(statementFigures(stats, ninth.id)).toEqual({ share: null, answered: 0 });
    expect(statementFigures(null, first.id).share).toBeNull();
    const figures = resultFigures(stats, 8, 8);
    expect(figures.chart.highlight).toBe(100);
    expect(figures.standing.attempts).toBe(SHOW_THRESHOLD);
    expect(figures.standing.betterThan).toBeGreaterThanOrEqual(0);
    expect(resultFigures(stats, 2, 2).standing.betterThan).toBeNull();
    expect(resultFigures(null, 8, 8).chart.distribution).toBeNull();
  });
});
