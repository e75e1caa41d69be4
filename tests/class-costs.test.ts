/**
 * The cost paths of docs/COSTS.md under a loop from one address, on the real class object and
 * local KV: the pace buttons are limited per class and per address (each press, stale or not, is
 * an object request).
 */
import { describe, expect, it } from "vitest";
import { ClassCreated } from "../src/routes/api/class-schemas";
import { call } from "./class-helpers";
import { oneWindowLimiters } from "./one-window-limiters";

function send(path: string, body?: unknown, key?: string, address?: string, bindings: Partial<Env> = {}) {
  return call(
    path,
    {
      method: body === undefined ? "GET" : "POST",
      headers: {
        "content-type": "application/json",
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(address ? { "cf-connecting-ip": address } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
    bindings,
  );
}

async function newClass(pace: "teacher" | "student" = "student") {
  return ClassCreated.parse(await (await send("/api/v1/classes", { items: 6, pace })).json());
}

describe("cost paths from one address", () => {
  it("stale pace presses are refused after 20 in ten seconds for a class, with Retry-After", async () => {
    const klass = await newClass("teacher");
    // However slow this machine, all 30 fall in one window of the limiter (tests/one-window-limiters.ts).
    const limiters = oneWindowLimiters();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      // Each from its own address: the class's own limit stops them.
      const res = await send(
        `/api/v1/classes/${klass.code}/pace`,
        { action: "close", step: 0, shut: true },
        klass.teacherKey,
        undefined,
        limiters,
      );
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get("retry-after")).toBe("10");
        expect(res.headers.get("content-type")).toContain("application/problem+json");
      }
      await res.body?.cancel();
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(200));
    expect(statuses.slice(20)).toEqual(Array(10).fill(429));
  });

  it("pace presses from one address over many classes are refused after 120 a minute", async () => {
    const address = "203.0.113.200";
    const classes = await Promise.all(Array.from({ length: 7 }, () => newClass("teacher")));
    // All in one window of each limiter: each class stays under its 20, the address stops at 120.
    const limiters = oneWindowLimiters();
    let refusedAt = 0;
    for (let i = 0; i < 140 && refusedAt === 0; i++) {
      const klass = classes[i % classes.length] as ClassCreated;
      const res = await send(
        `/api/v1/classes/${klass.code}/pace`,
        { action: "close", step: 0, shut: true },
        klass.teacherKey,
        address,
        limiters,
      );
      if (res.status === 429) refusedAt = i + 1;
      await res.body?.cancel();
    }
    expect(refusedAt).toBe(121);
  });
});
