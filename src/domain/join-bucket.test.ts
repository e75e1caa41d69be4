import { describe, expect, it } from "vitest";
import { JOIN_BURST, type JoinBucket, takeJoin } from "./join-bucket";

/** Joins at the given times (ms) through one bucket: how many were let in. */
function admitted(times: number[]): number {
  let bucket: JoinBucket | undefined;
  let n = 0;
  for (const at of times) {
    const taken = takeJoin(bucket, at);
    bucket = taken.bucket;
    if (taken.ok) n++;
  }
  return n;
}

describe("takeJoin", () => {
  it("lets a burst of JOIN_BURST in at once, then refuses with the seconds to wait", () => {
    const t0 = 1_000_000;
    let bucket: JoinBucket | undefined;
    for (let i = 0; i < JOIN_BURST; i++) {
      const taken = takeJoin(bucket, t0);
      expect(taken.ok).toBe(true);
      bucket = taken.bucket;
    }
    const refused = takeJoin(bucket, t0);
    expect(refused).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    expect(takeJoin(refused.bucket, t0 + 1000).ok).toBe(true);
  });

  it("admits 40 students arriving over a minute, and at most 15 of 200 fired in two seconds", () => {
    const t0 = 5_000_000;
    expect(admitted(Array.from({ length: 40 }, (_, i) => t0 + i * 1500))).toBe(40);
    const flood = admitted(Array.from({ length: 200 }, (_, i) => t0 + i * 10));
    expect(flood).toBeGreaterThanOrEqual(JOIN_BURST);
    expect(flood).toBeLessThanOrEqual(15);
  });

  it("never goes above a full bucket after a long pause, and a clock going back earns nothing", () => {
    const t0 = 9_000_000;
    const late = Array.from({ length: 30 }, () => t0 + 3_600_000);
    expect(admitted([t0, ...late])).toBe(1 + JOIN_BURST);
    const back = takeJoin({ tokens: 0, at: t0 }, t0 - 60_000);
    expect(back.ok).toBe(false);
  });
});
