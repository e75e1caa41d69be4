/** The quiz as JSON under /api/v1, inside workerd with real local KV. */
import { reset } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { ARTICLE_PATH } from "../src/content/quotes";
import { sourcePack as pack } from "../src/content/source";
import { drawGroups, hasTwins, runFormSizes } from "../src/domain/forms";
import { newAttemptId } from "../src/domain/ids";
import { newAttemptState } from "../src/domain/quiz";
import { MAX_TOKEN_LENGTH, signToken } from "../src/domain/token";
import {
  AnswerResponse,
  AttemptResultBody,
  AttemptStarted,
  ItemFeedback,
  Problem,
  QuizStatements,
} from "../src/routes/api/schemas";
import { quizKey } from "../src/services/quiz-token";
import { ATTEMPT_PREFIX } from "../src/store/attempts";
import { attemptItemIds, call, countingKv, expectedErrors, failingKv, postJson } from "./quiz-helpers";

/** The statements in play: the pack, or after `start()` the form the attempt drew. */
let items = pack.items;
const wrong = (v: "verified" | "unverified") => (v === "verified" ? "unverified" : "verified");

async function start(): Promise<AttemptStarted> {
  const res = await postJson("/api/v1/attempts", {});
  expect(res.status).toBe(201);
  const started = AttemptStarted.parse(await res.json());
  items = (await attemptItemIds(started.token)).flatMap((id) => pack.itemById.get(id) ?? []);
  return started;
}

async function answer(token: string, itemId: string, value: string, bindings: Partial<Env> = {}) {
  const res = await postJson("/api/v1/attempts/answer", { token, itemId, answer: value }, bindings);
  expect(res.status).toBe(200);
  return AnswerResponse.parse(await res.json());
}

/** Checks a problem+json response and returns its body. */
async function expectProblem(res: Response, status: number, field?: string): Promise<Problem> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = Problem.parse(await res.json());
  expect(body.status).toBe(status);
  expect(body.type).toMatch(/^\/api\/v1\/problems\/[a-z-]+$/);
  expect(body.title.length).toBeGreaterThan(0);
  if (field !== undefined) expect(body.field).toBe(field);
  return body;
}

async function storedKeys() {
  return (await env.SCORES.list({ prefix: ATTEMPT_PREFIX })).keys;
}

beforeEach(async () => {
  await reset();
  items = pack.items;
});

describe("GET /api/v1/quiz", () => {
  it("lists every statement by article line then id (not the pack's order) and never a verdict", async () => {
    const res = await call("/api/v1/quiz");
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = QuizStatements.parse(JSON.parse(text));
    expect(body.total).toBe(items.length);
    const listed = pack.listed;
    expect(body.items.map((i) => i.id)).toEqual(listed.map((i) => i.id));
    expect(body.items.map((i) => i.id)).not.toEqual(items.map((i) => i.id));
    expect(body.items.map((i) => i.position)).toEqual(listed.map((_, index) => index + 1));
    expect(body.items.map((i) => i.statement)).toEqual(listed.map((i) => i.statement));
    // Each statement comes with what the report says, so a JSON client judges with the report in hand.
    expect(body.items.map((i) => i.context)).toEqual(listed.map((i) => i.context));
    expect(body.packVersion).toBe(pack.version);
    expect(text).not.toMatch(/verdict|"verified"|"unverified"|explanation|quote/);
  });

  it("is a 503 problem, not cached, when the statements cannot be read (assets failing)", async () => {
    const logged = expectedErrors();
    const brokenAssets = { fetch: async () => new Response("gone", { status: 500 }) } as unknown as Fetcher;
    const res = await call("/api/v1/quiz", {}, { ASSETS: brokenAssets });
    expect((await expectProblem(res, 503)).type).toBe("/api/v1/problems/content-unavailable");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(logged).toHaveBeenCalled();
  });
});

