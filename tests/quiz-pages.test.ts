/** The quiz as pages: the whole flow through form POSTs and the __Host-quiz cookie, inside workerd with real KV. */
import { reset } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { sourcePack as pack } from "../src/content/source";
import { drawGroups, hasTwins, runFormSizes } from "../src/domain/forms";
import { newAttemptId } from "../src/domain/ids";
import { newAttemptState } from "../src/domain/quiz";
import { signToken } from "../src/domain/token";
import { quizKey, sealToken } from "../src/services/quiz-token";
import { ATTEMPT_PREFIX, type AttemptMetadata } from "../src/store/attempts";
import { oneWindowLimiters } from "./one-window-limiters";
import {
  attemptItemIds,
  CookieJar,
  call,
  countingKv,
  escapeHtml,
  expectedErrors,
  failingKv,
  getPage,
  location,
  postForm,
} from "./quiz-helpers";

/** The statements in play: the pack, or after `started()` the form the quiz drew. */
let items = pack.items;

/** The pack's items of the attempt in a jar's cookie, in the order asked. */
async function formItems(jar: CookieJar): Promise<typeof pack.items> {
  return (await attemptItemIds(jar)).map((id) => {
    const item = pack.itemById.get(id);
    if (!item) throw new Error(`no item ${id}`);
    return item;
  });
}

async function storedAttempts() {
  return (await env.SCORES.list<AttemptMetadata>({ prefix: ATTEMPT_PREFIX })).keys;
}

/** Starts a quiz and returns the jar holding its cookie. */
async function started(): Promise<CookieJar> {
  const jar = new CookieJar();
  const res = await postForm(jar, "/quiz/start");
  expect(res.status).toBe(303);
  expect(location(res)).toBe("/quiz/estimate");
  expect(jar.value).not.toBeNull();
  items = await formItems(jar);
  return jar;
}

/** Answers the item at a 1-based position, checking the redirect to its feedback. */
async function answer(jar: CookieJar, position: number, value: "verified" | "unverified"): Promise<void> {
  const item = items[position - 1];
  if (!item) throw new Error(`no item ${position}`);
  const res = await postForm(jar, "/quiz/answer", { item: item.id, answer: value });
  expect(res.status).toBe(303);
  expect(location(res)).toBe(`/quiz/feedback/${item.id}`);
}

beforeEach(async () => {
  await reset();
  items = pack.items;
});

describe("the pack the quiz is played on", () => {
  it("has items to play", () => {
    expect(items.length).toBeGreaterThanOrEqual(16);
  });

  it("shows readers public ids, never the authors' slugs (a slug summarises what the report does with the statement)", async () => {
    const jar = await started();
    const question = await (await getPage(jar, "/quiz/q/1")).text();
    const first = items[0];
    expect(question).toContain(`value="${first?.id}"`);
    const api = await (await call("/api/v1/quiz")).text();
    for (const item of pack.items) {
      expect(item.id).toMatch(/^s[0-9a-z]{7}$/);
      expect(api).toContain(`"id":"${item.id}"`);
      expect(api, item.name).not.toContain(item.name);
      expect(question, item.name).not.toContain(item.name);
    }
    await answer(jar, 1, "verified");
    const feedback = await (await getPage(jar, `/quiz/feedback/${first?.id}`)).text();
    for (const item of pack.items) expect(feedback, item.name).not.toContain(item.name);
  });
});

