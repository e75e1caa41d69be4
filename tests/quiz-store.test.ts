/** src/store/attempts.ts against real local KV: one record per attempt, metadata within KV's limit. */
import { reset } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { pack } from "../src/content/pack";
import { attemptIdTimePrefix, newAttemptId } from "../src/domain/ids";
import { type AttemptResult, answerItem, finish, newAttemptState, type QuizState, resultOf } from "../src/domain/quiz";
import { AttemptResultBody } from "../src/routes/api/schemas";
import { resultView, verdictOf } from "../src/services/quiz";
import {
  ATTEMPT_PREFIX,
  type AttemptMetadata,
  attemptKey,
  MAX_METADATA_BYTES,
  metadataOf,
  saveFinishedAttempt,
} from "../src/store/attempts";
import { KvUnavailableError } from "../src/store/kv-errors";
import { countingKv, failingKv } from "./quiz-helpers";

const T0 = Date.UTC(2026, 10, 25, 12);

function played(startedAt = T0, answer: "verified" | "unverified" = "verified"): QuizState {
  let state = newAttemptState({
    id: newAttemptId(startedAt),
    pack: pack.version,
    items: pack.items.map((i) => i.id),
    startedAt,
  });
  for (const item of pack.items) {
    const r = answerItem(state, item.id, answer, verdictOf);
    if (r.ok) state = r.state;
  }
  return finish(state, startedAt + 60_000);
}

beforeEach(async () => {
  await reset();
});

describe("saveFinishedAttempt", () => {
  it("writes one record under v1:quiz:<id> with the summary in metadata and a 30-day TTL", async () => {
    const { kv, calls } = countingKv();
    const result = resultOf(played(), verdictOf);
    const saved = await saveFinishedAttempt(kv, result);
    expect(saved).toEqual({ result, stored: true });
    expect(calls).toEqual(["get", "put"]);

    const { keys } = await env.SCORES.list<AttemptMetadata>({ prefix: ATTEMPT_PREFIX });
    expect(keys.map((k) => k.name)).toEqual([attemptKey(result.attemptId)]);
    expect(keys[0]?.metadata).toEqual({
      score: result.score.correct,
      answered: pack.items.length,
      discernment: result.score.discernment,
      c: result.score.bias,
      answers: "v".repeat(pack.items.length),
      pack: pack.version,
      finishedAt: T0 + 60_000,
    });
    const ttl = (keys[0]?.expiration ?? 0) - Date.now() / 1000;
    expect(ttl).toBeGreaterThan(30 * 24 * 3600 - 120);
    expect(ttl).toBeLessThanOrEqual(30 * 24 * 3600 + 1);
    expect(await env.SCORES.get(attemptKey(result.attemptId), "json")).toEqual(result);
  });

  it("stores the first finish of an attempt and returns it to later ones, writing nothing", async () => {
    const first = resultOf(played(), verdictOf);
    await saveFinishedAttempt(env.SCORES, first);
    const { kv, calls } = countingKv();
    const laterState = { ...played(), id: first.attemptId };
    const later = resultOf({ ...laterState, answers: "u".repeat(pack.items.length) }, verdictOf);
    expect(await saveFinishedAttempt(kv, later)).toEqual({ result: first, stored: false });
    expect(calls).toEqual(["get"]);
  });

  it("turns KV failures into KvUnavailableError and writes nothing", async () => {
    const result = resultOf(played(), verdictOf);
    await expect(saveFinishedAttempt(failingKv("get"), result)).rejects.toBeInstanceOf(KvUnavailableError);
    await expect(saveFinishedAttempt(failingKv("put"), result)).rejects.toBeInstanceOf(KvUnavailableError);
    expect((await env.SCORES.list({ prefix: ATTEMPT_PREFIX })).keys).toHaveLength(0);
  });

  it("keys sort by start time, and a time prefix lists one window of starts", async () => {
    const early = resultOf(played(T0), verdictOf);
    const late = resultOf(played(T0 + 3_600_000), verdictOf);
    await saveFinishedAttempt(env.SCORES, late);
    await saveFinishedAttempt(env.SCORES, early);
    const { keys } = await env.SCORES.list({ prefix: ATTEMPT_PREFIX });
    expect(keys.map((k) => k.name)).toEqual([attemptKey(early.attemptId), attemptKey(late.attemptId)]);
    // KV lists by prefix only: 5 base36 characters of the start time make windows of 36^4 ms (about 28 minutes).
    const window = ATTEMPT_PREFIX + attemptIdTimePrefix(T0 + 3_600_000).slice(0, 5);
    const recent = await env.SCORES.list({ prefix: window });
    expect(recent.keys.map((k) => k.name)).toEqual([attemptKey(late.attemptId)]);
  });
});