describe("the whole quiz as JSON", () => {
  it("starts, answers every item, finishes with one KV write, and returns the result", async () => {
    const { kv, calls } = countingKv();
    const started = await start();
    expect(started.attemptId).toMatch(/^[0-9a-z]{9}[a-z2-7]{26}$/);
    expect(started.next).toEqual({
      id: items[0]?.id,
      position: 1,
      statement: items[0]?.statement,
      context: items[0]?.context,
    });
    expect(Date.parse(started.expiresAt) - Date.now()).toBeGreaterThan(5.9 * 3600 * 1000);

    let token = started.token;
    let correct = 0;
    for (const [index, item] of items.entries()) {
      const given = index % 3 === 0 ? wrong(item.verdict) : item.verdict;
      if (given === item.verdict) correct++;
      const res = await answer(token, item.id, given, { SCORES: kv });
      expect(res.repeated).toBe(false);
      expect(res.result).toMatchObject({
        itemId: item.id,
        answer: given,
        verdict: item.verdict,
        correct: given === item.verdict,
        claimant: item.claimant,
        quote: item.quote,
        explanation: item.explanation,
        check: item.check,
        card: { slug: item.lesson, page: `/cards/${item.lesson}` },
      });
      const { text, quoteStart, quoteEnd } = ItemFeedback.parse(res.result).paragraph;
      expect(text.slice(quoteStart, quoteEnd)).toBe(item.quote);
      expect(res.answered).toBe(index + 1);
      expect(res.next?.id ?? null).toBe(items[index + 1]?.id ?? null);
      expect(res.token).not.toBe(token);
      token = res.token;
    }
    expect(calls).toEqual([]); // answering touches no KV

    const finish = await postJson("/api/v1/attempts/finish", { token }, { SCORES: kv });
    expect(finish.status).toBe(200);
    const result = AttemptResultBody.parse(await finish.json());
    expect(result).toMatchObject({
      attemptId: started.attemptId,
      packVersion: pack.version,
      total: items.length,
      answered: items.length,
      correct,
    });
    expect(result.review).toHaveLength(items.length);
    expect(result.leanExplanation.counts.length).toBe(2);
    expect(calls).toEqual(["get", "put"]);

    const keys = await storedKeys();
    expect(keys.map((k) => k.name)).toEqual([`${ATTEMPT_PREFIX}${started.attemptId}`]);
    expect(keys[0]?.metadata).toMatchObject({ score: correct, answered: items.length, c: result.c });
  });

  it("finishing twice stores once and returns the same result", async () => {
    const { kv, calls } = countingKv();
    const started = await start();
    const one = await answer(started.token, items[0]?.id ?? "", "verified");
    const first = await postJson("/api/v1/attempts/finish", { token: one.token }, { SCORES: kv });
    const second = await postJson("/api/v1/attempts/finish", { token: one.token }, { SCORES: kv });
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(await first.json());
    expect(calls.filter((m) => m === "put")).toHaveLength(1);
    expect(await storedKeys()).toHaveLength(1);
  });

  it("across tokens of one attempt, the first finish wins", async () => {
    const started = await start();
    const a = await answer(started.token, items[0]?.id ?? "", "verified");
    const firstBody = await (await postJson("/api/v1/attempts/finish", { token: a.token })).json();
    // An older token of the same attempt answers differently and finishes later.
    const b = await answer(started.token, items[0]?.id ?? "", "unverified");
    const c = await answer(b.token, items[1]?.id ?? "", "unverified");
    const later = await postJson("/api/v1/attempts/finish", { token: c.token });
    expect(await later.json()).toEqual(firstBody);
    expect(await storedKeys()).toHaveLength(1);
  });

  it("finishing early scores only what was answered", async () => {
    const started = await start();
    const a = await answer(started.token, items[0]?.id ?? "", items[0]?.verdict ?? "verified");
    const b = await answer(a.token, items[1]?.id ?? "", wrong(items[1]?.verdict ?? "verified"));
    const res = await postJson("/api/v1/attempts/finish", { token: b.token });
    const result = AttemptResultBody.parse(await res.json());
    expect(result).toMatchObject({ answered: 2, correct: 1, total: items.length });
    expect(result.review.filter((line) => line.answer === null)).toHaveLength(items.length - 2);
    expect(result.leanExplanation.tentative).toBe(true);
  });

  it("gives no verdict of a statement not answered (finishing after one answer is no answer key)", async () => {
    const started = await start();
    const one = await answer(started.token, items[0]?.id ?? "", "verified");
    const result = AttemptResultBody.parse(
      await (await postJson("/api/v1/attempts/finish", { token: one.token })).json(),
    );
    expect(result.review[0]).toMatchObject({ itemId: items[0]?.id, verdict: items[0]?.verdict });
    const rest = result.review.slice(1);
    expect(rest).toHaveLength(items.length - 1);
    expect(rest.map((line) => [line.answer, line.verdict, line.correct])).toEqual(rest.map(() => [null, null, null]));
  });
});

