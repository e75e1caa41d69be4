/**
 * "Know what you know" in the public quiz: the self-estimate before the first statement and how
 * sure the reader is of each answer, as pages (no JavaScript) and as JSON, inside workerd with real KV.
 */
import { reset } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { sourcePack as pack } from "../src/content/source";
import { AnswerResponse, AttemptResultBody, AttemptStarted, Problem } from "../src/routes/api/schemas";
import { openToken } from "../src/services/quiz-token";
import { ATTEMPT_PREFIX, type AttemptMetadata } from "../src/store/attempts";
import { sharePath } from "../src/views/styles";
import { attemptItemIds, CookieJar, getPage, location, postForm, postJson } from "./quiz-helpers";

beforeEach(async () => {
  await reset();
});

async function stateOf(token: CookieJar | string) {
  const raw = token instanceof CookieJar ? token.value : token;
  const opened = await openToken(raw ?? undefined, env.QUIZ_SECRET);
  if (!opened.ok) throw new Error(opened.reason);
  return opened.state;
}

async function startedPage(): Promise<CookieJar> {
  const jar = new CookieJar();
  const res = await postForm(jar, "/quiz/start");
  expect(location(res)).toBe("/quiz/estimate");
  return jar;
}

function verdictOf(id: string) {
  const item = pack.itemById.get(id);
  if (!item) throw new Error(`no item ${id}`);
  return item.verdict;
}

describe("the self-estimate page, before the first statement", () => {
  it("asks how many of the form's statements, one button per number, and a skip link", async () => {
    const jar = await startedPage();
    const html = await (await getPage(jar, "/quiz/estimate")).text();
    expect(html).toContain("How many of these 10 do you think you will get right?");
    for (let n = 0; n <= 10; n++) expect(html).toContain(`name="estimate" value="${n}"`);
    expect(html).not.toContain('value="11"');
    expect(html).toContain('href="/quiz/q/1"');
  });

  it("one tap stores the estimate and goes to the first statement", async () => {
    const jar = await startedPage();
    const res = await postForm(jar, "/quiz/estimate", { estimate: "7" });
    expect(res.status).toBe(303);
    expect(location(res)).toBe("/quiz/q/1");
    expect((await stateOf(jar)).estimate).toBe(7);
  });

  it("skipping leaves it out", async () => {
    const jar = await startedPage();
    expect((await getPage(jar, "/quiz/q/1")).status).toBe(200);
    expect((await stateOf(jar)).estimate).toBeUndefined();
  });

  for (const [name, fields] of [
    ["missing", {}],
    ["empty", { estimate: "" }],
    ["out of range", { estimate: "11" }],
    ["negative", { estimate: "-1" }],
    ["not a whole number", { estimate: "2.5" }],
    ["the wrong type", { estimate: "seven" }],
  ] as const) {
    it(`refuses an estimate that is ${name} with a 400 page, keeping the attempt`, async () => {
      const jar = await startedPage();
      const before = jar.value;
      const res = await postForm(jar, "/quiz/estimate", fields);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await res.text()).toContain("a number from 0 to 10");
      expect(jar.value).toBe(before);
    });
  }

  it("is not asked again once a statement is answered", async () => {
    const jar = await startedPage();
    const [first = ""] = await attemptItemIds(jar);
    await postForm(jar, "/quiz/answer", { item: first, answer: "verified" });
    expect(location(await getPage(jar, "/quiz/estimate"))).toBe("/quiz/q");
    const late = await postForm(jar, "/quiz/estimate", { estimate: "3" });
    expect(location(late)).toBe("/quiz/q");
    expect((await stateOf(jar)).estimate).toBeUndefined();
  });
});