describe("the whole quiz as pages", () => {
  it("plays from the start page to the result, writing one KV record and reading nothing to render", async () => {
    const { kv, calls } = countingKv();
    const bindings = { SCORES: kv };
    const jar = new CookieJar();

    const start = await getPage(jar, "/quiz", bindings);
    expect(start.status).toBe(200);
    const startHtml = await start.text();
    expect(startHtml).toContain("Content note");
    expect(startHtml).toContain('action="/quiz/start"');
    expect(startHtml).toContain("10 statements from news coverage");
    // Start comes before the definitions (on a phone's first screen).
    expect(startHtml.indexOf('action="/quiz/start"')).toBeLessThan(startHtml.indexOf("<dt>Verified</dt>"));

    const begin = await postForm(jar, "/quiz/start", {}, bindings);
    expect(begin.status).toBe(303);
    items = await formItems(jar);
    // A form of 10 from the pack, not the whole pack.
    expect(items).toHaveLength(10);
    const cookie = begin.headers.getSetCookie().find((h) => h.startsWith("__Host-quiz="));
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    // Items travel as pack positions, so the cookie sent with every request stays small.
    expect(jar.value?.length).toBeLessThan(400);

    let expectedCorrect = 0;
    for (const [index, item] of items.entries()) {
      const position = index + 1;
      const kvBefore = calls.length;
      const question = await getPage(jar, `/quiz/q/${position}`, bindings);
      expect(question.status).toBe(200);
      expect(calls.length).toBe(kvBefore); // a question page costs no KV operation
      expect(question.headers.get("cache-control")).toBe("no-store");
      const q = await question.text();
      expect(q).toContain(escapeHtml(item.statement));
      expect(q).toContain(`Statement ${position} of ${items.length}`);
      expect(q).toContain('name="answer" value="verified"');
      expect(q).toContain('name="answer" value="unverified"');
      expect(q).not.toContain("<script");
      expect(q).toContain("<strong>verified</strong> means this report establishes it");

      // Right on even positions, wrong on odd ones.
      const right = position % 2 === 0;
      const given = right ? item.verdict : item.verdict === "verified" ? "unverified" : "verified";
      if (right) expectedCorrect++;
      await answer(jar, position, given);
      const feedback = await getPage(jar, `/quiz/feedback/${item.id}`, bindings);
      expect(feedback.status).toBe(200);
      const f = await feedback.text();
      expect(f).toContain(right ? "Right: it is " : "Not quite: it is ");
      expect(f).toContain(`You said <strong>${given}</strong>.`);
      expect(f).toContain(escapeHtml(item.claimant.name));
      expect(f).toContain(`<mark>${escapeHtml(item.quote)}</mark>`);
      expect(f).toContain(escapeHtml(item.explanation));
      expect(f).toContain(escapeHtml(item.check));
      expect(f).toContain(`href="/cards/${item.lesson}"`);
      // Each thing once: the definition was on the question page, and the explanation is said once.
      expect(f).not.toContain("It does not mean independently confirmed, or true.");
      expect(f.split(escapeHtml(item.explanation)).length - 1).toBe(1);
      expect(f.split(escapeHtml(item.check)).length - 1).toBe(1);
      if (position < items.length) expect(f).toContain(`href="/quiz/q/${position + 1}"`);
      else expect(f).toContain("See my result");
    }
    // The start page and every question cost nothing; the feedback pages read the reader
    // statistics once between them (kept 60 s in the isolate).
    expect(calls).toEqual(["get"]);

    const finish = await postForm(jar, "/quiz/finish", {}, bindings);
    expect(finish.status).toBe(303);
    expect(location(finish)).toBe("/quiz/result");
    expect(calls.filter((m) => m === "put")).toHaveLength(1);
    expect(calls).toEqual(["get", "get", "put"]);

    const result = await getPage(jar, "/quiz/result", bindings);
    expect(result.status).toBe(200);
    const r = await result.text();
    expect(r).toContain(`<h1 class="score"><small>Your result</small>${expectedCorrect} of ${items.length} right</h1>`);
    expect(r).toContain("How you lean");
    // Half right or less is read against always giving the more common answer, kindly, and never praised.
    expect(expectedCorrect / items.length).toBeLessThanOrEqual(0.5);
    expect(r).toMatch(/(Always answering “(un)?verified”|Giving the same answer every time) would get \d+ of 10 here/);
    expect(r).not.toContain("good balance");
    expect(r).not.toContain("told established facts from claims");
    expect(r).toMatch(/You called \d+ of \d+ established facts? unverified\./);
    expect(r).toMatch(/You accepted \d+ of \d+ unproven claims? as verified\./);
    expect(r).toContain("Your discernment is");
    // Only the misses are listed (every odd position), open, each with its why and its card.
    expect((r.match(/<li><p>/g) ?? []).length).toBe(items.length - expectedCorrect);
    for (const [index, item] of items.entries()) {
      const listed = r.includes(`href="/quiz/feedback/${item.id}"`);
      expect(listed, item.id).toBe(index % 2 === 0);
    }
    // The result page is rendered from the token; the statistics are still in the isolate's cache.
    expect(calls).toEqual(["get", "get", "put"]);

    const keys = await storedAttempts();
    expect(keys).toHaveLength(1);
    const meta = keys[0]?.metadata;
    expect(meta).toMatchObject({ score: expectedCorrect, answered: items.length, pack: pack.version });
    // The answers are stored in pack order, "-" for the statements outside the form.
    expect(meta?.answers).toHaveLength(pack.items.length);
    expect(meta?.answers?.replaceAll("-", "")).toHaveLength(items.length);
    for (const item of items) expect(meta?.answers?.[pack.items.indexOf(item)]).toMatch(/^[vu]$/);
    expect(new TextEncoder().encode(JSON.stringify(meta)).length).toBeLessThanOrEqual(1024);
    expect(keys[0]?.expiration).toBeGreaterThan(Date.now() / 1000 + 29 * 24 * 3600);
  });

  it("sends GET /quiz/q to the next unanswered statement", async () => {
    const jar = await started();
    await answer(jar, 1, "verified");
    const res = await getPage(jar, "/quiz/q");
    expect(res.status).toBe(303);
    expect(location(res)).toBe("/quiz/q/2");
  });

  it("shows a quiz in progress on the start page", async () => {
    const jar = await started();
    await answer(jar, 1, "verified");
    const html = await (await getPage(jar, "/quiz")).text();
    expect(html).toContain(`1 of ${items.length} answered`);
    expect(html).toContain("Continue the quiz");
  });

  it("refuses a form post without Origin (CSRF)", async () => {
    const jar = new CookieJar();
    const post = await call("/quiz/start", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(post.status).toBe(403);
    jar.take(post);
    expect(jar.value).toBeNull();
  });

  it("answers a GET to a form action with 405 and Allow", async () => {
    const res = await getPage(new CookieJar(), "/quiz/finish");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
  });
});

describe("the passage on the question page", () => {
  it("shows what the report says, whole and unhighlighted, after the statement and before the buttons", async () => {
    const jar = await started();
    const item = items[0];
    if (!item) throw new Error("no item");
    const html = await (await getPage(jar, "/quiz/q/1")).text();
    const statementAt = html.indexOf(escapeHtml(item.statement));
    const passageAt = html.indexOf("What the report says");
    const formAt = html.indexOf('action="/quiz/answer"');
    const buttonsAt = html.indexOf('name="answer"');
    expect(statementAt).toBeGreaterThan(0);
    expect(passageAt).toBeGreaterThan(statementAt);
    expect(buttonsAt).toBeGreaterThan(passageAt);
    // The form holds the statement and the passage too, so its sticky answer bar is on the first screen.
    expect(formAt).toBeGreaterThan(0);
    expect(formAt).toBeLessThan(statementAt);
    // Each paragraph of the context stands whole in the page, and nothing of the passage is marked.
    for (const paragraph of item.context.split("\n")) expect(html).toContain(`<p>${escapeHtml(paragraph)}</p>`);
    expect(html).not.toContain("<mark");
  });

  it("keeps a context across a paragraph break as two paragraphs", async () => {
    expect(pack.items.some((item) => item.context.includes("\n"))).toBe(true);
    // Forms are drawn at random: start again until one holds such a statement.
    let jar = await started();
    for (let tries = 0; tries < 40 && !items.some((item) => item.context.includes("\n")); tries++)
      jar = await started();
    const index = items.findIndex((item) => item.context.includes("\n"));
    expect(index).toBeGreaterThanOrEqual(0);
    for (let position = 1; position <= index; position++) await answer(jar, position, "verified");
    const html = await (await getPage(jar, `/quiz/q/${index + 1}`)).text();
    const [first, second] = (items[index]?.context ?? "").split("\n");
    expect(html).toContain(`<p>${escapeHtml(first ?? "")}</p><p>${escapeHtml(second ?? "")}</p>`);
  });
});

describe("the Back button cannot change an answer", () => {
  it("replaying a different answer shows the first result and changes no cookie", async () => {
    const jar = await started();
    const item = items[0];
    if (!item) throw new Error("no items");
    const wrong = item.verdict === "verified" ? "unverified" : "verified";
    await answer(jar, 1, item.verdict);
    const before = jar.value;

    // A cached question page posts again, with the other answer.
    const replay = await postForm(jar, "/quiz/answer", { item: item.id, answer: wrong });
    expect(replay.status).toBe(303);
    expect(location(replay)).toBe(`/quiz/feedback/${item.id}?again=1`);
    expect(replay.headers.getSetCookie()).toEqual([]);
    expect(jar.value).toBe(before);

    const page = await (await getPage(jar, `/quiz/feedback/${item.id}?again=1`)).text();
    expect(page).toContain("Your first answer stands");
    expect(page).toContain(`You said <strong>${item.verdict}</strong>`);
    expect(page).toContain("Right: it is");

    // Going back to the question itself shows its feedback instead.
    const back = await getPage(jar, "/quiz/q/1");
    expect(back.status).toBe(303);
    expect(location(back)).toBe(`/quiz/feedback/${item.id}`);
  });
});

describe("finishing early", () => {
  it("scores only what was answered and stores it once", async () => {
    const jar = await started();
    await answer(jar, 1, items[0]?.verdict ?? "verified");
    await answer(jar, 2, items[1]?.verdict ?? "verified");
    await answer(jar, 3, items[2]?.verdict === "verified" ? "unverified" : "verified");

    const question = await (await getPage(jar, "/quiz/q/4")).text();
    expect(question).toContain("Finish now and see my result");

    const finish = await postForm(jar, "/quiz/finish");
    expect(location(finish)).toBe("/quiz/result");
    const html = await (await getPage(jar, "/quiz/result")).text();
    expect(html).toContain("<small>Your result</small>2 of 3 right</h1>");
    expect(html).toContain(`You answered 3 of the ${items.length} statements, and only those count.`);
    // The statements not answered are not misses: one miss is listed.
    expect((html.match(/<li><p>/g) ?? []).length).toBe(1);
    expect(html).toContain("rough guess");

    const keys = await storedAttempts();
    expect(keys).toHaveLength(1);
    expect(keys[0]?.metadata).toMatchObject({ score: 2, answered: 3 });
    const answers = keys[0]?.metadata?.answers ?? "";
    expect(answers).toHaveLength(pack.items.length);
    expect(answers.replaceAll("-", "")).toHaveLength(3);
    for (const item of items.slice(0, 3)) expect(answers[pack.items.indexOf(item)]).toMatch(/^[vu]$/);

    // A finished quiz takes no more answers.
    const late = await postForm(jar, "/quiz/answer", { item: items[5]?.id ?? "", answer: "verified" });
    expect(location(late)).toBe("/quiz/result");
  });

  it("shows discernment only once both kinds of statement have answers", async () => {
    const jar = await started();
    const first = items[0];
    if (!first) throw new Error("no items");
    await answer(jar, 1, first.verdict);
    await postForm(jar, "/quiz/finish");
    const html = await (await getPage(jar, "/quiz/result")).text();
    expect(html).toContain("needs at least one answer of each kind");
    expect(html).not.toContain("Your discernment is");
  });

  it("with nothing answered, goes back to the question without storing", async () => {
    const jar = await started();
    const res = await postForm(jar, "/quiz/finish");
    expect(location(res)).toBe("/quiz/q");
    expect(await storedAttempts()).toHaveLength(0);
  });

  it("finishing twice stores once; a finished cookie costs no KV operation", async () => {
    const jar = await started();
    await answer(jar, 1, "verified");
    const unfinished = jar.value;
    const { kv, calls } = countingKv();

    expect(location(await postForm(jar, "/quiz/finish", {}, { SCORES: kv }))).toBe("/quiz/result");
    const first = await (await getPage(jar, "/quiz/result")).text();
    expect(location(await postForm(jar, "/quiz/finish", {}, { SCORES: kv }))).toBe("/quiz/result");
    expect(calls).toEqual(["get", "put"]);

    // The older, unfinished token of the same attempt (another tab) answers more, then finishes: the first finish wins.
    const other = new CookieJar();
    other.value = unfinished;
    await answer(other, 2, "verified");
    expect(location(await postForm(other, "/quiz/finish", {}, { SCORES: kv }))).toBe("/quiz/result");
    expect(calls).toEqual(["get", "put", "get"]);
    const second = await (await getPage(other, "/quiz/result")).text();
    expect(second).toBe(first);
    expect(await storedAttempts()).toHaveLength(1);
  });
});

describe("faults", () => {
  it("a KV failure shows 503 with a retry form and keeps the reader's answers", async () => {
    const logged = expectedErrors();
    const jar = await started();
    await answer(jar, 1, "verified");
    const before = jar.value;
    const res = await postForm(jar, "/quiz/finish", {}, { SCORES: failingKv("put") });
    expect(res.status).toBe(503);
    expect(logged).toHaveBeenCalled(); // the injected fault is logged for the operator
    const html = await res.text();
    expect(html).toContain("We could not save your result");
    expect(html).toContain('action="/quiz/finish"');
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(jar.value).toBe(before);
    expect(await storedAttempts()).toHaveLength(0);

    const retry = await postForm(jar, "/quiz/finish");
    expect(location(retry)).toBe("/quiz/result");
    expect(await storedAttempts()).toHaveLength(1);
  });

  it("when the statements cannot be read (assets failing), a question is a 503 page; the quiz goes on afterwards", async () => {
    const logged = expectedErrors();
    const jar = await started();
    const before = jar.value;
    const brokenAssets = { fetch: async () => new Response("gone", { status: 500 }) } as unknown as Fetcher;
    const res = await getPage(jar, "/quiz/q/1", { ASSETS: brokenAssets });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    const html = await res.text();
    expect(html).toContain("Please try again in a moment");
    expect(html).not.toContain(escapeHtml(items[0]?.statement ?? "?"));
    expect(logged).toHaveBeenCalled(); // logged for the operator
    expect(jar.value).toBe(before);
    const again = await getPage(jar, "/quiz/q/1");
    expect(again.status).toBe(200);
    expect(await again.text()).toContain(escapeHtml(items[0]?.statement ?? "?"));
  });

  it("a KV read failure is a 503 too, never a 500", async () => {
    const logged = expectedErrors();
    const jar = await started();
    await answer(jar, 1, "verified");
    const res = await postForm(jar, "/quiz/finish", {}, { SCORES: failingKv("get") });
    expect(res.status).toBe(503);
    expect(logged).toHaveBeenCalled(); // the injected fault is logged for the operator
  });

  it("too many finishes of one attempt get a friendly 429 (wrangler.toml's limit, counted in one window)", async () => {
    const jar = await started();
    await answer(jar, 1, "verified");
    const unfinished = jar.value;
    // However slow this machine, all 25 fall in one window of the limiter (tests/one-window-limiters.ts).
    const limiters = oneWindowLimiters();
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 25; i++) {
      const tab = new CookieJar();
      tab.value = unfinished;
      const res = await postForm(tab, "/quiz/finish", {}, limiters);
      statuses.push(res.status);
      if (res.status === 429) refused ??= res;
    }
    // 20 finishes of one attempt in 10 s (WRITE_LIMITER), then refusals: the first stored, the rest found it.
    expect(statuses).toEqual([...Array(20).fill(303), ...Array(5).fill(429)]);
    expect(await storedAttempts()).toHaveLength(1);
    // The page says how long to wait, as Retry-After does, and that nothing is lost.
    expect(refused?.headers.get("retry-after")).toBe("10");
    const html = (await refused?.text()) ?? "";
    expect(html).toContain("Wait ten seconds and try again. Your answers are safe on this device.");
  });
});