describe("answering the same item twice", () => {
  it("with the same token returns the first result and the same token", async () => {
    const started = await start();
    const item = items[0];
    if (!item) throw new Error("no items");
    const first = await answer(started.token, item.id, "verified");
    const again = await answer(first.token, item.id, "unverified");
    expect(again.repeated).toBe(true);
    expect(again.result).toEqual(first.result);
    expect(again.token).toBe(first.token);
    expect(again.answered).toBe(1);
  });
});

describe("bad tokens get 401 problem+json naming body.token", () => {
  const state = () =>
    newAttemptState({
      id: newAttemptId(Date.now()),
      pack: pack.version,
      items: items.map((i) => i.id),
      startedAt: Date.now(),
    });
  const later = () => Math.floor(Date.now() / 1000) + 600;

  async function refused(token: string, type: string) {
    for (const [path, body] of [
      ["/api/v1/attempts/answer", { token, itemId: items[0]?.id, answer: "verified" }],
      ["/api/v1/attempts/finish", { token }],
    ] as const) {
      const problem = await expectProblem(await postJson(path, body), 401, "body.token");
      expect(problem.type).toBe(`/api/v1/problems/${type}`);
    }
  }

  it("tampered", async () => {
    const { token } = await start();
    const [body = "", sig = ""] = token.split(".");
    await refused(`${body.slice(0, -3)}${body.at(-3) === "A" ? "B" : "A"}${body.slice(-2)}.${sig}`, "token-invalid");
  });

  it("signed with a foreign key", async () => {
    await refused(await signToken(state(), "another-servers-secret-entirely", later()), "token-invalid");
  });

  it("expired", async () => {
    await refused(
      await signToken(state(), await quizKey(env.QUIZ_SECRET), Math.floor(Date.now() / 1000) - 1),
      "token-expired",
    );
  });

  it("garbage", async () => {
    await refused("not-a-token", "token-invalid");
  });

  it("signed by us for something else", async () => {
    await refused(
      await signToken({ kind: "class", code: "ABC234" }, await quizKey(env.QUIZ_SECRET), later()),
      "token-invalid",
    );
  });

  it("from an older pack", async () => {
    await refused(
      await signToken({ ...state(), pack: "2000-01-01.1" }, await quizKey(env.QUIZ_SECRET), later()),
      "token-outdated",
    );
  });
});