describe("how sure are you, in the same form as the verdict", () => {
  it("the question page asks it with three radios, none picked", async () => {
    const jar = await startedPage();
    const html = await (await getPage(jar, "/quiz/q/1")).text();
    expect(html).toContain("How sure are you?");
    for (const level of ["sure", "fairly", "guessing"]) {
      expect(html).toContain(`<input type="radio" name="confidence" value="${level}"/>`);
    }
    expect(html).not.toContain("checked");
    // One form: the radios and the two verdict buttons are sent together.
    const form = html.slice(html.indexOf('<form method="post" action="/quiz/answer"'));
    expect(form.indexOf('name="confidence"')).toBeLessThan(form.indexOf("</form>"));
    expect(form.indexOf('name="answer"')).toBeLessThan(form.indexOf("</form>"));
  });

  it("stores the confidence with the answer, and a skipped one as not said", async () => {
    const jar = await startedPage();
    const [a = "", b = ""] = await attemptItemIds(jar);
    await postForm(jar, "/quiz/answer", { item: a, answer: "verified", confidence: "fairly" });
    await postForm(jar, "/quiz/answer", { item: b, answer: "unverified" });
    const state = await stateOf(jar);
    expect(state.confidences?.slice(0, 2)).toBe("f-");
    expect(state.answers.slice(0, 2)).toBe("vu");
  });

  for (const [name, value] of [
    ["an unknown level", "certain"],
    ["the wrong type (a number)", "3"],
    ["two levels at once", "sure,guessing"],
  ] as const) {
    it(`refuses ${name} with a 400 page and records no answer`, async () => {
      const jar = await startedPage();
      const [a = ""] = await attemptItemIds(jar);
      const res = await postForm(jar, "/quiz/answer", { item: a, answer: "verified", confidence: value });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("Sure, Fairly sure or Guessing");
      expect((await stateOf(jar)).answers[0]).toBe("-");
    });
  }
});

describe("the same as JSON", () => {
  async function problem(res: Response, status: number, field: string) {
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = Problem.parse(await res.json());
    expect(body.field).toBe(field);
    return body;
  }

  it("a start without an estimate can take one at POST /api/v1/attempts/estimate, until the first answer", async () => {
    const started = AttemptStarted.parse(await (await postJson("/api/v1/attempts", {})).json());
    expect(started.estimate).toBeNull();
    await problem(
      await postJson("/api/v1/attempts/estimate", { token: started.token, estimate: 11 }),
      422,
      "body.estimate",
    );
    const res = await postJson("/api/v1/attempts/estimate", { token: started.token, estimate: 4 });
    expect(res.status).toBe(200);
    const { token, estimate, total } = (await res.json()) as { token: string; estimate: number; total: number };
    expect([estimate, total]).toEqual([4, 10]);
    expect((await stateOf(token)).estimate).toBe(4);
    const [a = ""] = await attemptItemIds(token);
    const answered = AnswerResponse.parse(
      await (await postJson("/api/v1/attempts/answer", { token, itemId: a, answer: verdictOf(a) })).json(),
    );
    await problem(
      await postJson("/api/v1/attempts/estimate", { token: answered.token, estimate: 5 }),
      409,
      "body.estimate",
    );
  });

  it("a start takes an estimate and says it back; answers take and return a confidence", async () => {
    const res = await postJson("/api/v1/attempts", { estimate: 6 });
    expect(res.status).toBe(201);
    const started = AttemptStarted.parse(await res.json());
    expect(started.estimate).toBe(6);
    const [a = "", b = ""] = await attemptItemIds(started.token);
    const first = await postJson("/api/v1/attempts/answer", {
      token: started.token,
      itemId: a,
      answer: verdictOf(a),
      confidence: "sure",
    });
    const one = AnswerResponse.parse(await first.json());
    expect(one.confidence).toBe("sure");
    const second = await postJson("/api/v1/attempts/answer", {
      token: one.token,
      itemId: b,
      answer: verdictOf(b),
      confidence: null,
    });
    const two = AnswerResponse.parse(await second.json());
    expect(two.confidence).toBeNull();
    // Answering again with another confidence changes nothing: the first stands.
    const again = await postJson("/api/v1/attempts/answer", {
      token: two.token,
      itemId: a,
      answer: verdictOf(a),
      confidence: "guessing",
    });
    const three = AnswerResponse.parse(await again.json());
    expect(three.repeated).toBe(true);
    expect(three.confidence).toBe("sure");
    const state = await stateOf(three.token);
    expect(state.estimate).toBe(6);
    expect(state.confidences?.slice(0, 2)).toBe("s-");
  });

  it("a start without an estimate says null", async () => {
    const started = AttemptStarted.parse(await (await postJson("/api/v1/attempts", {})).json());
    expect(started.estimate).toBeNull();
  });

  for (const [name, estimate, message] of [
    ["out of range", 11, "must be at most 10"],
    ["negative", -1, "must be 0 or more"],
    ["not a whole number", 2.5, "must be a whole number"],
    ["the wrong type", "7", "must be a number"],
  ] as const) {
    it(`refuses an estimate that is ${name} (400, body.estimate)`, async () => {
      const body = await problem(await postJson("/api/v1/attempts", { estimate }), 400, "body.estimate");
      expect(body.detail).toBe(`body.estimate: ${message}`);
    });
  }

  for (const [name, confidence] of [
    ["an unknown level", "certain"],
    ["the wrong type", 2],
    ["an empty string", ""],
  ] as const) {
    it(`refuses a confidence that is ${name} (400, body.confidence) and records nothing`, async () => {
      const started = AttemptStarted.parse(await (await postJson("/api/v1/attempts", {})).json());
      const [a = ""] = await attemptItemIds(started.token);
      const res = await postJson("/api/v1/attempts/answer", {
        token: started.token,
        itemId: a,
        answer: "verified",
        confidence,
      });
      await problem(res, 400, "body.confidence");
      // The token sent is untouched: the same answer with a good confidence still goes through.
      const ok = await postJson("/api/v1/attempts/answer", { token: started.token, itemId: a, answer: "verified" });
      expect(AnswerResponse.parse(await ok.json()).repeated).toBe(false);
    });
  }
});

