/** Aggregation and the incremental job's bookkeeping, without KV. */
import { describe, expect, it } from "vitest";
import {
  betterThan,
  bucketOf,
  distribution,
  emptyAggregate,
  type FinishedMeta,
  finishedMetaOf,
  foldAttempts,
  meanDiscernment,
  percentCorrect,
  SHOW_THRESHOLD,
  shareCorrect,
} from "./aggregates";
import { attemptIdTimePrefix } from "./ids";
import { applyRun, IDLE_REFRESH_MS, LAG_MS, listPrefixes, type StatsRecord } from "./stats-job";

const ID_TAIL = "a".repeat(26);
const idAt = (ms: number, n = 0) =>
  attemptIdTimePrefix(ms) + ID_TAIL.slice(0, 25) + "abcdefghijklmnopqrstuvwxyz"[n % 26];

function meta(over: Partial<FinishedMeta> = {}): FinishedMeta {
  return {
    id: idAt(1_000_000),
    pack: "p1",
    answers: "vuvuv",
    score: 3,
    answered: 5,
    discernment: 0.5,
    finishedAt: 1_000_000,
    ...over,
  };
}

describe("finishedMetaOf", () => {
  const good = { pack: "p1", answers: "vu-", score: 1, answered: 2, discernment: 0, finishedAt: 5, c: 0 };
  it("accepts well-formed public metadata", () => {
    expect(finishedMetaOf(idAt(5), good)).toMatchObject({ pack: "p1", answered: 2, score: 1 });
  });
  it.each([
    ["class attempts", { ...good, class: { code: "ABCDEF", nick: "x" } }],
    ["answered not matching answers", { ...good, answered: 3 }],
    ["score above answered", { ...good, score: 3 }],
    ["nothing answered", { ...good, answers: "---", answered: 0, score: 0 }],
    ["bad answer characters", { ...good, answers: "vx-" }],
    ["no finish time", { ...good, finishedAt: undefined }],
    ["discernment out of range", { ...good, discernment: 2 }],
    ["no metadata", null],
  ])("skips %s", (_, m) => {
    expect(finishedMetaOf(idAt(5), m)).toBeNull();
  });
  it("skips a malformed id", () => {
    expect(finishedMetaOf("not-an-id", good)).toBeNull();
  });
});

describe("foldAttempts", () => {
  it("counts per position and per pack, never mixing versions, without mutating its input", () => {
    const before = { p1: emptyAggregate(5) };
    const { packs, added } = foldAttempts(before, [
      meta({ answers: "vu-vv", answered: 4, score: 2 }),
      meta({ answers: "uuuuu", answered: 5, score: 5, discernment: -0.25 }),
      meta({ pack: "p2", answers: "vv", answered: 2, score: 1 }),
    ]);
    expect(added).toBe(3);
    expect(before.p1.attempts).toBe(0);
    expect(packs.p1?.attempts).toBe(2);
    expect(packs.p1?.answered).toEqual([2, 2, 1, 2, 2]);
    expect(packs.p1?.saidVerified).toEqual([1, 0, 0, 1, 1]);
    // Only the 5-answer attempt is ranked.
    expect(packs.p1?.ranked).toBe(1);
    expect(packs.p1?.percents[100]).toBe(1);
    expect(packs.p1?.discernmentHundredths).toBe(-25);
    expect(packs.p2?.answered).toEqual([1, 1]);
  });

  it("skips a record whose length differs from its pack's aggregate", () => {
    const { packs, added } = foldAttempts({ p1: emptyAggregate(5) }, [meta({ answers: "vv", answered: 2, score: 1 })]);
    expect(added).toBe(0);
    expect(packs.p1?.attempts).toBe(0);
  });
});

describe("figures and the threshold", () => {
  const many = (n: number, over: Partial<FinishedMeta>) => Array.from({ length: n }, () => meta(over));

  it("shows a statement's share only from SHOW_THRESHOLD answers", () => {
    const below = foldAttempts({}, many(SHOW_THRESHOLD - 1, { answers: "vuvuv" })).packs.p1;
    if (!below) throw new Error("no aggregate");
    expect(shareCorrect(below, 0, "verified")).toBeNull();
    const at = foldAttempts({ p1: below }, many(1, { answers: "uuvuv", score: 2 })).packs.p1;
    if (!at) throw new Error("no aggregate");
    expect(shareCorrect(at, 0, "verified")).toBeCloseTo(19 / 20, 10);
    expect(shareCorrect(at, 0, "unverified")).toBeCloseTo(1 / 20, 10);
  });

  it("places a reader among the ranked attempts and hides the standing below the threshold", () => {
    // 10 at 40%, 10 at 80%.
    const agg = foldAttempts({}, [...many(10, { score: 2 }), ...many(10, { score: 4 })]).packs.p1;
    if (!agg) throw new Error("no aggregate");
    expect(betterThan(agg, 5, 5)).toBe(100);
    expect(betterThan(agg, 4, 5)).toBe(50);
    expect(betterThan(agg, 2, 5)).toBe(0);
    expect(betterThan(agg, 4, 4)).toBeNull(); // too few answers to rank
    const few = foldAttempts({}, many(SHOW_THRESHOLD - 1, {})).packs.p1;
    if (!few) throw new Error("no aggregate");
    expect(betterThan(few, 5, 5)).toBeNull();
    expect(distribution(few)).toBeNull();
    expect(meanDiscernment(few)).toBeNull();
    expect(distribution(agg)?.filter((b) => b.attempts > 0)).toEqual([
      { percent: 40, attempts: 10 },
      { percent: 80, attempts: 10 },
    ]);
    expect(meanDiscernment(agg)).toBe(0.5);
  });

  it("rounds percent down and buckets to the nearest ten", () => {
    expect(percentCorrect(7, 8)).toBe(87);
    expect(bucketOf(87)).toBe(90);
    expect(bucketOf(84)).toBe(80);
    expect(percentCorrect(0, 0)).toBe(0);
  });
});