describe("bad input gets problem+json naming the field", () => {
  const itemId = () => items[0]?.id ?? "";

  it("malformed JSON", async () => {
    const res = await call("/api/v1/attempts/answer", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"token": ',
    });
    expect((await expectProblem(res, 400, "body")).type).toBe("/api/v1/problems/malformed-json");
  });

  it("a body that is not JSON at all (415)", async () => {
    const res = await call("/api/v1/attempts/answer", {
      method: "POST",
      headers: { "content-type": "application/xml" },
      body: "<answer/>",
    });
    await expectProblem(res, 415, "header.content-type");
  });

  it("a cross-site form post is refused (415: the API reads JSON only; no cookie authenticates it)", async () => {
    const res = await call("/api/v1/attempts", {
      method: "POST",
      headers: { "content-type": "text/plain", origin: "https://evil.example" },
      body: "{}",
    });
    await expectProblem(res, 415, "header.content-type");
  });

  const cases: [string, unknown, string, string][] = [
    ["missing token", { itemId: "x", answer: "verified" }, "body.token", "is required"],
    ["token not a string", { token: 42, itemId: "x", answer: "verified" }, "body.token", "must be a string"],
    ["empty token", { token: "", itemId: "x", answer: "verified" }, "body.token", "must not be empty"],
    [
      "token too long",
      { token: "a".repeat(MAX_TOKEN_LENGTH + 1), itemId: "x", answer: "verified" },
      "body.token",
      `at most ${MAX_TOKEN_LENGTH}`,
    ],
    ["missing itemId", { token: "t", answer: "verified" }, "body.itemId", "is required"],
    ["itemId not an id", { token: "t", itemId: "Not An Id!", answer: "verified" }, "body.itemId", "an item id"],
    ["answer not a verdict", { token: "t", itemId: "x", answer: "maybe" }, "body.answer", '"verified", "unverified"'],
    ["answer missing", { token: "t", itemId: "x" }, "body.answer", "is required"],
    ["an unknown field", { token: "t", itemId: "x", answer: "verified", score: 25 }, "body.score", "not a field"],
    ["an array for a body", [1, 2], "body", "must be a JSON object"],
    ["null for a body", null, "body", "must be a JSON object"],
  ];
  for (const [name, body, field, message] of cases) {
    it(name, async () => {
      const problem = await expectProblem(await postJson("/api/v1/attempts/answer", body), 400, field);
      expect(problem.type).toBe("/api/v1/problems/invalid-body");
      expect(problem.detail).toBe(`${field}: ${problem.errors?.[0]?.message}`);
      expect(problem.detail).toContain(message);
    });
  }

  it("an unknown field when starting", async () => {
    await expectProblem(await postJson("/api/v1/attempts", { class: "ABC234" }), 400, "body.class");
  });

  it("an empty body when finishing", async () => {
    const res = await call("/api/v1/attempts/finish", {
      method: "POST",
      headers: { "content-type": "application/json" },
    });
    await expectProblem(res, 400, "body.token");
  });

  it("a body over 16 KB (413)", async () => {
    await expectProblem(await postJson("/api/v1/attempts/finish", { token: "a".repeat(17_000) }), 413);
  });

  it("an item that is not in the attempt (422)", async () => {
    const { token } = await start();
    const res = await postJson("/api/v1/attempts/answer", { token, itemId: "no-such-item", answer: "verified" });
    await expectProblem(res, 422, "body.itemId");
  });

  it("finishing with nothing answered (409)", async () => {
    const { token } = await start();
    await expectProblem(await postJson("/api/v1/attempts/finish", { token }), 409, "body.token");
    expect(await storedKeys()).toHaveLength(0);
  });

  it("a wrong method (405 with Allow)", async () => {
    for (const [path, method, allow] of [
      ["/api/v1/attempts", "GET", "POST"],
      ["/api/v1/attempts/answer", "PUT", "POST"],
      ["/api/v1/quiz", "POST", "GET, HEAD"],
    ] as const) {
      const res = await call(path, {
        method,
        headers: { "content-type": "application/json" },
        body: method === "GET" ? null : "{}",
      });
      await expectProblem(res, 405);
      expect(res.headers.get("allow")).toBe(allow);
    }
  });

  it("an unknown path (404)", async () => {
    await expectProblem(await call("/api/v1/attempts/nope"), 404);
    expect(itemId()).not.toBe("");
  });
});

