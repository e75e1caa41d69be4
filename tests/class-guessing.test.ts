/**
 * Teacher screens of codes that do not exist (docs/COSTS.md, "Teacher's screens"): a script at one
 * address trying codes on the projector, the dashboard and the JSON dashboard spends few KV reads,
 * counted call by call, while a real class's screens are still served.
 */
import { describe, expect, it } from "vitest";
import { newJoinCode } from "../src/domain/ids";
import { getClass, getClassCached } from "../src/store/class-records";
import { call, countingKv, createClass } from "./class-helpers";
import { oneWindowLimiters } from "./one-window-limiters";

const count = (calls: string[], name: string) => calls.filter((c) => c === name).length;

/** A code no class has (drawn again if a class of this file drew it). */
function guess(taken: string): string {
  const code = newJoinCode();
  return code === taken ? guess(taken) : code;
}

describe("guessed class codes from one address", () => {
  it("a guesser's misses never push a real class out of this isolate's memory", async () => {
    const klass = await createClass();
    const kv = countingKv();
    await getClass(kv.kv, klass.code);
    const read = Date.now();
    // More misses than the memory holds classes (200).
    for (let i = 0; i < 300; i++) expect(await getClassCached(kv.kv, guess(klass.code))).toBeNull();
    expect(count(kv.calls, "get")).toBe(301);
    // The real class is still known, read at `read` (before the misses): no KV read for it.
    expect((await getClassCached(kv.kv, klass.code, read))?.code).toBe(klass.code);
    expect(count(kv.calls, "get")).toBe(301);
  });

  it("the projector and dashboard of a guessed code cost no KV read; the teacher's own are served", async () => {
    const klass = await createClass();
    const kv = countingKv();
    // All in one window of each limiter (tests/one-window-limiters.ts), however slow the machine.
    const bindings = { SCORES: kv.kv, ...oneWindowLimiters() };
    const address = "203.0.113.61";
    const statuses = new Set<number>();
    for (let i = 0; i < 300; i++) {
      const screen = i % 2 === 0 ? "present" : "teacher";
      const res = await call(
        `/c/${guess(klass.code)}/${screen}`,
        { headers: { "cf-connecting-ip": address } },
        bindings,
      );
      statuses.add(res.status);
      await res.body?.cancel();
    }
    // The same sign-in page whether or not the class exists, and no read of KV to say so.
    expect([...statuses]).toEqual([401]);
    expect(count(kv.calls, "get")).toBe(0);

    // The teacher at the same address, with the class's cookie: both screens.
    const headers = { ...klass.teacher.headers(), "cf-connecting-ip": address };
    for (const screen of ["present", "teacher"]) {
      const res = await call(`/c/${klass.code}/${screen}`, { headers }, bindings);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(klass.code);
    }
  });

  it("the JSON dashboard of guessed codes is refused with 429 after 200 a minute, with no KV read after", async () => {
    const klass = await createClass();
    const kv = countingKv();
    const bindings = { SCORES: kv.kv, ...oneWindowLimiters() };
    const address = "203.0.113.62";
    const headers = { authorization: `Bearer ${klass.key}`, "cf-connecting-ip": address };
    const statuses: number[] = [];
    let gets = 0;
    for (let i = 0; i < 260; i++) {
      const res = await call(`/api/v1/classes/${guess(klass.code)}/dashboard`, { headers }, bindings);
      statuses.push(res.status);
      if (i === 199) gets = count(kv.calls, "get");
      if (res.status === 429) {
        expect(res.headers.get("content-type")).toContain("application/problem+json");
        expect(res.headers.get("retry-after")).toBe("60");
      }
      await res.body?.cancel();
    }
    expect(statuses.slice(0, 200)).toEqual(Array(200).fill(403));
    expect(statuses.slice(200)).toEqual(Array(60).fill(429));
    // One read per guess within the bound, none once refused.
    expect(gets).toBe(200);
    expect(count(kv.calls, "get")).toBe(200);

    // The real class's JSON dashboard, from another address of the same school.
    const other = { ...headers, "cf-connecting-ip": "203.0.113.63" };
    const res = await call(`/api/v1/classes/${klass.code}/dashboard`, { headers: other }, bindings);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { code: string }).code).toBe(klass.code);
  });
});