describe("metadataOf", () => {
  it("stays within 1024 bytes for the full pack with a long classroom nickname", () => {
    const result = resultOf(played(), verdictOf);
    result.class = { code: "ABC234", nick: "👨‍👩‍👧‍👦".repeat(24) };
    const bytes = new TextEncoder().encode(JSON.stringify(metadataOf(result))).length;
    expect(bytes).toBeLessThanOrEqual(MAX_METADATA_BYTES);
  });

  it("stays within 1024 bytes in the largest case with the estimate, confidences, who-says-so picks and form", () => {
    // Every statement of the pack answered, each with a confidence, the widest numbers each field takes.
    const ids = pack.items.map((i) => i.id);
    const result: AttemptResult = {
      ...resultOf(played(), verdictOf),
      packVersion: "9".repeat(40),
      finishedAt: Number.MAX_SAFE_INTEGER,
      score: { ...resultOf(played(), verdictOf).score, correct: ids.length - 1, discernment: -0.97, bias: -1.23 },
      form: { seed: 0xffffffff, index: 99 },
      estimate: ids.length,
      confidences: "f".repeat(ids.length),
      who: "2".repeat(ids.length),
    };
    const metadata = metadataOf(result, ids);
    expect(metadata.confidences).toBe("f".repeat(ids.length));
    expect(metadata.form).toEqual({ seed: 0xffffffff, index: 99 });
    expect(metadata.estimate).toBe(ids.length);
    expect(metadata.who).toBe("2".repeat(ids.length));
    const bytes = new TextEncoder().encode(JSON.stringify(metadata)).length;
    // Measured: 377 bytes for the 50-statement pack (318 without the who-says-so picks, 199 without the
    // estimate, confidences and form); each statement adds 3.
    expect(bytes).toBeLessThanOrEqual(MAX_METADATA_BYTES);
    expect(bytes).toBeLessThan(450);
  });

  it("refuses metadata KV would reject", () => {
    const result = resultOf(played(), verdictOf);
    result.answers = "v".repeat(1100);
    expect(() => metadataOf(result)).toThrow(RangeError);
  });
});

describe("forms in storage", () => {
  it("stores a form's answers in pack order, '-' for the statements outside it", async () => {
    const ids = pack.items.map((i) => i.id);
    const form = [ids[7], ids[2], ids[30]].filter((id): id is string => id !== undefined);
    let state = newAttemptState({
      id: newAttemptId(T0),
      pack: pack.version,
      items: form,
      startedAt: T0,
      form: { seed: 9, index: 0 },
    });
    for (const [n, id] of form.entries()) {
      const r = answerItem(state, id, n === 1 ? "unverified" : "verified", verdictOf);
      if (r.ok) state = r.state;
    }
    const result = resultOf(finish(state, T0 + 1000), verdictOf);
    await saveFinishedAttempt(env.SCORES, result, ids);
    const { keys } = await env.SCORES.list<AttemptMetadata>({ prefix: ATTEMPT_PREFIX });
    const answers = keys[0]?.metadata?.answers ?? "";
    expect(answers).toHaveLength(ids.length);
    expect([answers[7], answers[2], answers[30]]).toEqual(["v", "u", "v"]);
    expect(answers.replaceAll("-", "")).toBe("uvv");
    // The stored record itself keeps the form's ids in the order asked, and the form played.
    const stored = await env.SCORES.get<AttemptResult>(attemptKey(result.attemptId), "json");
    expect(stored?.items).toEqual(form);
    expect(stored?.form).toEqual({ seed: 9, index: 0 });
    expect(metadataOf(result).answers).toBe("vuv");
    expect(keys[0]?.metadata?.form).toEqual({ seed: 9, index: 0 });
  });

  it("stores the estimate and the confidences in pack order with the record and its metadata", async () => {
    const ids = pack.items.map((i) => i.id);
    const form = [ids[4], ids[11]].filter((id): id is string => id !== undefined);
    let state: QuizState = {
      ...newAttemptState({
        id: newAttemptId(T0),
        pack: pack.version,
        items: form,
        startedAt: T0,
        form: { seed: 3, index: 0 },
      }),
      estimate: 2,
    };
    const first = answerItem(state, form[0] ?? "", "verified", verdictOf, "sure");
    if (first.ok) state = first.state;
    const second = answerItem(state, form[1] ?? "", "unverified", verdictOf);
    if (second.ok) state = second.state;
    const result = resultOf(finish(state, T0 + 1000), verdictOf);
    await saveFinishedAttempt(env.SCORES, result, ids);
    const { keys } = await env.SCORES.list<AttemptMetadata>({ prefix: ATTEMPT_PREFIX });
    const metadata = keys[0]?.metadata;
    expect(metadata?.estimate).toBe(2);
    expect(metadata?.confidences).toHaveLength(ids.length);
    expect(metadata?.confidences?.[4]).toBe("s");
    expect(metadata?.confidences?.replaceAll("-", "")).toBe("s");
    const stored = await env.SCORES.get<AttemptResult>(attemptKey(result.attemptId), "json");
    expect(stored?.estimate).toBe(2);
    expect(stored?.confidences).toBe("s-");
  });

  it("an attempt stored on the older pack (36 statements, no form) still renders", async () => {
    const old = (await import("./fixtures/items-2026-11-30.json")).default as { id: string }[];
    const result: AttemptResult = {
      attemptId: newAttemptId(T0),
      packVersion: "2026-11-30.1",
      items: old.map((item) => item.id),
      answers: "v".repeat(old.length),
      startedAt: T0,
      finishedAt: T0 + 60_000,
      score: { ...resultOf(played(), verdictOf).score },
    };
    await saveFinishedAttempt(env.SCORES, result);
    const stored = await env.SCORES.get<AttemptResult>(attemptKey(result.attemptId), "json");
    if (!stored) throw new Error("not stored");
    const view = resultView(stored);
    expect(view.packVersion).toBe("2026-11-30.1");
    expect(view.total).toBe(36);
    expect(view.review).toHaveLength(36);
    expect(view.form).toBeUndefined();
    // Stored before estimates and confidences: none shown, nothing made up.
    expect(view.estimate).toBeNull();
    expect(view.estimateLine).toBeNull();
    expect(view.certaintyMarks).toBeNull();
    expect(view.calibration).toEqual([]);
    expect(view.brierScore).toBeNull();
    expect(view.review.every((line) => line.confidence === null)).toBe(true);
    const { bothKinds: _, ...body } = view;
    expect(AttemptResultBody.safeParse({ ...body, shareUrl: "https://x/share/1-of-1", token: "t" }).success).toBe(true);
  });
});
