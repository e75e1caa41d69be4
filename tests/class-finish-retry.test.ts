/**
 * A class finish takes a short write lease in the class's object before writing the result to KV.
 * When that KV write fails, the lease is released, so the student's retry (seconds later, well
 * inside the lease) writes the result instead of being told it is already being written.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CLASS_PREFIX } from "../src/store/class-keys";
import { createClass, join, location, play, rightly } from "./class-helpers";
import { failingKv } from "./quiz-helpers";

/** The class's finished results stored in KV (one JSON result per finished student). */
async function storedResults(code: string): Promise<unknown[]> {
  const keys = (await env.SCORES.list({ prefix: CLASS_PREFIX })).keys.filter((k) => k.name.includes(code));
  const values = await Promise.all(keys.map((k) => env.SCORES.get(k.name, "json")));
  return values.filter((v) => typeof v === "object" && v !== null && "attemptId" in v);
}

describe("a class finish whose KV write fails", () => {
  it("fails with a 503, and the retry right after writes the result", async () => {
    const { code } = await createClass();
    const { student } = await join(code, { nickname: "Ana" });
    await play(student, rightly, 2, { finish: false });
    expect(await storedResults(code)).toEqual([]);

    const failed = await student.post("/quiz/finish", {}, { SCORES: failingKv("put") });
    expect(failed.status).toBe(503);
    expect(await storedResults(code)).toEqual([]);

    const retried = await student.post("/quiz/finish");
    expect(retried.status).toBe(303);
    expect(location(retried)).toBe("/quiz/result");
    expect(await storedResults(code)).toHaveLength(1);
  });
});
