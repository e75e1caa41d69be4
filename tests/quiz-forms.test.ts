/**
 * A form's plan cannot be read from the token: the token carries its run's seed readably (base64url
 * JSON), but the plan is drawn from HMAC(secret, seed), so a reader of the source who decodes the
 * cookie cannot predict which statements come, nor how many of a form are verified.
 */
import { reset } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { pack } from "../src/content/pack";
import { decodeBase64url } from "../src/domain/base64url";
import { planRun, publicForm } from "../src/domain/forms";
import { AttemptStarted } from "../src/routes/api/schemas";
import { formPlanSeed } from "../src/services/quiz-token";
import { postJson } from "./quiz-helpers";

const verdictOf = new Map(pack.items.map((item) => [item.id, item.verdict]));
const verifiedIn = (ids: readonly string[]) => ids.filter((id) => verdictOf.get(id) === "verified").length;
const countsOf = (run: readonly string[][]) => run.map(verifiedIn);
const SEEDS = Array.from({ length: 200 }, (_, s) => (1000 + s * 7919) >>> 0);

/**
 * Counting down from a believed verified count: answer the side with more left (a tie: half a
 * point), then learn each verdict from the feedback. What a reader who knows the count scores.
 */
function countDown(form: readonly string[], believed: number): number {
  let verified = believed;
  let unverified = form.length - believed;
  let score = 0;
  for (const id of form) {
    const truth = verdictOf.get(id) === "verified";
    if (verified === unverified) score += 0.5;
    else if (verified > unverified === truth) score += 1;
    if (truth) verified--;
    else unverified--;
  }
  return score;
}

beforeEach(async () => {
  await reset();
});

describe("the plan behind a readable seed", () => {
  it("draws the started form from HMAC(secret, seed), not from the seed the token shows", async () => {
    const res = await postJson("/api/v1/attempts", {});
    expect(res.status).toBe(201);
    const started = AttemptStarted.parse(await res.json());
    const body = decodeBase64url(started.token.split(".")[0] ?? "");
    const payload = JSON.parse(new TextDecoder().decode(body ?? new Uint8Array())) as {
      form: { seed: number; index: number; run: number };
    };
    expect(payload.form).toMatchObject({ index: 0, run: 2 });
    const planSeed = await formPlanSeed(env.QUIZ_SECRET, payload.form.seed);
    const asked = publicForm(pack.items, planSeed, 0) ?? [];
    expect(started.next.id).toBe(asked[0]);
    expect(started.total).toBe(asked.length);
    expect(planSeed).not.toBe(payload.form.seed);
  });

  it("gives the same seed different verified counts under two secrets (over many seeds)", async () => {
    let differ = 0;
    for (const seed of SEEDS) {
      const a = countsOf(planRun(pack.items, await formPlanSeed("first-secret-of-the-test-0001", seed)));
      const b = countsOf(planRun(pack.items, await formPlanSeed("other-secret-of-the-test-0002", seed)));
      if (a.join() !== b.join()) differ++;
    }
    expect(differ / SEEDS.length).toBeGreaterThanOrEqual(0.7);
    // The same secret and seed always give the same plan (a reader's "10 more" stays in their run).
    const again = await formPlanSeed(env.QUIZ_SECRET, 42);
    expect(planRun(pack.items, again)).toEqual(planRun(pack.items, await formPlanSeed(env.QUIZ_SECRET, 42)));
  });

  it("leaves a reader who computes the plan from the token's seed no better off than one who guesses", async () => {
    // `fromSeed`: the plan a reader of the source computes from the cookie's seed; `blind`: a plan
    // from an unrelated secret, which knows nothing of this one (chance, with the 30–70% rule known).
    const tally = { forms: 0, asked: 0, exact: 0, exactBlind: 0, fromSeed: 0, blind: 0, known: 0 };
    for (const seed of SEEDS) {
      const run = planRun(pack.items, await formPlanSeed(env.QUIZ_SECRET, seed));
      const guess = countsOf(planRun(pack.items, seed));
      const blind = countsOf(planRun(pack.items, await formPlanSeed("an-unrelated-secret-0003", seed)));
      run.forEach((form, f) => {
        tally.forms++;
        tally.asked += form.length;
        if (verifiedIn(form) === guess[f]) tally.exact++;
        if (verifiedIn(form) === blind[f]) tally.exactBlind++;
        tally.fromSeed += countDown(form, guess[f] ?? 0);
        tally.blind += countDown(form, blind[f] ?? 0);
        tally.known += countDown(form, verifiedIn(form));
      });
    }
    const share = (n: number, of: number) => (n / of).toFixed(3);
    console.log(
      `counts from the token's seed: exact ${share(tally.exact, tally.forms)} (blind ${share(tally.exactBlind, tally.forms)}); ` +
        `counting down with them ${share(tally.fromSeed, tally.asked)} (blind ${share(tally.blind, tally.asked)}; with the true counts ${share(tally.known, tally.asked)})`,
    );
    // Before the plan was keyed, the seed gave every form's count (exact 1.0) and counting down scored 69%.
    expect(tally.exact / tally.forms).toBeLessThanOrEqual(tally.exactBlind / tally.forms + 0.06);
    expect(tally.fromSeed / tally.asked).toBeLessThanOrEqual(tally.blind / tally.asked + 0.03);
    expect(tally.fromSeed / tally.asked).toBeLessThan(tally.known / tally.asked - 0.05);
  });
});