describe("faults", () => {
  it("a KV failure on finish is a 503 problem; the token still works afterwards", async () => {
    const logged = expectedErrors();
    const started = await start();
    const a = await answer(started.token, items[0]?.id ?? "", "verified");
    const failed = await postJson("/api/v1/attempts/finish", { token: a.token }, { SCORES: failingKv("put") });
    expect((await expectProblem(failed, 503)).type).toBe("/api/v1/problems/storage-unavailable");
    expect(logged).toHaveBeenCalled(); // the injected fault is logged for the operator
    expect(await storedKeys()).toHaveLength(0);
    const retried = await postJson("/api/v1/attempts/finish", { token: a.token });
    expect(retried.status).toBe(200);
    expect(await storedKeys()).toHaveLength(1);
  });

  it("when the items' texts cannot be read (assets failing), answering is a 503 problem and the answer is not lost", async () => {
    const logged = expectedErrors();
    const started = await start();
    const brokenAssets = { fetch: async () => new Response("gone", { status: 500 }) } as unknown as Fetcher;
    const itemId = items[0]?.id ?? "";
    const body = { token: started.token, itemId, answer: "verified" };
    const failed = await postJson("/api/v1/attempts/answer", body, { ASSETS: brokenAssets });
    expect((await expectProblem(failed, 503)).type).toBe("/api/v1/problems/content-unavailable");
    expect(failed.headers.get("retry-after")).toBe("5");
    expect(logged).toHaveBeenCalled();
    // The same answer with the same token works once the texts can be read again.
    const retried = await postJson("/api/v1/attempts/answer", body);
    expect(retried.status).toBe(200);
  });

  it("when the article alone cannot be read, answering is a 503 problem too (no feedback without its quote)", async () => {
    const logged = expectedErrors();
    const started = await start();
    const noArticle = {
      fetch: (input: RequestInfo | URL) =>
        String(input).endsWith(ARTICLE_PATH) ? new Response("gone", { status: 500 }) : env.ASSETS.fetch(input),
    } as unknown as Fetcher;
    const body = { token: started.token, itemId: items[0]?.id ?? "", answer: "verified" };
    const failed = await postJson("/api/v1/attempts/answer", body, { ASSETS: noArticle });
    expect((await expectProblem(failed, 503)).type).toBe("/api/v1/problems/content-unavailable");
    expect(logged).toHaveBeenCalled();
    const retried = await postJson("/api/v1/attempts/answer", body);
    expect(retried.status).toBe(200);
    expect(ItemFeedback.parse(AnswerResponse.parse(await retried.json()).result).quote).toBe(items[0]?.quote);
  });

  for (const secret of ["", "short"]) {
    it(`without a usable secret (${JSON.stringify(secret)}) attempts are 503 and no token is issued`, async () => {
      const logged = expectedErrors();
      const res = await postJson("/api/v1/attempts", {}, { QUIZ_SECRET: secret });
      const problem = await expectProblem(res, 503);
      expect(problem.type).toBe("/api/v1/problems/quiz-unavailable");
      expect(logged).toHaveBeenCalled(); // the injected fault is logged for the operator
      expect(JSON.stringify(problem)).not.toContain('token":');
      const { token } = await start();
      await expectProblem(await postJson("/api/v1/attempts/finish", { token }, { QUIZ_SECRET: secret }), 503);
    });
  }
});

describe("forms as JSON: 10 statements, then `after` for 10 more", () => {
  /** Answers every statement of an attempt and finishes it; returns the finished token and the ids. */
  async function playAll(started: AttemptStarted): Promise<{ token: string; ids: string[] }> {
    const ids = await attemptItemIds(started.token);
    let token = started.token;
    for (const id of ids) token = (await answer(token, id, "verified")).token;
    const finish = await postJson("/api/v1/attempts/finish", { token });
    expect(finish.status).toBe(200);
    const result = AttemptResultBody.parse(await finish.json());
    expect(result.form).toEqual(started.form);
    return { token: result.token, ids };
  }

  it("plays every form of a run once, each one unseen and no twins, then refuses more with pack-done", async () => {
    let started = await start();
    const sizes = runFormSizes(pack.items);
    expect(started.form).toEqual({ number: 1, of: sizes.length });
    expect(started.total).toBe(10);
    const seen = new Set<string>();
    for (let form = 1; form <= sizes.length; form++) {
      expect(started.form.number).toBe(form);
      expect(started.total).toBe(sizes[form - 1]);
      const { token, ids } = await playAll(started);
      for (const id of ids) expect(seen.has(id)).toBe(false);
      for (const id of ids) seen.add(id);
      expect(hasTwins(pack.items, [...seen])).toBe(false);
      const next = await postJson("/api/v1/attempts", { after: token });
      if (form === sizes.length) {
        expect((await expectProblem(next, 409, "body.after")).type).toBe("/api/v1/problems/pack-done");
      } else {
        expect(next.status).toBe(201);
        started = AttemptStarted.parse(await next.json());
      }
    }
    expect(seen.size).toBe(drawGroups(pack.items).length);
  });

  it("refuses `after` with an unfinished attempt (409) or a token that is not ours (401)", async () => {
    const started = await start();
    const early = await postJson("/api/v1/attempts", { after: started.token });
    expect((await expectProblem(early, 409, "body.after")).type).toBe("/api/v1/problems/attempt-not-finished");
    await expectProblem(await postJson("/api/v1/attempts", { after: "not.a-token" }), 401, "body.after");
    await expectProblem(await postJson("/api/v1/attempts", { after: 5 }), 400, "body.after");
  });
});