describe("the incremental run", () => {
  const T = 1_800_000_000_000;

  it("counts everything on the first run, then only what is new, never twice", () => {
    const a = meta({ id: idAt(T - 60_000, 1), finishedAt: T - 30_000 });
    const first = applyRun(null, [a], T);
    expect(first?.counted).toBe(1);
    expect(first?.record.recent).toEqual({ [a.id]: a.finishedAt });
    const record = first?.record as StatsRecord;
    // The same record listed again (inside the lag window) is not counted again: nothing to write.
    expect(applyRun(record, [a], T + 300_000)).toBeNull();
    // A late record finished before the last run but listed only now is counted once.
    const late = meta({ id: idAt(T - 90_000, 2), finishedAt: T - 60_000 });
    const second = applyRun(record, [a, late], T + 300_000);
    expect(second?.counted).toBe(1);
    expect(second?.record.packs.p1?.attempts).toBe(2);
    expect(applyRun(second?.record ?? null, [a, late], T + 600_000)).toBeNull();
  });

  it("forgets ids once they are older than the lag window, and ignores finishes before it", () => {
    const a = meta({ id: idAt(T, 1), finishedAt: T });
    const first = applyRun(null, [a], T)?.record as StatsRecord;
    const b = meta({ id: idAt(T + LAG_MS, 2), finishedAt: T + LAG_MS + 5 });
    const later = applyRun(first, [a, b], T + 2 * LAG_MS + 1)?.record as StatsRecord;
    expect(Object.keys(later.recent)).toEqual([b.id]);
    expect(later.packs.p1?.attempts).toBe(2);
    // a is out of the window now: listed again, it is below the watermark and not counted.
    expect(applyRun(later, [a, b], T + 2 * LAG_MS + 2)).toBeNull();
  });

  it("rewrites an idle record only after IDLE_REFRESH_MS, moving the watermark on", () => {
    const first = applyRun(null, [meta()], T)?.record as StatsRecord;
    expect(applyRun(first, [], T + IDLE_REFRESH_MS - 1)).toBeNull();
    const refreshed = applyRun(first, [], T + IDLE_REFRESH_MS);
    expect(refreshed?.counted).toBe(0);
    expect(refreshed?.record.watermark).toBe(T + IDLE_REFRESH_MS);
    expect(refreshed?.record.packs).toEqual(first.packs);
  });

  it("counts the attempts started inside the range (not the whole windows listed) to pick the next width", () => {
    const first = applyRun(null, [meta({ id: idAt(T, 1), finishedAt: T })], T)?.record as StatsRecord;
    const old = meta({ id: idAt(T - 7 * 3600_000, 2), finishedAt: T - 6.5 * 3600_000 });
    const fresh = meta({ id: idAt(T + 60_000, 3), finishedAt: T + 120_000 });
    const next = applyRun(first, [old, fresh], T + 300_000);
    expect(next?.record.listed).toBe(1);
  });

  it("lists the windows from 6 h + lag before the watermark to now; wide ones while traffic is low", () => {
    expect(listPrefixes(null, T)).toEqual([""]);
    const record: StatsRecord = { v: 1, updatedAt: T, watermark: T, recent: {}, listed: 0, packs: {} };
    const wide = listPrefixes(record, T + 300_000);
    expect(wide.length).toBeGreaterThanOrEqual(1);
    expect(wide.length).toBeLessThanOrEqual(2);
    expect(wide.every((p) => p.length === 4)).toBe(true);
    const narrow = listPrefixes({ ...record, listed: 3000 }, T + 300_000);
    expect(narrow.every((p) => p.length === 5)).toBe(true);
    // 6 h 11 min of 28-minute windows, plus partial ones at both ends.
    expect(narrow.length).toBeGreaterThanOrEqual(14);
    expect(narrow.length).toBeLessThanOrEqual(16);
    // The window holding a start 6 h before the watermark, and the window of now, are both listed.
    expect(narrow).toContain(attemptIdTimePrefix(T - 6 * 3600_000).slice(0, 5));
    expect(narrow).toContain(attemptIdTimePrefix(T + 300_000).slice(0, 5));
  });
});