describe("bad tokens send the reader to a fresh start with a notice", () => {
  const state = () =>
    newAttemptState({
      id: newAttemptId(Date.now()),
      pack: pack.version,
      items: items.map((i) => i.id),
      startedAt: Date.now(),
    });

  async function expectRestart(value: string, notice: string) {
    const jar = new CookieJar();
    const attempts = [
      () => getPage(jar, "/quiz/q/1"),
      () => postForm(jar, "/quiz/answer", { item: items[0]?.id ?? "", answer: "verified" }),
      () => postForm(jar, "/quiz/finish"),
      () => getPage(jar, "/quiz/result"),
    ];
    for (const attempt of attempts) {
      jar.value = value;
      const res = await attempt();
      expect(res.status).toBe(303);
      expect(location(res)).toBe(`/quiz?notice=${notice}`);
      expect(res.headers.getSetCookie().join()).toMatch(/__Host-quiz=;.*Max-Age=0/);
    }
    jar.value = null;
    const page = await (await getPage(jar, `/quiz?notice=${notice}`)).text();
    expect(page).toContain('role="status"');
    expect(page).toContain("fresh start");
  }

  it("tampered", async () => {
    const jar = await started();
    const token = jar.value ?? "";
    const [body = "", sig = ""] = token.split(".");
    const flipped = body.slice(0, 10) + (body[10] === "A" ? "B" : "A") + body.slice(11);
    await expectRestart(`${flipped}.${sig}`, "invalid");
  });

  it("signed with a foreign key", async () => {
    await expectRestart(await signToken(state(), "some-other-servers-secret-key", Date.now() / 1000 + 600), "invalid");
  });

  it("expired", async () => {
    await expectRestart(
      await signToken(state(), await quizKey(env.QUIZ_SECRET), Math.floor(Date.now() / 1000) - 1),
      "expired",
    );
  });

  it("signed by us but not a quiz state", async () => {
    await expectRestart(
      await signToken({ kind: "class", code: "ABC234" }, await quizKey(env.QUIZ_SECRET), Date.now() / 1000 + 600),
      "invalid",
    );
  });

  it("signed by us with items the pack does not have", async () => {
    const payload = { ...state(), items: "z".repeat(items.length) };
    await expectRestart(await signToken(payload, await quizKey(env.QUIZ_SECRET), Date.now() / 1000 + 600), "invalid");
  });

  it("from an older pack", async () => {
    await expectRestart(
      await signToken({ ...state(), pack: "2000-01-01.1" }, await quizKey(env.QUIZ_SECRET), Date.now() / 1000 + 600),
      "updated",
    );
  });

  it("no cookie at all", async () => {
    const res = await getPage(new CookieJar(), "/quiz/result");
    expect(location(res)).toBe("/quiz?notice=start");
  });
});