describe("the result: expected against got, certainty-based marks, calibration", () => {
  /** Plays a whole form as pages: right on even indexes, with `sure(index)` as the confidence. */
  async function playForm(estimate: string | null, sure: (index: number) => string | undefined) {
    const jar = await startedPage();
    if (estimate !== null) await postForm(jar, "/quiz/estimate", { estimate });
    const ids = await attemptItemIds(jar);
    for (const [index, id] of ids.entries()) {
      const verdict = verdictOf(id);
      const given = index % 2 === 0 ? verdict : verdict === "verified" ? "unverified" : "verified";
      const confidence = sure(index);
      await postForm(jar, "/quiz/answer", { item: id, answer: given, ...(confidence ? { confidence } : {}) });
    }
    expect(location(await postForm(jar, "/quiz/finish"))).toBe("/quiz/result");
    return { jar, ids, html: await (await getPage(jar, "/quiz/result")).text() };
  }

  it("says expected against got, the marks with how they count, and how often right at each level", async () => {
    // 10 answers, right on 0, 2, 4, 6, 8. Sure on 0–3 (right 2 of 4), fairly on 4–5 (1 of 2),
    // guessing on 6 (right), not said on 7–9 (8 right).
    const levels = ["sure", "sure", "sure", "sure", "fairly", "fairly", "guessing"];
    const { html } = await playForm("8", (i) => levels[i]);
    expect(html).toContain("You expected 8 and got 5: most people overestimate themselves at first.");
    // Marks by hand: sure 2×3 − 2×6 = −6; fairly 2 − 2 = 0; guessing 1; not said as guessing: 1 + 0 + 0 = 1. Total −4 of 30.
    expect(html).toContain("Marked by how sure you said you were: <strong>-4</strong> of a possible 30.");
    expect(html).toContain("When you were sure you were right 2 times out of 4.");
    expect(html).toContain("When you were fairly sure you were right 1 time out of 2.");
    expect(html).toContain("When you were guessing you were right 1 time out of 1.");
    expect(html).toContain("When you did not say you were right 1 time out of 3.");
    expect(html).toContain('<figure class="score-chart"><svg viewBox="0 0 300 116"');
    // Brier by hand: sure (0.9) right twice, wrong twice; fairly (0.75) once each; guessing and not said 0.25 each.
    const brier = (2 * (0.01 + 0.81) + (0.0625 + 0.5625) + 0.25 * 4) / 10; // 0.2265
    expect(html).toContain(`<dd>${brier.toFixed(2)}, taking sure as 90%`);
    // The figures come first: the words before the misses, the misses before "Play again".
    expect(html.indexOf("You expected 8")).toBeLessThan(html.indexOf("<h2>Your misses</h2>"));
    expect(html.indexOf("<h2>Your misses</h2>")).toBeLessThan(html.indexOf("Play again"));
  });

  it("without an estimate or any confidence (as older attempts), shows neither, and no empty figures", async () => {
    const { html } = await playForm(null, () => undefined);
    expect(html).toContain("5 of 10 right");
    expect(html).not.toContain("You expected");
    expect(html).not.toContain("Marked by how sure");
    expect(html).not.toContain("How sure you were");
    expect(html).not.toContain("Brier");
  });

  it("JSON: the finish returns the estimate, the marks, the calibration and each answer's confidence", async () => {
    const started = AttemptStarted.parse(await (await postJson("/api/v1/attempts", { estimate: 3 })).json());
    const [a = "", b = ""] = await attemptItemIds(started.token);
    const one = AnswerResponse.parse(
      await (
        await postJson("/api/v1/attempts/answer", {
          token: started.token,
          itemId: a,
          answer: verdictOf(a),
          confidence: "sure",
        })
      ).json(),
    );
    const two = AnswerResponse.parse(
      await (
        await postJson("/api/v1/attempts/answer", {
          token: one.token,
          itemId: b,
          answer: verdictOf(b) === "verified" ? "unverified" : "verified",
          confidence: "fairly",
        })
      ).json(),
    );
    const res = await postJson("/api/v1/attempts/finish", { token: two.token });
    expect(res.status).toBe(200);
    const body = AttemptResultBody.parse(await res.json());
    expect(body.estimate).toBe(3);
    expect(body.estimateLine).toBe("You expected 3 and got 1: most people overestimate themselves at first.");
    expect(body.certaintyMarks).toEqual({ total: 1, best: 6 });
    expect(body.calibration).toEqual([
      { confidence: "sure", answered: 1, right: 1, line: "When you were sure you were right 1 time out of 1." },
      {
        confidence: "fairly",
        answered: 1,
        right: 0,
        line: "When you were fairly sure you were right 0 times out of 1.",
      },
    ]);
    expect(body.brierScore).toBe(Math.round(((0.01 + 0.5625) / 2) * 100) / 100);
    expect(body.review.slice(0, 3).map((line) => line.confidence)).toEqual(["sure", "fairly", null]);
    expect(body.common.correct).toBe(Math.max(body.verifiedAnswered, body.unverifiedAnswered));
    // The stored record carries them too, in the metadata within KV's limit.
    const { keys } = await env.SCORES.list<AttemptMetadata>({ prefix: ATTEMPT_PREFIX });
    expect(keys[0]?.metadata?.estimate).toBe(3);
    expect(keys[0]?.metadata?.confidences?.replaceAll("-", "")).toMatch(/^(sf|fs)$/);
  });
});

describe("the share link", () => {
  it("is a plain link to the share page, enhanced by a small script from this site", async () => {
    const jar = await startedPage();
    const [a = ""] = await attemptItemIds(jar);
    await postForm(jar, "/quiz/answer", { item: a, answer: verdictOf(a) });
    await postForm(jar, "/quiz/finish");
    const html = await (await getPage(jar, "/quiz/result")).text();
    expect(html).toContain(
      '<a class="button secondary" data-share="true" href="http://localhost/share/1-of-1">Share your score</a>',
    );
    expect(html).toContain(`<script src="${sharePath}" defer`);
    expect(sharePath).toMatch(/^\/assets\/share\.[a-z0-9]+\.js$/);
  });
});
