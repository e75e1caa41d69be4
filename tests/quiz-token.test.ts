/** Quiz tokens carry items as one-character pack positions while the pack has at most 64 items. */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { pack } from "../src/content/pack";
import { newAttemptId } from "../src/domain/ids";
import { newAttemptState } from "../src/domain/quiz";
import { signToken, verifyToken } from "../src/domain/token";
import { openToken, quizKey, sealToken } from "../src/services/quiz-token";

describe("quiz tokens", () => {
  const now = Date.now();
  const state = newAttemptState({
    id: newAttemptId(now),
    pack: pack.version,
    items: pack.items.map((item) => item.id).reverse(),
    startedAt: now,
  });

  it("open to the state they were sealed from, one character per item for a pack of up to 64", async () => {
    expect(pack.items.length).toBeGreaterThan(36); // past base36's one-character range
    expect(pack.items.length).toBeLessThanOrEqual(64);
    const token = await sealToken(state, env.QUIZ_SECRET);
    expect(await openToken(token, env.QUIZ_SECRET, now)).toEqual({ ok: true, state });
    const payload = await verifyToken<{ items: string }>(token, await quizKey(env.QUIZ_SECRET), now / 1000);
    expect(payload.ok && payload.payload.items.length).toBe(pack.items.length);
  });

  it("carry a public form's seed and index", async () => {
    const formed = newAttemptState({
      id: newAttemptId(now),
      pack: pack.version,
      items: pack.items.slice(0, 10).map((item) => item.id),
      startedAt: now,
      form: { seed: 123456789, index: 2 },
    });
    const opened = await openToken(await sealToken(formed, env.QUIZ_SECRET), env.QUIZ_SECRET, now);
    expect(opened).toEqual({ ok: true, state: formed });
    expect(opened.ok && opened.state.form).toEqual({ seed: 123456789, index: 2 });
  });

  it("refuse items that are not pack positions", async () => {
    const key = await quizKey(env.QUIZ_SECRET);
    const sealed = await verifyToken<Record<string, unknown>>(await sealToken(state, env.QUIZ_SECRET), key, now / 1000);
    if (!sealed.ok) throw new Error("the sealed token did not verify");
    const items = String(sealed.payload.items);
    const exp = Math.floor(now / 1000) + 60;
    // A non-digit, and the digit for position 63, past the pack's end: same length, so only the items differ.
    for (const first of ["!", "_"]) {
      const token = await signToken({ ...sealed.payload, items: first + items.slice(1) }, key, exp);
      expect(await openToken(token, env.QUIZ_SECRET, now), first).toEqual({ ok: false, reason: "not-a-quiz" });
    }
    // The unchanged items open, so the refusals above are about the items alone.
    const same = await signToken({ ...sealed.payload, items }, key, exp);
    expect((await openToken(same, env.QUIZ_SECRET, now)).ok).toBe(true);
  });
});