describe("bad form input gets a friendly 400", () => {
  it("an answer that is neither verified nor unverified", async () => {
    const jar = await started();
    const res = await postForm(jar, "/quiz/answer", { item: items[0]?.id ?? "", answer: "maybe" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Please choose Verified or Unverified.");
  });

  it("an item that is not in the quiz", async () => {
    const jar = await started();
    const res = await postForm(jar, "/quiz/answer", { item: "no-such-item", answer: "verified" });
    expect(res.status).toBe(400);
  });

  it("a question number out of range is a 404 page", async () => {
    const jar = await started();
    expect((await getPage(jar, `/quiz/q/${items.length + 1}`)).status).toBe(404);
    expect((await getPage(jar, "/quiz/feedback/no-such-item")).status).toBe(404);
  });
});

describe("without a signing secret the quiz fails closed", () => {
  for (const secret of ["", "too-short"]) {
    it(`QUIZ_SECRET=${JSON.stringify(secret)}: 503 pages, no cookie, no token`, async () => {
      const logged = expectedErrors();
      const jar = new CookieJar();
      const page = await getPage(jar, "/quiz", { QUIZ_SECRET: secret });
      expect(page.status).toBe(503);
      expect(logged).toHaveBeenCalled(); // the injected fault is logged for the operator
      expect(await page.text()).toContain("The quiz is unavailable");
      const start = await postForm(jar, "/quiz/start", {}, { QUIZ_SECRET: secret });
      expect(start.status).toBe(503);
      expect(start.headers.getSetCookie()).toEqual([]);
      expect(jar.value).toBeNull();
    });
  }
});

describe("forms: 10 statements, then 10 more", () => {
  /** Answers every statement of the jar's form (all "verified") and finishes it. */
  async function playForm(jar: CookieJar): Promise<string[]> {
    const ids = await attemptItemIds(jar);
    for (const id of ids) await postForm(jar, "/quiz/answer", { item: id, answer: "verified" });
    expect(location(await postForm(jar, "/quiz/finish"))).toBe("/quiz/result");
    return ids;
  }

  it("continues with statements not seen, no two of a twin group or passage, until the run is done", async () => {
    const jar = await started();
    const seen = new Set<string>();
    const sizes = runFormSizes(pack.items);
    for (let form = 1; form <= sizes.length; form++) {
      const ids = await playForm(jar);
      expect(ids).toHaveLength(sizes[form - 1] ?? 0);
      for (const id of ids) expect(seen.has(id)).toBe(false);
      for (const id of ids) seen.add(id);
      // No "10 more" brings a twin, or an item on a passage already shown.
      expect(hasTwins(pack.items, [...seen])).toBe(false);
      // The stored attempt records its form's ids.
      const stored = await env.SCORES.get<{ items: string[]; form?: { index: number; run?: number } }>(
        `${ATTEMPT_PREFIX}${(await storedAttempts()).at(-1)?.name.slice(ATTEMPT_PREFIX.length)}`,
        "json",
      );
      expect(stored?.items).toEqual(ids);
      expect(stored?.form).toMatchObject({ index: form - 1, run: 2 });
      const result = await (await getPage(jar, "/quiz/result")).text();
      if (form < sizes.length) {
        expect(result).toContain('action="/quiz/more"');
        expect(result).toContain(`${sizes[form]} more statements`);
        expect(result).toContain(
          `You have seen ${seen.size} of the ${drawGroups(pack.items).length} statements of this run`,
        );
        const more = await postForm(jar, "/quiz/more");
        expect(location(more)).toBe("/quiz/estimate");
      } else {
        expect(result).not.toContain('action="/quiz/more"');
        expect(result).toContain("You have seen every statement of this run");
        expect(result).toContain("Start a new run");
        // "10 more" past the end lands on the result again, nothing started.
        expect(location(await postForm(jar, "/quiz/more"))).toBe("/quiz/result");
      }
    }
    expect(seen.size).toBe(drawGroups(pack.items).length);
  });

  it("still plays and shows a form of the whole-pack cut of before (no run), offering a new start, not more", async () => {
    const ids = pack.items.slice(0, 10).map((item) => item.id);
    const now = Date.now();
    const old = newAttemptState({
      id: newAttemptId(now),
      pack: pack.version,
      items: ids,
      startedAt: now,
      form: { seed: 7, index: 1 },
    });
    expect(old.form).toEqual({ seed: 7, index: 1 });
    const jar = new CookieJar();
    jar.value = await sealToken(old, env.QUIZ_SECRET);
    items = await formItems(jar);
    expect(await playForm(jar)).toEqual(ids);
    const stored = await env.SCORES.get<{ items: string[]; form?: unknown }>(`${ATTEMPT_PREFIX}${old.id}`, "json");
    expect(stored?.items).toEqual(ids);
    expect(stored?.form).toEqual({ seed: 7, index: 1 });
    const result = await getPage(jar, "/quiz/result");
    expect(result.status).toBe(200);
    const html = await result.text();
    expect(html).toContain("of 10 right");
    expect(html).not.toContain('action="/quiz/more"');
    expect(html).toContain("Play again");
    expect(location(await postForm(jar, "/quiz/more"))).toBe("/quiz/result");
  });

  it("the start page says how many the later forms play, from the run's real sizes (issue 18)", async () => {
    // The pack's run: 10, then 10, then the last 7 (one statement per draw group).
    expect(runFormSizes(pack.items)).toEqual([10, 10, 7]);
    const html = await (await getPage(new CookieJar(), "/quiz")).text();
    expect(html).toContain("At the end you can go on with statements you have not seen: 10 more, then 7 more.");
    expect(html).not.toContain("10 more continue");
  });

  it("offers more only after the form is finished", async () => {
    const jar = await started();
    await answer(jar, 1, "verified");
    const before = jar.value;
    expect(location(await postForm(jar, "/quiz/more"))).toBe("/quiz/q");
    expect(jar.value).toBe(before);
  });

  it("never says how many of a form are verified before its result", async () => {
    const jar = await started();
    for (const path of ["/quiz", "/quiz/q/1"]) {
      const html = await (await getPage(jar, path)).text();
      expect(html).not.toMatch(/\d+ (of them )?(are )?verified/i);
    }
  });
});
